"""Xero's validation rules on contacts and invoices, over HTTP."""

from __future__ import annotations

from decimal import Decimal

from xerohttp import Xero, body, errors_of, invoice, start_with

from sync.sandbox.defaults import default_state


def only(response) -> dict:
    elements = body(response)
    return (elements.get("Elements") or next(v for k, v in elements.items() if isinstance(v, list)))[0]


def test_active_contact_names_are_unique_but_an_archived_name_is_free(xero):
    (first,) = xero.create("Contacts", {"Name": "Happy Tails"})
    duplicate = xero.put("/Contacts", {"Name": "happy tails"})
    assert duplicate.status_code == 400
    assert errors_of(only(duplicate)) == [
        "The contact name happy tails is already assigned to another contact. "
        "The contact name must be unique across all active contacts."]
    archived = xero.post(f"/Contacts/{first['ContactID']}", {"ContactStatus": "ARCHIVED"})
    assert archived.status_code == 200
    assert xero.put("/Contacts", {"Name": "Happy Tails"}).status_code == 200


def test_contact_numbers_are_unique(xero):
    xero.create("Contacts", {"Name": "A", "ContactNumber": "CN1"})
    response = xero.put("/Contacts", {"Name": "B", "ContactNumber": "CN1"})
    assert response.status_code == 400
    assert "already assigned to another contact" in errors_of(only(response))[0]


def test_post_with_contact_id_updates_and_moves_updated_date(xero):
    (contact,) = xero.create("Contacts", {"Name": "Old name"})
    xero.sandbox.clock.advance(1)
    (updated,) = body(xero.post("/Contacts", {"Contacts": [{"ContactID": contact["ContactID"],
                                                            "Name": "New name"}]}))["Contacts"]
    assert updated["ContactID"] == contact["ContactID"] and updated["Name"] == "New name"
    assert updated["UpdatedDateUTC"] != contact["UpdatedDateUTC"]


def test_a_renamed_contact_shows_its_new_name_on_its_invoices(xero):
    (created,) = xero.create("Invoices", invoice(contact="Mia Nguyen"))
    contact_id = created["Contact"]["ContactID"]
    xero.post(f"/Contacts/{contact_id}", {"Name": "Mia Nguyen-Smith"})
    shown = body(xero.get(f"/Invoices/{created['InvoiceID']}"))["Invoices"][0]
    assert shown["Contact"]["Name"] == "Mia Nguyen-Smith"
    assert shown["UpdatedDateUTC"] == created["UpdatedDateUTC"]


def test_sales_invoice_numbers_auto_and_unique(xero):
    first, second = xero.create("Invoices", invoice(), invoice())
    assert (first["InvoiceNumber"], second["InvoiceNumber"]) == ("INV-0001", "INV-0002")
    response = xero.put("/Invoices", invoice(InvoiceNumber="INV-0001"))
    assert response.status_code == 400
    assert errors_of(only(response)) == ["Invoice # must be unique."]


def test_post_with_an_existing_invoice_number_updates_that_invoice(xero):
    (created,) = xero.create("Invoices", invoice(InvoiceNumber="PM-5", status="DRAFT"))
    (updated,) = body(xero.post("/Invoices", invoice(InvoiceNumber="PM-5", amounts=("30.00",))))["Invoices"]
    assert updated["InvoiceID"] == created["InvoiceID"] and updated["Total"] == Decimal("33.00")
    assert len(body(xero.get("/Invoices"))["Invoices"]) == 1


def test_bills_may_repeat_a_number(xero):
    bill = invoice(Type="ACCPAY", InvoiceNumber="SUP-1")
    bill["LineItems"][0]["AccountCode"] = "429"
    first, second = xero.create("Invoices", bill, bill)
    assert first["InvoiceID"] != second["InvoiceID"]
    assert first["InvoiceNumber"] == second["InvoiceNumber"] == "SUP-1"


def test_voided_invoice_keeps_its_number_deleted_draft_frees_it(xero):
    (authorised,) = xero.create("Invoices", invoice(InvoiceNumber="PM-1"))
    voided = xero.post(f"/Invoices/{authorised['InvoiceID']}", {"Status": "VOIDED"})
    assert body(voided)["Invoices"][0]["Status"] == "VOIDED"
    assert xero.put("/Invoices", invoice(InvoiceNumber="PM-1")).status_code == 400
    (draft,) = xero.create("Invoices", invoice(InvoiceNumber="PM-2", status="DRAFT"))
    assert xero.post(f"/Invoices/{draft['InvoiceID']}", {"Status": "DELETED"}).status_code == 200
    assert xero.put("/Invoices", invoice(InvoiceNumber="PM-2")).status_code == 200


