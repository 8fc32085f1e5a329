"""One planned write: what the pusher sends to Xero, keyed so that a re-run can find it, with the
natural keys of the planned writes it waits for."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# The plan's order of kinds: each kind's writes may wait only for writes of earlier kinds.
# contact_group: a group the organisation lacks (PUT ContactGroups); contact_group_member: a created
# contact put into its group (PUT ContactGroups/{id}/Contacts, up to 50 contacts per call).
# contact_update: Pet Manager's own contact changed in Xero, overwritten (POST Contacts with its
# ContactID; recon/syncplan/contact_updates.py).
# invoice_update, invoice_void, credit_note_update, credit_note_void: Pet Manager's own document changed
# or voided in Pet Manager after it was synced (POST with its id; recon/syncplan/document_updates.py),
# before the payments and allocations that may now sit on it.
KINDS = ("contact", "contact_update", "contact_group", "contact_group_member", "invoice", "invoice_update",
         "invoice_void", "credit_note", "credit_note_update", "credit_note_void", "payment",
         "credit_note_allocation", "overpayment", "overpayment_allocation", "refund", "stripe_fee_bill",
         "stripe_fee_payment", "payout")


@dataclass(frozen=True)
class PlannedWrite:
    seq: int  # 1, 2, ... in the plan's order
    kind: str  # one of KINDS
    petmanager_id: int | None  # the Pet Manager record's own id (None for the suppliers Stripe and Pet Manager)
    natural_key: str  # unique in the plan: CN17, INV10452, CN-0213, PM-PAY-8812, ...
    entity: str  # the Xero endpoint, e.g. "Invoices", "CreditNotes/{CreditNoteID:CN-0213}/Allocations"
    method: str  # the HTTP method
    payload: dict  # the element sent (inside the endpoint's envelope)
    depends_on: tuple[str, ...]  # natural keys of earlier planned writes
    amount: Decimal | None  # the money it moves; None for contacts


def placeholder(id_field: str, natural_key: str) -> str:
    """Where a Xero id of a planned write goes before it exists: `{ContactID:CN17}`, resolved by the
    pusher to the id Xero gave the write with that natural key."""
    return "{" + f"{id_field}:{natural_key}" + "}"
