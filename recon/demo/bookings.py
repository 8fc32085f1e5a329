"""What each customer booked and bought over the trading period, as invoices with their lines.

Weekly daycare is invoiced every Monday for the same days at the same price: the same amount
every week, the classic trap for a duplicate check. Rescues and businesses get one tax-exclusive
invoice a month at rates agreed to four decimals, where Xero's per-line tax can differ by a cent.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from recon.demo import catalogue
from recon.demo.calendar import TRADING_FROM, TRADING_TO, timestamp, weeks
from recon.demo.customers import Customer
from recon.demo.money import line_amount, petmanager_totals

FIRST_INVOICE_NUMBER = 10001


@dataclass
class Sale:
    """An invoice before it has an id, with what the takings step needs to know about it."""

    customer: Customer
    day: date
    due: date
    kind: str  # boarding, weekly, casual, groom, training, retail, account
    lines: list[dict]
    booking_ref: str = ""
    nights: int = 0
    extras: dict = field(default_factory=dict)


def sale_line(item_code: str, quantity: int, *, unit_price: Decimal | None = None, description: str | None = None,
          discount: Decimal = Decimal("0")) -> dict:
    item = catalogue.ITEMS[item_code]
    price = item.unit_price if unit_price is None else unit_price
    return {
        "item_code": item.code, "area_type": item.area_type, "line_type": item.line_type,
        "description": description or item.description, "quantity": Decimal(quantity), "unit_price": price,
        "discount_percent": discount, "tax_code": item.tax_code,
        "line_amount": line_amount(Decimal(quantity), price, discount),
    }


def _retail_line(rng: random.Random, discount: Decimal) -> dict:
    name, price = rng.choice(catalogue.RETAIL_PRODUCTS)
    return sale_line("RETAIL", rng.choice([1, 1, 1, 2]), unit_price=price, description=name, discount=discount)


def _random_day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _boarding(rng: random.Random, customer: Customer, booking_refs: list[int]) -> list[Sale]:
    habits = customer.habits
    years = (habits.active_to - habits.active_from).days / 365
    sales = []
    for _ in range(round(habits.boards_per_year * years + rng.random())):
        if rng.random() < 0.3:  # Christmas: the busiest fortnight, paid in the new year
            year = rng.choice([2024, 2025])
            day = date(year, 12, rng.randint(15, 30))
        else:
            day = _random_day(rng, habits.active_from, habits.active_to)
        if not habits.active_from <= day <= habits.active_to:
            continue
        nights = rng.choice([2, 2, 3, 3, 4, 5, 7, 7, 10, 14])
        discount = habits.discount_percent
        if habits.species == "cat":
            lines = [sale_line("BOARD-CAT", nights, description=f"Cattery - {nights} nights", discount=discount)]
        else:
            code = rng.choice(["BOARD-DOG", "BOARD-DOG", "BOARD-DOG-LG"])
            lines = [sale_line(code, nights, description=f"{catalogue.ITEMS[code].description}, {nights} nights",
                           discount=discount)]
            if rng.random() < 0.35:
                lines.append(sale_line("BATH", 1, description="Departure bath", discount=discount))
        if rng.random() < 0.15:
            lines.append(sale_line("MEDS", nights))
        if rng.random() < 0.1:
            lines.append(sale_line("TRANSPORT", 2))
        if rng.random() < 0.1:
            lines.append(_retail_line(rng, discount))
        booking_refs[0] += 1
        sales.append(Sale(customer, day, day + timedelta(days=nights), "boarding", lines,
                          booking_ref=f"BK-{booking_refs[0]}", nights=nights))
    return sales


def _weekly_daycare(rng: random.Random, customer: Customer) -> list[Sale]:
    habits = customer.habits
    days = habits.weekly_daycare_days
    description = f"Daycare - full day x {days} (weekly)"
    return [
        Sale(customer, monday, monday + timedelta(days=4), "weekly",
             [sale_line("DAYCARE", days, description=description)])
        for monday in weeks(habits.active_from, habits.active_to, 0)
        if rng.random() > 0.06  # holidays
    ]


def _on_the_day(rng: random.Random, customer: Customer, per_year: float, kind: str, make_lines) -> list[Sale]:
    habits = customer.habits
    years = (habits.active_to - habits.active_from).days / 365
    sales = []
    for _ in range(round(per_year * years + rng.random() * 0.5)):
        day = _random_day(rng, habits.active_from, habits.active_to)
        sales.append(Sale(customer, day, day, kind, make_lines()))
    return sales


def _grooming(rng: random.Random, customer: Customer) -> list[Sale]:
    habits = customer.habits
    sales = []
    day = habits.active_from + timedelta(days=rng.randint(0, 40))
    while day <= habits.active_to:
        discount = habits.discount_percent
        lines = [sale_line(rng.choice(["GROOM-FULL", "GROOM-FULL", "GROOM-MINI"]), 1, discount=discount)]
        if rng.random() < 0.3:
            lines.append(sale_line("GROOM-NAIL", 1, discount=discount))
        if rng.random() < 0.1:
            lines.append(_retail_line(rng, discount))
        sales.append(Sale(customer, day, day, "groom", lines))
        day += timedelta(weeks=habits.groom_every_weeks, days=rng.randint(-3, 10))
    return sales


def _retail_lines(rng: random.Random, discount: Decimal) -> list[dict]:
    if rng.random() < 0.04:
        amount = rng.choice([Decimal("50.00"), Decimal("100.00")])
        return [sale_line("VOUCHER", 1, unit_price=amount, description=f"Gift voucher ${amount:.0f}")]
    return [_retail_line(rng, discount) for _ in range(rng.choice([1, 1, 2, 3]))]


def _account(rng: random.Random, customer: Customer) -> list[Sale]:
    """A rescue's or business's monthly tax-exclusive invoice, dated the last day of the month."""
    sales = []
    month = TRADING_FROM.replace(day=1)
    while month <= TRADING_TO:
        next_month = (month + timedelta(days=32)).replace(day=1)
        last_day = next_month - timedelta(days=1)
        lines = [sale_line("BOARD-DOG", rng.randint(4, 40), unit_price=catalogue.EXCLUSIVE_RATES["BOARD-DOG"],
                       description=f"Rescue boarding {last_day:%B %Y}")]
        for code in ("DAYCARE", "GROOM-NAIL", "BATH"):
            if rng.random() < 0.6:
                lines.append(sale_line(code, rng.randint(1, 12), unit_price=catalogue.EXCLUSIVE_RATES[code]))
        if rng.random() < 0.2:
            lines.append(sale_line("MEDS", rng.randint(1, 10)))
        sales.append(Sale(customer, last_day, last_day + timedelta(days=30), "account", lines))
        month = next_month
    return sales


def _sales_of(rng: random.Random, customer: Customer, booking_refs: list[int]) -> list[Sale]:
    habits = customer.habits
    if habits.exclusive:
        return _account(rng, customer)
    discount = habits.discount_percent
    sales = _boarding(rng, customer, booking_refs)
    if habits.weekly_daycare_days:
        sales += _weekly_daycare(rng, customer)
    sales += _on_the_day(rng, customer, habits.casual_daycare_per_year, "casual",
                         lambda: [sale_line(rng.choice(["DAYCARE", "DAYCARE-HALF"]), 1, discount=discount)])
    if habits.groom_every_weeks:
        sales += _grooming(rng, customer)
    if habits.trains:
        sales += _on_the_day(rng, customer, 0.6, "training",
                             lambda: [sale_line(rng.choice(["TRAIN-PUPPY", "TRAIN-PRIVATE"]), 1, discount=discount)])
    sales += _on_the_day(rng, customer, habits.retail_per_year, "retail", lambda: _retail_lines(rng, discount))
    return [sale for sale in sales if TRADING_FROM <= sale.day <= TRADING_TO]


def generate_sales(rng: random.Random, customers: list[Customer]) -> list[Sale]:
    """Every sale in invoice-number order (by date, then customer)."""
    booking_refs = [88000]
    sales = [sale for customer in customers for sale in _sales_of(rng, customer, booking_refs)]
    sales.sort(key=lambda sale: (sale.day, sale.customer.customer_id, sale.kind))
    retail = [line for sale in sales for line in sale.lines if line["item_code"] == "RETAIL"]
    for line, text in zip(rng.sample(retail, len(catalogue.FORMULA_LIKE_DESCRIPTIONS)),
                          catalogue.FORMULA_LIKE_DESCRIPTIONS):
        line["description"] = text
    return sales


def invoice_row(invoice_id: int, sale: Sale, status: str) -> dict:
    inclusive = not sale.customer.habits.exclusive
    subtotal, tax_total, total = petmanager_totals([(line["tax_code"], line["line_amount"]) for line in sale.lines],
                                                   inclusive)
    return {
        "invoice_id": invoice_id, "invoice_number": str(FIRST_INVOICE_NUMBER + invoice_id - 1),
        "customer_id": sale.customer.customer_id, "invoice_date": sale.day, "due_date": sale.due,
        "status": status, "amounts_include_tax": inclusive,
        "subtotal": subtotal, "tax_total": tax_total, "total": total, "booking_ref": sale.booking_ref,
        "location_id": sale.customer.habits.location_id,
        "created_at": timestamp(sale.day - timedelta(days=7 if sale.booking_ref else 0), 8),
        "updated_at": timestamp(sale.due, 18),
    }


def line_rows(invoice_id: int, sale: Sale) -> list[dict]:
    return [{"invoice_id": invoice_id, "line_number": number, **line} for number, line in enumerate(sale.lines, 1)]
