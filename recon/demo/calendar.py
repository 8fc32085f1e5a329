"""The demo's fixed calendar: every date the story hangs on. Never the wall clock."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

TRADING_FROM = date(2024, 7, 1)
TRADING_TO = date(2026, 10, 31)
EXPORTED_AT = "2026-11-01T06:00:00+11:00"

# Pet Manager's Xero integration has pushed everything dated from here on.
SYNC_START = date(2025, 7, 1)
# The back-sync the user now wants: from WINDOW_FROM up to the day before SYNC_START.
WINDOW_FROM = date(2025, 1, 1)
WINDOW_TO = SYNC_START - timedelta(days=1)
# Inside the window the accountant typed part of the takings into Xero by hand, until this day.
TYPED_UNTIL = date(2025, 5, 31)

PERIOD_LOCK_DATE = date(2024, 12, 31)
END_OF_YEAR_LOCK_DATE = date(2024, 6, 30)


def in_window(day: date) -> bool:
    return WINDOW_FROM <= day <= WINDOW_TO


def typed_by_hand_period(day: date) -> bool:
    return WINDOW_FROM <= day <= TYPED_UNTIL


def sydney_offset(day: date) -> str:
    """Sydney's UTC offset, close enough: daylight saving from October to March."""
    return "+11:00" if day.month >= 10 or day.month <= 3 else "+10:00"


@lru_cache(maxsize=None)
def timestamp(day: date, hour: int, minute: int = 0) -> str:
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}:00{sydney_offset(day)}"


@lru_cache(maxsize=None)
def xero_utc(day: date, hour: int = 9) -> str:
    """Xero's `/Date(ms+0000)/` for a local business hour on `day`."""
    offset_hours = int(sydney_offset(day)[1:3])
    moment = datetime(day.year, day.month, day.day, hour, tzinfo=timezone.utc) - timedelta(hours=offset_hours)
    return f"/Date({int(moment.timestamp() * 1000)}+0000)/"


def weeks(first: date, last: date, weekday: int) -> list[date]:
    """Every `weekday` (Monday = 0) from `first` to `last` inclusive."""
    day = first + timedelta(days=(weekday - first.weekday()) % 7)
    days = []
    while day <= last:
        days.append(day)
        day += timedelta(days=7)
    return days
