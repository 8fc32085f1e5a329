"""The accountant's hand entry: before Pet Manager's integration was switched on, part of the takings
from WINDOW_FROM to TYPED_UNTIL was typed into Xero by hand. Every record typed here is a duplicate
of one Pet Manager record, with the differences real hand entry makes (patterns.py)."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from datetime import date, timedelta
from decimal import Decimal

from recon.demo import catalogue
from recon.demo import patterns as P
from recon.demo.books import PetManagerBooks
from recon.demo.calendar import WINDOW_FROM, WINDOW_TO, in_window, typed_by_hand_period
from recon.demo.chart import MAPPING
from recon.demo.customers import Customer
from recon.demo.money import ZERO, cents
from recon.demo.pushes import contact_details
from recon.demo.spellings import spell
from recon.demo.truth import Truth
from recon.demo.xero_book import XeroBook

OTHER_BANK = {"090": "093", "091": "090", "092": "090", "093": "090"}
GST_OFF = Decimal("1.1")


def _shifted(rng: random.Random, day: date, most: int) -> date:
    shift = rng.randint(1, most) * rng.choice([-1, 1])
    moved = day + timedelta(days=shift)
    return moved if WINDOW_FROM <= moved <= WINDOW_TO else day - timedelta(days=shift)


class Accountant:
    def __init__(self, rng: random.Random, book: XeroBook, books: PetManagerBooks, truth: Truth,
                 contact_names: tuple[P.Pattern, ...] = P.CONTACT_NAMES, person_fields: bool = True):
        self.rng, self.book, self.books, self.truth = rng, book, books, truth
        self.contact_names = contact_names  # the name patterns drawn (patterns.EXTRA_CONTACT_NAMES to evaluate more)
        self.person_fields = person_fields  # False: half the contacts typed without FirstName and LastName
        self.contacts: dict[int, list[dict]] = {}  # customer_id -> the hand-made contacts, oldest first
        self.naming: dict[int, list[str]] = {}  # customer_id -> name pattern of each contact to create
        self.invoices: dict[int, dict] = {}  # Pet Manager invoice_id -> its hand-typed Xero invoice
        self.due: dict[str, Decimal] = {}  # InvoiceID -> still due in Xero
        self.untyped_payments: list[dict] = []  # window payments on typed invoices that were not typed

    # what gets typed ---------------------------------------------------------------------------
    def run(self) -> None:
        rng, books = self.rng, self.books
        candidates = [i for i in books.invoices if i["status"] in ("paid", "issued")
                      and typed_by_hand_period(i["invoice_date"])]
        typed = rng.sample(candidates, round(len(candidates) * P.SHARE_TYPED["invoice"]))
        for company in [c for c in books.customers if c.habits.exclusive][:3]:
            theirs = [i for i in candidates if i["customer_id"] == company.customer_id and i not in typed]
            typed += theirs[:1]
        typed.sort(key=lambda i: i["invoice_id"])
        notes = self._some([n for n in books.credit_notes if n["status"] == "issued"
                            and typed_by_hand_period(n["credit_date"])], "credit_note", "credit_note_id")
        overpayments = self._some([o for o in books.overpayments if typed_by_hand_period(o["payment_date"])],
                                  "overpayment", "overpayment_id")
        customers = {row["customer_id"] for row in typed + notes + overpayments}
        self._plan_names(sorted(customers), typed)
        self._type_invoices(typed)
        self._type_credit_notes(notes)
        self._type_overpayments(overpayments)
        self._type_payments()

    def _some(self, candidates: list[dict], kind: str, id_key: str) -> list[dict]:
        """The share of `candidates` typed by hand, and at least nine so every pattern gets a few."""
        count = min(len(candidates), max(round(len(candidates) * P.SHARE_TYPED[kind]), 9))
        return sorted(self.rng.sample(candidates, count), key=lambda row: row[id_key])

    # contacts ----------------------------------------------------------------------------------
    def _plan_names(self, customer_ids: list[int], typed: list[dict]) -> None:
        rng = self.rng
        people = [c for c in customer_ids if not self.books.customer(c).row["company_name"]]
        person_patterns = tuple(p for p in self.contact_names if p.name != "company_abbreviation")
        drawn = P.labels(P.draw_mix(person_patterns, len(people), rng), rng)
        for customer_id, name in zip(people, drawn):
            self.naming[customer_id] = [name]
        for customer_id in customer_ids:
            if customer_id not in self.naming:
                customer = self.books.customer(customer_id)
                known = any(c[0] == customer.row["company_name"] for c in catalogue.COMPANIES)
                self.naming[customer_id] = ["company_abbreviation" if known else "no_cn_suffix"]
        typed_per_customer = Counter(invoice["customer_id"] for invoice in typed)
        regulars = sorted(c for c in people if typed_per_customer[c] > 1)
        twice = max(P.CREATED_TWICE.minimum, round(len(people) * P.CREATED_TWICE.share))
        for customer_id in rng.sample(regulars, min(twice, len(regulars))):
            others = [p.name for p in person_patterns if p.name != self.naming[customer_id][0]]
            self.naming[customer_id].append(rng.choice(others))

    def contact_for(self, customer_id: int, day: date) -> dict:
        """The customer's hand-made contact, created at first use; for some, a second one at the next use."""
        made = self.contacts.setdefault(customer_id, [])
        if len(made) < len(self.naming[customer_id]):
            made.append(self._create_contact(self.books.customer(customer_id), day, len(made)))
        return made[-1]

    def _create_contact(self, customer: Customer, day: date, index: int) -> dict:
        rng = self.rng
        pattern = self.naming[customer.customer_id][index]
        name = spell(pattern, customer, rng)
        if not self.book.name_is_free(name):
            name = f"{name} ({customer.row['suburb'] or 'NSW'})"
        if not self.book.name_is_free(name):
            name = f"{name} {customer.customer_id % 97}"
        details = contact_details(customer)
        row = customer.row
        first = row["first_name"] if pattern != "given_family_swapped" else row["last_name"]
        last = row["last_name"] if pattern != "given_family_swapped" else row["first_name"]
        if not self.person_fields and rng.random() < 0.5:
            first = last = ""
        contact = self.book.contact(
            name, day=day, first=first, last=last,
            email=details["email"] if rng.random() < 0.6 else "",
            phones=[{"PhoneType": "MOBILE", "PhoneNumber": "".join(ch for ch in row["mobile"] if ch.isdigit())}]
            if row["mobile"] and rng.random() < 0.5 else [],
            address=details["address"] if rng.random() < 0.5 else None,
            groups=("Trade Customers",) if customer.habits.exclusive else (),
        )
        labels = [pattern] + (["created_twice"] if index else [])
        self.truth.duplicate("contact", customer.customer_id, contact["ContactID"], labels)
        return contact

    # invoices ----------------------------------------------------------------------------------
    def _type_invoices(self, typed: list[dict]) -> None:
        rng = self.rng
        lines = self.books.lines_by_invoice
        numbering = P.labels(P.draw_mix(P.INVOICE_NUMBERS, len(typed), rng), rng)
        differences = self._assign_differences(typed, lines)
        for invoice, number_style in zip(typed, numbering):
            self._type_invoice(invoice, lines[invoice["invoice_id"]], number_style,
                               differences[invoice["invoice_id"]])

    def _assign_differences(self, typed: list[dict], lines: dict[int, list[dict]]) -> dict[int, list[str]]:
        """Each typed invoice's differences; the ones with a condition first, on invoices that meet it."""
        rng = self.rng
        counts = P.draw_mix(P.INVOICE_DIFFERENCES, len(typed), rng)
        eligible = {
            "lines_merged": lambda i: len(lines[i["invoice_id"]]) > 1,
            "ex_gst": lambda i: i["amounts_include_tax"]
            and all(line["tax_code"] == "GST" for line in lines[i["invoice_id"]]),
        }
        free = list(typed)
        rng.shuffle(free)
        chosen: dict[int, list[str]] = {}
        for name in sorted(counts, key=lambda n: n not in eligible):
            if name == "exact":
                continue
            fits = [i for i in free if eligible.get(name, lambda _: True)(i)][: counts[name]]
            for invoice in fits:
                free.remove(invoice)
                chosen[invoice["invoice_id"]] = [name]
                if name != "date_shift" and rng.random() < P.SECOND_DATE_SHIFT:
                    chosen[invoice["invoice_id"]].append("date_shift")
        for invoice in free:
            chosen[invoice["invoice_id"]] = ["exact"]
        return chosen

    def typed_lines(self, lines: list[dict], inclusive: bool, differences: list[str]) -> list[dict]:
        rng = self.rng
        account = (lambda line: "200") if "other_account" in differences else (
            lambda line: MAPPING["item_codes"][line["item_code"]])
        if "lines_merged" in differences:
            amount = sum((line["line_amount"] for line in lines), ZERO)
            words = " + ".join(line["description"].split(" - ")[0].split(",")[0] for line in lines)
            return [XeroBook.line(words, Decimal("1"), amount, account(lines[0]), "OUTPUT", amount, inclusive)]
        typed = []
        for line in lines:
            amount, quantity, unit = line["line_amount"], line["quantity"], line["unit_price"]
            discount = line.get("discount_percent") or Decimal("0")
            if "ex_gst" in differences:
                amount = cents(amount / GST_OFF)
                quantity, unit, discount = Decimal("1"), amount, Decimal("0")
            typed.append(XeroBook.line(line["description"], quantity, unit, account(line),
                                       MAPPING["tax_codes"][line["tax_code"]], amount, inclusive, discount=discount))
        if "rounding_cent" in differences:
            first = typed[0]
            first["LineAmount"] += rng.choice([Decimal("0.01"), Decimal("-0.01")])
            first.update({"Quantity": Decimal("1"), "UnitAmount": first["LineAmount"]})
            first.pop("DiscountRate", None)
            first["TaxAmount"] = XeroBook.line("", Decimal("1"), first["LineAmount"], first["AccountCode"],
                                               first["TaxType"], first["LineAmount"], inclusive)["TaxAmount"]
        return typed

    def _type_invoice(self, invoice: dict, lines: list[dict], number_style: str, differences: list[str]) -> None:
        rng, book = self.rng, self.book
        inclusive = invoice["amounts_include_tax"]
        day, due = invoice["invoice_date"], invoice["due_date"]
        if "date_shift" in differences:
            weekly = "weekly" in lines[0]["description"]
            day = _shifted(rng, day, 2 if weekly else 5)
            due = due + (day - invoice["invoice_date"])
        pm_number = invoice["invoice_number"]
        reference = invoice["booking_ref"]
        if number_style == "same_number":
            number = MAPPING["number_prefixes"]["invoice"] + pm_number
        else:
            number = book.next_number("INV-")
            if number_style == "number_in_reference":
                reference = rng.choice([f"PM {pm_number}", f"Pet Manager #{pm_number}", pm_number,
                                        f"Inv {pm_number} {invoice['booking_ref']}".strip()])
        contact = self.contact_for(invoice["customer_id"], day)
        record = book.invoice(contact, number, day, due, self.typed_lines(lines, inclusive, differences), inclusive,
                              reference=reference)
        labels = [number_style] + differences
        if (not inclusive and record["Total"] != invoice["total"]
                and not {"rounding_cent", "ex_gst", "lines_merged"} & set(differences)):
            labels.append("per_line_tax")
        self.invoices[invoice["invoice_id"]] = record
        self.due[record["InvoiceID"]] = record["Total"]
        self.truth.duplicate("invoice", invoice["invoice_id"], record["InvoiceID"], labels)

    def allocate(self, credit: dict, invoice_id: int, amount: Decimal, day: date, remaining: Decimal) -> Decimal:
        """Apply up to `amount` of `credit` to the hand-typed copy of `invoice_id`; returns the credit left."""
        invoice = self.invoices.get(invoice_id)
        if invoice is None:
            return remaining
        applied = min(amount, remaining, self.due[invoice["InvoiceID"]])
        if applied > ZERO:
            self.book.allocate(credit, invoice, applied, max(day, date.fromisoformat(invoice["Date"]),
                                                              date.fromisoformat(credit["Date"])))
            self.due[invoice["InvoiceID"]] -= applied
        return remaining - applied

    # credit notes and overpayments -------------------------------------------------------------
    def _type_credit_notes(self, notes: list[dict]) -> None:
        rng = self.rng
        lines = self.books.lines_by_credit_note
        numbering = P.labels(P.draw_mix(P.CREDIT_NOTE_NUMBERS, len(notes), rng), rng)
        gst_only = [n for n in notes if n["amounts_include_tax"]
                    and all(l["tax_code"] == "GST" for l in lines[n["credit_note_id"]])]
        counts = P.draw_mix(P.CREDIT_NOTE_DIFFERENCES, len(notes), rng)
        ex_gst = {n["credit_note_id"] for n in rng.sample(gst_only, min(counts["ex_gst"], len(gst_only)))}
        # the other differences, then "exact" for the notes left over when too few could take ex_gst
        rest = P.labels({k: v for k, v in counts.items() if k != "ex_gst"}, rng) + ["exact"] * len(notes)
        refunds = {r["source_id"]: r for r in self.books.refunds if r["source_type"] == "credit_note"}
        for note, number_style in zip(notes, numbering):
            difference = "ex_gst" if note["credit_note_id"] in ex_gst else rest.pop(0)
            day = _shifted(rng, note["credit_date"], 4) if difference == "date_shift" else note["credit_date"]
            number = note["credit_note_number"] if number_style == "same_number" else self.book.next_number("CR-")
            typed = self.typed_lines(lines[note["credit_note_id"]], note["amounts_include_tax"], [difference])
            record = self.book.credit_note(self.contact_for(note["customer_id"], day), number, day, typed,
                                           note["amounts_include_tax"], reference=note["reason"])
            remaining = record["Total"]
            if note["invoice_id"]:
                remaining = self.allocate(record, note["invoice_id"], note["total"], day, remaining)
            refund = refunds.get(note["credit_note_id"])
            if refund and in_window(refund["refund_date"]) and remaining >= refund["amount"]:
                self.book.payment(record, MAPPING["payment_methods"][refund["method"]], refund["refund_date"],
                                  refund["amount"], reference=refund["reference"])
            self.truth.duplicate("credit_note", note["credit_note_id"], record["CreditNoteID"],
                                 [number_style, difference])

    def _type_overpayments(self, overpayments: list[dict]) -> None:
        rng = self.rng
        differences = P.labels(P.draw_mix(P.OVERPAYMENT_DIFFERENCES, len(overpayments), rng), rng)
        allocations = defaultdict(list)
        for allocation in self.books.allocations:
            if allocation["source_type"] == "overpayment":
                allocations[allocation["source_id"]].append(allocation)
        for overpayment, difference in zip(overpayments, differences):
            account = MAPPING["payment_methods"][overpayment["method"]]
            day = overpayment["payment_date"]
            if difference == "date_shift":
                day = _shifted(rng, day, 3)
            elif difference == "other_bank_account":
                account = OTHER_BANK[account]
            contact = self.contact_for(overpayment["customer_id"], day)
            record = self.book.overpayment(contact, account, day, overpayment["amount"], overpayment["reference"])
            remaining = record["Total"]
            for allocation in allocations[overpayment["overpayment_id"]]:
                remaining = self.allocate(record, allocation["invoice_id"], allocation["amount"],
                                          allocation["allocation_date"], remaining)
            self.truth.duplicate("overpayment", overpayment["overpayment_id"], record["OverpaymentID"], [difference])

    # payments ----------------------------------------------------------------------------------
    def _type_payments(self) -> None:
        rng = self.rng
        candidates = [p for p in self.books.payments if p["status"] == "completed" and in_window(p["payment_date"])
                      and p["invoice_id"] in self.invoices]
        typed = sorted(rng.sample(candidates, round(len(candidates) * P.SHARE_TYPED["payment"])),
                       key=lambda p: p["payment_id"])
        differences = P.labels(P.draw_mix(P.PAYMENT_DIFFERENCES, len(typed), rng), rng)
        typed_ids = {payment["payment_id"] for payment in typed}
        self.untyped_payments = [p for p in candidates if p["payment_id"] not in typed_ids]
        for payment, difference in zip(typed, differences):
            invoice = self.invoices[payment["invoice_id"]]
            if payment["amount"] > self.due[invoice["InvoiceID"]]:
                self.untyped_payments.append(payment)
                continue
            account = MAPPING["payment_methods"][payment["method"]]
            day = payment["payment_date"]
            if difference == "date_shift":
                shift = timedelta(days=rng.randint(1, 3))
                day = day + shift if day + shift <= WINDOW_TO else day - shift
            elif difference == "other_bank_account":
                account = OTHER_BANK[account]
            record = self.book.payment(invoice, account, day, payment["amount"], reference=payment["reference"])
            self.due[invoice["InvoiceID"]] -= payment["amount"]
            self.truth.duplicate("payment", payment["payment_id"], record["PaymentID"], [difference])
