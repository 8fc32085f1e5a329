"""Pet Manager is the master of its own contacts: a contact it made (or recon pushed) that was changed
in Xero is reported, then overwritten with Pet Manager's details by the next sync.

Which contacts: Pet Manager's own — the Xero contact carrying the customer id as ContactNumber, and
the one the plan links the customer to — of every customer, whether or not it has a record in the
window: contacts are not dated, Pet Manager's Step 3 sends every customer, and the check promises
for every customer that "the sync renames it back" (recon/problems/contacts.py). So the next
`recon sync` after an edit in Xero overwrites it, even when it has nothing else to write. A contact
typed by hand and decided 'same' (`recon resolve`) or linked by `--on-duplicate skip` is the
accountant's, never overwritten; neither are the suppliers. (A contact holding the number under a
name without the customer's `CN<id>` is a blocking problem of the check: no plan is made.)

What differs: the fields recon sends for a new contact (sync/payloads/contact.py: name, first and
last name, email, phones, street address), compared as people read them
(sync/payloads/contact_compare.py). A field Pet Manager leaves empty is left as Xero has it.

The write: kind `contact_update`, POST Contacts with the ContactID and the whole payload (the same
values sent again change nothing), natural key `CN<id> update <8 hex>`, the sha256 of the payload
and of what Xero held: the same difference is never sent twice (an update an earlier plan pushed,
seen again in a snapshot taken before it landed, is not planned), while a new change on either
side — Pet Manager's details, or the contact edited in Xero again — makes a new key. An update whose name another active Xero contact holds would be refused by Xero: it is
held with the reason instead.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import duckdb

import queries
from sync import payloads
from sync.payloads.contact_compare import differences

KIND = "contact_update"
OVERWRITTEN = "changed in Xero, overwritten with Pet Manager's details"


@dataclass(frozen=True)
class ContactUpdate:
    customer_id: int
    contact_id: str  # the Xero contact overwritten
    natural_key: str  # CN17 update 1a2b3c4d
    payload: dict  # ContactID and the contact payload's fields
    differences: tuple[tuple[str, str], ...]  # (field in words, what each side holds)

    @property
    def reason(self) -> str:
        """`changed in Xero, overwritten with Pet Manager's details: name 'Jane Smyth CN17' in Xero, ...`"""
        return f"{OVERWRITTEN}: " + "; ".join(f"{field} {sides}" for field, sides in self.differences)


class OwnContacts:
    """Pet Manager's own contacts in one Xero snapshot of one organisation, and who holds each active name."""

    def __init__(self, con: duckdb.DuckDBPyConnection, xero_snapshot: int, tenant_id: str):
        params = {"xero_snapshot": xero_snapshot, "tenant_id": tenant_id}
        self.by_customer: dict[int, tuple[str, dict]] = {
            customer_id: (contact_id, json.loads(raw))
            for customer_id, contact_id, raw in con.execute(queries.load("syncplan/contact_own"), params).fetchall()}
        self.names: dict[str, str] = dict(con.execute(queries.load("syncplan/contact_names"), params).fetchall())

    def linked(self, known: dict) -> list[tuple[int, str]]:
        """(customer id, ContactID) of each own contact that the plan links its customer to (`known`:
        recon/syncplan/known.py), in customer order."""
        linked = []
        for customer_id, (contact_id, _) in sorted(self.by_customer.items()):
            link = known.get(("contact", customer_id))
            if link is not None and link[0].lower() == contact_id.lower():
                linked.append((customer_id, contact_id))
        return linked

    def update(self, customer: dict, contact_id: str) -> ContactUpdate | None:
        """The update of contact `contact_id` for `customer` (an export row): None when that contact is not
        the customer's own (no ContactNumber of its id) or already holds what Pet Manager sends."""
        customer_id = int(customer["customer_id"])
        own = self.by_customer.get(customer_id)
        if own is None or own[0].lower() != contact_id.lower():
            return None
        fields = payloads.contact(customer)
        found = differences(fields, own[1])
        if not found:
            return None
        payload = {"ContactID": own[0], **fields}
        key = f"CN{customer_id} update {digest({'sent': payload, 'found': found})}"
        return ContactUpdate(customer_id, own[0], key, payload, tuple(found))

    def name_holder(self, update: ContactUpdate) -> str | None:
        """Another active contact that holds the name the update gives back (Xero would refuse it)."""
        holder = self.names.get(" ".join(update.payload["Name"].split()).lower())
        return holder if holder is not None and holder.lower() != update.contact_id.lower() else None


def digest(value) -> str:
    """8 hex digits of the sha256 of the value's canonical JSON."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def held_words(update: ContactUpdate, holder: str) -> str:
    return (f"contact CN{update.customer_id} was renamed in Xero and cannot take Pet Manager's name "
            f"'{update.payload['Name']}' back: Xero contact {holder} holds that name; rename or archive that one in "
            "Xero, then sync again")
