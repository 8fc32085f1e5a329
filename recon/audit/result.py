"""What an audit found: the shape shared by the audit engine (recon/audit/), its report
(reports/audit.py), its JSON (`recon audit --json`) and its history in the workspace.

Every Pet Manager record in scope is either matched and equal (counted in `matched`) or a
`Difference`; every Xero record in Pet Manager's scope with no counterpart is a `Difference` too.
Totals, balances and the Stripe clearing account are side by side, each difference explained by
the records that make it up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

KINDS = ("contact", "invoice", "credit_note", "payment", "overpayment", "allocation", "refund",
         "stripe_fee", "payout")

# category -> the words a person reads
CATEGORIES = {
    "different": "In Xero but different",
    "missing_in_xero": "Not in Xero",
    "xero_only": "In Xero with no Pet Manager record",
    "voided_in_xero": "Voided or deleted in Xero while live in Pet Manager",
    "payment_removed": "Payment removed in Xero",
    "contact_edited": "Pet Manager contact edited in Xero (the next sync overwrites it)",
    "new_duplicate": "New hand-entered duplicate of a synced record",
}

DIMENSIONS = ("month", "account", "tax_type", "payment_method")


@dataclass(frozen=True)
class Difference:
    category: str  # a key of CATEGORIES
    kind: str  # one of KINDS
    petmanager_id: str | None  # the Pet Manager record's id; None for a Xero-only record
    xero_id: str | None  # the Xero record's id; None when not in Xero
    number: str | None  # what a person searches for: InvoiceNumber, ContactNumber, Reference
    contact: str | None  # the customer's name
    day: date | None  # the record's date
    petmanager_amount: Decimal | None
    xero_amount: Decimal | None
    fields: tuple[str, ...] = ()  # for "different": the fields that differ (amount, status, date, contact, lines, allocations)
    detail: str = ""  # in words: "total 120.00 in Pet Manager, 110.00 in Xero"
    why: str | None = None  # for "missing_in_xero": before the start date, unresolved duplicate, failed write: <message>, still queued
    first_seen: datetime | None = None  # the audit run that first found it (for the trend and "new since last audit")

    @property
    def amount_difference(self) -> Decimal:
        """Pet Manager's amount less Xero's; a missing side counts as zero."""
        return (self.petmanager_amount or Decimal(0)) - (self.xero_amount or Decimal(0))


@dataclass(frozen=True)
class TotalRow:
    dimension: str  # one of DIMENSIONS
    key: str  # "2026-10", an account code, a tax type, a payment method
    petmanager: Decimal
    xero: Decimal
    explained_by: tuple[int, ...] = ()  # indexes into AuditResult.differences that make up the difference

    @property
    def difference(self) -> Decimal:
        return self.petmanager - self.xero


@dataclass(frozen=True)
class Balance:
    """A customer's receivable balance on each side at the end of the period."""

    contact: str
    petmanager_id: str | None
    xero_id: str | None
    petmanager: Decimal
    xero: Decimal

    @property
    def difference(self) -> Decimal:
        return self.petmanager - self.xero


@dataclass(frozen=True)
class Clearing:
    """The Stripe clearing account: charges in, fees and payouts out, against Xero's balance."""

    account_code: str | None
    charges: Decimal
    fees: Decimal
    payouts: Decimal
    xero_balance: Decimal

    @property
    def in_transit(self) -> Decimal:
        """What Pet Manager says is still in the clearing account."""
        return self.charges - self.fees - self.payouts

    @property
    def difference(self) -> Decimal:
        return self.in_transit - self.xero_balance


@dataclass(frozen=True)
class Change:
    """A record that changed on one side since the previous audit (snapshot against snapshot)."""

    side: str  # "petmanager" or "xero"
    kind: str
    record_id: str
    number: str | None
    what: str  # "new", "edited", "voided", "deleted"
    detail: str = ""


@dataclass(frozen=True)
class TrendPoint:
    run_id: int
    started_at: datetime
    open_differences: int
    amount: Decimal  # sum of |amount_difference| over the open differences


@dataclass(frozen=True)
class AuditRun:
    run_id: int
    tenant_id: str
    organisation: str
    period_from: date
    period_to: date
    started_at: datetime
    petmanager_snapshot: int
    xero_snapshot: int
    previous_run_id: int | None = None


@dataclass
class AuditResult:
    run: AuditRun
    matched: dict[str, int] = field(default_factory=dict)  # kind -> records in Xero and equal
    differences: list[Difference] = field(default_factory=list)
    totals: list[TotalRow] = field(default_factory=list)
    balances: list[Balance] = field(default_factory=list)  # customers whose balances differ (all, when asked)
    clearing: Clearing | None = None
    changes: list[Change] = field(default_factory=list)
    trend: list[TrendPoint] = field(default_factory=list)  # earlier runs and this one, oldest first

    @property
    def reconciled(self) -> bool:
        return not self.differences

    def summary(self) -> dict:
        by_category: dict[str, int] = {}
        for difference in self.differences:
            by_category[difference.category] = by_category.get(difference.category, 0) + 1
        return {
            "matched": dict(self.matched),
            "differences": len(self.differences),
            "by_category": by_category,
            "changes": len(self.changes),
            "reconciled": self.reconciled,
        }
