"""How numbers, money and dates read in a report: the jinja2 filters, plain functions.

Money is `Decimal`, never float: `money` refuses a float rather than print a rounded guess. It
shows every digit it is given (a 4-dp unit price keeps its 4 dp) and at least 2 dp; negatives keep
a leading minus ("-1,234.56", as Xero shows them) so they survive greyscale print and copy-paste.
"""

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

NONE = "—"


def money(value: Decimal | None) -> str:
    """`Decimal("-1234.5")` → `"-1,234.50"`; `None` → `"—"`."""
    if value is None:
        return NONE
    return _money(value, grouping=True)


def plain_money(value: Decimal) -> str:
    """`Decimal("-1234.5")` → `"-1234.50"`: exact, without grouping, for CSV cells."""
    return _money(value, grouping=False)


def is_negative(value: Decimal | None) -> bool:
    return value is not None and value < 0


def count(value: int | None) -> str:
    """`1234567` → `"1,234,567"`."""
    if value is None:
        return NONE
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"count expects an int, got {type(value).__name__}")
    return f"{value:,}"


def percent(value: Decimal | float | None, places: int = 1) -> str:
    """A fraction as a percentage, halves rounded up: `0.985` → `"98.5%"`."""
    if value is None:
        return NONE
    shown = (Decimal(str(value)) * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{shown}%"


def day(value: date | None) -> str:
    """`date(2026, 3, 7)` → `"7 Mar 2026"`: day first and the month in words, so nobody misreads it."""
    if value is None:
        return NONE
    return f"{value.day} {value:%b %Y}"


def month(value: date | None) -> str:
    """`date(2026, 3, 1)` → `"Mar 2026"`."""
    if value is None:
        return NONE
    return f"{value:%b %Y}"


def timestamp(value: datetime | None) -> str:
    """An aware datetime in its own zone: `"7 Mar 2026 09:15 UTC"` or `"… 09:15 +11:00"`."""
    if value is None:
        return NONE
    if value.tzinfo is None:
        raise ValueError(f"timestamp needs a time zone: {value!r}")
    zone = "UTC" if value.utcoffset().total_seconds() == 0 else value.strftime("%z")
    if zone != "UTC":
        zone = f"{zone[:3]}:{zone[3:]}"
    return f"{day(value)} {value:%H:%M} {zone}"


def _money(value: Decimal, *, grouping: bool) -> str:
    if not isinstance(value, Decimal):
        raise TypeError(f"money must be a Decimal, got {type(value).__name__}: {value!r}")
    if not value.is_finite():
        raise ValueError(f"money must be a finite amount, got {value!r}")
    if value.is_zero():
        value = abs(value)  # "-0.00" would read as a debt
    places = max(2, -value.as_tuple().exponent)
    return f"{value:{',' if grouping else ''}.{places}f}"
