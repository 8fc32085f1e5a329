"""The sandbox state file (docs/architecture.md): load it into a SandboxState, dump one back.

Loading keeps the given IDs, accepts `YYYY-MM-DD` or `/Date(...)/` dates, and fills in what
Xero computes (totals, tax, AmountDue, UpdatedDateUTC, links between payments and invoices)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sync.sandbox import complete, documents, xerojson
from sync.sandbox.state import FORMAT, LOAD_ORDER, Client, Organisation, SandboxState, parse_dates


def read_state_file(path: Path) -> dict:
    return xerojson.loads(Path(path).read_bytes())


def write_state_file(state: SandboxState, path: Path) -> None:
    Path(path).write_bytes(xerojson.dumps(dump_state(state)))


def dump_state(state: SandboxState) -> dict:
    with state.lock:
        return {
            "format": FORMAT,
            "clients": [
                {"client_id": c.client_id, "client_secret": c.client_secret, "tenant_ids": list(c.tenant_ids)}
                for c in state.clients.values()
            ],
            "organisations": [
                {
                    "tenant_id": org.tenant_id,
                    "tenant_name": org.tenant_name,
                    "Organisation": org.organisation,
                    **{name: list(org.table(name).records.values()) for name in LOAD_ORDER},
                }
                for org in state.organisations.values()
            ],
        }


def load_state(data: dict, now: datetime) -> SandboxState:
    if data.get("format", FORMAT) != FORMAT:
        raise ValueError(f"not a sandbox state file: format {data.get('format')!r}, expected {FORMAT!r}")
    state = SandboxState()
    for client in data.get("clients", []):
        state.clients[client["client_id"]] = Client(client["client_id"], client["client_secret"],
                                                    [str(t) for t in client.get("tenant_ids", [])])
    for source in data.get("organisations", []):
        org = _load_organisation(parse_dates(source), now)
        state.organisations[org.tenant_id] = org
    return state


def _load_organisation(source: dict, now: datetime) -> Organisation:
    tenant_id = str(source["tenant_id"])
    name = source.get("tenant_name") or source.get("Organisation", {}).get("Name", "Organisation")
    org = Organisation(tenant_id, name,
                       complete.complete_organisation(source.get("Organisation", {}), tenant_id, name, now))
    for entity_name in LOAD_ORDER:
        for record in source.get(entity_name, []):
            _complete(org, entity_name, record, now)
            org.put(entity_name, record)
    _link_money(org)
    return org


def _complete(org: Organisation, entity_name: str, record: dict, now: datetime) -> None:
    if entity_name == "TaxRates":
        complete.complete_tax_rate(record, now)
    elif entity_name == "Accounts":
        complete.complete_account(record, now)
    elif entity_name == "TrackingCategories":
        complete.complete_tracking_category(record, now)
    elif entity_name == "Items":
        complete.complete_item(record, now)
    elif entity_name == "ContactGroups":
        complete.complete_contact_group(record, now)
    elif entity_name == "Contacts":
        complete.complete_contact(record, now)
    elif entity_name == "Payments":
        complete.complete_payment(org, record, now)
    elif entity_name == "BankTransfers":
        complete.complete_bank_transfer(record, now)
    else:
        given = {key: record[key] for key in ("AmountPaid", "AmountCredited") if key in record}
        complete.complete_document(org, entity_name, record, now, unit_places=4)  # as stored, up to 4 dp
        if given and entity_name == "Invoices" and not any(
                record[key] for key in ("Payments", "CreditNotes", "Overpayments", "Prepayments")):
            record.update(given)  # paid outside the file's records: keep Xero's figures as given
            record["AmountDue"] = documents.money(record["Total"] - record["AmountPaid"]
                                                  - record.get("AmountCredited", 0))


def _link_money(org: Organisation) -> None:
    """Attach payments and allocations listed in the file to the documents they settle."""
    touched: set[tuple[str, str]] = set()
    for payment in org.table("Payments").records.values():
        if payment.get("Status") == "DELETED":
            continue
        for entity_name, key in (("Invoices", "Invoice"), ("CreditNotes", "CreditNote"),
                                 ("Overpayments", "Overpayment")):
            target = org.get(entity_name, (payment.get(key) or {}).get(org.table(entity_name).entity.id_field))
            if target is not None and all(p["PaymentID"] != payment["PaymentID"] for p in target["Payments"]):
                target["Payments"].append(documents.payment_summary(payment))
                touched.add((entity_name, target[org.table(entity_name).entity.id_field]))
    for entity_name, list_key in (("CreditNotes", "CreditNotes"), ("Overpayments", "Overpayments")):
        id_field = org.table(entity_name).entity.id_field
        for credit in org.table(entity_name).records.values():
            for allocation in credit.get("Allocations", []):
                invoice = org.get("Invoices", (allocation.get("Invoice") or {}).get("InvoiceID"))
                if invoice is not None and all((c.get("ID") or c.get(id_field)) != credit[id_field]
                                                   for c in invoice[list_key]):
                    invoice[list_key].append(documents.applied_summary(credit, id_field, allocation))
                    touched.add(("Invoices", invoice["InvoiceID"]))
    for entity_name, record_id in touched:
        record = org.get(entity_name, record_id)
        (documents.settle_invoice if entity_name == "Invoices" else documents.settle_credit)(record)
        org.put(entity_name, record)

