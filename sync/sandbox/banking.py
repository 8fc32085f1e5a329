"""Bank transactions (spend and receive money, and RECEIVE-/SPEND-OVERPAYMENT, which also
create the Overpayment) and bank transfers between two bank accounts."""

from __future__ import annotations

import copy

from sync.sandbox import complete, documents, rules
from sync.sandbox.contacts import create_named_contact
from sync.sandbox.state import new_id, parse_dates
from sync.sandbox.writes import Outcome, WriteContext

TYPES = ("RECEIVE", "SPEND", "RECEIVE-OVERPAYMENT", "SPEND-OVERPAYMENT")
READ_ONLY = ("SubTotal", "TotalTax", "Total", "UpdatedDateUTC", "ValidationErrors", "StatusAttributeString",
             "HasAttachments", "OverpaymentID", "PrepaymentID")


def save_bank_transaction(ctx: WriteContext, element: dict) -> Outcome:
    org = ctx.org
    element = {k: v for k, v in parse_dates(element).items() if k not in READ_ONLY and not k.endswith("String")}
    existing = org.get("BankTransactions", element.get("BankTransactionID"))
    if element.get("BankTransactionID") and existing is None:
        return Outcome(element, ["Bank transaction could not be found"])
    errors: list[str] = []
    if existing is not None:
        if existing["Status"] == "DELETED" or existing["Type"].endswith("OVERPAYMENT") \
                or element.get("Status", "AUTHORISED") not in ("AUTHORISED", "DELETED"):
            return Outcome({**existing, **element}, ["This bank transaction cannot be modified"])
        transaction = {**copy.deepcopy(existing), **element}
    else:
        transaction = element
        transaction.setdefault("Status", "AUTHORISED")
        transaction.setdefault("Date", ctx.today)
        if transaction["Status"] != "AUTHORISED":
            errors.append("Bank transaction Status must be AUTHORISED")
    if transaction.get("Type") not in TYPES:
        errors.append("Bank transaction Type must be one of " + ", ".join(TYPES))
    overpayment = str(transaction.get("Type", "")).endswith("OVERPAYMENT")
    if overpayment:
        transaction["LineAmountTypes"] = "NoTax"
    bank = rules.find_account(org, transaction.get("BankAccount"))
    if bank is None or bank.get("Type") != "BANK":
        errors.append("A valid BankAccount must be specified")
    contact, new_contact = rules.resolve_contact(org, transaction.get("Contact"), errors)
    errors += rules.lock_date_errors(org, rules.parse_date_field(transaction, "Date", errors), "transaction")
    lines = transaction.get("LineItems") or []
    if not lines:
        errors.append("One or more line items must be specified")
    errors += rules.line_errors(org, lines, need_account=not overpayment)
    if errors:
        return Outcome(transaction, errors)

    if new_contact:
        contact = create_named_contact(ctx, contact, is_customer=transaction["Type"].startswith("RECEIVE"))
    transaction["Contact"] = {"ContactID": contact["ContactID"]}
    transaction["BankAccount"] = {"AccountID": bank["AccountID"], "Code": bank["Code"], "Name": bank["Name"]}
    transaction.setdefault("IsReconciled", False)
    transaction.setdefault("Reference", "")
    complete.complete_document(org, "BankTransactions", transaction, ctx.now, ctx.unit_places)
    transaction["UpdatedDateUTC"] = ctx.now
    if overpayment and existing is None:
        transaction["OverpaymentID"] = _create_overpayment(ctx, transaction)
    org.put("BankTransactions", transaction)
    return Outcome(transaction)


def _create_overpayment(ctx: WriteContext, transaction: dict) -> str:
    overpayment = {
        "OverpaymentID": new_id(), "Type": transaction["Type"], "Contact": dict(transaction["Contact"]),
        "Date": transaction["Date"], "Status": "AUTHORISED", "LineAmountTypes": "NoTax",
        "LineItems": copy.deepcopy(transaction["LineItems"]), "CurrencyCode": transaction["CurrencyCode"],
        "Reference": transaction.get("Reference", ""),
    }
    complete.complete_document(ctx.org, "Overpayments", overpayment, ctx.now)
    overpayment["UpdatedDateUTC"] = ctx.now
    ctx.org.put("Overpayments", overpayment)
    return overpayment["OverpaymentID"]


def save_bank_transfer(ctx: WriteContext, element: dict) -> Outcome:
    org = ctx.org
    element = {k: v for k, v in parse_dates(element).items() if k not in READ_ONLY}
    errors: list[str] = []
    accounts = {}
    for side in ("FromBankAccount", "ToBankAccount"):
        account = rules.find_account(org, element.get(side))
        if account is None or account.get("Type") != "BANK":
            errors.append(f"{side} must be a bank account")
        accounts[side] = account
    if not errors and accounts["FromBankAccount"]["AccountID"] == accounts["ToBankAccount"]["AccountID"]:
        errors.append("FromBankAccount and ToBankAccount must be different accounts")
    amount = rules.parse_decimal_field(element, "Amount", errors)
    if amount is None or amount <= 0:
        errors.append("Amount must be greater than zero")
    element.setdefault("Date", ctx.today)
    errors += rules.lock_date_errors(org, rules.parse_date_field(element, "Date", errors), "transfer")
    if errors:
        return Outcome(element, errors)
    transfer = element
    transfer["Amount"] = documents.money(amount)
    for side, account in accounts.items():
        transfer[side] = {"AccountID": account["AccountID"], "Code": account["Code"], "Name": account["Name"]}
    complete.complete_bank_transfer(transfer, ctx.now)
    org.put("BankTransfers", transfer)
    return Outcome(transfer)
