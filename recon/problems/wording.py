"""How problems write amounts, counts and records: the same way in every message."""

from __future__ import annotations

from decimal import Decimal

_PLURALS = {
    "invoice": "invoices",
    "credit_note": "credit notes",
    "payment": "payments",
    "overpayment": "overpayments",
    "refund": "refunds",
    "allocation": "allocations",
    "stripe_payout": "Stripe payouts",
}


def money(amount: Decimal) -> str:
    return f"{amount:.2f}"


def signed(amount: Decimal) -> str:
    return f"{amount:+.2f}"


def noun(record_kind: str) -> str:
    """`credit_note` -> `credit note`."""
    return "Stripe payout" if record_kind == "stripe_payout" else record_kind.replace("_", " ")


def count_of(n: int, record_kind: str) -> str:
    return f"1 {noun(record_kind)}" if n == 1 else f"{n} {_PLURALS[record_kind]}"


def record(record_kind: str, label: object) -> str:
    """A Pet Manager record as a person finds it: `invoice 10452`, `credit note CN-0213`, `payment 8812`."""
    return f"{noun(record_kind)} {label}"
