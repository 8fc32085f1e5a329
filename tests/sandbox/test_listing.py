"""Reading: paging and the pagination block, line items only with `page`, If-Modified-Since,
`where`, `IDs`/`InvoiceNumbers`/`ContactIDs`/`Statuses`, `order`, GET by id and by number."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from xerohttp import Xero, body, invoice, start_with, state_with_invoices

from sync.sandbox import xerojson


@pytest.fixture(scope="module")
def big():
    with start_with(state_with_invoices(2500), minute_limit=10_000) as sandbox:
        client = Xero(sandbox)
        yield client
        client.http.close()


def test_paging_across_thousands_of_records(big):
    seen = []
    page = 1
    while True:
        data = body(big.get("/Invoices", params={"page": page, "pageSize": 1000}))
        assert data["pagination"] == {"page": page, "pageSize": 1000, "pageCount": 3, "itemCount": 2500}
        if not data["Invoices"]:
            break
        assert all("LineItems" in i for i in data["Invoices"])
        seen += [i["InvoiceNumber"] for i in data["Invoices"]]
        page += 1
    assert page == 4
    assert seen == [f"PM-{n:05d}" for n in range(2500)]


def test_page_size_defaults_to_100_and_is_capped_at_1000(big):
    assert len(body(big.get("/Invoices", params={"page": 1}))["Invoices"]) == 100
    assert body(big.get("/Invoices", params={"page": 1, "pageSize": 5000}))["pagination"]["pageSize"] == 1000


def test_without_page_all_records_come_without_line_items(big):
    data = body(big.get("/Invoices"))
    assert len(data["Invoices"]) == 2500 and "pagination" not in data
    assert all("LineItems" not in i for i in data["Invoices"])
    assert data["Status"] == "OK" and set(data) >= {"Id", "ProviderName", "DateTimeUTC"}


def test_envelope_dates_and_computed_fields(big):
    one = body(big.get("/Invoices/PM-00001"))["Invoices"][0]
    assert one["Date"] == "/Date(1706832000000+0000)/" and one["DateString"] == "2024-02-02T00:00:00"
    assert one["Total"] == one["SubTotal"] + one["TotalTax"] and one["AmountDue"] == one["Total"]
    assert one["UpdatedDateUTC"].startswith("/Date(") and one["UpdatedDateUTC"].endswith("+0000)/")


def test_where_filters(big):
    def count(where: str) -> int:
        return len(body(big.get("/Invoices", params={"where": where}))["Invoices"])

    assert count('Status=="DRAFT"') == 625
    assert count('Status!="DRAFT"') == 1875
    assert count('Type=="ACCREC" AND Date>=DateTime(2024,12,01)') == 208
    assert count('Date>=DateTime(2024,01,01) && Date<DateTime(2024,02,01)') == 209
    contact_id = body(big.get("/Contacts"))["Contacts"][3]["ContactID"]
    assert count(f'Contact.ContactID==guid("{contact_id}")') == 250
    assert count(f'(Status=="DRAFT" OR Status=="VOIDED") AND Contact.ContactID=guid("{contact_id}")') == 0
    assert count('InvoiceNumber.StartsWith("PM-0001")') == 10
    bad = big.get("/Invoices", params={"where": 'Status=="DRAFT" AND'})
    assert bad.status_code == 400


def test_id_number_contact_and_status_filters(big):
    listed = body(big.get("/Invoices"))["Invoices"]
    ids = ",".join(i["InvoiceID"] for i in listed[:3])
    assert len(body(big.get("/Invoices", params={"IDs": ids}))["Invoices"]) == 3
    numbers = body(big.get("/Invoices", params={"InvoiceNumbers": "PM-00007,PM-00009"}))["Invoices"]
    assert [i["InvoiceNumber"] for i in numbers] == ["PM-00007", "PM-00009"]
    contact_id = listed[0]["Contact"]["ContactID"]
    assert len(body(big.get("/Invoices", params={"ContactIDs": contact_id}))["Invoices"]) == 250
    assert len(body(big.get("/Invoices", params={"Statuses": "DRAFT,AUTHORISED"}))["Invoices"]) == 2500


def test_order(big):
    ordered = body(big.get("/Invoices", params={"order": "InvoiceNumber DESC", "page": 1, "pageSize": 3}))
    assert [i["InvoiceNumber"] for i in ordered["Invoices"]] == ["PM-02499", "PM-02498", "PM-02497"]


def test_get_by_id_by_number_and_not_found(big):
    listed = body(big.get("/Invoices", params={"page": 1, "pageSize": 1}))["Invoices"][0]
    by_id = body(big.get(f"/Invoices/{listed['InvoiceID']}"))["Invoices"][0]
    assert by_id["InvoiceNumber"] == listed["InvoiceNumber"] and "LineItems" in by_id
    assert body(big.get("/Contacts/CN3"))["Contacts"][0]["Name"] == "Customer 3"
    missing = big.get("/Invoices/00000000-0000-0000-0000-000000000000")
    assert missing.status_code == 404
    assert missing.text == "The resource you're looking for cannot be found"


def test_if_modified_since(xero):
    xero.create("Invoices", invoice(), invoice())
    xero.sandbox.clock.advance(10)
    mark = xero.sandbox.clock.now() - timedelta(seconds=1)
    xero.sandbox.clock.advance(1)
    (later,) = xero.create("Invoices", invoice())
    since = {"If-Modified-Since": mark.strftime("%Y-%m-%dT%H:%M:%S")}
    changed = body(xero.get("/Invoices", headers=since))["Invoices"]
    assert [i["InvoiceID"] for i in changed] == [later["InvoiceID"]]
    contacts = body(xero.get("/Contacts", headers=since))["Contacts"]
    assert contacts == []  # the contact was created (and last changed) before the mark


def test_contact_search_term(xero):
    xero.create("Contacts", {"Name": "Mia Nguyen", "EmailAddress": "mia@example.com"}, {"Name": "Sam Lee"})
    found = body(xero.get("/Contacts", params={"searchTerm": "EXAMPLE.com"}))["Contacts"]
    assert [c["Name"] for c in found] == ["Mia Nguyen"]


def test_archived_contacts_need_include_archived(xero):
    (contact,) = xero.create("Contacts", {"Name": "Gone"})
    xero.post(f"/Contacts/{contact['ContactID']}", {"ContactStatus": "ARCHIVED"})
    assert body(xero.get("/Contacts"))["Contacts"] == []
    assert len(body(xero.get("/Contacts", params={"includeArchived": "true"}))["Contacts"]) == 1


def test_reference_data(xero):
    accounts = body(xero.get("/Accounts"))["Accounts"]
    assert {"090", "200", "610", "800", "820"} <= {a["Code"] for a in accounts}
    bank = next(a for a in accounts if a["Code"] == "090")
    assert (bank["Type"], bank["Class"], bank["Status"]) == ("BANK", "ASSET", "ACTIVE")
    rates = {r["TaxType"]: r for r in body(xero.get("/TaxRates"))["TaxRates"]}
    assert rates["OUTPUT"]["EffectiveRate"] == 10 and rates["EXEMPTOUTPUT"]["EffectiveRate"] == 0
    assert body(xero.get("/TrackingCategories"))["TrackingCategories"] == []


def test_listing_runs_at_thousands_of_records_per_second():
    with start_with(state_with_invoices(10_000), minute_limit=10_000) as sandbox:
        client = Xero(sandbox)
        started = time.perf_counter()
        for page in range(1, 11):
            assert len(xerojson.loads(client.get("/Invoices", params={"page": page, "pageSize": 1000})
                                      .content)["Invoices"]) == 1000
        rate = 10_000 / (time.perf_counter() - started)
        assert rate > 2000, f"{rate:.0f} records/s"
