"""Payments against invoices (and refunds of credit notes and overpayments), and their deletion.

A payment needs an AUTHORISED document, an amount no larger than what is outstanding, and a
bank account (or one with "enable payments to this account"). A fully paid document becomes
PAID; deleting the payment (POST /Payments/{id} {"Status": "DELETED"}) reopens it."""

from __future__ import annotations

from decimal import Decimal

from sync.sandbox import complete, documents, rules
from sync.sandbox.state import Organisation, parse_dates
from sync.sandbox.writes import Outcome, WriteContext

READ_ONLY = ("UpdatedDateUTC", "PaymentType", "ValidationErrors", "StatusAttributeString", "HasValidationErrors",
             "HasAccount", "Warnings")
# (field on the payment, collection, ID field, number index) for each kind of document paid
TARGETS = (
    ("Invoice", "Invoices", "InvoiceID", "sales_invoice_number", "InvoiceNumber"),
    ("CreditNote", "CreditNotes", "CreditNoteID", "sales_credit_number", "CreditNoteNumber"),
    ("Overpayment", "Overpayments", "OverpaymentID", None, None),
)
PAYMENT_TYPES = {
    "ACCREC": "ACCRECPAYMENT", "ACCPAY": "ACCPAYPAYMENT", "ACCRECCREDIT": "ARCREDITPAYMENT",
    "ACCPAYCREDIT": "APCREDITPAYMENT", "RECEIVE-OVERPAYMENT": "AROVERPAYMENTPAYMENT",
    "SPEND-OVERPAYMENT": "APOVERPAYMENTPAYMENT",
}


def save_payment(ctx: WriteContext, element: dict) -> Outcome:
    org = ctx.org
    element = {k: v for k, v in parse_dates(element).items() if k not in READ_ONLY}
    existing = org.get("Payments", element.get("PaymentID"))
    if element.get("PaymentID"):
        if existing is None:
            return Outcome(element, ["Payment could not be found"])
        if element.get("Status") != "DELETED" or existing["Status"] == "DELETED":
            return Outcome({**existing, **element}, ["Payment cannot be modified, only deleted"])
        return _delete(ctx, existing)
    errors: list[str] = []
    target = _target(org, element, errors)
    account = rules.find_account(org, element.get("Account"))
    if account is None:
        errors.append("Account could not be found")
    elif account["Type"] != "BANK" and not account.get("EnablePaymentsToAccount"):
        errors.append("Payments can only be made to bank accounts or accounts with payments enabled")
    amount = rules.parse_decimal_field(element, "Amount", errors, "Payment amount")
    if amount is None or amount <= 0:
        errors.append("Payment amount must be greater than zero")
    element.setdefault("Date", ctx.today)
    errors += rules.lock_date_errors(org, rules.parse_date_field(element, "Date", errors), "payment")
    if target is not None:
        collection, record = target
        outstanding = record.get("AmountDue", record.get("RemainingCredit", Decimal(0)))
        if record["Status"] not in ("AUTHORISED", "PAID"):
            errors.append("Payments can only be made against Authorised documents")
        elif amount is not None and amount > outstanding:
            errors.append("Payment amount exceeds the amount outstanding on this document")
    if errors:
        return Outcome(element, errors)

    payment = element
    payment["Amount"] = documents.money(amount)
    payment["Account"] = {"AccountID": account["AccountID"], "Code": account["Code"], "Name": account["Name"]}
    payment["PaymentType"] = PAYMENT_TYPES.get(record["Type"], "ACCRECPAYMENT")
    payment[_field(collection)] = _document_summary(org, collection, record)
    complete.complete_payment(org, payment, ctx.now)
    payment["UpdatedDateUTC"] = ctx.now
    record["Payments"].append(documents.payment_summary(payment))
    _settle(ctx, collection, record)
    org.put("Payments", payment)
    return Outcome(payment)


def _delete(ctx: WriteContext, payment: dict) -> Outcome:
    errors = rules.lock_date_errors(ctx.org, payment.get("Date"), "payment")
    if errors:
        return Outcome(payment, errors)
    payment = dict(payment, Status="DELETED", UpdatedDateUTC=ctx.now)
    for field, collection, id_field, _, _ in TARGETS:
        record = ctx.org.get(collection, (payment.get(field) or {}).get(id_field))
        if record is not None:
            record["Payments"] = [p for p in record["Payments"] if p["PaymentID"] != payment["PaymentID"]]
            _settle(ctx, collection, record)
    ctx.org.put("Payments", payment)
    return Outcome(payment)


def _target(org: Organisation, element: dict, errors: list[str]) -> tuple[str, dict] | None:
    for field, collection, id_field, number_index, number_field in TARGETS:
        reference = element.get(field)
        if not isinstance(reference, dict):
            continue
        record = org.get(collection, reference.get(id_field))
        if record is None and number_index and reference.get(number_field):
            record = org.get(collection, org.find(number_index, reference[number_field]))
        if record is None:
            errors.append(f"{field} could not be found")
            return None
        return collection, record
    errors.append("An Invoice, CreditNote or Overpayment must be specified for a payment")
    return None


def _field(collection: str) -> str:
    return {"Invoices": "Invoice", "CreditNotes": "CreditNote", "Overpayments": "Overpayment"}[collection]


def _document_summary(org: Organisation, collection: str, record: dict) -> dict:
    entity = org.table(collection).entity
    summary = {entity.id_field: record[entity.id_field], "Type": record["Type"],
               "Contact": complete.contact_summary(org, record["Contact"])}
    if entity.number_field and record.get(entity.number_field):
        summary[entity.number_field] = record[entity.number_field]
    return summary


def _settle(ctx: WriteContext, collection: str, record: dict) -> None:
    if collection == "Invoices":
        documents.settle_invoice(record)
    else:
        documents.settle_credit(record)
    record["UpdatedDateUTC"] = ctx.now
    ctx.org.put(collection, record)
