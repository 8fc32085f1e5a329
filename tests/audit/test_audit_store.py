"""Audit runs kept in the workspace: every run, every difference, `first_seen` carried forward."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import duckdb

from recon.audit.result import AuditResult, AuditRun, Difference
from recon.audit.store import ensure_schema, previous_run, store_run

T0 = dt.datetime(2026, 10, 1, tzinfo=dt.timezone.utc)


def run(con, at: dt.datetime, previous: int | None, *differences: Difference) -> AuditResult:
    audit_run = AuditRun(0, "tenant", "Org", dt.date(2026, 9, 1), dt.date(2026, 9, 30), at, 1, 2, previous)
    return store_run(con, AuditResult(audit_run, {"invoice": 3}, list(differences)))


def missing(pm_id: str, amount: str = "10.00") -> Difference:
    return Difference("missing_in_xero", "invoice", pm_id, None, f"INV{pm_id}", "Jane", dt.date(2026, 9, 3),
                      Decimal(amount), None, why="not sent to Xero")


def test_first_seen_is_carried_forward_while_a_difference_stays_and_restarts_when_it_comes_back():
    con = duckdb.connect()
    ensure_schema(con)
    first = run(con, T0, None, missing("1"), missing("2"))
    second = run(con, T0 + dt.timedelta(days=1), first.run.run_id, missing("1"))
    third = run(con, T0 + dt.timedelta(days=2), second.run.run_id, missing("1"), missing("2"))
    assert [d.first_seen for d in first.differences] == [T0, T0]
    assert [d.first_seen for d in second.differences] == [T0]
    assert [d.first_seen for d in third.differences] == [T0, T0 + dt.timedelta(days=2)]
    assert [(p.run_id, p.open_differences, p.amount) for p in third.trend] == [
        (1, 2, Decimal("20.00")), (2, 1, Decimal("10.00")), (3, 2, Decimal("20.00"))]
    assert previous_run(con, "tenant")[0] == 3
    assert previous_run(con, "another tenant") is None
    assert con.execute("SELECT count(*) FROM audit_differences").fetchone()[0] == 5
