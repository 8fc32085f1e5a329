"""Xero's date formats: `/Date(1573755038314+0000)/`, ISO strings without a zone, and If-Modified-Since.

The number inside `/Date(...)/` is milliseconds since the epoch in UTC; the optional `+hhmm`
is the zone the value was recorded in. Parsing keeps the instant exact (integer milliseconds,
no float) and keeps the zone. ISO values without a zone (`UpdatedDateUTC`, `DateString`,
`/connections` dates with 7 fraction digits) are UTC.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MS_DATE = re.compile(r"/Date\((-?\d+)(?:([+-])(\d{2})(\d{2}))?\)/")
_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?"
    r"(Z|[+-]\d{2}:?\d{2})?"
)


def parse_datetime(text: str) -> datetime:
    """An aware datetime from any date-time form Xero sends; ValueError if it is none of them."""
    match = _MS_DATE.fullmatch(text.strip())
    if match:
        millis, sign, hours, minutes = match.groups()
        instant = _EPOCH + timedelta(milliseconds=int(millis))
        if sign is None:
            return instant
        offset = timedelta(hours=int(hours), minutes=int(minutes))
        return instant.astimezone(timezone(offset if sign == "+" else -offset))
    match = _ISO.fullmatch(text.strip())
    if match:
        year, month, day, hour, minute, second, fraction, zone = match.groups()
        micros = int((fraction or "0")[:6].ljust(6, "0"))
        return datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0), micros,
            tzinfo=_zone(zone),
        )
    raise ValueError(f"not a Xero date: {text!r}")


def parse_date(text: str) -> date:
    """The calendar date of a Xero date field (`Date`, `DueDate`, ...), in the zone it was written in."""
    return parse_datetime(text).date()


def format_if_modified_since(moment: datetime) -> str:
    """`yyyy-mm-ddThh:mm:ssZ` in UTC, whole seconds, rounded down so nothing modified in that second is missed.

    The trailing `Z` makes the value a valid OpenAPI `date-time`, as Xero's own spec requires.
    """
    if moment.tzinfo is None:
        raise ValueError("If-Modified-Since needs an aware datetime (UTC)")
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _zone(text: str | None) -> timezone:
    if not text or text == "Z":
        return timezone.utc
    sign = 1 if text[0] == "+" else -1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
