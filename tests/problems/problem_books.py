"""Small workspaces for the problem checks, written the way the domain talks: a customer, an
invoice with its lines, a payment; a Xero organisation with a lock date, a contact, an invoice.

`Books` holds one Pet Manager snapshot and one Xero snapshot of one organisation, in the tables
and types the workspace uses (pm_* from recon.petmanager.columns, xero_* from
queries/xero/schema.sql), and a fully mapped recon.toml `Config` so that a test sees only the
problem it sets up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import duckdb

import queries
from recon.check.findings import Problem, Window
from recon.config import CodeMapping, Config, Organisation
from recon.petmanager.columns import FILES
from recon.problems import find_problems

TENANT = "6f1c0f5e-8a43-4b6e-9d0a-3c3f6d1b2a11"
PM_SNAPSHOT = 1
XERO_SNAPSHOT = 2
START = dt.date(2025, 2, 1)

# Pet Manager tax code -> (Xero TaxType, rate in percent), as mapped in the default config.
TAX = {
    "GST": ("OUTPUT", Decimal("10.0000")),
    "GST_FREE": ("EXEMPTOUTPUT", Decimal("0.0000")),
    "GST15": ("OUTPUT2", Decimal("15.0000")),
    "VAT20": ("OUTPUTVAT", Decimal("20.0000")),
    "ODD": ("ODDRATE", Decimal("12.3456")),
}

CONFIG = Config(
    root=Path("/workspace"),
    export=None,
    business_name="Happy Tails Boarding Kennels",
    country="AU",
    currency="AUD",
    timezone="Australia/Sydney",
    organisations=(Organisation(TENANT, "Happy Tails Boarding Kennels", (1, 2)),),
    invoice_prefix="INV",
    credit_note_prefix="",
    start_date=START,
    mapping=CodeMapping(
        items={"BOARD-DOG": "200", "RETAIL": "200"},
        tax={code: tax_type for code, (tax_type, _) in TAX.items()},
        payment_methods={"eftpos": "090", "cash": "090", "bank_transfer": "090"},
        accounts={"overpayments": "610", "rounding": "860"},
    ),
)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


class Books:
    def __init__(self) -> None:
        self.con = duckdb.connect()
        for spec in FILES:
            columns = ", ".join(f'"{c.name}" {c.kind.sql_type}' for c in spec.columns)
            self.con.execute(f'CREATE TABLE "pm_{spec.stem}" (snapshot_id INTEGER, _row INTEGER, {columns})')
        self.con.execute(
            'CREATE TABLE "pm_business" (snapshot_id INTEGER, _row INTEGER, business_name VARCHAR, country VARCHAR, '
            'currency VARCHAR, timezone VARCHAR, tax_registered BOOLEAN, export_format INTEGER, exported_at TIMESTAMPTZ)'
        )
        self.con.execute('CREATE TABLE "pm_locations" (snapshot_id INTEGER, _row INTEGER, location_id BIGINT, name VARCHAR)')
        self.con.execute(queries.load("xero/schema"))
        self.config = CONFIG
        self._pm("business", business_name="Happy Tails Boarding Kennels", country="AU", currency="AUD",
                 timezone="Australia/Sydney", tax_registered=True, export_format=1)
        self._pm("locations", location_id=1, name="Happy Tails Penrith")
        self._pm("locations", location_id=2, name="Happy Tails Richmond")
        self.organisation()
        self._xero("accounts", code="200", name="Sales", type="REVENUE", **{"class": "REVENUE"}, status="ACTIVE")
        self._xero("accounts", code="090", name="Business Bank Account", type="BANK", **{"class": "ASSET"},
                   status="ACTIVE")
        self._xero("accounts", code="610", name="Accounts Receivable", type="CURRENT", **{"class": "ASSET"},
                   status="ACTIVE", system_account="DEBTORS")
        self._xero("accounts", code="860", name="Rounding", type="EXPENSE", **{"class": "EXPENSE"}, status="ACTIVE")
        for tax_type, rate in TAX.values():
            self.tax_rate(tax_type, rate)

    # -- the check ------------------------------------------------------------------------------

    def problems(self, start: str = "2025-02-01", end: str | None = None) -> list[Problem]:
        window = Window(day(start), day(end) if end else None)
        return find_problems(self.con, config=self.config, pm_snapshot=PM_SNAPSHOT, xero_snapshot=XERO_SNAPSHOT,
                             tenant_id=TENANT, window=window)

    def map(self, **changes) -> None:
        """Change the mapping: `books.map(accounts={"overpayments": "610"})`."""
        self.config = replace(self.config, mapping=replace(self.config.mapping, **changes))

    # -- Pet Manager ----------------------------------------------------------------------------

    def business(self, **values) -> None:
        self.con.execute('DELETE FROM "pm_business"')
        self._pm("business", **{"business_name": "Happy Tails Boarding Kennels", "country": "AU", **values})

    def customer(self, customer_id: int, first: str = "Jane", last: str = "Smith", company: str | None = None,
                 active: bool = True) -> None:
        self._pm("customers", customer_id=customer_id, first_name=first, last_name=last, company_name=company,
                 is_active=active)

    def invoice(self, invoice_id: int, date: str, lines: list[tuple[str, str]], *, number: str | None = None,
                customer: int = 1, status: str = "issued", inclusive: bool = True, location: int = 1,
                total: str | None = None) -> None:
        """`lines` are (tax code, line amount); totals as Pet Manager computes them (tax per code on the
        summed amounts) unless `total` says otherwise."""
        subtotal, tax_total, computed = self._totals(lines, inclusive)
        self._pm("invoices", invoice_id=invoice_id, invoice_number=number or str(10000 + invoice_id),
                 customer_id=customer, invoice_date=day(date), due_date=day(date), status=status,
                 amounts_include_tax=inclusive, subtotal=subtotal, tax_total=tax_total,
                 total=Decimal(total) if total else computed, location_id=location)
        for n, (tax_code, amount) in enumerate(lines, start=1):
            self._pm("invoice_lines", invoice_id=invoice_id, line_number=n, item_code="BOARD-DOG",
                     area_type="boarding", description="Boarding", quantity=Decimal(1), unit_price=Decimal(amount),
                     tax_code=tax_code, line_amount=Decimal(amount))

    def credit_note(self, credit_note_id: int, date: str, lines: list[tuple[str, str]], *, number: str | None = None,
                    customer: int = 1, status: str = "issued", inclusive: bool = True, location: int = 1) -> None:
        subtotal, tax_total, total = self._totals(lines, inclusive)
        self._pm("credit_notes", credit_note_id=credit_note_id, credit_note_number=number or f"CN-{credit_note_id:04d}",
                 customer_id=customer, credit_date=day(date), status=status, amounts_include_tax=inclusive,
                 subtotal=subtotal, tax_total=tax_total, total=total, location_id=location)
        for n, (tax_code, amount) in enumerate(lines, start=1):
            self._pm("credit_note_lines", credit_note_id=credit_note_id, line_number=n, item_code="BOARD-DOG",
                     description="Credit", quantity=Decimal(1), unit_price=Decimal(amount), tax_code=tax_code,
                     line_amount=Decimal(amount))

    def payment(self, payment_id: int, invoice: int, date: str, amount: str, *, customer: int = 1,
                status: str = "completed", method: str = "eftpos", location: int = 1) -> None:
        self._pm("payments", payment_id=payment_id, invoice_id=invoice, customer_id=customer, payment_date=day(date),
                 amount=Decimal(amount), method=method, status=status, location_id=location)

    def overpayment(self, overpayment_id: int, date: str, amount: str, *, customer: int = 1, location: int = 1) -> None:
        self._pm("overpayments", overpayment_id=overpayment_id, customer_id=customer, payment_date=day(date),
                 amount=Decimal(amount), method="bank_transfer", location_id=location)

    def allocation(self, allocation_id: int, source: tuple[str, int], invoice: int, date: str, amount: str) -> None:
        """`source` is ("credit_note", id) or ("overpayment", id)."""
        self._pm("allocations", allocation_id=allocation_id, source_type=source[0], source_id=source[1],
                 invoice_id=invoice, amount=Decimal(amount), allocation_date=day(date))

    def refund(self, refund_id: int, source: tuple[str, int], date: str, amount: str, *, customer: int = 1,
               location: int = 1) -> None:
        self._pm("refunds", refund_id=refund_id, source_type=source[0], source_id=source[1], customer_id=customer,
                 refund_date=day(date), amount=Decimal(amount), method="bank_transfer", location_id=location)

    # -- Xero -----------------------------------------------------------------------------------

    def organisation(self, *, base_currency: str = "AUD", period_lock: str | None = None,
                     end_of_year_lock: str | None = None) -> None:
        self.con.execute('DELETE FROM "xero_organisation"')
        self._xero("organisation", organisation_id="o1", name="Happy Tails Boarding Kennels", country_code="AU",
                   base_currency=base_currency, period_lock_date=day(period_lock) if period_lock else None,
                   end_of_year_lock_date=day(end_of_year_lock) if end_of_year_lock else None)

    def tax_rate(self, tax_type: str, rate: Decimal, status: str = "ACTIVE") -> None:
        self._xero("tax_rates", tax_type=tax_type, name=tax_type, status=status, effective_rate=rate,
                   can_apply_to_revenue=True, can_apply_to_expenses=True)

    def xero_contact(self, contact_id: str, name: str, number: str | None = None, status: str = "ACTIVE") -> None:
        self._xero("contacts", contact_id=contact_id, name=name, contact_number=number, contact_status=status)

    def xero_invoice(self, invoice_id: str, number: str, contact_id: str, date: str, total: str, *,
                     status: str = "AUTHORISED", amount_due: str | None = None, type_: str = "ACCREC") -> None:
        name = self.con.execute('SELECT name FROM "xero_contacts" WHERE contact_id = ?', [contact_id]).fetchone()[0]
        self._xero("invoices", invoice_id=invoice_id, type=type_, invoice_number=number, contact_id=contact_id,
                   contact_name=name, date=day(date), status=status, total=Decimal(total),
                   amount_due=Decimal(amount_due if amount_due is not None else total))

    def xero_credit_note(self, credit_note_id: str, number: str, contact_id: str, date: str, total: str, *,
                         status: str = "AUTHORISED", remaining_credit: str | None = None) -> None:
        name = self.con.execute('SELECT name FROM "xero_contacts" WHERE contact_id = ?', [contact_id]).fetchone()[0]
        self._xero("credit_notes", credit_note_id=credit_note_id, type="ACCRECCREDIT", credit_note_number=number,
                   contact_id=contact_id, contact_name=name, date=day(date), status=status, total=Decimal(total),
                   remaining_credit=Decimal(remaining_credit if remaining_credit is not None else total))

    # -- plumbing -------------------------------------------------------------------------------

    @staticmethod
    def _totals(lines: list[tuple[str, str]], inclusive: bool) -> tuple[Decimal, Decimal, Decimal]:
        subtotal = sum((Decimal(amount) for _, amount in lines), Decimal("0.00"))
        per_code: dict[str, Decimal] = {}
        for code, amount in lines:
            per_code[code] = per_code.get(code, Decimal("0.00")) + Decimal(amount)
        rates = {code: TAX[code][1] / 100 for code in per_code}
        if inclusive:
            tax = sum((cents(a * rates[c] / (1 + rates[c])) for c, a in per_code.items()), Decimal("0.00"))
            return subtotal, tax, subtotal
        tax = sum((cents(a * rates[c]) for c, a in per_code.items()), Decimal("0.00"))
        return subtotal, tax, subtotal + tax

    def _pm(self, table: str, **values) -> None:
        self._insert(f"pm_{table}", {"snapshot_id": PM_SNAPSHOT, **values})

    def _xero(self, table: str, **values) -> None:
        self._insert(f"xero_{table}", {"snapshot_id": XERO_SNAPSHOT, "tenant_id": TENANT, **values})

    def _insert(self, table: str, values: dict) -> None:
        select = ", ".join(f'${name} AS "{name}"' for name in values)
        self.con.execute(f'INSERT INTO "{table}" BY NAME SELECT {select}', values)
