"""A business with two locations, each sent to its own Xero organisation: the whole check
(`run_check`) keeps every record with its location's organisation. A record of location 1 is
never matched against, collided with or counted in the organisation of location 2, and the
reverse."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from decimal import Decimal

import pytest

import queries
from recon.check.findings import Window
from recon.check.run import run_check
from recon.petmanager.columns import FILES
from recon.workspace import Workspace

PM = 1
NORTH, SOUTH = "00000000-0000-4000-8000-00000000a001", "00000000-0000-4000-8000-00000000b002"
XERO = {NORTH: 2, SOUTH: 3}
START = dt.date(2025, 3, 1)

CONFIG = f"""
[business]
name = "Two Paws Kennels"
country = "AU"
currency = "AUD"
timezone = "Australia/Sydney"

[[organisations]]
tenant_id = "{NORTH}"
name = "Two Paws North"
locations = [1]

[[organisations]]
tenant_id = "{SOUTH}"
name = "Two Paws South"
locations = [2]

[numbering]
invoice_prefix = "INV"
credit_note_prefix = ""

[mapping.items]
DAYCARE = "200"

[mapping.tax]
GST = "OUTPUT"

[mapping.payment_methods]
eftpos = "090"

[mapping.accounts]
overpayments = "610"
rounding = "860"
"""


class TwoOrganisations:
    """Pet Manager's snapshot (locations 1 and 2) and one Xero snapshot per organisation."""

    def __init__(self, root) -> None:
        (root / "recon.toml").write_text(CONFIG, encoding="utf-8")
        self.ws = Workspace(root)
        self.con = self.ws.connect()
        self.con.execute(queries.load("xero/schema"))
        for spec in FILES:
            columns = ", ".join(f'"{c.name}" {c.kind.sql_type}' for c in spec.columns)
            self.con.execute(f'CREATE TABLE "pm_{spec.stem}" ("snapshot_id" INTEGER, "_row" INTEGER, {columns})')
        self.con.execute('CREATE TABLE "pm_business" ("snapshot_id" INTEGER, "_row" INTEGER, "business_name" VARCHAR, '
                         '"currency" VARCHAR)')
        self.con.execute('CREATE TABLE "pm_locations" ("snapshot_id" INTEGER, "_row" INTEGER, "location_id" BIGINT, '
                         '"name" VARCHAR)')
        self._rows = itertools.count(2)
        self._ids = itertools.count(1)
        now = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
        self.con.execute("INSERT INTO snapshots VALUES (?, 'petmanager', NULL, 'full', 'test', ?, ?, '{}')", [PM, now, now])
        self._pm("business", business_name="Two Paws Kennels", currency="AUD")
        for location_id, name in ((1, "North"), (2, "South")):
            self._pm("locations", location_id=location_id, name=name)
        for tenant, snapshot in XERO.items():
            self.con.execute("INSERT INTO snapshots VALUES (?, 'xero', ?, 'full', 'test', ?, ?, '{}')",
                             [snapshot, tenant, now, now])
            self._xero(tenant, "organisation", organisation_id=str(uuid.uuid4()), name=f"Two Paws {tenant[-4:]}",
                       country_code="AU", base_currency="AUD")
            self._xero(tenant, "tax_rates", tax_type="OUTPUT", name="GST on Income", status="ACTIVE",
                       effective_rate=Decimal(10), can_apply_to_revenue=True)

    def customer(self, customer_id: int, first: str, last: str) -> None:
        self._pm("customers", customer_id=customer_id, first_name=first, last_name=last,
                 email=f"{first.lower()}@example.com", is_active=True)

    def invoice(self, invoice_id: int, customer_id: int, location_id: int, date: str, total: str) -> None:
        amount = Decimal(total)
        self._pm("invoices", invoice_id=invoice_id, invoice_number=str(10000 + invoice_id), customer_id=customer_id,
                 invoice_date=dt.date.fromisoformat(date), due_date=dt.date.fromisoformat(date), status="paid",
                 amounts_include_tax=True, subtotal=amount, tax_total=(amount / 11).quantize(Decimal("0.01")),
                 total=amount, location_id=location_id)
        self._pm("invoice_lines", invoice_id=invoice_id, line_number=1, item_code="DAYCARE", description="Daycare",
                 quantity=Decimal(1), unit_price=amount, tax_code="GST", line_amount=amount)

    def payment(self, payment_id: int, invoice_id: int, customer_id: int, location_id: int, date: str,
                amount: str) -> None:
        self._pm("payments", payment_id=payment_id, invoice_id=invoice_id, customer_id=customer_id,
                 payment_date=dt.date.fromisoformat(date), amount=Decimal(amount), method="eftpos",
                 status="completed", location_id=location_id)

    def xero_contact(self, tenant: str, name: str, number: str | None = None) -> str:
        contact_id = self._guid()
        self._xero(tenant, "contacts", contact_id=contact_id, name=name, contact_number=number, contact_status="ACTIVE",
                   phones=[], is_customer=True, is_supplier=False, group_names=[])
        return contact_id

    def xero_invoice(self, tenant: str, contact_id: str, number: str, date: str, total: str,
                     reference: str | None = None) -> str:
        invoice_id = self._guid()
        amount = Decimal(total)
        tax = (amount / 11).quantize(Decimal("0.01"))
        name = self.con.execute("SELECT name FROM xero_contacts WHERE contact_id = ?", [contact_id]).fetchone()[0]
        self._xero(tenant, "invoices", invoice_id=invoice_id, type="ACCREC", invoice_number=number, reference=reference,
                   contact_id=contact_id, contact_name=name, date=dt.date.fromisoformat(date),
                   due_date=dt.date.fromisoformat(date), status="AUTHORISED", line_amount_types="Inclusive",
                   sub_total=amount - tax, total_tax=tax, total=amount, amount_due=amount, amount_paid=Decimal(0),
                   amount_credited=Decimal(0), currency_code="AUD")
        return invoice_id

    def xero_payment(self, tenant: str, invoice_id: str, date: str, amount: str) -> str:
        payment_id = self._guid()
        number, contact_id = self.con.execute(
            "SELECT invoice_number, contact_id FROM xero_invoices WHERE invoice_id = ?", [invoice_id]).fetchone()
        self._xero(tenant, "payments", payment_id=payment_id, date=dt.date.fromisoformat(date), amount=Decimal(amount),
                   status="AUTHORISED", payment_type="ACCRECPAYMENT", invoice_id=invoice_id, invoice_number=number,
                   contact_id=contact_id, account_code="090")
        return payment_id

    def check(self):
        self.con.close()
        return run_check(self.ws, Window(START))

    def _pm(self, table: str, **values) -> None:
        self._insert(f"pm_{table}", {"snapshot_id": PM, "_row": next(self._rows), **values})

    def _xero(self, tenant: str, table: str, **values) -> None:
        self._insert(f"xero_{table}", {"snapshot_id": XERO[tenant], "tenant_id": tenant, **values})

    def _insert(self, table: str, values: dict) -> None:
        names = ", ".join(f'"{k}"' for k in values)
        self.con.execute(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" for _ in values)})',
                         list(values.values()))

    def _guid(self) -> str:
        return str(uuid.UUID(int=next(self._ids)))