def test_tax_is_rounded_per_line_then_summed(xero):
    (three_lines,) = xero.create("Invoices", invoice(amounts=("10.05", "10.05", "10.05")))
    assert [line["TaxAmount"] for line in three_lines["LineItems"]] == [Decimal("1.01")] * 3
    assert three_lines["SubTotal"] == Decimal("30.15")
    assert three_lines["TotalTax"] == Decimal("3.03")  # tax on the total would be 3.02
    assert three_lines["Total"] == Decimal("33.18")
    assert three_lines["AmountDue"] == Decimal("33.18")


def test_inclusive_and_no_tax_amounts(xero):
    (inclusive,) = xero.create("Invoices", invoice(amounts=("11.00", "5.50"), LineAmountTypes="Inclusive"))
    assert (inclusive["SubTotal"], inclusive["TotalTax"], inclusive["Total"]) == (
        Decimal("15.00"), Decimal("1.50"), Decimal("16.50"))
    (no_tax,) = xero.create("Invoices", invoice(amounts=("11.00",), LineAmountTypes="NoTax"))
    assert (no_tax["TotalTax"], no_tax["Total"]) == (Decimal("0.00"), Decimal("11.00"))


def test_quantity_and_discount(xero):
    element = invoice()
    element["LineItems"] = [{"Description": "Walks", "Quantity": 3, "UnitAmount": Decimal("20.00"),
                             "DiscountRate": 10, "AccountCode": "200"}]
    (created,) = xero.create("Invoices", element)
    assert created["LineItems"][0]["LineAmount"] == Decimal("54.00")
    assert created["Total"] == Decimal("59.40")


def test_unknown_account_tax_type_and_contact_are_refused(xero):
    element = invoice()
    element["LineItems"][0]["AccountCode"] = "999"
    element["LineItems"].append({"Description": "x", "UnitAmount": 1, "AccountCode": "200", "TaxType": "BOGUS"})
    element["Contact"] = {"ContactID": "00000000-0000-0000-0000-000000000001"}
    messages = errors_of(only(xero.put("/Invoices", element)))
    assert "Account code '999' is not a valid code for this document." in messages
    assert any("The TaxType code 'BOGUS'" in m for m in messages)
    assert any("ContactID" in m and "could not be found" in m for m in messages)


def test_contact_by_name_is_created_once(xero):
    first, second = xero.create("Invoices", invoice(contact="New Customer"), invoice(contact="new customer"))
    assert first["Contact"]["ContactID"] == second["Contact"]["ContactID"]
    contacts = body(xero.get("/Contacts"))["Contacts"]
    assert [c["Name"] for c in contacts] == ["New Customer"]
    assert contacts[0]["IsCustomer"] is True


def test_authorised_invoice_needs_lines(xero):
    element = invoice()
    element["LineItems"] = []
    assert errors_of(only(xero.put("/Invoices", element))) == ["One or more line items must be specified"]


def test_status_transitions(xero):
    (draft,) = xero.create("Invoices", invoice(status="DRAFT"))
    url = f"/Invoices/{draft['InvoiceID']}"
    assert xero.post(url, {"Status": "VOIDED"}).status_code == 400  # a draft is deleted, not voided
    assert body(xero.post(url, {"Status": "AUTHORISED"}))["Invoices"][0]["Status"] == "AUTHORISED"
    assert errors_of(only(xero.post(url, {"Status": "DELETED"}))) == ["Invoice not of valid status for modification"]
    assert xero.post(url, {"Status": "VOIDED"}).status_code == 200
    assert xero.post(url, {"Status": "AUTHORISED"}).status_code == 400  # VOIDED is final


def test_lock_date_refuses_earlier_documents():
    state = default_state()
    state["organisations"][0]["Organisation"]["PeriodLockDate"] = "2024-06-30"
    with start_with(state) as sandbox:
        xero = Xero(sandbox)
        response = xero.put("/Invoices", invoice(date="2024-06-30"))
        assert response.status_code == 400
        assert "lock date" in errors_of(only(response))[0]
        assert xero.put("/Invoices", invoice(date="2024-06-30", status="DRAFT")).status_code == 200
        assert xero.put("/Invoices", invoice(date="2024-07-01")).status_code == 200
        organisation = body(xero.get("/Organisation"))["Organisations"][0]
        assert organisation["PeriodLockDate"] == "/Date(1719705600000+0000)/"


def test_edit_of_an_authorised_invoice_recomputes_and_moves_updated_date(xero):
    (created,) = xero.create("Invoices", invoice())
    xero.sandbox.clock.advance(2)
    changed = invoice(amounts=("20.00",))
    (updated,) = body(xero.post(f"/Invoices/{created['InvoiceID']}", changed))["Invoices"]
    assert updated["Total"] == Decimal("22.00")
    assert updated["UpdatedDateUTC"] > created["UpdatedDateUTC"]
