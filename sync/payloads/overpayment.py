"""A Pet Manager overpayment (account credit) as a Xero BankTransaction RECEIVE-OVERPAYMENT, which
creates the Overpayment; keyed `PM-OVP-<overpayment id>` in its Reference. Xero books its one
line to Accounts Receivable itself, so the line has no AccountCode."""

from __future__ import annotations

from sync.payloads.cells import decimal, keyed_reference


def overpayment(overpayment: dict, *, contact_id: str, account_code: str) -> dict:
    """`account_code`: the bank account the overpayment's method maps to."""
    return {
        "Type": "RECEIVE-OVERPAYMENT",
        "Contact": {"ContactID": contact_id},
        "BankAccount": {"Code": account_code},
        "Date": overpayment["payment_date"],
        "Reference": keyed_reference(f"PM-OVP-{overpayment['overpayment_id']}", overpayment.get("reference", "")),
        "LineAmountTypes": "NoTax",
        "LineItems": [{"Description": "Account credit", "LineAmount": decimal(overpayment["amount"])}],
    }