@pytest.fixture
def books(tmp_path) -> TwoOrganisations:
    """Jane boards her dog at the North kennel (invoice 1, $120) and the South one (invoice 2, $85).
    Each organisation has Pet Manager's own contact for her; each bookkeeper typed both invoices by
    hand into their own organisation, with Pet Manager's number in Reference, and her payments on
    them; South's also holds InvoiceNumber INV10001 (North's invoice's number) on another contact."""
    books = TwoOrganisations(tmp_path)
    books.customer(1, "Jane", "Smith")
    books.invoice(1, 1, 1, "2025-03-03", "120.00")
    books.invoice(2, 1, 2, "2025-03-10", "85.00")
    books.payment(1, 1, 1, 1, "2025-03-03", "120.00")
    books.payment(2, 2, 1, 2, "2025-03-10", "85.00")
    for tenant in (NORTH, SOUTH):
        jane = books.xero_contact(tenant, "Jane Smith CN1", number="1")
        first = books.xero_invoice(tenant, jane, f"INV-{tenant[-4:]}-1", "2025-03-04", "120.00", reference="10001")
        second = books.xero_invoice(tenant, jane, f"INV-{tenant[-4:]}-2", "2025-03-11", "85.00", reference="10002")
        books.xero_payment(tenant, first, "2025-03-04", "120.00")
        books.xero_payment(tenant, second, "2025-03-11", "85.00")
    other = books.xero_contact(SOUTH, "Someone Else")
    books.xero_invoice(SOUTH, other, "INV10001", "2024-11-20", "33.00")
    return books


def test_each_invoice_and_payment_is_a_duplicate_only_in_its_own_organisation(books):
    result = books.check()

    invoices = {(d.tenant_id, d.petmanager_id) for d in result.duplicates if d.kind == "invoice"}
    payments = {(d.tenant_id, d.petmanager_id) for d in result.duplicates if d.kind == "payment"}

    assert invoices == {(NORTH, 1), (SOUTH, 2)}
    assert payments == {(NORTH, 1), (SOUTH, 2)}


def test_a_number_held_in_the_other_organisation_is_no_collision(books):
    result = books.check()

    assert [p for p in result.problems if p.kind == "number_collision"] == []


def test_what_would_be_sent_is_counted_per_organisation(books):
    result = books.check()

    invoices = {row.tenant_id: (row.in_scope, row.suspected, row.to_create) for row in result.scope
                if row.kind == "invoice"}
    payments = {row.tenant_id: row.in_scope for row in result.scope if row.kind == "payment"}
    contacts = {row.tenant_id: (row.in_scope, row.linked) for row in result.scope if row.kind == "contact"}

    assert invoices == {NORTH: (1, 1, 0), SOUTH: (1, 1, 0)}
    assert payments == {NORTH: 1, SOUTH: 1}
    assert contacts == {NORTH: (1, 1), SOUTH: (1, 1)}  # contacts carry no location: each organisation needs Jane
    assert result.summary()["sync_would_send"]["invoice"]["in_scope"] == 2


def test_monthly_totals_hold_each_organisations_own_invoices(books):
    result = books.check()

    totals = {tenant: [(m.month, m.petmanager_total, m.xero_total) for m in months]
              for tenant, months in result.months.items()}

    assert totals == {NORTH: [("2025-03", Decimal("120.00"), Decimal("205.00"))],
                      SOUTH: [("2025-03", Decimal("85.00"), Decimal("205.00"))]}
