"""Customers and their pets: families sharing an email, rescues and businesses, staff, the inactive,
names with apostrophes and accents, and one customer whose name is an HTML script tag."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from recon.demo import catalogue
from recon.demo.calendar import TRADING_FROM, TRADING_TO, timestamp

SCRIPT_NAME = "<script>alert(1)</script>"


@dataclass(frozen=True)
class Habits:
    """How a customer uses the business, which drives what they are invoiced."""

    location_id: int
    species: str
    active_from: date
    active_to: date
    exclusive: bool = False  # a rescue or business on tax-exclusive monthly invoices
    discount_percent: Decimal = Decimal("0")
    boards_per_year: float = 0.0
    weekly_daycare_days: int = 0
    casual_daycare_per_year: float = 0.0
    groom_every_weeks: int = 0
    trains: bool = False
    retail_per_year: float = 0.0
    prepays: bool = False


@dataclass(frozen=True)
class Customer:
    row: dict
    habits: Habits

    @property
    def customer_id(self) -> int:
        return self.row["customer_id"]

    @property
    def display_name(self) -> str:
        if self.row["company_name"]:
            return self.row["company_name"]
        return f"{self.row['first_name']} {self.row['last_name']}"


def _phone(rng: random.Random) -> str:
    digits = f"04{rng.randint(10, 99)}{rng.randint(100000, 999999)}"
    return rng.choice([
        f"{digits[:4]} {digits[4:7]} {digits[7:]}",
        f"+61{digits[1:]}",
        digits,
        f"+61 {digits[1:4]} {digits[4:7]} {digits[7:]}",
    ])


def _landline(rng: random.Random) -> str:
    return rng.choice(["(02) 9{} {}", "02 9{} {}"]).format(rng.randint(100, 999), rng.randint(1000, 9999))


def _address(rng: random.Random) -> dict:
    suburb, postcode = rng.choice(catalogue.SUBURBS)
    return {
        "address_line1": f"{rng.randint(1, 240)} {rng.choice(catalogue.STREETS)}",
        "address_line2": rng.choice(["", "", "", f"Unit {rng.randint(1, 12)}"]),
        "suburb": suburb, "state": "NSW", "postcode": postcode, "country": "AU",
    }


def _email_local(first: str, last: str) -> str:
    ascii_name = f"{first}.{last}".encode("ascii", "ignore").decode().lower()
    return "".join(ch for ch in ascii_name if ch.isalnum() or ch == ".") or "customer"


def _habits(rng: random.Random, exclusive: bool, customer_type: str) -> Habits:
    start = TRADING_FROM + timedelta(days=rng.choice([0, 0, 0, rng.randint(0, 700)]))
    inactive = rng.random() < 0.1
    end = min(TRADING_TO, start + timedelta(days=rng.randint(120, 400))) if inactive else TRADING_TO
    species = "cat" if rng.random() < 0.25 else "dog"
    if exclusive:
        return Habits(location_id=1, species="dog", active_from=TRADING_FROM, active_to=TRADING_TO, exclusive=True)
    weekly = species == "dog" and rng.random() < 0.13
    return Habits(
        location_id=rng.choice([1, 1, 1, 2, 2]),
        species=species,
        active_from=start,
        active_to=end,
        discount_percent=Decimal("20") if customer_type == "Staff" else Decimal("0"),
        boards_per_year=rng.choice([0, 0, 1, 1.5, 2, 3]) if not weekly else rng.choice([0, 1]),
        weekly_daycare_days=rng.choice([1, 2, 3, 3, 5]) if weekly else 0,
        casual_daycare_per_year=rng.choice([0, 0, 0, 4, 10]) if species == "dog" and not weekly else 0,
        groom_every_weeks=rng.choice([0, 0, 0, 6, 8, 10]) if species == "dog" else 0,
        trains=species == "dog" and rng.random() < 0.08,
        retail_per_year=rng.choice([0, 0, 1, 2, 4]),
        prepays=weekly and rng.random() < 0.5,
    )


def _person(rng: random.Random, customer_id: int, first: str, last: str, email: str, address: dict,
            customer_type: str) -> Customer:
    habits = _habits(rng, False, customer_type)
    created = habits.active_from - timedelta(days=rng.randint(0, 900))
    return Customer(
        row={
            "customer_id": customer_id, "first_name": first, "last_name": last, "company_name": "",
            "email": email, "phone": _landline(rng) if rng.random() < 0.2 else "",
            "mobile": _phone(rng) if rng.random() < 0.95 else "", **address,
            "customer_type": customer_type, "is_active": habits.active_to >= date(2025, 12, 1),
            "created_at": timestamp(created, 10, rng.randint(0, 59)),
            "updated_at": timestamp(max(created, habits.active_to - timedelta(days=rng.randint(0, 60))), 16),
        },
        habits=habits,
    )


def _company(rng: random.Random, customer_id: int, name: str, customer_type: str) -> Customer:
    local = "".join(ch for ch in name.lower() if ch.isalnum())[:12]
    created = TRADING_FROM - timedelta(days=rng.randint(30, 900))
    return Customer(
        row={
            "customer_id": customer_id, "first_name": "", "last_name": "", "company_name": name,
            "email": f"accounts@{local}.example.org", "phone": _landline(rng), "mobile": "", **_address(rng),
            "customer_type": customer_type, "is_active": True,
            "created_at": timestamp(created, 9), "updated_at": timestamp(created + timedelta(days=400), 9),
        },
        habits=_habits(rng, True, customer_type),
    )


def generate_customers(rng: random.Random, count: int) -> list[Customer]:
    """About `count` customers, ids from 1, in the order Pet Manager numbered them."""
    customers: list[Customer] = []
    companies = catalogue.COMPANIES[: max(3, round(len(catalogue.COMPANIES) * min(1.0, count / 300)))]
    for name, customer_type, _ in companies:
        customers.append(_company(rng, len(customers) + 1, name, customer_type))
    while len(customers) < count:
        last = rng.choice(catalogue.LAST_NAMES)
        address = _address(rng)
        customer_type = "Staff" if rng.random() < 0.01 else "Standard"
        if rng.random() < 0.12:  # a family: one email, one address, two or three customers
            email = f"{_email_local('the', last)}.family@example.com"
            for _ in range(rng.choice([2, 2, 3])):
                family_last = last if rng.random() < 0.8 else rng.choice(catalogue.LAST_NAMES)
                customers.append(_person(rng, len(customers) + 1, rng.choice(catalogue.FIRST_NAMES),
                                         family_last, email, address, customer_type))
        else:
            first = rng.choice(catalogue.FIRST_NAMES)
            email = f"{_email_local(first, last)}{rng.choice(['', '', str(rng.randint(1, 99))])}@example.com"
            customers.append(_person(rng, len(customers) + 1, first, last,
                                     email if rng.random() < 0.9 else "", address, customer_type))
    script = customers[len(customers) // 2]
    customers[len(customers) // 2] = Customer(
        row={**script.row, "first_name": "", "last_name": "", "company_name": SCRIPT_NAME}, habits=script.habits
    )
    return customers


def generate_pets(rng: random.Random, customers: list[Customer]) -> list[dict]:
    pets = []
    for customer in customers:
        if customer.row["company_name"]:
            continue
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            species = customer.habits.species
            breeds = catalogue.DOG_BREEDS if species == "dog" else catalogue.CAT_BREEDS
            pets.append({
                "pet_id": len(pets) + 1, "customer_id": customer.customer_id,
                "name": rng.choice(catalogue.PET_NAMES), "species": species, "breed": rng.choice(breeds),
                "created_at": customer.row["created_at"], "updated_at": customer.row["updated_at"],
            })
    return pets
