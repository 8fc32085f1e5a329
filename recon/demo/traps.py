"""Xero records that look like duplicates and are not (patterns.TRAPS): the same customer's other
weeks, another customer's sale of the same amount on the same day, hand entries voided or deleted,
another sale typed with a number the back-sync would push, a namesake who is not a customer."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import timedelta
from decimal import Decimal

from recon.demo import catalogue
from recon.demo.books import PetManagerBooks
from recon.demo.calendar import in_window, typed_by_hand_period
from recon.demo.hand_entry import Accountant
from recon.demo.patterns import TRAPS
from recon.demo.truth import Truth
from recon.demo.xero_book import XeroBook

COUNT = {trap.name: trap.minimum for trap in TRAPS}
SAME_DAY_LOOKALIKES = 3  # at most this many other customers' same-day, same-amount invoices per typed one
NON_CUSTOMERS = ["Hills Shire Council", "Dural Dog Club Inc", "Castle Hill Show Society", "Kenthurst Pony Club"]


class Traps:
    def __init__(self, rng: random.Random, book: XeroBook, books: PetManagerBooks, truth: Truth,
                 accountant: Accountant, size: float):
        self.rng, self.book, self.books, self.truth, self.accountant = rng, book, books, truth, accountant
        self.scale = max(1, round(size))
        self.lines = books.lines_by_invoice
        typed = accountant.invoices
        self.untyped = [i for i in books.invoices if i["status"] in ("paid", "issued")
                        and typed_by_hand_period(i["invoice_date"]) and i["invoice_id"] not in typed]
        rng.shuffle(self.untyped)
        self.non_customers: list[dict] = []

    def run(self) -> None:
        self.non_customers = [self.book.contact(name, day=self.books.invoices[0]["invoice_date"])
                              for name in NON_CUSTOMERS]
        self._lookalikes_in_petmanager()
        self._voided_and_deleted()
        self._non_customer_sales()
        self._deleted_payments()
        self._namesakes()

    def _take(self, predicate) -> dict:
        for invoice in self.untyped:
            if predicate(invoice):
                self.untyped.remove(invoice)
                return invoice
        raise LookupError("no untyped invoice fits the trap")

    def _lookalikes_in_petmanager(self) -> None:
        """Pet Manager invoices that a typed one resembles: same customer other weeks, or same amount and day."""
        typed = self.accountant.invoices
        by_amount_day = defaultdict(list)
        by_customer = defaultdict(list)
        for invoice in self.books.invoices:
            if invoice["status"] in ("paid", "issued") and in_window(invoice["invoice_date"]):
                by_amount_day[(invoice["total"], invoice["invoice_date"])].append(invoice)
                by_customer[invoice["customer_id"]].append(invoice)
        for invoice in self.books.invoices:
            record = typed.get(invoice["invoice_id"])
            if record is None:
                continue
            if "weekly" in self.lines[invoice["invoice_id"]][0]["description"]:
                for other in by_customer[invoice["customer_id"]]:
                    if (other["invoice_id"] not in typed and other["total"] == invoice["total"]
                            and abs((other["invoice_date"] - invoice["invoice_date"]).days) <= 21):
                        self.truth.not_duplicate("invoice", other["invoice_id"], record["InvoiceID"],
                                                 "weekly_same_amount")
            others = [other for other in by_amount_day[(invoice["total"], invoice["invoice_date"])]
                      if other["customer_id"] != invoice["customer_id"]]
            for other in others[:SAME_DAY_LOOKALIKES]:
                self.truth.not_duplicate("invoice", other["invoice_id"], record["InvoiceID"],
                                         "same_amount_date_other_customer")

    def _voided_and_deleted(self) -> None:
        contacts = self.accountant.contacts
        for trap, status in (("voided_hand_entry", "VOIDED"), ("deleted_hand_entry", "DELETED")):
            for n in range(COUNT[trap] * self.scale):
                invoice = self._take(lambda i: i["customer_id"] in contacts)
                same_number = trap == "voided_hand_entry" and n % 2 == 0
                number = f"INV{invoice['invoice_number']}" if same_number else self.book.next_number("INV-")
                lines = self.accountant.typed_lines(self.lines[invoice["invoice_id"]], invoice["amounts_include_tax"],
                                                    ["exact"])
                record = self.book.invoice(contacts[invoice["customer_id"]][-1], number, invoice["invoice_date"],
                                           invoice["due_date"], lines, invoice["amounts_include_tax"],
                                           status=status, reference=invoice["booking_ref"])
                self.truth.not_duplicate("invoice", invoice["invoice_id"], record["InvoiceID"], trap)

    def _other_income_line(self, amount: Decimal, description: str) -> list[dict]:
        return [XeroBook.line(description, Decimal("1"), amount, "260", "OUTPUT", amount, True)]

    def _non_customer_sales(self) -> None:
        rng = self.rng
        for n in range(COUNT["number_collision"] * self.scale):
            invoice = self._take(lambda i: True)
            amount = invoice["total"] + Decimal(rng.randint(40, 400))
            record = self.book.invoice(self.non_customers[n % len(self.non_customers)],
                                       f"INV{invoice['invoice_number']}", invoice["invoice_date"] + timedelta(days=3),
                                       invoice["invoice_date"] + timedelta(days=33),
                                       self._other_income_line(amount, "Stall and demonstration fee"), True)
            self.truth.not_duplicate("invoice", invoice["invoice_id"], record["InvoiceID"], "number_collision")
        for n in range(COUNT["non_customer_same_amount_date"] * self.scale):
            invoice = self._take(lambda i: i["total"] >= 30)
            record = self.book.invoice(self.non_customers[-1 - n % len(self.non_customers)],
                                       self.book.next_number("INV-"), invoice["invoice_date"],
                                       invoice["invoice_date"] + timedelta(days=14),
                                       self._other_income_line(invoice["total"], "Arena hire"), True)
            self.truth.not_duplicate("invoice", invoice["invoice_id"], record["InvoiceID"],
                                     "non_customer_same_amount_date")

    def _deleted_payments(self) -> None:
        accountant = self.accountant
        fitting = [p for p in accountant.untyped_payments
                   if p["amount"] <= accountant.due[accountant.invoices[p["invoice_id"]]["InvoiceID"]]]
        for payment in self.rng.sample(fitting, min(len(fitting), COUNT["deleted_payment"] * self.scale)):
            invoice = accountant.invoices[payment["invoice_id"]]
            record = self.book.payment(invoice, "090", payment["payment_date"], payment["amount"], status="DELETED")
            self.truth.not_duplicate("payment", payment["payment_id"], record["PaymentID"], "deleted_payment")

    def _namesakes(self) -> None:
        """Contacts that share a customer's family name but are other people (a contractor, a landlord)."""
        people = [c for c in self.books.customers if c.row["last_name"] and c.habits.location_id == 1]
        given = defaultdict(set)
        for customer in self.books.customers:
            given[customer.row["last_name"]].add(customer.row["first_name"])
        for customer in self.rng.sample(people, COUNT["similar_name_other_person"] * self.scale):
            first = next(f for f in catalogue.FIRST_NAMES[::-1] if f not in given[customer.row["last_name"]])
            name = f"{first} {customer.row['last_name']}"
            if not self.book.name_is_free(name):
                continue
            given[customer.row["last_name"]].add(first)
            record = self.book.contact(name, day=self.books.invoices[0]["invoice_date"], first=first,
                                       last=customer.row["last_name"], supplier=True, groups=("Suppliers",))
            self.truth.not_duplicate("contact", customer.customer_id, record["ContactID"],
                                     "similar_name_other_person")
