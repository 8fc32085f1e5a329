"""Xero's /Date(...)/ and ISO forms, and If-Modified-Since."""

from datetime import date, datetime, timedelta, timezone

import pytest

from sync.xero import format_if_modified_since, parse_date, parse_datetime

UTC = timezone.utc


@pytest.mark.parametrize("text,expected", [
    ("/Date(1573755038314+0000)/", datetime(2019, 11, 14, 18, 10, 38, 314000, tzinfo=UTC)),
    ("/Date(1573755038314)/", datetime(2019, 11, 14, 18, 10, 38, 314000, tzinfo=UTC)),
    ("/Date(0+0000)/", datetime(1970, 1, 1, tzinfo=UTC)),
    ("/Date(-86400001+0000)/", datetime(1969, 12, 30, 23, 59, 59, 999000, tzinfo=UTC)),
    ("2019-03-01T09:00:31.597", datetime(2019, 3, 1, 9, 0, 31, 597000, tzinfo=UTC)),
    ("2019-12-07T18:46:19.5165400", datetime(2019, 12, 7, 18, 46, 19, 516540, tzinfo=UTC)),
    ("2019-02-26T00:00:00", datetime(2019, 2, 26, tzinfo=UTC)),
    ("2020-02-06T12:17:43.202-08:00", datetime(2020, 2, 6, 20, 17, 43, 202000, tzinfo=UTC)),
    ("2026-11-25", datetime(2026, 11, 25, tzinfo=UTC)),
])
def test_parses_the_instant_exactly(text, expected):
    assert parse_datetime(text) == expected


def test_keeps_the_zone_it_was_written_in():
    value = parse_datetime("/Date(1573755038314+1300)/")
    assert value.utcoffset() == timedelta(hours=13)
    assert value == datetime(2019, 11, 14, 18, 10, 38, 314000, tzinfo=UTC)
    assert parse_datetime("/Date(1573755038314-0530)/").utcoffset() == -timedelta(hours=5, minutes=30)


def test_calendar_dates():
    assert parse_date("/Date(1551139200000+0000)/") == date(2019, 2, 26)
    assert parse_date("2019-02-26T00:00:00") == date(2019, 2, 26)


@pytest.mark.parametrize("text", ["", "/Date()/", "Date(1)", "yesterday", "/Date(12a)/"])
def test_rejects_what_is_not_a_date(text):
    with pytest.raises(ValueError):
        parse_datetime(text)


def test_if_modified_since_is_utc_whole_seconds_rounded_down():
    moment = datetime(2026, 11, 25, 21, 5, 9, 999999, tzinfo=timezone(timedelta(hours=13)))
    assert format_if_modified_since(moment) == "2026-11-25T08:05:09Z"
    with pytest.raises(ValueError):
        format_if_modified_since(datetime(2026, 1, 1))
