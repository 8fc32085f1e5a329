"""Finding in Xero the records of outbox rows whose fate is unknown (a dropped connection, a crash
between sending and recording), by their natural key — never a blind re-send.

    contacts        where ContactNumber==  (suppliers: Name==)
    contact updates GET Contacts by IDs: found when the contact now holds what the update sent
                    (sync/payloads/contact_compare.py); sending the same values again is harmless
    contact groups  by Name; a group's members: GET ContactGroups/{id} and its Contacts
    invoices, bills InvoiceNumbers=  (and the same Type)
    credit notes    where CreditNoteNumber==
    payments, refunds, fee payments   where Reference==  (the exact Reference sent, and its Amount)
    overpayments    BankTransactions where Type=="RECEIVE-OVERPAYMENT" and Reference==  (-> OverpaymentID)
    payouts         BankTransfers where Reference==
    allocations     GET CreditNotes/{id} or Overpayments/{id}: its Allocations by invoice, amount and
                    date, less those that rows already done account for

Deleted (and voided) records do not count as found. Look-ups of one kind go together: up to 50
numbers or 20 `where` terms per request.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from decimal import Decimal

from sync.outbox import OutboxRow
from sync.payloads.contact_compare import differences
from sync.push_placeholders import resolve
from sync.xero import XeroClient, parse_date
from sync.xero.entities import write_template

NUMBERS_PER_CALL = 50
TERMS_PER_CALL = 20
GONE = ("DELETED", "VOIDED")

Found = dict[int, str | None]  # outbox_id -> the Xero id found, or None


def look_up(client: XeroClient, rows: Sequence[OutboxRow], ids: dict[str, str],
            done_rows: Callable[[str], list[OutboxRow]]) -> Found:
    """For each row in doubt, the Xero id of its record when Xero has it, else None.
    `ids`: natural key -> Xero id of the plan's done rows (for placeholders); `done_rows(entity)`:
    the plan's done rows written to that entity path (allocations are counted against them)."""
    by_template: dict[str, list[tuple[OutboxRow, dict]]] = defaultdict(list)
    for row in rows:
        entity = resolve(row.entity, ids)
        finder_key = row.kind if row.kind in FINDERS_BY_KIND else write_template(entity)
        by_template[finder_key].append((row, {"entity": entity, **resolve(row.payload, ids)}))
    found: Found = {}
    for template, group in by_template.items():
        finder = FINDERS_BY_KIND.get(template) or FINDERS.get(template)
        if finder is None:
            raise ValueError(f"recon cannot look up records written to {template}")
        found.update(finder(client, group, ids, done_rows))
    return found


def _contacts(client, group, ids, done_rows) -> Found:
    numbered = [(row, sent) for row, sent in group if sent.get("ContactNumber")]
    named = [(row, sent) for row, sent in group if not sent.get("ContactNumber")]
    found = _by_field(client, "Contacts", numbered, "ContactNumber", "ContactID")
    found.update(_by_field(client, "Contacts", named, "Name", "ContactID"))
    return found


def _contact_updates(client, group, ids, done_rows) -> Found:
    contact_ids = sorted({sent["ContactID"] for _, sent in group})
    contacts: dict[str, dict] = {}
    for start in range(0, len(contact_ids), NUMBERS_PER_CALL):
        chunk = contact_ids[start:start + NUMBERS_PER_CALL]
        for record in client.iter_records("Contacts", params={"IDs": ",".join(chunk)}, include_archived=True):
            contacts[record["ContactID"].lower()] = record
    found: Found = {}
    for row, sent in group:
        contact = contacts.get(sent["ContactID"].lower())
        fields = {name: value for name, value in sent.items() if name not in ("entity", "ContactID")}
        found[row.outbox_id] = contact["ContactID"] if contact and not differences(fields, contact) else None
    return found


def _contact_groups(client, group, ids, done_rows) -> Found:
    groups = {record["Name"].lower(): record["ContactGroupID"] for record in client.iter_records("ContactGroups")
              if record.get("Status", "ACTIVE") == "ACTIVE"}
    return {row.outbox_id: groups.get(sent["Name"].lower()) for row, sent in group}


def _group_members(client, group, ids, done_rows) -> Found:
    members: dict[str, set[str]] = {}
    found: Found = {}
    for row, sent in group:
        group_id = sent["entity"].split("/")[1]
        if group_id not in members:
            records = client.read(f"ContactGroups/{group_id}").get("ContactGroups") or [{}]
            members[group_id] = {member["ContactID"].lower() for member in records[0].get("Contacts") or []}
        contact_id = sent["ContactID"]
        found[row.outbox_id] = contact_id if contact_id.lower() in members[group_id] else None
    return found


