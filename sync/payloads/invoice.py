"""A Pet Manager invoice as a Xero sales invoice (ACCREC), approved, its total equal to Pet
Manager's to the cent."""

from __future__ import annotations

from decimal import Decimal

from sync.payloads.cells import decimal
from sync.payloads.lines import line_items


def invoice(invoice: dict, lines: list[dict], *, contact_id: str, prefix: str, mapping: dict,
            tax_rates: dict[str, Decimal], location_name: str, rounding_tax_type: str) -> dict:
    include_tax = invoice["amounts_include_tax"] == "true"
    payload = {
        "Type": "ACCREC",
        "Contact": {"ContactID": contact_id},
        "InvoiceNumber": prefix + invoice["invoice_number"],
        "Date": invoice["invoice_date"],
        "DueDate": invoice["due_date"],
        "Status": "AUTHORISED",
        "LineAmountTypes": "Inclusive" if include_tax else "Exclusive",
        "LineItems": line_items(lines, total=decimal(invoice["total"]), amounts_include_tax=include_tax,
                                mapping=mapping, tax_rates=tax_rates, location_name=location_name,
                                rounding_tax_type=rounding_tax_type),
    }
    if invoice.get("booking_ref"):
        payload["Reference"] = invoice["booking_ref"]
    return payload
