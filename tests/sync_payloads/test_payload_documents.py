"""Invoices and credit notes: Pet Manager's lines, mapped, plus a rounding line where Xero's
per-line tax would miss Pet Manager's total."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from payload_sample import MAPPING, PREFIX, TAX_RATES, assert_valid, by_id, document_options, lines_of
from sync.payloads import credit_note, invoice
from sync.xero_tax import line_amount, xero_total

D = Decimal
CONTACT_ID = str(uuid.uuid4())


def build_invoice(export, invoice_id: str, **changes) -> dict:
    row = by_id(export, "invoices", "invoice_id")[invoice_id]
    options = {**document_options(row), **changes}
    return invoice(row, lines_of(export, "invoice_lines", "invoice_id", invoice_id), contact_id=CONTACT_ID,
                   prefix=PREFIX, **options)


def build_credit_note(export, credit_note_id: str, **changes) -> dict:
    row = by_id(export, "credit_notes", "credit_note_id")[credit_note_id]
    options = {**document_options(row), **changes}
    return credit_note(row, lines_of(export, "credit_note_lines", "credit_note_id", credit_note_id),
                       contact_id=CONTACT_ID, prefix="", **options)


def predicted_total(payload: dict) -> Decimal:
    """Xero's Total for the payload, as Xero computes it (line by line)."""
    return xero_total(((line_amount(item["Quantity"], item["UnitAmount"], item.get("DiscountRate", D(0))),
                        TAX_RATES[item["TaxType"]]) for item in payload["LineItems"]),
                      payload["LineAmountTypes"] == "Inclusive")


def test_an_inclusive_invoice_carries_its_lines_as_pet_manager_has_them(sample_export):
    payload = build_invoice(sample_export, "1")
    assert payload == {
        "Type": "ACCREC",
        "Contact": {"ContactID": CONTACT_ID},
        "InvoiceNumber": "INV10001",
        "Date": "2024-01-08",
        "DueDate": "2024-01-15",
        "Status": "AUTHORISED",
        "LineAmountTypes": "Inclusive",
        "LineItems": [
            {"Description": "Boarding - large dog, 4 nights", "Quantity": D("4"), "UnitAmount": D("65.00"),
             "AccountCode": "200", "TaxType": "OUTPUT"},
            {"Description": "Departure bath", "Quantity": D("1"), "UnitAmount": D("35.00"),
             "AccountCode": "200", "TaxType": "OUTPUT"},
        ],
        "Reference": "BK-5001",
    }


def test_invoice_10011_gets_a_rounding_line_of_minus_one_cent(sample_export):
    payload = build_invoice(sample_export, "11")
    assert payload["LineAmountTypes"] == "Exclusive"
    assert "Reference" not in payload
    assert [item["UnitAmount"] for item in payload["LineItems"]] == [D("11.77")] * 3 + [D("-0.01")]
    assert payload["LineItems"][3] == {"Description": "Rounding", "Quantity": D(1), "UnitAmount": D("-0.01"),
                                       "AccountCode": "860", "TaxType": "BASEXCLUDED"}
    assert predicted_total(payload) == D("38.84")


def test_four_decimal_unit_prices_and_discounts_are_kept(sample_export):
    nails = build_invoice(sample_export, "6")["LineItems"][1]
    assert nails["UnitAmount"] == D("19.9990") and str(nails["UnitAmount"]) == "19.9990"
    cattery = build_invoice(sample_export, "5")["LineItems"]
    assert cattery[0]["DiscountRate"] == D("10")
    assert "DiscountRate" not in cattery[1]
    assert cattery[2]["TaxType"] == "EXEMPTOUTPUT"


@pytest.mark.parametrize("invoice_id", [str(n) for n in range(1, 12)])
def test_every_sample_invoice_lands_pet_managers_total_and_meets_the_spec(sample_export, invoice_id):
    payload = build_invoice(sample_export, invoice_id)
    assert predicted_total(payload) == D(by_id(sample_export, "invoices", "invoice_id")[invoice_id]["total"])
    rounding = [item for item in payload["LineItems"] if item["Description"] == "Rounding"]
    assert len(rounding) == (1 if invoice_id == "11" else 0)
    assert_valid("/Invoices", {"Invoices": [payload]}, "summarizeErrors=false&unitdp=4")


