"""The Xero organisation and the Pet Manager business of the two snapshots, as problems need them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from recon.problems.scope import Scope
from recon.problems.sql import fetch


@dataclass(frozen=True)
class Organisation:
    name: str
    base_currency: str | None
    period_lock_date: dt.date | None
    end_of_year_lock_date: dt.date | None


@dataclass(frozen=True)
class Business:
    name: str
    currency: str


def read_organisation(con: duckdb.DuckDBPyConnection, scope: Scope) -> Organisation | None:
    rows = fetch(con, "organisation", scope.params())
    return Organisation(*rows[0]) if rows else None


def read_business(con: duckdb.DuckDBPyConnection, scope: Scope) -> Business | None:
    rows = fetch(con, "business", scope.params())
    return Business(*rows[0]) if rows else None
