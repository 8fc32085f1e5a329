"""The rest of the organisation's believable past: suppliers and their bills (rent, pet food, power,
phone, insurance, the accountant), the monthly Stripe statement typed in before the integration,
other income and bank fees. None of it is Pet Manager's; all of it is in the check's way."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from recon.demo.books import PetManagerBooks
from recon.demo.calendar import SYNC_START, TRADING_FROM, TRADING_TO
from recon.demo.money import ZERO
from recon.demo.xero_book import XeroBook

# (supplier, account, every n months, lowest, highest, description)
BILLS = [
    ("Hills Property Trust", "469", 1, Decimal("6600.00"), Decimal("6600.00"), "Rent - Dural premises"),
    ("Kellyville Commercial Leasing Pty Ltd", "469", 1, Decimal("4180.00"), Decimal("4180.00"), "Rent - Kellyville"),
    ("PetFood Wholesale Australia Pty Ltd", "310", 1, Decimal("1200.00"), Decimal("2900.00"), "Retail stock"),
    ("Endeavour Energy", "445", 3, Decimal("1400.00"), Decimal("2600.00"), "Electricity"),
    ("Telstra", "489", 1, Decimal("189.00"), Decimal("189.00"), "Phone and internet"),
    ("Allianz Australia Insurance Ltd", "433", 12, Decimal("8940.00"), Decimal("8940.00"), "Business insurance"),
    ("Hills Accounting Group", "412", 3, Decimal("880.00"), Decimal("1320.00"), "BAS preparation"),
    ("Pet Manager Software Pty Ltd", "485", 1, Decimal("149.00"), Decimal("149.00"), "Pet Manager subscription"),
]


def _months(first: date, last: date) -> list[date]:
    months, day = [], first.replace(day=1)
    while day <= last:
        months.append(day)
        day = (day + timedelta(days=32)).replace(day=1)
    return months


def _bill(book: XeroBook, supplier: dict, number: str, day: date, amount: Decimal, account: str,
          description: str) -> None:
    line = XeroBook.line(description, Decimal("1"), amount, account, "INPUT", amount, True)
    bill = book.invoice(supplier, number, day, day + timedelta(days=14), [line], True, invoice_type="ACCPAY")
    if day + timedelta(days=14) <= TRADING_TO:
        book.payment(bill, "090", day + timedelta(days=14), amount)


def record_bookkeeping(rng: random.Random, book: XeroBook, books: PetManagerBooks) -> dict[str, dict]:
    """Writes the non-Pet Manager records; returns the suppliers Pet Manager's integration created."""
    first_day = TRADING_FROM
    for name, account, every, low, high, description in BILLS:
        supplier = book.contact(name, day=first_day, supplier=True, groups=("Suppliers",))
        for n, month in enumerate(_months(TRADING_FROM, TRADING_TO)):
            if n % every:
                continue
            amount = low if low == high else low + Decimal(rng.randint(0, int((high - low) * 100))) / 100
            number = f"{name.split()[0][:4].upper()}-{month:%y%m}"
            _bill(book, supplier, number, month + timedelta(days=rng.randint(0, 5)), amount, account,
                  f"{description} {month:%b %Y}")
    stripe_by_hand = book.contact("Stripe Payments Australia Pty Ltd", day=first_day, supplier=True,
                                  groups=("Suppliers",))
    fees_by_month = defaultdict(lambda: ZERO)
    for payment in books.payments:
        if payment["method"] == "stripe" and payment["status"] == "completed":
            fees_by_month[payment["payment_date"].replace(day=1)] += payment["stripe_fee"] + payment["platform_fee"]
    for month in _months(TRADING_FROM, SYNC_START - timedelta(days=1)):
        fees = fees_by_month[month]
        month_end = (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        if fees:
            _bill(book, stripe_by_hand, f"Stripe {month:%b %Y}", month_end, fees, "405",
                  f"Stripe and online payment fees {month:%B %Y}")
    bank = book.contact("Westpac Banking Corporation", day=first_day, supplier=True)
    for month in _months(TRADING_FROM, TRADING_TO):
        month_end = (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        interest = Decimal(rng.randint(800, 4200)) / 100
        interest_line = XeroBook.line("Interest", Decimal("1"), interest, "270", "EXEMPTOUTPUT", interest, True)
        book.bank_transaction("RECEIVE", bank, "093", month_end, [interest_line], True, reference="Interest")
        fee = Decimal("10.00")
        book.bank_transaction("SPEND", bank, "090", month_end,
                              [XeroBook.line("Monthly account fee", Decimal("1"), fee, "404", "EXEMPTEXPENSES", fee,
                                             True)], True, reference="Account fee")
    club = book.contact("Hills District Dog Training Club", day=first_day)
    for month in _months(TRADING_FROM, TRADING_TO):
        rent = Decimal("330.00")
        book.bank_transaction("RECEIVE", club, "090", month + timedelta(days=6),
                              [XeroBook.line("Arena hire - Saturday sessions", Decimal("1"), rent, "260", "OUTPUT",
                                             rent, True)], True, reference="ARENA HIRE")
    return {name: book.contact(name, day=SYNC_START, supplier=True, groups=("Pet Manager Suppliers",))
            for name in ("Stripe", "Pet Manager")}