def _invoices(client, group, ids, done_rows) -> Found:
    by_number: dict[tuple[str, str], str] = {}
    numbers = sorted({sent["InvoiceNumber"] for _, sent in group})
    for start in range(0, len(numbers), NUMBERS_PER_CALL):
        chunk = numbers[start:start + NUMBERS_PER_CALL]
        for record in client.iter_records("Invoices", params={"InvoiceNumbers": ",".join(chunk)}):
            if record.get("Status") not in GONE:
                by_number.setdefault((record["Type"], record["InvoiceNumber"].lower()), record["InvoiceID"])
    return {row.outbox_id: by_number.get((sent["Type"], sent["InvoiceNumber"].lower())) for row, sent in group}


def _credit_notes(client, group, ids, done_rows) -> Found:
    return _by_field(client, "CreditNotes", group, "CreditNoteNumber", "CreditNoteID")


def _payments(client, group, ids, done_rows) -> Found:
    return _by_field(client, "Payments", group, "Reference", "PaymentID", same=("Amount",))


def _overpayments(client, group, ids, done_rows) -> Found:
    return _by_field(client, "BankTransactions", group, "Reference", "OverpaymentID", same=("Type",),
                     where='Type=="RECEIVE-OVERPAYMENT"')


def _transfers(client, group, ids, done_rows) -> Found:
    return _by_field(client, "BankTransfers", group, "Reference", "BankTransferID", same=("Amount",))


def _allocations(client, group, ids, done_rows) -> Found:
    found: Found = {}
    by_credit: dict[str, list[tuple[OutboxRow, dict]]] = defaultdict(list)
    for row, sent in group:
        by_credit[sent["entity"]].append((row, sent))
    for entity, waiting in by_credit.items():
        collection, credit_id, _ = entity.split("/")
        credits = client.read(f"{collection}/{credit_id}").get(collection) or [{}]
        in_xero = Counter(_allocation_key(allocation) for allocation in credits[0].get("Allocations") or []
                          if not allocation.get("IsDeleted"))
        allocation_ids = {_allocation_key(allocation): allocation.get("AllocationID")
                          for allocation in credits[0].get("Allocations") or []}
        for done in done_rows(waiting[0][0].entity):
            in_xero[_allocation_key(resolve(done.payload, ids))] -= 1
        for row, sent in waiting:
            key = _allocation_key(sent)
            if in_xero[key] > 0:
                in_xero[key] -= 1
                found[row.outbox_id] = allocation_ids.get(key) or f"{credit_id} allocation"
            else:
                found[row.outbox_id] = None
    return found


def _allocation_key(allocation: dict) -> tuple[str, Decimal, dt.date]:
    day = allocation["Date"]
    day = day if isinstance(day, dt.date) else parse_date(str(day))
    return allocation["Invoice"]["InvoiceID"].lower(), Decimal(allocation["Amount"]), day


def _by_field(client: XeroClient, entity: str, group: Sequence[tuple[OutboxRow, dict]], field: str, id_field: str,
              *, same: tuple[str, ...] = (), where: str | None = None) -> Found:
    """Rows found by the exact value of `field` (case ignored, as Xero compares), with equal `same` fields."""
    values = sorted({sent[field] for _, sent in group})
    records: dict[str, list[dict]] = defaultdict(list)
    for start in range(0, len(values), TERMS_PER_CALL):
        terms = " OR ".join(f"{field}=={_quoted(value)}" for value in values[start:start + TERMS_PER_CALL])
        for record in client.iter_records(entity, where=f"({where}) AND ({terms})" if where else terms):
            if record.get("Status") not in GONE and record.get(field):
                records[str(record[field]).lower()].append(record)
    found: Found = {}
    for row, sent in group:
        matches = [record for record in records.get(sent[field].lower(), [])
                   if all(_same(record.get(name), sent.get(name)) for name in same)]
        found[row.outbox_id] = matches[0][id_field] if matches else None
    return found


def _same(left, right) -> bool:
    if isinstance(right, Decimal) or isinstance(left, Decimal):
        return Decimal(str(left)) == Decimal(str(right))
    return left == right


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


FINDERS: dict[str, Callable[..., Found]] = {
    "Contacts": _contacts,
    "ContactGroups": _contact_groups,
    "ContactGroups/{id}/Contacts": _group_members,
    "Invoices": _invoices,
    "CreditNotes": _credit_notes,
    "Payments": _payments,
    "BankTransactions": _overpayments,
    "BankTransfers": _transfers,
    "CreditNotes/{id}/Allocations": _allocations,
    "Overpayments/{id}/Allocations": _allocations,
}
# Kinds looked up their own way, whatever their endpoint.
FINDERS_BY_KIND: dict[str, Callable[..., Found]] = {
    "contact_update": _contact_updates,
}


