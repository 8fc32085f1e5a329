"""A Pet Manager credit note as a Xero sales credit note (ACCRECCREDIT), approved, its total equal
to Pet Manager's to the cent. Its allocation to an invoice is a separate write (allocation.py)."""

from __future__ import annotations

from decimal import Decimal

from sync.payloads.cells import decimal
from sync.payloads.lines import line_items


def credit_note(credit_note: dict, lines: list[dict], *, contact_id: str, prefix: str, mapping: dict,
                tax_rates: dict[str, Decimal], location_name: str, rounding_tax_type: str) -> dict:
    include_tax = credit_note["amounts_include_tax"] == "true"
    payload = {
        "Type": "ACCRECCREDIT",
        "Contact": {"ContactID": contact_id},
        "CreditNoteNumber": prefix + credit_note["credit_note_number"],
        "Date": credit_note["credit_date"],
        "Status": "AUTHORISED",
        "LineAmountTypes": "Inclusive" if include_tax else "Exclusive",
        "LineItems": line_items(lines, total=decimal(credit_note["total"]), amounts_include_tax=include_tax,
                                mapping=mapping, tax_rates=tax_rates, location_name=location_name,
                                rounding_tax_type=rounding_tax_type),
    }
    if credit_note.get("reason"):
        payload["Reference"] = credit_note["reason"]
    return payload
