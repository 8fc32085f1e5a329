"""Writes the sandbox state file (docs/architecture.md, "Sandbox state file"): one AU organisation,
its records in Xero's JSON shapes, money written as JSON numbers straight from Decimal."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from recon.demo.chart import Chart
from recon.demo.xero_book import XeroBook

# A Decimal is written as a marked string, then the marks and quotes around it are dropped.
_OPEN, _CLOSE = "@@decimal:", ":decimal@@"


def _mark_decimal(value):
    if isinstance(value, Decimal):
        return f"{_OPEN}{value}{_CLOSE}"
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def state(chart: Chart, book: XeroBook, client_id: str, client_secret: str) -> dict:
    tenant_id = chart.organisation["OrganisationID"]
    return {
        "format": "recon-xero-sandbox/1",
        "clients": [{"client_id": client_id, "client_secret": client_secret, "tenant_ids": [tenant_id]}],
        "organisations": [{
            "tenant_id": tenant_id, "tenant_name": chart.organisation["Name"], "Organisation": chart.organisation,
            "Accounts": chart.accounts, "TaxRates": chart.tax_rates, "TrackingCategories": chart.tracking,
            "Items": [], "ContactGroups": list(chart.groups.values()), "Contacts": book.contacts,
            "Invoices": book.invoices, "CreditNotes": book.credit_notes, "Payments": book.payments,
            "Overpayments": book.overpayments, "BankTransactions": book.bank_transactions,
            "BankTransfers": book.bank_transfers,
        }],
    }


def write_state(path: Path, document: dict) -> None:
    """Compact JSON with every Decimal as a number, exactly as written (never through a float)."""
    text = json.dumps(document, ensure_ascii=False, default=_mark_decimal)
    path.write_text(text.replace(f'"{_OPEN}', "").replace(f'{_CLOSE}"', "") + "\n", encoding="utf-8")
