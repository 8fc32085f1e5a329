"""Writing invoices (ACCREC sales, ACCPAY bills) and credit notes: statuses, numbers, totals.

- A sales InvoiceNumber is unique; a voided invoice keeps its number, a deleted draft frees it;
  absent, Xero gives the next `INV-0001`. Bills may repeat a number.
- DRAFT and SUBMITTED may be edited, approved or deleted; AUTHORISED may be edited or voided
  only while nothing is paid or credited; PAID, VOIDED and DELETED are final.
- Nothing is approved (or voided) on or before the organisation's lock date."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from sync.sandbox import complete, rules
from sync.sandbox.contacts import create_named_contact, mark_role
from sync.sandbox.state import parse_dates
from sync.sandbox.writes import Outcome, WriteContext


@dataclass(frozen=True)
class DocumentKind:
    collection: str
    id_field: str
    number_field: str
    label: str
    sales_type: str
    purchase_type: str
    number_prefix: str
    number_index: str


INVOICE = DocumentKind("Invoices", "InvoiceID", "InvoiceNumber", "Invoice", "ACCREC", "ACCPAY", "INV-",
                       "sales_invoice_number")
CREDIT_NOTE = DocumentKind("CreditNotes", "CreditNoteID", "CreditNoteNumber", "Credit Note", "ACCRECCREDIT",
                           "ACCPAYCREDIT", "CN-", "sales_credit_number")

READ_ONLY = ("SubTotal", "TotalTax", "Total", "TotalDiscount", "AmountDue", "AmountPaid", "AmountCredited",
             "RemainingCredit", "AppliedAmount", "UpdatedDateUTC", "Payments", "CreditNotes", "Overpayments",
             "Prepayments", "Allocations", "HasErrors", "ValidationErrors", "StatusAttributeString",
             "FullyPaidOnDate", "IsDiscounted", "HasAttachments", "Warnings")
EDITABLE = ("DRAFT", "SUBMITTED")
CREATE_STATUSES = ("DRAFT", "SUBMITTED", "AUTHORISED")
NEXT_STATUSES = {
    "DRAFT": ("DRAFT", "SUBMITTED", "AUTHORISED", "DELETED"),
    "SUBMITTED": ("DRAFT", "SUBMITTED", "AUTHORISED", "DELETED"),
    "AUTHORISED": ("AUTHORISED", "VOIDED"),
}
AMOUNT_TYPES = ("Exclusive", "Inclusive", "NoTax")


def save_invoice(ctx: WriteContext, element: dict) -> Outcome:
    return save_document(INVOICE, ctx, element)


def save_credit_note(ctx: WriteContext, element: dict) -> Outcome:
    return save_document(CREDIT_NOTE, ctx, element)


def save_document(kind: DocumentKind, ctx: WriteContext, element: dict) -> Outcome:
    org = ctx.org
    element = {k: v for k, v in parse_dates(element).items() if k not in READ_ONLY and not k.endswith("String")}
    existing = org.get(kind.collection, element.get(kind.id_field))
    if existing is None and element.get(kind.id_field):
        return Outcome(element, [f"{kind.label} could not be found"])
    if existing is None and ctx.method == "POST" and element.get(kind.number_field):
        existing = org.get(kind.collection, org.find(kind.number_index, element[kind.number_field]))
    errors: list[str] = []
    if existing is not None:
        document = copy.deepcopy(existing)
        document.update(element)
        errors += _transition_errors(kind, existing, element)
    else:
        document = element
        document.setdefault("Status", "DRAFT")
        if document["Status"] not in CREATE_STATUSES:
            errors.append(f"{kind.label} Status must be DRAFT, SUBMITTED or AUTHORISED")
        document.setdefault("Date", ctx.today)
    status = document["Status"]
    if document.get("Type") not in (kind.sales_type, kind.purchase_type):
        errors.append(f"{kind.label} Type must be specified" if not document.get("Type")
                      else f"{kind.label} Type '{document['Type']}' is not valid")
    for name in ("Date", "DueDate"):
        rules.parse_date_field(document, name, errors)
    contact, new_contact = rules.resolve_contact(org, document.get("Contact"), errors)
    if document.get("LineAmountTypes", "Exclusive") not in AMOUNT_TYPES:
        errors.append(f"LineAmountTypes '{document['LineAmountTypes']}' is not valid")
    posted = status in ("SUBMITTED", "AUTHORISED")
    lines = document.get("LineItems") or []
    if posted and not lines:
        errors.append("One or more line items must be specified")
    errors += rules.line_errors(org, lines, need_account=posted)
    if document.get("CurrencyCode", org.organisation["BaseCurrency"]) != org.organisation["BaseCurrency"]:
        errors.append(f"Organisation is not subscribed to currency {document['CurrencyCode']}")
    number = document.get(kind.number_field)
    holder = org.find(kind.number_index, number) if document.get("Type") == kind.sales_type else None
    if number and holder and holder.lower() != str(document.get(kind.id_field, "")).lower() and status != "DELETED":
        errors.append(f"{kind.label} # must be unique.")
    if status in ("AUTHORISED", "VOIDED") and (existing is None or existing["Status"] != status or "Date" in element):
        errors += rules.lock_date_errors(org, document.get("Date"))
    if errors:
        return Outcome(document, errors)

    is_sale = document["Type"] == kind.sales_type
    if new_contact:
        contact = create_named_contact(ctx, contact, is_customer=is_sale)
    else:
        mark_role(ctx, contact, is_customer=is_sale)
    document["Contact"] = {"ContactID": contact["ContactID"]}
    if is_sale and not number:
        document[kind.number_field] = org.next_number(kind.number_prefix, kind.number_index)
    complete.complete_document(org, kind.collection, document, ctx.now, ctx.unit_places)
    document["UpdatedDateUTC"] = ctx.now
    org.put(kind.collection, document)
    return Outcome(document)


def _transition_errors(kind: DocumentKind, existing: dict, element: dict) -> list[str]:
    old = existing["Status"]
    new = element.get("Status", old)
    if element.get("Type", existing["Type"]) != existing["Type"]:
        return [f"{kind.label} Type cannot be changed"]
    if new not in NEXT_STATUSES.get(old, ()):
        return [rules.DOCUMENT_NOT_EDITABLE]
    if old == "AUTHORISED" and _money_applied(existing) and (
            new == "VOIDED" or "LineItems" in element or "Contact" in element):
        return [rules.HAS_ALLOCATIONS]
    return []


def _money_applied(document: dict) -> bool:
    """Paid, credited or allocated in any part (such a document can no longer be voided or re-lined)."""
    links = ("Payments", "Allocations", "CreditNotes", "Overpayments", "Prepayments")
    return any(document.get(key) for key in links) or bool(document.get("AmountPaid")) \
        or bool(document.get("AmountCredited"))
