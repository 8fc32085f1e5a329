"""A Pet Manager allocation (part of a credit note or overpayment applied to an invoice) as a
Xero Allocation. It is sent to the credit's own path: PUT /CreditNotes/{CreditNoteID}/Allocations
or PUT /Overpayments/{OverpaymentID}/Allocations, as `{"Allocations": [...]}`."""

from __future__ import annotations

from sync.payloads.cells import decimal


def allocation(allocation: dict, *, invoice_id: str) -> dict:
    return {
        "Invoice": {"InvoiceID": invoice_id},
        "Amount": decimal(allocation["amount"]),
        "Date": allocation["allocation_date"],
    }
