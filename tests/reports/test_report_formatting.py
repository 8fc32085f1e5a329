from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reports.formatting import count, day, money, month, percent, plain_money, timestamp


@pytest.mark.parametrize(
    "amount, shown",
    [
        ("0", "0.00"),
        ("0.1", "0.10"),
        ("1234.56", "1,234.56"),
        ("-1234.5", "-1,234.50"),
        ("1000000", "1,000,000.00"),
        ("-0.00", "0.00"),
        ("0.01", "0.01"),
        ("9999999999999999.99", "9,999,999,999,999,999.99"),
        ("12.3456", "12.3456"),  # a 4-dp unit price keeps every digit
        ("1E+3", "1,000.00"),
    ],
)
def test_money_shows_the_exact_amount(amount, shown):
    assert money(Decimal(amount)) == shown


@given(st.decimals(min_value=-10**16, max_value=10**16, places=2, allow_nan=False, allow_infinity=False))
def test_money_reads_back_to_the_same_decimal(amount):
    assert Decimal(money(amount).replace(",", "")) == amount
    assert Decimal(plain_money(amount)) == amount


def test_money_refuses_floats_and_non_amounts():
    with pytest.raises(TypeError):
        money(0.1)
    with pytest.raises(TypeError):
        money(12)
    with pytest.raises(ValueError):
        money(Decimal("NaN"))
    with pytest.raises(ValueError):
        money(Decimal("Infinity"))


def test_missing_values_show_a_dash():
    assert money(None) == count(None) == percent(None) == day(None) == month(None) == timestamp(None) == "—"


def test_counts_percentages_and_dates():
    assert count(1234567) == "1,234,567"
    with pytest.raises(TypeError):
        count(True)
    assert percent(0.985) == "98.5%"
    assert percent(Decimal("1")) == "100.0%"
    assert percent(Decimal("0.12345"), places=2) == "12.35%"
    assert day(date(2026, 3, 7)) == "7 Mar 2026"
    assert month(date(2026, 3, 1)) == "Mar 2026"


def test_timestamps_name_their_zone():
    assert timestamp(datetime(2026, 3, 7, 9, 15, tzinfo=timezone.utc)) == "7 Mar 2026 09:15 UTC"
    sydney = timezone(timedelta(hours=11))
    assert timestamp(datetime(2026, 3, 7, 9, 15, tzinfo=sydney)) == "7 Mar 2026 09:15 +11:00"
    with pytest.raises(ValueError):
        timestamp(datetime(2026, 3, 7, 9, 15))
