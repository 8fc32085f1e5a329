"""The Xero snapshot over a record source that answers like Xero (JSON shapes from the API docs)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from recon.snapshot.xero import snapshot_xero
from recon.workspace import Workspace

TENANT = "6f1c0f5e-8a43-4b6e-9d0a-3c3f6d1b2a11"


def invoice(n: int, total: str, updated: str, status: str = "AUTHORISED") -> dict:
    return {
        "Type": "ACCREC",
        "InvoiceID": f"00000000-0000-0000-0000-{n:012d}",
        "InvoiceNumber": f"INV{10000 + n}",
        "Reference": "BK-5001",
        "Contact": {"ContactID": "c0000000-0000-0000-0000-000000000001", "Name": "Jane Smith CN1"},
        "Date": "/Date(1704672000000+0000)/",
        "DateString": "2024-01-08T00:00:00",
        "DueDate": "/Date(1705276800000+0000)/",
        "Status": status,
        "LineAmountTypes": "Inclusive",
        "LineItems": [
            {"Description": "Boarding", "Quantity": Decimal("4.0000"), "UnitAmount": Decimal("65.0000"),
             "AccountCode": "201", "TaxType": "OUTPUT", "TaxAmount": Decimal("23.64"), "LineAmount": Decimal("260.00")},
            {"Description": "Bath", "Quantity": Decimal("1.0000"), "UnitAmount": Decimal(total) - Decimal("260"),
             "AccountCode": "203", "TaxType": "OUTPUT", "TaxAmount": Decimal("3.18"), "LineAmount": Decimal(total) - Decimal("260")},
        ],
        "SubTotal": Decimal(total) - Decimal("26.82"),
        "TotalTax": Decimal("26.82"),
        "Total": Decimal(total),
        "AmountDue": Decimal(total),
        "AmountPaid": Decimal("0.00"),
        "AmountCredited": Decimal("0.00"),
        "CurrencyCode": "AUD",
        "UpdatedDateUTC": updated,
    }


class FakeXero:
    """Answers iter_records from a dict of entity -> records, honouring modified_since like Xero."""

    def __init__(self, data: dict[str, list[dict]]):
        self.data = data
        self.calls: list[tuple[str, dt.datetime | None]] = []
        self.fail_on: str | None = None

    def iter_records(self, entity, *, modified_since=None, include_archived=False, on_page=None):
        self.calls.append((entity, modified_since))
        if entity == self.fail_on:
            raise RuntimeError("connection reset")
        rows = self.data.get(entity, [])
        if modified_since is not None:
            rows = [r for r in rows if _ms(r["UpdatedDateUTC"]) >= modified_since]
        if on_page:
            on_page(1, len(rows))
        yield from rows


def _ms(text: str) -> dt.datetime:
    ms = int(text[6:].split("+")[0].rstrip(")/"))
    return dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(milliseconds=ms)


@pytest.fixture
def con(tmp_path):
    (tmp_path / "recon.toml").write_text("")
    c = Workspace(tmp_path).connect()
    yield c
    c.close()


def base_data() -> dict[str, list[dict]]:
    return {
        "Organisation": [{"OrganisationID": "o1", "Name": "Happy Tails", "CountryCode": "AU", "BaseCurrency": "AUD",
                          "PeriodLockDate": "/Date(1703980800000+0000)/"}],
        "Accounts": [{"AccountID": "a1", "Code": "090", "Name": "Business Bank", "Type": "BANK", "Status": "ACTIVE",
                      "EnablePaymentsToAccount": False}],
        "Invoices": [invoice(1, "295.00", "/Date(1704700000000+0000)/"),
                     invoice(2, "38.84", "/Date(1704800000000+0000)/")],
        "Contacts": [{"ContactID": "c0000000-0000-0000-0000-000000000001", "Name": "Jane Smith CN1",
                      "ContactNumber": "1", "ContactStatus": "ACTIVE", "EmailAddress": "jane.smith@example.com",
                      "Phones": [{"PhoneType": "MOBILE", "PhoneNumber": "0412 345 678"}],
                      "Addresses": [{"AddressType": "POBOX"}, {"AddressType": "STREET", "AddressLine1": "12 High St",
                                    "City": "Penrith", "PostalCode": "2750"}],
                      "UpdatedDateUTC": "/Date(1704600000000+0000)/"}],
    }


def test_full_snapshot_types_every_field_exactly(con):
    result = snapshot_xero(con, FakeXero(base_data()), TENANT, source="test")
    assert result.mode == "full"
    assert result.counts == {"Organisation": 1, "Accounts": 1, "Invoices": 2, "Contacts": 1}
    rows = con.execute(
        "SELECT invoice_number, date, total, amount_due, status FROM xero_invoices WHERE snapshot_id = ? ORDER BY 1",
        [result.snapshot_id],
    ).fetchall()
    assert rows == [("INV10001", dt.date(2024, 1, 8), Decimal("295.00"), Decimal("295.00"), "AUTHORISED"),
                    ("INV10002", dt.date(2024, 1, 8), Decimal("38.84"), Decimal("38.84"), "AUTHORISED")]
    lines = con.execute("SELECT count(*), sum(line_amount) FROM xero_invoice_lines").fetchone()
    assert lines == (4, Decimal("333.84"))
    contact = con.execute("SELECT name, phones, address_line1, city, postal_code FROM xero_contacts").fetchone()
    assert contact == ("Jane Smith CN1", ["0412 345 678"], "12 High St", "Penrith", "2750")
    lock = con.execute("SELECT period_lock_date FROM xero_organisation").fetchone()[0]
    assert lock == dt.date(2023, 12, 31)
    raw_total = con.execute("SELECT raw->>'Total' FROM xero_records WHERE record_id LIKE '%2'").fetchone()[0]
    assert raw_total == "38.84"


def test_incremental_fetches_changes_only_and_keeps_every_snapshot_complete(con):
    data = base_data()
    xero = FakeXero(data)
    first = snapshot_xero(con, xero, TENANT, source="test")
    data["Invoices"][1] = invoice(2, "38.84", "/Date(1704900000000+0000)/", status="VOIDED")
    xero.calls.clear()
    second = snapshot_xero(con, xero, TENANT, source="test")
    assert second.mode == "incremental"
    assert second.fetched["Invoices"] == 1  # only the voided one came over the wire
    since = dict(xero.calls)["Invoices"]
    assert since == dt.datetime(2024, 1, 9, 11, 33, 20, tzinfo=dt.timezone.utc)
    statuses = con.execute(
        "SELECT snapshot_id, list(status ORDER BY invoice_number) FROM xero_invoices GROUP BY 1 ORDER BY 1"
    ).fetchall()
    assert statuses == [(first.snapshot_id, ["AUTHORISED", "AUTHORISED"]),
                        (second.snapshot_id, ["AUTHORISED", "VOIDED"])]


def test_full_read_when_asked(con):
    xero = FakeXero(base_data())
    snapshot_xero(con, xero, TENANT, source="test")
    again = snapshot_xero(con, xero, TENANT, source="test", full=True)
    assert again.mode == "full" and again.fetched["Invoices"] == 2


def test_failed_snapshot_leaves_nothing_behind(con):
    xero = FakeXero(base_data())
    xero.fail_on = "Payments"  # after Invoices were already stored
    with pytest.raises(RuntimeError):
        snapshot_xero(con, xero, TENANT, source="test")
    assert con.execute("SELECT count(*) FROM snapshots").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM xero_records").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM xero_invoices").fetchone()[0] == 0
