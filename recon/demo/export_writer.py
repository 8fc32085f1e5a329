"""Writes a Pet Manager export folder exactly as FORMAT.md describes it (format 1)."""

from __future__ import annotations

import csv
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from recon.demo import catalogue
from recon.demo.books import PetManagerBooks
from recon.demo.calendar import EXPORTED_AT

COLUMNS = {
    "customers": ["customer_id", "first_name", "last_name", "company_name", "email", "phone", "mobile",
                  "address_line1", "address_line2", "suburb", "state", "postcode", "country", "customer_type",
                  "is_active", "created_at", "updated_at"],
    "pets": ["pet_id", "customer_id", "name", "species", "breed", "created_at", "updated_at"],
    "invoices": ["invoice_id", "invoice_number", "customer_id", "invoice_date", "due_date", "status",
                 "amounts_include_tax", "subtotal", "tax_total", "total", "booking_ref", "location_id",
                 "created_at", "updated_at"],
    "invoice_lines": ["invoice_id", "line_number", "item_code", "area_type", "line_type", "description", "quantity",
                      "unit_price", "discount_percent", "tax_code", "line_amount"],
    "payments": ["payment_id", "invoice_id", "customer_id", "payment_date", "amount", "method", "reference",
                 "stripe_charge_id", "stripe_fee", "platform_fee", "status", "location_id", "created_at",
                 "updated_at"],
    "credit_notes": ["credit_note_id", "credit_note_number", "customer_id", "credit_date", "status",
                     "amounts_include_tax", "subtotal", "tax_total", "total", "invoice_id", "reason", "location_id",
                     "created_at", "updated_at"],
    "credit_note_lines": ["credit_note_id", "line_number", "item_code", "area_type", "line_type", "description",
                          "quantity", "unit_price", "tax_code", "line_amount"],
    "overpayments": ["overpayment_id", "customer_id", "payment_date", "amount", "method", "reference",
                     "location_id", "created_at", "updated_at"],
    "allocations": ["allocation_id", "source_type", "source_id", "invoice_id", "amount", "allocation_date",
                    "created_at"],
    "refunds": ["refund_id", "source_type", "source_id", "customer_id", "refund_date", "amount", "method",
                "reference", "location_id", "created_at", "updated_at"],
    "stripe_payouts": ["payout_id", "payout_date", "amount", "stripe_payout_ref", "location_id", "created_at"],
}
# Written as they are (up to 4 decimals); every other Decimal is money with exactly 2.
AS_IS = {"unit_price", "quantity", "discount_percent"}


_FORMAT = {
    str: str, int: str,
    bool: lambda value: "true" if value else "false",
    date: date.isoformat,
    Decimal: lambda value: f"{value:.2f}",
}


def _formatter(column: str, value):
    if type(value) is Decimal and column in AS_IS:
        return str
    return _FORMAT[type(value)]


def _write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_formatter(column, row[column])(row[column]) for column in columns] for row in rows)


def business() -> dict:
    return {
        "business_name": catalogue.BUSINESS_NAME, "country": "AU", "currency": "AUD",
        "timezone": catalogue.TIMEZONE, "tax_registered": True, "export_format": 1, "exported_at": EXPORTED_AT,
        "locations": [{"location_id": key, "name": name} for key, name in catalogue.LOCATIONS.items()],
    }


def write_export(folder: Path, books: PetManagerBooks) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "business.json").write_text(json.dumps(business(), indent=2, ensure_ascii=False) + "\n",
                                          encoding="utf-8")
    tables = {
        "customers": [customer.row for customer in books.customers], "pets": books.pets,
        "invoices": books.invoices, "invoice_lines": books.invoice_lines, "payments": books.payments,
        "credit_notes": books.credit_notes, "credit_note_lines": books.credit_note_lines,
        "overpayments": books.overpayments, "allocations": books.allocations, "refunds": books.refunds,
        "stripe_payouts": books.stripe_payouts,
    }
    for name, rows in tables.items():
        _write_csv(folder / f"{name}.csv", COLUMNS[name], rows)
