"""What a back-sync from WINDOW_FROM would trip over, found from both sides once they are built:
payments whose invoice predates the window, InvoiceNumber collisions (voided invoices included),
and documents whose per-line tax would miss Pet Manager's total without a rounding line."""

from __future__ import annotations

from recon.demo.books import PetManagerBooks
from recon.demo.calendar import SYNC_START, WINDOW_FROM
from recon.demo.chart import MAPPING
from recon.demo.pushes import needs_rounding
from recon.demo.truth import Truth
from recon.demo.xero_book import XeroBook


def _to_push(day, status: str) -> bool:
    return WINDOW_FROM <= day < SYNC_START and status not in ("draft", "void")


def record_problems(book: XeroBook, books: PetManagerBooks, truth: Truth) -> None:
    invoices = {invoice["invoice_id"]: invoice for invoice in books.invoices}
    for payment in books.payments:
        invoice = invoices[payment["invoice_id"]]
        if (payment["status"] == "completed" and payment["payment_date"] >= WINDOW_FROM
                and invoice["invoice_date"] < WINDOW_FROM):
            truth.problem("payment_invoice_before_start", payment_id=payment["payment_id"],
                          invoice_id=invoice["invoice_id"], payment_date=payment["payment_date"].isoformat(),
                          invoice_date=invoice["invoice_date"].isoformat())
    duplicate_of = {(d["kind"], d["xero_id"]): d["petmanager_id"] for d in truth.duplicates}
    taken = {record["InvoiceNumber"]: record for record in book.invoices
             if record["Type"] == "ACCREC" and record["Status"] != "DELETED"}
    prefix = MAPPING["number_prefixes"]["invoice"]
    for invoice in books.invoices:
        record = taken.get(prefix + invoice["invoice_number"])
        if record is not None and _to_push(invoice["invoice_date"], invoice["status"]):
            truth.problem("invoice_number_collision", invoice_id=invoice["invoice_id"],
                          invoice_number=record["InvoiceNumber"], xero_id=record["InvoiceID"],
                          xero_status=record["Status"],
                          duplicate=duplicate_of.get(("invoice", record["InvoiceID"])) == invoice["invoice_id"])
    lines = books.lines_by_invoice
    for invoice in books.invoices:
        if _to_push(invoice["invoice_date"], invoice["status"]):
            wanted, landed = needs_rounding(lines[invoice["invoice_id"]], invoice["amounts_include_tax"])
            if wanted != landed:
                truth.problem("tax_rounding", invoice_id=invoice["invoice_id"], petmanager_total=str(wanted),
                              xero_total_without_rounding=str(landed))
