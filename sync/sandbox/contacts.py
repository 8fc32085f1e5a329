"""Writing contacts: a unique name among active contacts and a unique ContactNumber."""

from __future__ import annotations

import copy

from sync.sandbox import complete
from sync.sandbox.state import parse_dates
from sync.sandbox.writes import Outcome, WriteContext

READ_ONLY = ("UpdatedDateUTC", "ValidationErrors", "StatusAttributeString", "HasValidationErrors", "Balances",
             "HasAttachments")
STATUSES = ("ACTIVE", "ARCHIVED", "GDPRREQUEST")
DOCUMENTS = ("Invoices", "CreditNotes", "Overpayments", "BankTransactions")


def save_contact(ctx: WriteContext, element: dict) -> Outcome:
    org = ctx.org
    element = {k: v for k, v in parse_dates(element).items() if k not in READ_ONLY}
    existing = org.get("Contacts", element.get("ContactID"))
    if existing is None and ctx.method == "POST" and not element.get("ContactID"):
        existing = org.get("Contacts", org.find("contact_number", element.get("ContactNumber")))
    if element.get("ContactID") and existing is None:
        return Outcome(element, [f"The contact with ContactID '{element['ContactID']}' could not be found"])
    contact = {**copy.deepcopy(existing), **element} if existing else element
    errors = contact_errors(ctx, contact)
    if errors:
        return Outcome(contact, errors)
    complete.complete_contact(contact, ctx.now)
    contact["UpdatedDateUTC"] = ctx.now
    org.put("Contacts", contact)
    if existing and existing.get("Name") != contact.get("Name"):
        _show_new_name(ctx, contact)
    return Outcome(contact)


def _show_new_name(ctx: WriteContext, contact: dict) -> None:
    """Documents show their contact as it is now; a rename does not change their UpdatedDateUTC."""
    for collection in DOCUMENTS:
        for record in list(ctx.org.table(collection).records.values()):
            if (record.get("Contact") or {}).get("ContactID") == contact["ContactID"]:
                record["Contact"] = complete.contact_summary(ctx.org, record["Contact"])
                ctx.org.put(collection, record)


def contact_errors(ctx: WriteContext, contact: dict) -> list[str]:
    org = ctx.org
    errors = []
    name = (contact.get("Name") or "").strip()
    contact_id = str(contact.get("ContactID", "")).lower()
    if not name:
        errors.append("The contact name must be specified")
    status = contact.get("ContactStatus", "ACTIVE")
    if status not in STATUSES:
        errors.append(f"Contact status '{status}' is not valid")
    holder = org.find("contact_name", name)
    if name and status == "ACTIVE" and holder and holder.lower() != contact_id:
        errors.append(f"The contact name {name} is already assigned to another contact. "
                      f"The contact name must be unique across all active contacts.")
    number = contact.get("ContactNumber")
    holder = org.find("contact_number", number)
    if number and holder and holder.lower() != contact_id:
        errors.append(f"The contact number {number} is already assigned to another contact. "
                      f"The contact number must be unique across all contacts.")
    return errors


def create_named_contact(ctx: WriteContext, fields: dict, is_customer: bool) -> dict:
    """The contact a document creates when it names one that does not exist yet."""
    contact = dict(fields)
    complete.complete_contact(contact, ctx.now)
    contact["IsCustomer" if is_customer else "IsSupplier"] = True
    ctx.org.put("Contacts", contact)
    return contact


def mark_role(ctx: WriteContext, contact: dict, is_customer: bool) -> None:
    """A contact becomes a customer with its first sale, a supplier with its first bill."""
    flag = "IsCustomer" if is_customer else "IsSupplier"
    if not contact.get(flag):
        contact[flag] = True
        contact["UpdatedDateUTC"] = ctx.now
        ctx.org.put("Contacts", contact)
