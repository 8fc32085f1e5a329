"""Money, exactly: Decimal only, Pet Manager's tax on the summed amounts and Xero's tax per line."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0.00")

# Pet Manager tax code -> rate. The AU business is registered for GST.
TAX_RATES = {"GST": Decimal("0.10"), "GST_FREE": Decimal("0"), "NO_TAX": Decimal("0")}


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def line_amount(quantity: Decimal, unit_price: Decimal, discount_percent: Decimal) -> Decimal:
    return cents(quantity * unit_price * (100 - discount_percent) / 100)


def tax_in(amount: Decimal, rate: Decimal, inclusive: bool) -> Decimal:
    """The tax in (inclusive) or on (exclusive) `amount` at `rate`, rounded to cents."""
    if inclusive:
        return cents(amount * rate / (1 + rate))
    return cents(amount * rate)


def petmanager_totals(lines: list[tuple[str, Decimal]], inclusive: bool) -> tuple[Decimal, Decimal, Decimal]:
    """(subtotal, tax_total, total) of (Pet Manager tax_code, line_amount) pairs: tax per code on the sums."""
    subtotal = sum((amount for _, amount in lines), ZERO)
    per_code: dict[str, Decimal] = {}
    for code, amount in lines:
        per_code[code] = per_code.get(code, ZERO) + amount
    tax_total = sum((tax_in(amount, TAX_RATES[code], inclusive) for code, amount in per_code.items()), ZERO)
    total = subtotal if inclusive else subtotal + tax_total
    return subtotal, tax_total, total


def xero_totals(lines: list[tuple[Decimal, Decimal]], inclusive: bool) -> tuple[Decimal, Decimal, Decimal]:
    """(SubTotal, TotalTax, Total) of (rate, LineAmount) pairs as Xero computes them: tax per line, rounded, summed.

    Xero's SubTotal is always ex-tax, whatever the line amount type.
    """
    line_sum = sum((amount for _, amount in lines), ZERO)
    total_tax = sum((tax_in(amount, rate, inclusive) for rate, amount in lines), ZERO)
    if inclusive:
        return line_sum - total_tax, total_tax, line_sum
    return line_sum, total_tax, line_sum + total_tax
