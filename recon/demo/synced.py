"""Everything Pet Manager's integration has pushed since it was switched on (SYNC_START): in Xero
exactly as Pet Manager writes it, linked by its own keys, never a duplicate."""

from __future__ import annotations

from recon.demo.books import PetManagerBooks
from recon.demo.calendar import SYNC_START
from recon.demo.chart import MAPPING
from recon.demo.pushes import (push_contact, push_credit_note, push_fee_bill, push_invoice, push_payment,
                               push_payout)
from recon.demo.truth import Truth
from recon.demo.xero_book import XeroBook


class SyncedSince:
    """Pushes the records dated from SYNC_START; `contacts`, `invoices`, ... map Pet Manager ids to Xero records."""

    def __init__(self, book: XeroBook, books: PetManagerBooks, truth: Truth, suppliers: dict[str, dict]):
        self.book, self.books, self.truth, self.suppliers = book, books, truth, suppliers
        self.contacts: dict[int, dict] = {}
        self.invoices: dict[int, dict] = {}
        self.credit_notes: dict[int, dict] = {}
        self.overpayments: dict[int, dict] = {}

    def contact(self, customer_id: int, day) -> dict:
        if customer_id not in self.contacts:
            contact = push_contact(self.book, self.books.customer(customer_id), day)
            self.contacts[customer_id] = contact
            self.truth.link("contact", customer_id, contact["ContactID"])
        return self.contacts[customer_id]

    def run(self) -> None:
        books = self.books
        lines = books.lines_by_invoice
        for invoice in books.invoices:
            if invoice["invoice_date"] >= SYNC_START and invoice["status"] != "draft":
                contact = self.contact(invoice["customer_id"], invoice["invoice_date"])
                pushed = push_invoice(self.book, contact, invoice, lines[invoice["invoice_id"]])
                self.invoices[invoice["invoice_id"]] = pushed
                self.truth.link("invoice", invoice["invoice_id"], pushed["InvoiceID"])
        note_lines = books.lines_by_credit_note
        for note in books.credit_notes:
            if note["credit_date"] >= SYNC_START:
                contact = self.contact(note["customer_id"], note["credit_date"])
                pushed = push_credit_note(self.book, contact, note, note_lines[note["credit_note_id"]])
                self.credit_notes[note["credit_note_id"]] = pushed
                self.truth.link("credit_note", note["credit_note_id"], pushed["CreditNoteID"])
        for overpayment in books.overpayments:
            if overpayment["payment_date"] >= SYNC_START:
                contact = self.contact(overpayment["customer_id"], overpayment["payment_date"])
                pushed = self.book.overpayment(contact, MAPPING["payment_methods"][overpayment["method"]],
                                               overpayment["payment_date"], overpayment["amount"],
                                               overpayment["reference"])
                self.overpayments[overpayment["overpayment_id"]] = pushed
                self.truth.link("overpayment", overpayment["overpayment_id"], pushed["OverpaymentID"])
        self._allocations_and_refunds()
        self._payments()
        for payout in books.stripe_payouts:
            if payout["payout_date"] >= SYNC_START:
                push_payout(self.book, payout)

    def _allocations_and_refunds(self) -> None:
        credits = {"credit_note": self.credit_notes, "overpayment": self.overpayments}
        for allocation in self.books.allocations:
            credit = credits[allocation["source_type"]].get(allocation["source_id"])
            invoice = self.invoices.get(allocation["invoice_id"])
            if credit and invoice and credit["Status"] == "AUTHORISED":
                self.book.allocate(credit, invoice, allocation["amount"], allocation["allocation_date"])
        for refund in self.books.refunds:
            credit = credits[refund["source_type"]].get(refund["source_id"])
            if credit and refund["refund_date"] >= SYNC_START:
                self.book.payment(credit, MAPPING["payment_methods"][refund["method"]], refund["refund_date"],
                                  refund["amount"], reference=refund["reference"])

    def _payments(self) -> None:
        """Payments on pushed invoices; a payment whose invoice predates SYNC_START failed in Pet Manager."""
        for payment in self.books.payments:
            invoice = self.invoices.get(payment["invoice_id"])
            if payment["status"] != "completed" or payment["payment_date"] < SYNC_START or invoice is None:
                continue
            pushed = push_payment(self.book, invoice, payment)
            self.truth.link("payment", payment["payment_id"], pushed["PaymentID"])
            if payment["method"] == "stripe":
                push_fee_bill(self.book, self.suppliers["Stripe"], payment, payment["stripe_fee"], "Stripe fee")
                push_fee_bill(self.book, self.suppliers["Pet Manager"], payment, payment["platform_fee"],
                              "Pet Manager fee")
