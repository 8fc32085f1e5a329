"""What Step 2 works from: the codes Pet Manager uses, and each Xero organisation's chart."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import duckdb

import queries


@dataclass(frozen=True)
class UsedCode:
    kind: str  # "items" | "area_types" | "tax" | "payment_methods"
    code: str
    uses: int
    example: str | None


@dataclass(frozen=True)
class Account:
    code: str | None
    name: str
    type: str
    klass: str
    status: str
    system_account: str | None
    enable_payments: bool

    @property
    def active(self) -> bool:
        return self.status == "ACTIVE"

    @property
    def is_bank(self) -> bool:
        return self.type == "BANK"


@dataclass(frozen=True)
class TaxRate:
    tax_type: str
    name: str
    status: str
    rate: Decimal
    for_revenue: bool


@dataclass(frozen=True)
class Chart:
    """One Xero organisation's side of the mapping, from its latest snapshot."""

    tenant_id: str
    name: str
    country: str
    currency: str
    accounts: tuple[Account, ...]
    tax_rates: tuple[TaxRate, ...]
    tracking: dict[str, tuple[str, ...]]  # active category name -> its active option names

    def account(self, code: str) -> Account | None:
        return next((a for a in self.accounts if a.code == code), None)

    def tax_rate(self, tax_type: str) -> TaxRate | None:
        return next((t for t in self.tax_rates if t.tax_type == tax_type), None)


@dataclass(frozen=True)
class PetManagerCodes:
    used: tuple[UsedCode, ...]
    item_area_types: dict[str, str]  # item code -> its most common area type
    locations: dict[int, str]  # location id -> name

    def codes(self, kind: str) -> list[str]:
        return [u.code for u in self.used if u.kind == kind]


def read_petmanager_codes(con: duckdb.DuckDBPyConnection, snapshot_id: int) -> PetManagerCodes:
    params = {"snapshot_id": snapshot_id}
    used = tuple(UsedCode(*row) for row in con.execute(queries.load("mapping/used_codes"), params).fetchall())
    areas = dict(con.execute(queries.load("mapping/item_area_types"), params).fetchall())
    locations = dict(con.execute(queries.load("mapping/locations"), params).fetchall())
    return PetManagerCodes(used, areas, locations)


def read_chart(con: duckdb.DuckDBPyConnection, tenant_id: str, snapshot_id: int) -> Chart:
    params = {"snapshot_id": snapshot_id}
    org = con.execute(queries.load("mapping/organisation"), params).fetchone() or ("", "", "")
    accounts = tuple(
        Account(code, name or "", type_ or "", klass or "", status or "", system, bool(payments))
        for code, name, type_, klass, status, system, payments in con.execute(
            queries.load("mapping/chart"), params
        ).fetchall()
    )
    rates = tuple(
        TaxRate(tax_type, name or "", status or "", rate if rate is not None else Decimal(0), bool(revenue))
        for tax_type, name, status, rate, revenue in con.execute(queries.load("mapping/tax_rates"), params).fetchall()
    )
    tracking: dict[str, list[str]] = {}
    for category, category_status, option, option_status in con.execute(
        queries.load("mapping/tracking"), params
    ).fetchall():
        if category_status != "ACTIVE":
            continue
        options = tracking.setdefault(category, [])
        if option and option_status == "ACTIVE":
            options.append(option)
    return Chart(tenant_id, org[0] or "", org[1] or "", org[2] or "",
                 accounts, rates, {k: tuple(v) for k, v in tracking.items()})