def test_tracking_names_the_area_type_and_the_location_when_mapped(sample_export):
    mapping = {**MAPPING, "tracking": {"area_types": "Area Types", "locations": "Locations"}}
    payload = build_invoice(sample_export, "1", mapping=mapping)
    assert_valid("/Invoices", {"Invoices": [payload]})
    lines = payload["LineItems"]
    assert lines[1]["Tracking"] == [{"Name": "Area Types", "Option": "grooming"},
                                    {"Name": "Locations", "Option": "Happy Tails Penrith"}]
    adjustment = build_credit_note(sample_export, "2", mapping=mapping)["LineItems"][0]
    assert adjustment["Tracking"] == [{"Name": "Locations", "Option": "Happy Tails Penrith"}]
    only_locations = {**MAPPING, "tracking": {"locations": "Locations"}}
    assert build_invoice(sample_export, "2", mapping=only_locations)["LineItems"][0]["Tracking"] == [
        {"Name": "Locations", "Option": "Happy Tails Richmond"}]


def test_an_item_code_wins_over_the_area_type_and_the_area_type_is_the_fallback(sample_export):
    mapping = {**MAPPING, "items": {"BATH": "260"}}
    lines = build_invoice(sample_export, "1", mapping=mapping)["LineItems"]
    assert [item["AccountCode"] for item in lines] == ["200", "260"]


def test_unmapped_codes_and_unknown_tax_types_are_refused(sample_export):
    with pytest.raises(ValueError, match="'BOARD-DOG' or area_type 'boarding'"):
        build_invoice(sample_export, "1", mapping={**MAPPING, "items": {}, "area_types": {}})
    with pytest.raises(ValueError, match="tax_code 'GST'"):
        build_invoice(sample_export, "1", mapping={**MAPPING, "tax": {}})
    with pytest.raises(ValueError, match="no tax rate OUTPUT"):
        build_invoice(sample_export, "1", tax_rates={})


def test_the_rounding_line_refuses_a_tax_type_that_carries_tax(sample_export):
    with pytest.raises(ValueError, match="OUTPUT carries tax"):
        build_invoice(sample_export, "11", rounding_tax_type="OUTPUT")
    assert build_invoice(sample_export, "11", rounding_tax_type="NONE")["LineItems"][3]["TaxType"] == "NONE"


def test_a_credit_note_keeps_its_own_number_and_its_reason(sample_export):
    payload = build_credit_note(sample_export, "1")
    assert payload == {
        "Type": "ACCRECCREDIT",
        "Contact": {"ContactID": CONTACT_ID},
        "CreditNoteNumber": "CN-0001",
        "Date": "2024-01-13",
        "Status": "AUTHORISED",
        "LineAmountTypes": "Inclusive",
        "LineItems": [{"Description": "Refund one night - early pick-up", "Quantity": D("1"),
                       "UnitAmount": D("65.00"), "AccountCode": "200", "TaxType": "OUTPUT"}],
        "Reference": "Early pick-up",
    }
    assert_valid("/CreditNotes", {"CreditNotes": [payload, build_credit_note(sample_export, "2")]},
                 "summarizeErrors=false&unitdp=4")


def test_a_credit_note_gets_a_rounding_line_too(sample_export):
    row = {"credit_note_number": "7", "credit_date": "2024-04-15", "amounts_include_tax": "false",
           "total": "38.84", "reason": "", "location_id": "1"}
    lines = [{"line_number": str(n), "item_code": "RETAIL", "area_type": "retail", "description": "Lead",
              "quantity": "1", "unit_price": "11.77", "tax_code": "GST", "line_amount": "11.77"} for n in (1, 2, 3)]
    payload = credit_note(row, lines, contact_id=CONTACT_ID, prefix="CR", **document_options(row))
    assert payload["CreditNoteNumber"] == "CR7"
    assert payload["LineItems"][-1]["UnitAmount"] == D("-0.01")
    assert predicted_total(payload) == D("38.84")
