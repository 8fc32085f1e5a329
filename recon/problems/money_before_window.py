"""Payments and credit allocations dated before the start date on invoices the sync pushes (a
deposit taken before the start date is the usual case): they are not pushed, so in Xero the
invoice stays owing what they paid. Not blocking: the invoice itself syncs."""

from __future__ import annotations

import duckdb

from recon.check.findings import Problem
from recon.problems.scope import Scope
from recon.problems.sql import fetch
from recon.problems.wording import money, record

BY_HAND = {"payment": "record that payment by hand in Xero", "allocation": "make that allocation by hand in Xero"}


def money_before_window_problems(con: duckdb.DuckDBPyConnection, scope: Scope) -> list[Problem]:
    problems = []
    for row in fetch(con, "money_before_window", scope.params()):
        paid = record(row.record_kind, row.record_id)
        problems.append(Problem(
            "paid_before_start", False,
            f"{record('invoice', row.invoice_number)} of {row.invoice_date} ({money(row.total)}) was paid "
            f"{money(row.amount)} before the start date {scope.window.start} by {paid} of {row.record_date}. "
            f"That {row.record_kind} is not synced, so Xero would show {money(row.amount)} more owing than Pet Manager: "
            f"move the start date back to {row.record_date} or {BY_HAND[row.record_kind]}.",
            record_kind=row.record_kind, petmanager_id=row.record_id, tenant_id=scope.tenant_id,
        ))
    return problems
