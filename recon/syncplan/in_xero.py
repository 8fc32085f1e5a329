"""Money Xero may already hold that the check does not link: Stripe payouts (bank transfers) and
refunds (payments out of a credit note or overpayment). Pet Manager's own sync, an earlier recon
run or the bookkeeper may have put them there; the plan must not send them again.

Each finder takes the Xero candidates once and pairs one-to-one: recon's key at the start of the
Reference first (`PM-PO-<id>`, `PM-RFD-<id>`), then Pet Manager's own reference (Stripe's payout
reference, the refund's reference), then the same amount on the same day from the clearing account
to the payout bank (a payout), or out of the same credit within a few days (a refund), earliest
first.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

NEAR_DAYS = 3  # a refund typed by hand a few days off is still that refund


class Candidates:
    """Xero records not yet spoken for, each usable once."""

    def __init__(self, rows: list[dict], id_column: str):
        self.rows = rows
        self.id_column = id_column
        self.used: set[str] = set()

    def take(self, wanted, how) -> tuple[str, str] | None:
        """The first unused row `wanted(row)` accepts: (its id, `how(row)`), marked used."""
        for row in self.rows:
            if row[self.id_column] not in self.used and wanted(row):
                self.used.add(row[self.id_column])
                return row[self.id_column], how(row)
        return None


def payout_in_xero(payout: dict, transfers: Candidates, clearing: str, bank: str) -> tuple[str, str] | None:
    key = f"PM-PO-{payout['payout_id']}"
    stripe_ref = payout.get("stripe_payout_ref") or ""
    amount, day = Decimal(payout["amount"]), payout["payout_date"]
    return (transfers.take(lambda t: _first_word(t["reference"]) == key, lambda t: f"transfer {key}")
            or (stripe_ref and transfers.take(lambda t: stripe_ref in t["reference"].split(),
                                              lambda t: f"transfer {stripe_ref} (Pet Manager's sync)"))
            or transfers.take(lambda t: Decimal(t["amount"]) == amount and t["date"] == day
                              and t["from_account_code"] == clearing and t["to_account_code"] == bank,
                              lambda t: f"a transfer of {amount} on {day} from {clearing} to {bank}"))


def refund_in_xero(refund: dict, credit_id: str, payments: Candidates) -> tuple[str, str] | None:
    key = f"PM-RFD-{refund['refund_id']}"
    reference = refund.get("reference") or ""
    amount, day = Decimal(refund["amount"]), dt.date.fromisoformat(refund["refund_date"])

    def near(row: dict) -> bool:
        return abs((dt.date.fromisoformat(row["date"]) - day).days) <= NEAR_DAYS

    return (payments.take(lambda p: p["credit_id"] == credit_id and _first_word(p["reference"]) == key,
                          lambda p: f"refund {key}")
            or (reference and payments.take(
                lambda p: p["credit_id"] == credit_id and p["reference"] == reference
                and Decimal(p["amount"]) == amount, lambda p: f"refund {reference!r} (Pet Manager's sync)"))
            or payments.take(lambda p: p["credit_id"] == credit_id and Decimal(p["amount"]) == amount and near(p),
                             lambda p: f"a refund of {amount} on {p['date']} out of the same credit"))


def _first_word(text: str) -> str:
    return text.split(" ", 1)[0]
