"""The kinds of value a Pet Manager cell can hold: how each is checked as text and typed in DuckDB.

A cell is valid when it fully matches the kind's pattern and casts to its SQL type (the cast
catches what a pattern cannot, such as 2024-02-30). Money is checked as text and cast from text
to DECIMAL, so it never passes through a binary float.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    sql_type: str
    pattern: str | None  # None: any text is valid
    expected: str  # completes "... is not <expected>"


ID = Kind("BIGINT", r"[1-9][0-9]{0,17}", "a positive whole number")
DATE = Kind("DATE", r"[0-9]{4}-[0-9]{2}-[0-9]{2}", "a date YYYY-MM-DD")
TIMESTAMP = Kind(
    "TIMESTAMPTZ",
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})",
    "an ISO 8601 timestamp with offset, e.g. 2024-03-01T09:15:00+11:00",
)
MONEY = Kind("DECIMAL(18,2)", r"-?[0-9]{1,16}(\.[0-9]{1,2})?", "an amount with at most 2 decimals, e.g. 120.50")
# Quantity and unit price are bounded below DECIMAL(18,4)'s range so that their exact product
# (checked against line_amount) cannot overflow.
UNIT_PRICE = Kind("DECIMAL(18,4)", r"-?[0-9]{1,12}(\.[0-9]{1,4})?", "a price with at most 4 decimals, e.g. 19.9990")
QUANTITY = Kind("DECIMAL(18,4)", r"-?[0-9]{1,9}(\.[0-9]{1,4})?", "a quantity with at most 4 decimals, e.g. 1.5")
PERCENT = Kind("DECIMAL(18,4)", r"[0-9]{1,3}(\.[0-9]{1,4})?", "a percentage from 0 to 100 with at most 4 decimals")
BOOL = Kind("BOOLEAN", r"true|false", "true or false")
TEXT = Kind("VARCHAR", None, "text")


def enum(*values: str) -> Kind:
    """Text restricted to `values`, written exactly (lower case, as Pet Manager exports them)."""
    return Kind("VARCHAR", "|".join(re.escape(v) for v in values), "one of " + ", ".join(values))
