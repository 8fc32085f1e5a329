"""Payments, credit allocations and refunds the sync would push whose document it will not push:
dated before the start date (Pet Manager's most common sync error), after the window, a draft or
void in Pet Manager. Xero needs the document first, so each of them would fail unless that
document is already in Xero. The sync can hold such a record and report it: not blocking."""

from __future__ import annotations

import duckdb

from recon.check.findings import Problem
from recon.problems.scope import Scope
from recon.problems.sql import fetch
from recon.problems.wording import money, record

KINDS = {
    "before_start": "payment_before_start",
    "after_end": "payment_after_end",
    "draft": "payment_on_draft",
    "void": "payment_on_void",
}
BY_HAND = {
    "payment": "record that payment by hand in Xero",
    "refund": "record that refund by hand in Xero",
    "allocation": "make that allocation by hand in Xero",
}


def money_outside_window_problems(con: duckdb.DuckDBPyConnection, scope: Scope) -> list[Problem]:
    return [
        Problem(KINDS[row.reason], False, _message(row, scope), record_kind=row.record_kind,
                petmanager_id=row.record_id, tenant_id=scope.tenant_id)
        for row in fetch(con, "money_outside_window", scope.params())
    ]


def _message(row, scope: Scope) -> str:
    document = record(row.document_kind, row.document_number)
    if row.record_kind == "payment":
        what = f"pays {document}"
    elif row.record_kind == "refund":
        what = f"pays out {money(row.amount)} of {document}"
    elif row.document_kind == "invoice":
        what = f"applies {money(row.amount)} to {document}"
    else:
        what = f"applies {money(row.amount)} of {document}"
    by_hand = BY_HAND[row.record_kind]
    if row.reason == "before_start":
        why = f", dated {row.document_date}, before the start date {scope.window.start}"
        advice = f"move the start date back or {by_hand}"
    elif row.reason == "after_end":
        why = f", dated {row.document_date}, after the window's end {scope.window.end}"
        advice = f"extend the window or {by_hand}"
    elif row.reason == "draft":
        why = ", a draft in Pet Manager (drafts are never synced)"
        advice = f"issue it in Pet Manager or {by_hand}"
    else:
        why = ", which is void in Pet Manager (Xero takes no money against a voided document)"
        advice = f"correct the {row.record_kind} in Pet Manager"
    return f"{record(row.record_kind, row.record_id)} of {row.record_date} {what}{why}: {advice}"
