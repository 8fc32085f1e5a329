"""Xero's tax arithmetic: each line's amount and tax rounded to the cent (half away from zero),
then summed.

Pet Manager taxes the summed amounts of each tax code instead, so Xero's total can miss Pet
Manager's by a cent or two. The payload builders use these to size the rounding line;
queries/problems/tax_rounding.sql mirrors `line_tax` for speed (tests hold the two together).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def line_amount(quantity: Decimal, unit_amount: Decimal, discount_rate: Decimal) -> Decimal:
    """The LineAmount Xero computes from a line's Quantity, UnitAmount and DiscountRate (percent)."""
    amount = quantity * unit_amount * (HUNDRED - discount_rate) / HUNDRED
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def line_tax(line_amount: Decimal, rate_percent: Decimal, amounts_include_tax: bool) -> Decimal:
    """The tax Xero computes for one line at a TaxType's EffectiveRate (a percentage, `10.0000`):
    on the amount when it is tax-exclusive, within it when it is tax-inclusive."""
    if amounts_include_tax:
        tax = line_amount * rate_percent / (HUNDRED + rate_percent)
    else:
        tax = line_amount * rate_percent / HUNDRED
    return tax.quantize(CENT, rounding=ROUND_HALF_UP)


def xero_total(lines: Iterable[tuple[Decimal, Decimal]], amounts_include_tax: bool) -> Decimal:
    """Xero's Total for a document of (line amount, rate percent) lines: the line amounts when they
    include tax, else the line amounts plus each line's tax."""
    total = Decimal("0.00")
    for amount, rate in lines:
        total += amount
        if not amounts_include_tax:
            total += line_tax(amount, rate, amounts_include_tax)
    return total
