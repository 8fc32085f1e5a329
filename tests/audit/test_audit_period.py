"""The audited period: a month, a year, from/to, or since the last audit."""

from __future__ import annotations

import datetime as dt

import pytest

from recon.audit.period import Period, choose_period, month_or_year
from recon.errors import BadInput

TODAY = dt.date(2026, 11, 15)


def choose(**given) -> Period:
    options = {"period": None, "start": None, "end": None, "last_audited_to": None, "sync_start": None, "today": TODAY}
    return choose_period(**{**options, **given})


def test_a_month_and_a_year():
    assert month_or_year("2026-02") == Period(dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert month_or_year("2024-02") == Period(dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert month_or_year("2026") == Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "Oct 2026", "2026-1", ""])
def test_anything_else_is_refused(text):
    with pytest.raises(BadInput, match="--period"):
        month_or_year(text)


def test_since_the_last_audit_else_since_the_start_date_up_to_today():
    assert choose(last_audited_to=dt.date(2026, 10, 31)) == Period(dt.date(2026, 10, 31), TODAY)
    assert choose(sync_start=dt.date(2025, 7, 1)) == Period(dt.date(2025, 7, 1), TODAY)
    assert choose(start=dt.date(2026, 1, 1), end=dt.date(2026, 1, 31)) == Period(dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    with pytest.raises(BadInput, match="no earlier audit"):
        choose()
    with pytest.raises(BadInput, match="before the first day"):
        choose(start=dt.date(2026, 1, 5), end=dt.date(2026, 1, 1))
    with pytest.raises(BadInput, match="not both"):
        choose(period="2026-10", start=dt.date(2026, 10, 1))
