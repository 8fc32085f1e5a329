"""The audited period: `--period 2026-10` (a month), `--period 2026` (a year), `--from/--to`, or
since the last audit: from its last day (again, so that records entered on that day after it ran
are not missed) up to today."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from recon.errors import BadInput, Located


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date


def month_or_year(text: str) -> Period:
    """`2026-10` is October 2026, `2026` the calendar year; anything else is bad input."""
    month = re.fullmatch(r"(\d{4})-(\d{2})", text.strip())
    if month:
        year, number = int(month.group(1)), int(month.group(2))
        if 1 <= number <= 12:
            return Period(dt.date(year, number, 1), dt.date(year, number, calendar.monthrange(year, number)[1]))
    year = re.fullmatch(r"(\d{4})", text.strip())
    if year:
        return Period(dt.date(int(text), 1, 1), dt.date(int(text), 12, 31))
    raise BadInput([Located("command line", None, "--period", f"'{text}' is not a month like 2026-10 or a year like 2026")])


def choose_period(*, period: str | None, start: dt.date | None, end: dt.date | None, last_audited_to: dt.date | None,
                  sync_start: dt.date | None, today: dt.date) -> Period:
    """The period from the command line, or since the last audit (else since the sync's start date)."""
    if period is not None and (start is not None or end is not None):
        raise BadInput([Located("command line", None, "--period", "give --period or --from/--to, not both")])
    if period is not None:
        return month_or_year(period)
    if start is None:
        if last_audited_to is not None:
            start = last_audited_to
        elif sync_start is not None:
            start = sync_start
        else:
            raise BadInput([Located("command line", None, "--from",
                                    "no earlier audit and no [sync] start_date in recon.toml: give --period or --from")])
    end = end or max(today, start)
    if end < start:
        raise BadInput([Located("command line", None, "--to", f"the last day {end} is before the first day {start}")])
    return Period(start, end)
