"""A Pet Manager payment as a Xero Payment on its invoice, keyed `PM-PAY-<payment id>` in its
Reference (payments are not unique in Xero: the key is how a re-run finds one)."""

from __future__ import annotations

from sync.payloads.cells import decimal, keyed_reference


def payment(payment: dict, *, invoice_id: str, account_code: str) -> dict:
    """`account_code`: the bank (or Stripe clearing) account the payment's method maps to."""
    return {
        "Invoice": {"InvoiceID": invoice_id},
        "Account": {"Code": account_code},
        "Date": payment["payment_date"],
        "Amount": decimal(payment["amount"]),
        "Reference": keyed_reference(f"PM-PAY-{payment['payment_id']}", payment.get("reference", "")),
    }
