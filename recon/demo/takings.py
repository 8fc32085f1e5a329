"""How the money came in: deposits and balances, Stripe charges with their fees and payouts,
credit notes (allocated, refunded, void), prepaid daycare credit (overpayments) and its allocations."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from recon.demo.bookings import Sale, invoice_row, line_rows, sale_line
from recon.demo.books import PetManagerBooks
from recon.demo.calendar import TRADING_FROM, TRADING_TO, timestamp, weeks
from recon.demo.customers import Customer
from recon.demo.money import ZERO, cents, line_amount, petmanager_totals

STRIPE_PERCENT, STRIPE_FIXED = Decimal("0.017"), Decimal("0.30")
PLATFORM_PERCENT = Decimal("0.005")
ON_THE_DAY_METHODS = ["eftpos", "eftpos", "eftpos", "credit_card", "cash", "stripe"]
BALANCE_METHODS = ["eftpos", "eftpos", "credit_card", "stripe", "cash", "bank_transfer"]


class Till:
    """Walks the invoices in date order and records every movement of money against them."""

    def __init__(self, rng: random.Random, books: PetManagerBooks):
        self.rng = rng
        self.books = books
        self.prepaid: dict[int, list] = {}  # customer_id -> [latest overpayment row, its remaining credit]
        self.charge_seq = 0

    # payments ---------------------------------------------------------------------------------
    def pay(self, invoice: dict, day: date, amount: Decimal, method: str, reference: str = "",
            status: str = "completed") -> None:
        if amount <= ZERO or day > TRADING_TO:
            return
        stripe = method == "stripe"
        if stripe:
            self.charge_seq += 1
        self.books.payments.append({
            "invoice_id": invoice["invoice_id"], "customer_id": invoice["customer_id"],
            "payment_date": max(day, TRADING_FROM), "amount": amount, "method": method, "reference": reference,
            "stripe_charge_id": f"ch_3P{self.charge_seq:06d}{self.rng.getrandbits(40):010x}" if stripe else "",
            "stripe_fee": cents(amount * STRIPE_PERCENT + STRIPE_FIXED) if stripe else "",
            "platform_fee": cents(amount * PLATFORM_PERCENT) if stripe else "",
            "status": status, "location_id": invoice["location_id"],
            "created_at": timestamp(max(day, TRADING_FROM), 12, self.rng.randint(0, 59)),
            "updated_at": timestamp(max(day, TRADING_FROM), 12, 59),
        })

    def bank_transfer(self, invoice: dict, customer: Customer, day: date, amount: Decimal) -> None:
        name = (customer.row["last_name"] or customer.row["company_name"]).upper()[:12]
        reference = f"{name} {invoice['invoice_number']}"
        if self.rng.random() < 0.03:  # dishonoured, then paid again
            self.pay(invoice, day - timedelta(days=3), amount, "bank_transfer", reference, status="void")
        self.pay(invoice, day, amount, "bank_transfer", reference)

    def settle(self, sale: Sale, invoice: dict, due: Decimal) -> None:
        rng = self.rng
        if sale.kind == "boarding":
            paid = ZERO
            if rng.random() < 0.7:
                deposit = min(due, Decimal(round(invoice["total"] * Decimal("0.3"))))
                self.pay(invoice, sale.day - timedelta(days=rng.randint(5, 60)), deposit, "stripe",
                         f"Deposit {sale.booking_ref}")
                paid = deposit
            method = rng.choice(BALANCE_METHODS)
            if method == "bank_transfer":
                self.bank_transfer(invoice, sale.customer, sale.due + timedelta(days=rng.randint(0, 4)), due - paid)
            else:
                self.pay(invoice, sale.due, due - paid, method)
        elif sale.kind == "weekly":
            method = "stripe" if sale.customer.customer_id % 5 < 3 else "bank_transfer"
            if method == "stripe":
                self.pay(invoice, sale.day, due, "stripe", "Weekly daycare")
            else:
                self.bank_transfer(invoice, sale.customer, sale.day + timedelta(days=rng.randint(0, 3)), due)
        elif sale.kind == "account":
            day = sale.day + timedelta(days=rng.randint(10, 45))
            if rng.random() < 0.2:
                part = cents(due / 2)
                self.bank_transfer(invoice, sale.customer, day, part)
                self.bank_transfer(invoice, sale.customer, day + timedelta(days=14), due - part)
            elif rng.random() < 0.1:
                self.pay(invoice, day, due, "cheque", f"Chq {rng.randint(100000, 999999)}")
            else:
                self.bank_transfer(invoice, sale.customer, day, due)
        elif sale.kind == "training":
            self.pay(invoice, sale.day, due, "stripe")
        else:
            self.pay(invoice, sale.day, due, rng.choice(ON_THE_DAY_METHODS))

    # credits -----------------------------------------------------------------------------------
    def credit_note(self, customer: Customer, day: date, lines: list[dict], inclusive: bool, reason: str,
                    status: str = "issued") -> dict:
        subtotal, tax_total, total = petmanager_totals([(line["tax_code"], line["line_amount"]) for line in lines],
                                                       inclusive)
        note = {
            "customer_id": customer.customer_id, "credit_date": day, "status": status,
            "amounts_include_tax": inclusive, "subtotal": subtotal, "tax_total": tax_total, "total": total,
            "invoice_id": "", "reason": reason, "location_id": customer.habits.location_id,
            "created_at": timestamp(day, 9), "updated_at": timestamp(day, 9), "lines": lines,
        }
        self.books.credit_notes.append(note)
        return note

    def allocate(self, source_type: str, source: dict, invoice: dict, amount: Decimal, day: date) -> None:
        self.books.allocations.append({"source_type": source_type, "source": source,
                                       "invoice_id": invoice["invoice_id"], "amount": amount,
                                       "allocation_date": day, "created_at": timestamp(day, 9, 5)})

    def refund(self, source_type: str, source: dict, customer: Customer, day: date, amount: Decimal,
               reference: str) -> None:
        if day > TRADING_TO:
            return
        self.books.refunds.append({
            "source_type": source_type, "source": source, "customer_id": customer.customer_id,
            "refund_date": day, "amount": amount, "method": "bank_transfer", "reference": reference,
            "location_id": customer.habits.location_id, "created_at": timestamp(day, 10),
            "updated_at": timestamp(day, 10),
        })

    def credits_before_payment(self, sale: Sale, invoice: dict) -> Decimal:
        """Credit notes and prepaid credit applied to the invoice; returns what is left to pay."""
        rng, due = self.rng, invoice["total"]
        inclusive = invoice["amounts_include_tax"]
        first = sale.lines[0]
        if (sale.kind == "boarding" and sale.nights >= 3 and rng.random() < 0.09) or (
                sale.kind == "account" and rng.random() < 0.08):
            # Credit note lines carry no discount (FORMAT.md): the night is credited at the price paid.
            paid = line_amount(Decimal(1), first["unit_price"], first["discount_percent"])
            night = {**first, "quantity": Decimal(1), "unit_price": paid, "discount_percent": Decimal(0),
                     "description": f"Early pick-up - 1 night ({first['description']})", "line_amount": paid}
            note = self.credit_note(sale.customer, sale.due, [night], inclusive, "Early pick-up")
            note["invoice_id"] = invoice["invoice_id"]
            self.allocate("credit_note", note, invoice, note["total"], sale.due)
            due -= note["total"]
        elif sale.kind in ("groom", "casual") and rng.random() < 0.02:
            goodwill = sale_line("ADJUST", 1, unit_price=Decimal("20.00"), description="Goodwill credit")
            note = self.credit_note(sale.customer, sale.day + timedelta(days=2), [goodwill], True, "Goodwill")
            if rng.random() < 0.5 and due >= note["total"]:
                note["invoice_id"] = invoice["invoice_id"]
                self.allocate("credit_note", note, invoice, note["total"], note["credit_date"])
                due -= note["total"]
            elif rng.random() < 0.6:
                self.refund("credit_note", note, sale.customer, note["credit_date"] + timedelta(days=3),
                            note["total"], "Goodwill refund")
        if sale.kind == "weekly" and sale.customer.customer_id in self.prepaid:
            overpayment, remaining = self.prepaid[sale.customer.customer_id]
            if remaining > ZERO and overpayment["payment_date"] <= sale.day:
                used = min(remaining, due)
                self.allocate("overpayment", overpayment, invoice, used, sale.day)
                self.prepaid[sale.customer.customer_id][1] = remaining - used
                due -= used
        return due

    def top_up(self, sale: Sale) -> None:
        """A prepaying daycare customer whose credit ran out sometimes sends a lump sum before Monday."""
        customer = sale.customer
        state = self.prepaid.get(customer.customer_id)
        if (state and state[1] > ZERO) or self.rng.random() > 0.4:
            return
        weekly = sum((line["line_amount"] for line in sale.lines), ZERO)
        amount = weekly * self.rng.choice([4, 6, 8, 10]) + self.rng.choice([ZERO, Decimal("50.00")])
        day = max(sale.day - timedelta(days=self.rng.randint(1, 5)), TRADING_FROM)
        overpayment = {
            "customer_id": customer.customer_id, "payment_date": day, "amount": amount, "method": "bank_transfer",
            "reference": f"{(customer.row['last_name'] or 'PREPAY').upper()} DAYCARE CREDIT",
            "location_id": customer.habits.location_id,
            "created_at": timestamp(day, 11), "updated_at": timestamp(day, 11),
        }
        self.books.overpayments.append(overpayment)
        self.prepaid[customer.customer_id] = [overpayment, amount]


def _statuses(rng: random.Random, sales: list[Sale]) -> list[str]:
    statuses = []
    for sale in sales:
        if sale.day > TRADING_TO - timedelta(days=14) and sale.kind == "boarding" and rng.random() < 0.4:
            statuses.append("draft")
        elif sale.kind != "account" and rng.random() < 0.012:
            statuses.append("void")
        else:
            statuses.append("issued")
    return statuses


def _number(rows: list[dict], key: str, sort_key) -> None:
    rows.sort(key=sort_key)
    for number, row in enumerate(rows, 1):
        row[key] = number


def _payouts(rng: random.Random, payments: list[dict]) -> list[dict]:
    """Weekly payouts per location of every completed Stripe charge, net of both fees."""
    payouts = []
    for location_id in (1, 2):
        charges = sorted((p for p in payments if p["method"] == "stripe" and p["status"] == "completed"
                          and p["location_id"] == location_id), key=lambda p: p["payment_date"])
        start = 0
        for tuesday in weeks(TRADING_FROM, TRADING_TO, 1):
            cutoff = tuesday - timedelta(days=2)
            end = start
            while end < len(charges) and charges[end]["payment_date"] <= cutoff:
                end += 1
            net = sum((c["amount"] - c["stripe_fee"] - c["platform_fee"] for c in charges[start:end]), ZERO)
            if net > ZERO:
                payouts.append({"payout_date": tuesday, "amount": net,
                                "stripe_payout_ref": f"po_1Q{rng.getrandbits(56):014x}",
                                "location_id": location_id, "created_at": timestamp(tuesday, 3)})
            start = end
    return payouts


def record_trading(rng: random.Random, books: PetManagerBooks, sales: list[Sale]) -> None:
    """Fill `books` with the invoices of `sales` and everything paid, credited and refunded against them."""
    till = Till(rng, books)
    for invoice_id, (sale, status) in enumerate(zip(sales, _statuses(rng, sales)), 1):
        invoice = invoice_row(invoice_id, sale, status)
        books.invoices.append(invoice)
        books.invoice_lines.extend(line_rows(invoice_id, sale))
        if status != "issued":
            continue
        if sale.kind == "weekly" and sale.customer.habits.prepays:
            till.top_up(sale)
        due = till.credits_before_payment(sale, invoice)
        if sale.kind in ("retail", "groom", "casual") and rng.random() < 0.01:
            continue  # never paid: still owing at export
        till.settle(sale, invoice, due)
    _close_prepaid_accounts(till, books)
    _void_credit_notes(rng, till, books)
    _finish(rng, books)


def _close_prepaid_accounts(till: Till, books: PetManagerBooks) -> None:
    """Customers who left with credit on account get it back."""
    for customer_id, (overpayment, remaining) in till.prepaid.items():
        customer = books.customer(customer_id)
        if remaining > ZERO and customer.habits.active_to < TRADING_TO:
            till.refund("overpayment", overpayment, customer, customer.habits.active_to + timedelta(days=10),
                        remaining, "Daycare credit refund")


def _void_credit_notes(rng: random.Random, till: Till, books: PetManagerBooks) -> None:
    """Two credit notes raised in error and voided before they were used."""
    issued = [invoice for invoice in books.invoices if invoice["status"] == "issued" and invoice["total"] > 60]
    for invoice in rng.sample(issued, 2):
        line = sale_line("ADJUST", 1, unit_price=Decimal("15.00"), description="Credit raised in error")
        till.credit_note(books.customer(invoice["customer_id"]), invoice["invoice_date"] + timedelta(days=1),
                         [line], True, "Raised in error", status="void")


def _finish(rng: random.Random, books: PetManagerBooks) -> None:
    """Mark paid invoices, number every row and resolve the references between them."""
    settled: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for payment in books.payments:
        if payment["status"] == "completed":
            settled[payment["invoice_id"]] += payment["amount"]
    for allocation in books.allocations:
        settled[allocation["invoice_id"]] += allocation["amount"]
    for invoice in books.invoices:
        if invoice["status"] == "issued" and settled[invoice["invoice_id"]] == invoice["total"]:
            invoice["status"] = "paid"
    _number(books.credit_notes, "credit_note_id", lambda n: (n["credit_date"], n["customer_id"]))
    for note in books.credit_notes:
        note["credit_note_number"] = f"CN-{note['credit_note_id']:04d}"
        for number, line in enumerate(note.pop("lines"), 1):
            books.credit_note_lines.append({"credit_note_id": note["credit_note_id"], "line_number": number,
                                            **{k: v for k, v in line.items() if k != "discount_percent"}})
    _number(books.overpayments, "overpayment_id", lambda o: (o["payment_date"], o["customer_id"]))
    _number(books.payments, "payment_id", lambda p: (p["payment_date"], p["invoice_id"], p["status"] == "completed"))
    for row in books.allocations + books.refunds:
        row["source_id"] = row.pop("source")[f"{row['source_type']}_id"]
    _number(books.allocations, "allocation_id", lambda a: (a["allocation_date"], a["invoice_id"]))
    _number(books.refunds, "refund_id", lambda r: (r["refund_date"], r["customer_id"]))
    books.stripe_payouts = _payouts(rng, books.payments)
    _number(books.stripe_payouts, "payout_id", lambda p: (p["payout_date"], p["location_id"]))
