"""What the check finds. These records are the stable interface of `recon check --json`
(../shared/DESIGN.md, "Interfaces others build on") and what the reports and the sync read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

KINDS = ("contact", "invoice", "credit_note", "payment", "overpayment")
TIERS = ("certain", "likely", "possible")


@dataclass(frozen=True)
class Window:
    """The back-sync window: invoices and credit notes by their date; payments, refunds and
    overpayments by the date paid (Pet Manager's own rule). Contacts are not dated."""

    start: dt.date
    end: dt.date | None = None  # inclusive; None = up to the newest record

    def holds(self, day: dt.date) -> bool:
        return day >= self.start and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Link:
    """A Xero record that carries Pet Manager's own key: already synced, never pushed again."""

    kind: str
    petmanager_id: int
    xero_id: str
    tenant_id: str
    how: str  # e.g. "InvoiceNumber INV10452", "ContactNumber 17"


@dataclass(frozen=True)
class Duplicate:
    """A Xero record, typed by hand, that is the same economic event as a Pet Manager record."""

    kind: str  # one of KINDS
    petmanager_id: int  # that kind's own id in the export (customer_id, invoice_id, ...)
    xero_id: str  # the Xero record's GUID (ContactID, InvoiceID, ...)
    tenant_id: str
    confidence: float  # 0..1
    tier: str  # one of TIERS
    reasons: tuple[str, ...]  # the evidence, in words, strongest first

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "petmanager_id": self.petmanager_id,
            "xero_id": self.xero_id,
            "confidence": round(self.confidence, 4),
            "tier": self.tier,
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True)
class Problem:
    """A reason the back-sync would fail or go wrong, with what to do about it."""

    kind: str  # e.g. "payment_before_start", "number_collision", "lock_date", "mapping", "tax_rounding",
    #            "over_allocation", "currency", "contact_name_collision"
    blocking: bool  # True: the sync refuses to start while it stands
    message: str  # one or two sentences: what, and what to do
    record_kind: str | None = None  # the Pet Manager record it concerns: "invoice", "payment", ...
    petmanager_id: int | None = None
    xero_id: str | None = None
    tenant_id: str | None = None

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "blocking": self.blocking,
            "message": self.message,
            "record_kind": self.record_kind,
            "petmanager_id": self.petmanager_id,
            "xero_id": self.xero_id,
        }
