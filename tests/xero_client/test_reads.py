"""Reading: paging rules, single GETs, filters, IDs in chunks of 50, 304."""

from datetime import datetime, timezone
from decimal import Decimal

import pytest

from xero_client.fakes import FakeXero, api, make_client, xero_json


def invoices(start: int, count: int) -> list[dict]:
    return [
        {"InvoiceID": f"00000000-0000-0000-0000-{n:012d}", "InvoiceNumber": f"PM-{n}", "Total": 10.5 + n}
        for n in range(start, start + count)
    ]


def test_pages_until_the_pagination_block_says_last_page(tmp_path):
    fake = FakeXero().on("GET", api("Invoices"), lambda request: xero_json({
        "pagination": {"page": int(request.url.params["page"]), "pageSize": 2, "pageCount": 3, "itemCount": 5},
        "Invoices": invoices(int(request.url.params["page"]) * 10, 2 if request.url.params["page"] != "3" else 1),
    }))
    seen = []
    with make_client(fake, tmp_path) as xero:
        records = list(xero.iter_records("Invoices", page_size=2, on_page=lambda page, count: seen.append((page, count))))
    assert len(records) == 5
    assert seen == [(1, 2), (2, 2), (3, 1)]
    assert [r.url.params["page"] for r in fake.calls("GET", api("Invoices"))] == ["1", "2", "3"]
    assert all(r.url.params["pageSize"] == "2" for r in fake.calls("GET", api("Invoices")))


def test_without_a_pagination_block_a_short_page_is_the_last(tmp_path):
    fake = FakeXero().on("GET", api("Payments"), [
        xero_json({"Payments": [{"PaymentID": str(n)} for n in range(1000)]}),
        xero_json({"Payments": [{"PaymentID": "last"}]}),
    ])
    with make_client(fake, tmp_path) as xero:
        records = list(xero.iter_records("Payments"))
    assert len(records) == 1001
    assert len(fake.calls("GET", api("Payments"))) == 2


def test_a_full_last_page_costs_one_empty_page(tmp_path):
    fake = FakeXero().on("GET", api("Contacts"), [
        xero_json({"Contacts": [{"ContactID": "a"}, {"ContactID": "b"}]}),
        xero_json({"Contacts": []}),
    ])
    with make_client(fake, tmp_path) as xero:
        assert len(list(xero.iter_records("Contacts", page_size=2))) == 2
    assert len(fake.calls("GET", api("Contacts"))) == 2


def test_quotes_page_by_100_without_page_size(tmp_path):
    fake = FakeXero().on("GET", api("Quotes"), xero_json({"Quotes": [{"QuoteID": "q"}] * 99}))
    with make_client(fake, tmp_path) as xero:
        assert len(list(xero.iter_records("Quotes"))) == 99
    (request,) = fake.calls("GET", api("Quotes"))
    assert "pageSize" not in request.url.params and request.url.params["page"] == "1"


@pytest.mark.parametrize("entity,key", [("Accounts", "Accounts"), ("TaxRates", "TaxRates"),
                                        ("Organisation", "Organisations"), ("BankTransfers", "BankTransfers")])
def test_unpaged_entities_are_one_get(tmp_path, entity, key):
    fake = FakeXero().on("GET", api(entity), xero_json({key: [{"Name": "one"}, {"Name": "two"}]}))
    with make_client(fake, tmp_path) as xero:
        assert [r["Name"] for r in xero.iter_records(entity)] == ["one", "two"]
    (request,) = fake.calls("GET", api(entity))
    assert "page" not in request.url.params


def test_filters_and_if_modified_since(tmp_path):
    fake = FakeXero().on("GET", api("Invoices"), xero_json({"Invoices": []}))
    since = datetime(2026, 11, 1, 9, 30, 15, 987000, tzinfo=timezone.utc)
    with make_client(fake, tmp_path) as xero:
        list(xero.iter_records("Invoices", modified_since=since, where='Type=="ACCREC"', include_archived=True,
                               params={"Statuses": "AUTHORISED,PAID"}))
    (request,) = fake.calls("GET", api("Invoices"))
    assert request.headers["If-Modified-Since"] == "2026-11-01T09:30:15Z"
    assert request.url.params["where"] == 'Type=="ACCREC"'
    assert request.url.params["includeArchived"] == "true"
    assert request.url.params["Statuses"] == "AUTHORISED,PAID"
    assert request.headers["xero-tenant-id"]


def test_entities_without_if_modified_since_are_read_whole(tmp_path):
    fake = FakeXero().on("GET", api("TaxRates"), xero_json({"TaxRates": []}))
    with make_client(fake, tmp_path) as xero:
        list(xero.iter_records("TaxRates", modified_since=datetime(2026, 1, 1, tzinfo=timezone.utc)))
    assert "If-Modified-Since" not in fake.calls("GET", api("TaxRates"))[0].headers


def test_not_modified_is_an_empty_read(tmp_path):
    fake = FakeXero().on("GET", api("Items"), xero_json({}, status=304))
    with make_client(fake, tmp_path) as xero:
        assert list(xero.iter_records("Items", modified_since=datetime(2026, 1, 1, tzinfo=timezone.utc))) == []


def test_include_archived_where_xero_has_no_such_option(tmp_path):
    with make_client(FakeXero(), tmp_path) as xero:
        with pytest.raises(ValueError, match="includeArchived"):
            list(xero.iter_records("Payments", include_archived=True))


def test_money_is_decimal_never_float(tmp_path):
    fake = FakeXero().on("GET", api("Invoices"), xero_json({"Invoices": [{"Total": Decimal("0.10")}]}))
    with make_client(fake, tmp_path) as xero:
        (invoice,) = xero.iter_records("Invoices")
    assert invoice["Total"] == Decimal("0.1") and isinstance(invoice["Total"], Decimal)


def test_ids_are_asked_for_fifty_at_a_time(tmp_path):
    fake = FakeXero().on("GET", api("Invoices"), lambda request: xero_json({
        "Invoices": [{"InvoiceID": i} for i in request.url.params["IDs"].split(",")]
    }))
    ids = [f"00000000-0000-0000-0000-{n:012d}" for n in range(120)]
    with make_client(fake, tmp_path) as xero:
        found = xero.get_by_ids("Invoices", ids + ids[:5])
    assert [r["InvoiceID"] for r in found] == ids
    calls = fake.calls("GET", api("Invoices"))
    assert [len(r.url.params["IDs"].split(",")) for r in calls] == [50, 50, 20]
    assert all(r.url.params["page"] == "1" for r in calls)


def test_ids_only_where_xero_takes_them(tmp_path):
    with make_client(FakeXero(), tmp_path) as xero:
        with pytest.raises(ValueError):
            xero.get_by_ids("Payments", ["x"])


def test_unknown_entity(tmp_path):
    with make_client(FakeXero(), tmp_path) as xero:
        with pytest.raises(ValueError, match="unknown Xero entity"):
            list(xero.iter_records("Invoice"))
