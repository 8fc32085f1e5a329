"""The plan's part of the pre-sync report: what `recon sync` would write, what it cannot undo, how
many requests that takes and how long at Xero's limits, and what it leaves out and why."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from recon.syncplan.plan import Left, Plan
from reports.tables import TopRows

LEFT_SHOWN = 200
WITHOUT_MONEY = ("contact", "contact_update", "contact_group", "contact_group_member")
KIND_WORDS = {
    "contact": "contacts", "contact_update": "contact updates", "contact_group": "contact groups", "contact_group_member": "contact group memberships",
    "invoice": "invoices", "invoice_update": "invoice updates", "invoice_void": "invoice voids",
    "credit_note": "credit notes", "credit_note_update": "credit note updates", "credit_note_void": "credit note voids",
    "payment": "payments", "credit_note_allocation": "credit note allocations",
    "overpayment": "overpayments", "overpayment_allocation": "overpayment allocations", "refund": "refunds",
    "stripe_fee_bill": "Stripe and Pet Manager fee bills", "stripe_fee_payment": "fee bill payments",
    "payout": "Stripe payouts",
}


@dataclass(frozen=True)
class PlanKind:
    kind: str
    words: str
    count: int
    total: Decimal | None  # None for records that move no money


@dataclass(frozen=True)
class LeftRow:
    category: str  # "linked", "held", "skipped"
    kind: str
    petmanager_id: int
    reason: str
    xero_id: str | None


@dataclass(frozen=True)
class PlanSection:
    hash: str
    writes: int
    requests: int
    seconds: int
    kinds: tuple[PlanKind, ...]
    linked: int
    held: int
    skipped: int
    left: TopRows  # of LeftRow: held first (they need a person), then linked, then skipped
    overwritten: TopRows = TopRows((), 0)  # of LeftRow: Pet Manager's contacts changed in Xero (reason: the fields)

    @property
    def overwritten_words(self) -> str:
        """`3 contacts changed in Xero will be overwritten with Pet Manager's details`."""
        return overwritten_words(self.overwritten.total)

    @property
    def minutes(self) -> str:
        minutes, seconds = divmod(self.seconds, 60)
        return f"{minutes} min {seconds:02d} s" if minutes else f"{seconds} s"


def plan_section(plan: Plan) -> PlanSection:
    summary = plan.summary()
    kinds = tuple(PlanKind(kind, KIND_WORDS.get(kind, kind.replace("_", " ")), entry["count"],
                           entry["total"] if entry["total"] or kind not in WITHOUT_MONEY else None)
                  for kind, entry in summary["kinds"].items())
    left = [*_rows("held", plan.held), *_rows("linked", plan.linked), *_rows("skipped", plan.skipped)]
    overwritten = _rows("overwritten", plan.overwritten)
    return PlanSection(plan.hash, summary["writes"], summary["requests"], summary["seconds"], kinds,
                       len(plan.linked), len(plan.held), len(plan.skipped),
                       TopRows(tuple(left[:LEFT_SHOWN]), len(left)),
                       TopRows(tuple(overwritten[:LEFT_SHOWN]), len(overwritten)))


def overwritten_words(count: int) -> str:
    """What the plan does to Pet Manager's own contacts changed in Xero, in one sentence."""
    contacts = "1 contact" if count == 1 else f"{count:,} contacts"
    return f"{contacts} changed in Xero will be overwritten with Pet Manager's details"


def _rows(category: str, lefts: list[Left]) -> list[LeftRow]:
    return [LeftRow(category, left.kind, left.petmanager_id, left.reason, left.xero_id) for left in lefts]
