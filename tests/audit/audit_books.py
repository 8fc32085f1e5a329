"""Tiny books for the audit's unit tests: the matching tests' `Books` (Pet Manager and Xero rows
straight into the snapshot tables) audited with the problem tests' fully mapped config."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

from recon.audit.engine import Findings, Sides, audit_sides
from tests.matching.books import PM_SNAPSHOT, TENANT, XERO_SNAPSHOT, Books
from tests.problems.problem_books import CONFIG as PROBLEM_CONFIG

__all__ = ["Books", "CONFIG", "TENANT", "audit", "contact_of", "keys", "outbox_row", "suspected"]

# The matching books sell DAYCARE on account 200, as Step 2 maps it.
CONFIG = replace(PROBLEM_CONFIG, mapping=replace(PROBLEM_CONFIG.mapping,
                                                 items={**PROBLEM_CONFIG.mapping.items, "DAYCARE": "200"}))
PERIOD = (dt.date(2025, 3, 1), dt.date(2025, 3, 31))  # CONFIG's start date is 2025-02-01


def audit(books: Books, period=PERIOD, *, config=CONFIG, previous: tuple[int, int] | None = None,
          snapshots: tuple[int, int] = (PM_SNAPSHOT, XERO_SNAPSHOT)) -> Findings:
    return audit_sides(books.con, config, Sides(TENANT, snapshots[0], snapshots[1], period[0], period[1],
                                                *(previous or (None, None))))


def keys(findings: Findings) -> set[tuple]:
    """(category, kind, Pet Manager id, Xero id) of every difference."""
    return {(d.category, d.kind, d.petmanager_id, d.xero_id) for d in findings.differences}


def contact_of(books: Books, customer_id: int, first: str, last: str) -> str:
    """A customer and the contact Pet Manager made for it, in its customer group."""
    books.customer(customer_id, first, last)
    contact_id = books.xero_contact(f"{first} {last} CN{customer_id}", number=str(customer_id))
    books.con.execute("UPDATE xero_contacts SET group_names = ['Pet Manager Customers'] WHERE contact_id = ?",
                      [contact_id])
    return contact_id


def outbox_row(books: Books, kind: str, petmanager_id: int, state: str, error: str | None = None) -> None:
    import queries

    books.con.execute(queries.load("outbox/schema"))
    books.con.execute(
        "INSERT INTO outbox BY NAME SELECT nextval('outbox_ids') AS outbox_id, 'plan' AS plan_hash, "
        "CAST(nextval('outbox_ids') AS INTEGER) AS seq, ? AS kind, ? AS petmanager_id, ? AS natural_key, "
        "'Invoices' AS entity, 'PUT' AS method, '{}' AS payload, [] AS depends_on, ? AS state, ? AS error, "
        "1 AS attempts, now() AS updated_at",
        [kind, str(petmanager_id), f"KEY{petmanager_id}", state, error])


def suspected(books: Books, kind: str, petmanager_id: int, xero_id: str, tier: str = "likely") -> None:
    """A suspected duplicate in the latest check run, with no decision."""
    import queries

    books.con.execute(queries.load("check/schema"))
    run_id = books.con.execute("SELECT nextval('check_run_ids')").fetchone()[0]
    books.con.execute("INSERT INTO check_runs VALUES (?, now(), DATE '2025-01-01', NULL, 1, ?, '{}')",
                      [run_id, json.dumps({TENANT: 2})])
    books.con.execute("INSERT INTO check_duplicates VALUES (?, ?, ?, ?, ?, 0.9, ?, ['same amount'])",
                      [run_id, TENANT, kind, petmanager_id, xero_id, tier])
