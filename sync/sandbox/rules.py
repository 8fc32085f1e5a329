"""Xero's validation rules that several record types share, with Xero's messages.

Each check returns a list of messages (empty when fine), so a write reports every problem
with an element at once, as Xero does."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from sync.sandbox import xerojson
from sync.sandbox.state import Organisation

DOCUMENT_NOT_EDITABLE = "Invoice not of valid status for modification"
HAS_ALLOCATIONS = "This document cannot be edited as it has a payment or credit note allocated to it."


def parse_date_field(element: dict, name: str, errors: list[str]) -> date | None:
    """Read a date field in place (`YYYY-MM-DD`, ISO, or `/Date(...)/`); note a bad one."""
    value = element.get(name)
    if value in (None, ""):
        element.pop(name, None)
        return None
    try:
        element[name] = xerojson.parse_date(value)
    except ValueError:
        errors.append(f"{name} '{value}' is not a valid date")
        element.pop(name, None)
        return None
    return element[name]


def parse_decimal_field(element: dict, name: str, errors: list[str], label: str | None = None) -> Decimal | None:
    value = element.get(name)
    if value is None:
        return None
    try:
        element[name] = Decimal(str(value)) if not isinstance(value, Decimal) else value
    except InvalidOperation:
        errors.append(f"{label or name} must be a number")
        element.pop(name, None)
        return None
    return element[name]


def lock_date_errors(org: Organisation, when: date | None, what: str = "document") -> list[str]:
    """Xero refuses to post anything dated on or before the organisation's lock date."""
    locks = [d for d in (org.organisation.get("PeriodLockDate"), org.organisation.get("EndOfYearLockDate")) if d]
    if when is None or not locks:
        return []
    lock = max(locks)
    if when <= lock:
        return [f"The {what} date cannot be on or before the lock date for this organisation, "
                f"{lock.strftime('%d %B %Y').lstrip('0')}."]
    return []


def find_account(org: Organisation, reference: dict | None) -> dict | None:
    """An account referred to by AccountID or Code."""
    if not reference:
        return None
    account = org.get("Accounts", reference.get("AccountID"))
    if account is None and reference.get("Code"):
        account = org.get("Accounts", org.find("account_code", reference["Code"]))
    return account


def line_errors(org: Organisation, lines: list[dict], need_account: bool) -> list[str]:
    """Line items: known, active account codes; known tax types; known item codes; numbers."""
    errors: list[str] = []
    rates = org.tax_rates()
    for line in lines:
        for name in ("Quantity", "UnitAmount", "LineAmount", "DiscountRate"):
            parse_decimal_field(line, name, errors)
        if line.get("ItemCode"):
            item = org.get("Items", org.find("item_code", line["ItemCode"]))
            if item is None:
                errors.append(f"Item code '{line['ItemCode']}' is not valid")
            else:
                details = item.get("SalesDetails", {})
                line.setdefault("Description", item.get("Description", item.get("Name", "")))
                for source, target in (("UnitPrice", "UnitAmount"), ("AccountCode", "AccountCode"),
                                       ("TaxType", "TaxType")):
                    if source in details and target not in line and not (target == "UnitAmount"
                                                                          and "LineAmount" in line):
                        line[target] = details[source]
        code = line.get("AccountCode")
        if code:
            account = org.get("Accounts", org.find("account_code", code))
            if account is None or account.get("Status") != "ACTIVE":
                errors.append(f"Account code '{code}' is not a valid code for this document.")
        elif line.get("AccountID"):
            account = org.get("Accounts", line["AccountID"])
            if account is None:
                errors.append(f"Account ID '{line['AccountID']}' is not a valid account for this document.")
            else:
                line["AccountCode"] = account["Code"]
        elif need_account:
            errors.append("Account code must be specified")
        tax_type = line.get("TaxType")
        if tax_type and tax_type != "NONE" and tax_type not in rates:
            errors.append(f"The TaxType code '{tax_type}' does not exist or cannot be used with this type of "
                          f"transaction.")
        if "UnitAmount" not in line and "LineAmount" not in line and need_account:
            errors.append("Unit amount or line amount must be specified")
    return errors


def resolve_contact(org: Organisation, reference, errors: list[str]) -> tuple[dict | None, bool]:
    """A document's contact: by ContactID (must exist), by ContactNumber, or by Name. An unknown
    name means a new contact, as in Xero: it comes back with `True`, for the caller to create
    only if the whole document is valid."""
    if not isinstance(reference, dict) or not (reference.get("ContactID") or reference.get("Name")
                                               or reference.get("ContactNumber")):
        errors.append("A Contact must be specified for this type of transaction")
        return None, False
    if reference.get("ContactID"):
        contact = org.get("Contacts", reference["ContactID"])
        if contact is None:
            errors.append(f"The contact with ContactID '{reference['ContactID']}' could not be found")
        return contact, False
    if reference.get("ContactNumber"):
        contact = org.get("Contacts", org.find("contact_number", reference["ContactNumber"]))
        if contact is not None:
            return contact, False
    if reference.get("Name"):
        contact = org.get("Contacts", org.find("contact_name", reference["Name"]))
        if contact is not None:
            return contact, False
        return {key: value for key, value in reference.items() if key in ("Name", "ContactNumber", "EmailAddress",
                                                                         "FirstName", "LastName")}, True
    errors.append(f"The contact with ContactNumber '{reference['ContactNumber']}' could not be found")
    return None, False
