"""Reading export cells: money and quantities as Decimal (never through a float), recon's keys."""

from __future__ import annotations

from decimal import Decimal


def decimal(cell: str) -> Decimal:
    """A number cell as written (`120.50`, `19.9990`); an empty cell is zero."""
    return Decimal(cell) if cell else Decimal(0)


def keyed_reference(key: str, reference: str) -> str:
    """recon's natural key first (`PM-PAY-8812`), then Pet Manager's own reference when it has one."""
    return f"{key} {reference}" if reference else key
