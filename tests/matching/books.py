"""A small workspace written like the domain: Pet Manager customers, invoices and payments on one
side, Xero contacts, invoices and payments on the other, inserted straight into the snapshot
tables (one Pet Manager snapshot, one Xero snapshot), then matched."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from decimal import Decimal

import duckdb

import queries
from recon.check.findings import Window
from recon.matching import Matches, find_matches
from recon.petmanager.columns import FILES

PM_SNAPSHOT, XERO_SNAPSHOT = 1, 2
TENANT = "6f1c0f5e-8a43-4b6e-9d0a-3c3f6d1b2a11"
START = dt.date(2024, 1, 1)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def gst(total: Decimal) -> Decimal:
    """The GST inside a tax-inclusive Australian total (one eleventh), to the cent."""
    return (total / 11).quantize(Decimal("0.01"))


class Books:
    def __init__(self) -> None:
        self.con = duckdb.connect()
        for spec in FILES:
            columns = ", ".join(f'"{c.name}" {c.kind.sql_type}' for c in spec.columns)
            self.con.execute(f'CREATE TABLE "pm_{spec.stem}" ("snapshot_id" INTEGER, "_row" INTEGER, {columns})')
        self.con.execute(queries.load("xero/schema"))
        self._ids = itertools.count(1)
        self._rows = itertools.count(2)

    # Pet Manager ------------------------------------------------------------------------------
    def customer(self, customer_id: int, first: str = "", last: str = "", *, company: str = "", email: str = "",
                 phone: str = "", mobile: str = "", street: str = "", suburb: str = "", postcode: str = "") -> int:
        self._pm("customers", customer_id=customer_id, first_name=first, last_name=last, company_name=company,
                 email=email, phone=phone, mobile=mobile, address_line1=street, suburb=suburb, state="NSW",
                 postcode=postcode, country="AU", is_active=True)
        return customer_id

    def invoice(self, invoice_id: int, customer_id: int, date: str, total: str, *, number: str | None = None,
                lines: list[str] | None = None, booking_ref: str = "", status: str = "paid") -> int:
        amount = Decimal(total)
        self._pm("invoices", invoice_id=invoice_id, invoice_number=number or str(10000 + invoice_id),
                 customer_id=customer_id, invoice_date=day(date), due_date=day(date), status=status,
                 amounts_include_tax=True, subtotal=amount, tax_total=gst(amount), total=amount,
                 booking_ref=booking_ref, location_id=1)
        for n, line in enumerate(lines or [total], start=1):
            self._pm("invoice_lines", invoice_id=invoice_id, line_number=n, item_code="DAYCARE", area_type="daycare",
                     description=f"Line {n}", quantity=Decimal(1), unit_price=Decimal(line), discount_percent=Decimal(0),
                     tax_code="GST", line_amount=Decimal(line))
        return invoice_id

    def payment(self, payment_id: int, invoice_id: int, date: str, amount: str, *, method: str = "eftpos",
                status: str = "completed") -> int:
        customer_id = self.con.execute("SELECT customer_id FROM pm_invoices WHERE invoice_id = ?", [invoice_id]).fetchone()[0]
        self._pm("payments", payment_id=payment_id, invoice_id=invoice_id, customer_id=customer_id,
                 payment_date=day(date), amount=Decimal(amount), method=method, status=status, location_id=1)
        return payment_id

    def credit_note(self, credit_note_id: int, customer_id: int, date: str, total: str, *, number: str | None = None) -> int:
        amount = Decimal(total)
        self._pm("credit_notes", credit_note_id=credit_note_id, credit_note_number=number or f"CN-{credit_note_id:04d}",
                 customer_id=customer_id, credit_date=day(date), status="issued", amounts_include_tax=True,
                 subtotal=amount, tax_total=gst(amount), total=amount, location_id=1)
        self._pm("credit_note_lines", credit_note_id=credit_note_id, line_number=1, item_code="ADJUST",
                 description="Credit", quantity=Decimal(1), unit_price=amount, tax_code="GST", line_amount=amount)
        return credit_note_id

    def overpayment(self, overpayment_id: int, customer_id: int, date: str, amount: str) -> int:
        self._pm("overpayments", overpayment_id=overpayment_id, customer_id=customer_id, payment_date=day(date),
                 amount=Decimal(amount), method="bank_transfer", location_id=1)
        return overpayment_id

    # Xero -------------------------------------------------------------------------------------
    def xero_contact(self, name: str, *, number: str | None = None, email: str | None = None,
                     phones: list[str] | None = None, street: str | None = None, city: str | None = None,
                     postcode: str | None = None, status: str = "ACTIVE") -> str:
        contact_id = self._guid()
        self._xero("contacts", contact_id=contact_id, name=name, contact_number=number, contact_status=status,
                   email=email, phones=phones or [], address_line1=street, city=city, postal_code=postcode,
                   is_customer=True, is_supplier=False, group_names=[])
        return contact_id

    def xero_invoice(self, contact_id: str, date: str, total: str, *, number: str | None = None,
                     reference: str | None = None, status: str = "AUTHORISED", lines: list[str] | None = None,
                     exclusive: bool = False, kind: str = "ACCREC") -> str:
        invoice_id = self._guid()
        if exclusive:  # `total` typed as the amount before tax; Xero adds 10% on top
            sub_total = Decimal(total)
            tax = (sub_total / 10).quantize(Decimal("0.01"))
            amount = sub_total + tax
        else:
            amount = Decimal(total)
            tax = gst(amount)
            sub_total = amount - tax
        self._xero("invoices", invoice_id=invoice_id, type=kind, invoice_number=number or f"INV-{next(self._ids):04d}",
                   reference=reference, contact_id=contact_id, contact_name=self._contact_name(contact_id),
                   date=day(date), due_date=day(date), status=status,
                   line_amount_types="Exclusive" if exclusive else "Inclusive", sub_total=sub_total, total_tax=tax,
                   total=amount, amount_due=amount, amount_paid=Decimal(0), amount_credited=Decimal(0),
                   currency_code="AUD")
        for n, line in enumerate(lines or [total], start=1):
            self._xero("invoice_lines", invoice_id=invoice_id, line_no=n, description=f"Line {n}",
                       quantity=Decimal(1), unit_amount=Decimal(line), account_code="200", tax_type="OUTPUT",
                       line_amount=Decimal(line))
        return invoice_id

    def xero_credit_note(self, contact_id: str, date: str, total: str, *, number: str | None = None,
                         reference: str | None = None, status: str = "AUTHORISED") -> str:
        credit_note_id = self._guid()
        amount = Decimal(total)
        self._xero("credit_notes", credit_note_id=credit_note_id, type="ACCRECCREDIT",
                   credit_note_number=number or f"CN-{next(self._ids):04d}", reference=reference,
                   contact_id=contact_id, contact_name=self._contact_name(contact_id), date=day(date), status=status,
                   line_amount_types="Inclusive", sub_total=amount - gst(amount), total_tax=gst(amount), total=amount,
                   remaining_credit=amount, currency_code="AUD")
        return credit_note_id

    def xero_payment(self, invoice_id: str, date: str, amount: str, *, account: str = "090",
                     status: str = "AUTHORISED", reference: str | None = None) -> str:
        payment_id = self._guid()
        number, contact_id = self.con.execute(
            "SELECT invoice_number, contact_id FROM xero_invoices WHERE invoice_id = ?", [invoice_id]).fetchone()
        self._xero("payments", payment_id=payment_id, date=day(date), amount=Decimal(amount), reference=reference,
                   status=status, payment_type="ACCRECPAYMENT", invoice_id=invoice_id, invoice_number=number,
                   contact_id=contact_id, account_code=account)
        return payment_id

    def xero_overpayment(self, contact_id: str, date: str, amount: str, *, status: str = "AUTHORISED",
                         reference: str | None = None) -> str:
        """An overpayment and the RECEIVE-OVERPAYMENT bank transaction that made it (with `reference`)."""
        overpayment_id = self._guid()
        self._xero("overpayments", overpayment_id=overpayment_id, type="RECEIVE-OVERPAYMENT", contact_id=contact_id,
                   contact_name=self._contact_name(contact_id), date=day(date), status=status,
                   sub_total=Decimal(amount), total_tax=Decimal(0), total=Decimal(amount),
                   remaining_credit=Decimal(amount), currency_code="AUD")
        self._xero("bank_transactions", bank_transaction_id=self._guid(), type="RECEIVE-OVERPAYMENT",
                   contact_id=contact_id, contact_name=self._contact_name(contact_id), date=day(date), status=status,
                   reference=reference, bank_account_code="090", total=Decimal(amount), overpayment_id=overpayment_id)
        return overpayment_id

    # matching ---------------------------------------------------------------------------------
    def matches(self, start: dt.date = START, end: dt.date | None = None) -> Matches:
        return find_matches(self.con, pm_snapshot=PM_SNAPSHOT, xero_snapshot=XERO_SNAPSHOT, tenant_id=TENANT,
                            window=Window(start, end), invoice_prefix="INV", credit_note_prefix="")

    # plumbing ---------------------------------------------------------------------------------
    def _pm(self, table: str, **values) -> None:
        values = {"snapshot_id": PM_SNAPSHOT, "_row": next(self._rows), **values}
        self._insert(f"pm_{table}", values)

    def _xero(self, table: str, **values) -> None:
        self._insert(f"xero_{table}", {"snapshot_id": XERO_SNAPSHOT, "tenant_id": TENANT, **values})

    def _insert(self, table: str, values: dict) -> None:
        names = ", ".join(f'"{k}"' for k in values)
        marks = ", ".join("?" for _ in values)
        self.con.execute(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', list(values.values()))

    def _guid(self) -> str:
        return str(uuid.UUID(int=next(self._ids)))

    def _contact_name(self, contact_id: str) -> str:
        return self.con.execute("SELECT name FROM xero_contacts WHERE contact_id = ?", [contact_id]).fetchone()[0]


def found(matches: Matches, kind: str) -> dict[int, tuple[str, str]]:
    """Pet Manager id -> (Xero id, tier) of the duplicates of one kind."""
    return {d.petmanager_id: (d.xero_id, d.tier) for d in matches.duplicates if d.kind == kind}


def duplicate(matches: Matches, kind: str, petmanager_id: int):
    [d] = [d for d in matches.duplicates if d.kind == kind and d.petmanager_id == petmanager_id]
    return d
