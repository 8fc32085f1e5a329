"""Allocating a credit note or an overpayment to invoices of the same contact.

An allocation can be no larger than the credit remaining nor than the invoice's AmountDue; both
sides settle (a fully used credit and a fully paid invoice become PAID)."""

from __future__ import annotations

import uuid

from sync.sandbox import documents, rules
from sync.sandbox.state import parse_dates
from sync.sandbox.writes import Outcome, WriteContext

# credit type -> the invoice type it may be allocated to
INVOICE_TYPES = {"ACCRECCREDIT": "ACCREC", "ACCPAYCREDIT": "ACCPAY", "RECEIVE-OVERPAYMENT": "ACCREC",
                 "SPEND-OVERPAYMENT": "ACCPAY"}


def allocator(collection: str, credit_id: str):
    """A saver for allocations of one credit note (collection "CreditNotes") or overpayment."""

    def save_allocation(ctx: WriteContext, element: dict) -> Outcome:
        return _allocate(ctx, collection, credit_id, parse_dates(element))

    return save_allocation


def _allocate(ctx: WriteContext, collection: str, credit_id: str, element: dict) -> Outcome:
    org = ctx.org
    credit = org.get(collection, credit_id)
    id_field = org.table(collection).entity.id_field
    list_key = "CreditNotes" if collection == "CreditNotes" else "Overpayments"
    errors: list[str] = []
    invoice = org.get("Invoices", (element.get("Invoice") or {}).get("InvoiceID"))
    if invoice is None:
        errors.append("Invoice could not be found")
    amount = rules.parse_decimal_field(element, "Amount", errors, "Amount")
    if amount is None or amount <= 0:
        errors.append("Allocation amount must be greater than zero")
    element.setdefault("Date", ctx.today)
    errors += rules.lock_date_errors(org, rules.parse_date_field(element, "Date", errors), "allocation")
    if credit["Status"] != "AUTHORISED":
        errors.append("Only authorised credit can be allocated")
    elif amount is not None and amount > credit["RemainingCredit"]:
        errors.append("The amount allocated exceeds the remaining credit")
    if invoice is not None:
        if invoice["Status"] != "AUTHORISED":
            errors.append("Credit can only be allocated to Authorised invoices")
        elif invoice["Type"] != INVOICE_TYPES.get(credit["Type"]):
            errors.append("Credit can only be allocated to an invoice of the matching type")
        elif invoice["Contact"]["ContactID"] != credit["Contact"]["ContactID"]:
            errors.append("Credit can only be allocated to an invoice of the same contact")
        elif amount is not None and amount > invoice["AmountDue"]:
            errors.append("The amount allocated exceeds the amount due on the invoice")
    if errors:
        return Outcome(element, errors)

    allocation = {"AllocationID": str(uuid.uuid4()), "Amount": documents.money(amount), "Date": element["Date"],
                  "Invoice": {"InvoiceID": invoice["InvoiceID"], "InvoiceNumber": invoice.get("InvoiceNumber", "")},
                  "IsDeleted": False}
    credit["Allocations"].append(allocation)
    invoice[list_key].append(documents.applied_summary(credit, id_field, allocation))
    documents.settle_credit(credit)
    documents.settle_invoice(invoice)
    for name, record in ((collection, credit), ("Invoices", invoice)):
        record["UpdatedDateUTC"] = ctx.now
        org.put(name, record)
    shown = dict(allocation)
    shown["CreditNote" if collection == "CreditNotes" else "Overpayment"] = {
        id_field: credit[id_field], **({"CreditNoteNumber": credit["CreditNoteNumber"]}
                                       if credit.get("CreditNoteNumber") else {})}
    return Outcome(shown)
