"""A Pet Manager refund as a Xero Payment paying out a credit note's or an overpayment's remaining
credit, keyed `PM-RFD-<refund id>` in its Reference."""

from __future__ import annotations

from sync.payloads.cells import decimal, keyed_reference

PAID_DOCUMENTS = {"credit_note": ("CreditNote", "CreditNoteID"), "overpayment": ("Overpayment", "OverpaymentID")}


def refund(refund: dict, *, credit_id: str, account_code: str) -> dict:
    """`credit_id`: the Xero CreditNoteID or OverpaymentID of the refund's source (`source_type`);
    `account_code`: the bank account the refund's method maps to."""
    document, id_field = PAID_DOCUMENTS[refund["source_type"]]
    return {
        document: {id_field: credit_id},
        "Account": {"Code": account_code},
        "Date": refund["refund_date"],
        "Amount": decimal(refund["amount"]),
        "Reference": keyed_reference(f"PM-RFD-{refund['refund_id']}", refund.get("reference", "")),
    }
