"""Pet Manager's own invoices and credit notes changed in Pet Manager after they were synced: the
next `recon sync` (or `--watch`) sends the change, as Pet Manager's own sync does every few minutes.

Which documents: those the check linked by Pet Manager's own key — the prefixed InvoiceNumber or
CreditNoteNumber on Pet Manager's own contact (`Link.how` "InvoiceNumber INV10452") — and still live
in Xero. One typed by hand and decided 'same' (`recon resolve`) or linked by `--on-duplicate skip`
is the accountant's, never touched.

What differs: Pet Manager's total (the payload's predicted Xero total, rounding line included),
date, due date, whether amounts include tax, or the lines (sync/payloads/document_compare.py).
A document voided in Pet Manager and still live in Xero is voided there (a draft is deleted).

The write: kinds `invoice_update` / `credit_note_update`, POST Invoices / CreditNotes with the
InvoiceID / CreditNoteID and the payload's fields (the contact stays as Xero has it); natural key
`INV10452 update <8 hex>`, the sha256 of the payload and of the Xero version it changes: the same
change is never sent twice (one an earlier plan pushed, seen again in a snapshot taken before it
landed, is not planned), while a new edit makes a new key. Voids: kinds `invoice_void` /
`credit_note_void`, payload `{InvoiceID, Status: VOIDED}`, key `INV10452 void`.

Xero edits or voids an approved document only while nothing is paid, credited or allocated on it
(sync/sandbox/invoices.py). Otherwise the change is held, with what to do.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal

import duckdb

import queries
from recon.check.findings import Link
from sync.payloads.document_compare import differences

UPDATE = {"invoice": "invoice_update", "credit_note": "credit_note_update"}
VOID = {"invoice": "invoice_void", "credit_note": "credit_note_void"}
KINDS = (*UPDATE.values(), *VOID.values())
OWN_KEYS = {"invoice": "InvoiceNumber", "credit_note": "CreditNoteNumber"}  # how the check's own links begin
ID_FIELDS = {"invoice": "InvoiceID", "credit_note": "CreditNoteID"}
ENTITIES = {"invoice": "Invoices", "credit_note": "CreditNotes"}
WORDS = {"invoice": "invoice", "credit_note": "credit note"}
LIVE = ("DRAFT", "SUBMITTED", "AUTHORISED", "PAID")
MONEY_LISTS = ("Payments", "Allocations", "CreditNotes", "Overpayments", "Prepayments")


@dataclass(frozen=True)
class DocumentChange:
    kind: str  # invoice_update, invoice_void, credit_note_update, credit_note_void
    petmanager_id: int
    xero_id: str  # the Xero document changed
    natural_key: str  # INV10452 update 1a2b3c4d, INV10452 void
    entity: str  # Invoices or CreditNotes
    payload: dict  # the id and what changes
    differences: tuple[tuple[str, str], ...]  # (what in words, what each side holds); empty for a void
    held: str | None = None  # why Xero would refuse it, and what to do; None: it can be sent

    @property
    def reason(self) -> str:
        """`changed in Pet Manager after it was synced: total 120.00 in Xero, 135.00 in Pet Manager`."""
        if not self.differences:
            return "voided in Pet Manager after it was synced"
        return "changed in Pet Manager after it was synced: " + "; ".join(
            f"{what} {sides}" for what, sides in self.differences)


class OwnDocuments:
    """Pet Manager's own invoices and credit notes in one Xero snapshot of one organisation: the check's
    links by their prefixed number, as Xero sent them."""

    def __init__(self, con: duckdb.DuckDBPyConnection, xero_snapshot: int, tenant_id: str, links: list[Link]):
        own = {(link.kind, link.petmanager_id): link.xero_id.lower() for link in links
               if link.tenant_id == tenant_id and link.kind in OWN_KEYS
               and link.how.startswith(OWN_KEYS[link.kind] + " ")}
        raws = dict(con.execute(queries.load("syncplan/document_own"), {
            "xero_snapshot": xero_snapshot, "tenant_id": tenant_id, "xero_ids": sorted(set(own.values()))}).fetchall())
        self.by_record: dict[tuple[str, int], dict] = {
            key: json.loads(raws[xero_id]) for key, xero_id in own.items() if xero_id in raws}

    def document(self, kind: str, petmanager_id: int) -> dict | None:
        """Xero's JSON of Pet Manager's own document, while it is live in Xero; else None."""
        document = self.by_record.get((kind, petmanager_id))
        return document if document is not None and document.get("Status") in LIVE else None

    def change(self, kind: str, row: dict, payload: dict | None) -> DocumentChange | None:
        """The change of Pet Manager's document `row` (an export row; `payload`: what recon would send
        for it, None when it is void) that Xero should get; None when there is none."""
        petmanager_id = int(row[f"{kind}_id"])
        document = self.document(kind, petmanager_id)
        if document is None:
            return None
        id_field = ID_FIELDS[kind]
        xero_id = document[id_field]
        number = document.get(OWN_KEYS[kind], "")
        if payload is None:
            status = "VOIDED" if document["Status"] in ("AUTHORISED", "PAID") else "DELETED"
            change = DocumentChange(VOID[kind], petmanager_id, xero_id, f"{number} void", ENTITIES[kind],
                                    {id_field: xero_id, "Status": status}, ())
        else:
            found = differences(payload, document, total=Decimal(row["total"]))
            if not found:
                return None
            sent = {id_field: xero_id, **{name: value for name, value in payload.items() if name != "Contact"}}
            key = f"{number} update {digest({'sent': sent, 'xero': document.get('UpdatedDateUTC')})}"
            change = DocumentChange(UPDATE[kind], petmanager_id, xero_id, key, ENTITIES[kind], sent, tuple(found))
        if money_applied(document):
            return DocumentChange(**{**change.__dict__, "held": held_words(kind, row, change, document)})
        return change


def money_applied(document: dict) -> bool:
    """Paid, credited or allocated in any part: Xero no longer edits or voids such a document."""
    if any(document.get(name) for name in MONEY_LISTS):
        return True
    if document.get("Status") == "PAID":
        return True
    paid = Decimal(str(document.get("AmountPaid") or 0)) + Decimal(str(document.get("AmountCredited") or 0))
    if "RemainingCredit" in document and "Total" in document:  # a credit note: any credit used
        paid += Decimal(str(document["Total"])) - Decimal(str(document["RemainingCredit"]))
    return paid != 0


def held_words(kind: str, row: dict, change: DocumentChange, document: dict) -> str:
    """`invoice 10452 was changed in Pet Manager after it was synced, but Xero has payments on it: ...`"""
    what = f"{WORDS[kind]} {row[f'{kind}_number']}"
    paid = document.get("Payments") or Decimal(str(document.get("AmountPaid") or 0))
    on_it = "payments" if paid else "allocations"
    if change.kind in VOID.values():
        return (f"{what} was voided in Pet Manager after it was synced, but Xero has {on_it} on it: remove them in "
                "Xero, then run recon sync again, or void it by hand")
    return (f"{what} was changed in Pet Manager after it was synced, but Xero has {on_it} on it: remove them in "
            "Xero, then run recon sync again, or correct it by hand")


def digest(value) -> str:
    """8 hex digits of the sha256 of the value's canonical JSON."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
