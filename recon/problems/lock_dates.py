"""Xero refuses anything dated on or before its lock date: the end of year lock date stops every
user, the period lock date everyone but advisers. One problem per kind of record, not per record:
a start date before the lock date would otherwise list the whole locked period."""

from __future__ import annotations

import datetime as dt

import duckdb

from recon.check.findings import Problem
from recon.problems.organisation import Organisation
from recon.problems.scope import Scope
from recon.problems.sql import fetch
from recon.problems.wording import count_of


def lock_date_problems(con: duckdb.DuckDBPyConnection, scope: Scope, organisation: Organisation | None) -> list[Problem]:
    if organisation is None:
        return []
    locks = [(day, label) for day, label in ((organisation.end_of_year_lock_date, "end of year lock date"),
                                             (organisation.period_lock_date, "period lock date")) if day]
    if not locks:
        return []
    lock_date, label = max(locks, key=lambda lock: lock[0])  # the end of year lock wins a tie
    day_after = lock_date + dt.timedelta(days=1)
    problems = []
    for row in fetch(con, "locked_records", {**scope.params(), "lock_date": lock_date}):
        dated = f"dated {row.first_day}" if row.first_day == row.last_day else f"dated {row.first_day} to {row.last_day}"
        problems.append(Problem(
            "lock_date", True,
            f"Xero's {label} is {lock_date}, so Xero would refuse {count_of(row.n, row.record_kind)} {dated}: "
            f"move the start date to {day_after} or later, or ask the organisation's adviser to move the lock date.",
            record_kind=row.record_kind, tenant_id=scope.tenant_id,
        ))
    return problems
