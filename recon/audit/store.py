"""Audit runs kept in the workspace (`audit_runs`, `audit_differences`), never overwritten.

A difference keeps the time it was first found for as long as each run finds it again: its key is
(category, kind, Pet Manager id, Xero id), carried forward from the previous run of the same
organisation. A difference that went away and came back is new again.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from decimal import Decimal

import duckdb
import pyarrow as pa

import queries
from recon.audit.result import AuditResult, Difference, TrendPoint


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(queries.load("audit/schema"))


def previous_run(con: duckdb.DuckDBPyConnection, tenant_id: str) -> tuple | None:
    """(run_id, period_to, petmanager_snapshot, xero_snapshot) of the organisation's latest audit."""
    return con.execute(
        "SELECT run_id, period_to, petmanager_snapshot, xero_snapshot FROM audit_runs WHERE tenant_id = ? "
        "ORDER BY run_id DESC LIMIT 1", [tenant_id]).fetchone()


def store_run(con: duckdb.DuckDBPyConnection, result: AuditResult) -> AuditResult:
    """Keep the run and its differences; returns the result with its run id, every difference's
    `first_seen` and the trend across this organisation's runs (oldest first, this one last)."""
    con.begin()
    try:
        run_id = con.execute("SELECT nextval('audit_run_ids')").fetchone()[0]
        run = replace(result.run, run_id=run_id)
        seen = _first_seen(con, run.previous_run_id)
        differences = [replace(d, first_seen=seen.get(_key(d), run.started_at)) for d in result.differences]
        stored = replace(result, run=run, differences=differences)
        amount = sum((abs(d.amount_difference) for d in differences), Decimal(0))
        con.execute("INSERT INTO audit_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [run.run_id, run.tenant_id, run.organisation, run.period_from, run.period_to, run.started_at,
                     run.petmanager_snapshot, run.xero_snapshot, run.previous_run_id, len(differences), amount,
                     json.dumps(stored.summary())])
        rows = _columns(run.run_id, differences)
        con.execute("INSERT INTO audit_differences BY NAME SELECT * FROM rows")
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return replace(stored, trend=trend(con, run.tenant_id))


def trend(con: duckdb.DuckDBPyConnection, tenant_id: str) -> list[TrendPoint]:
    rows = con.execute("SELECT run_id, started_at, open_differences, amount FROM audit_runs WHERE tenant_id = ? "
                       "ORDER BY run_id", [tenant_id]).fetchall()
    return [TrendPoint(*row) for row in rows]


def _key(d: Difference) -> tuple:
    return (d.category, d.kind, d.petmanager_id, d.xero_id)


def _first_seen(con: duckdb.DuckDBPyConnection, previous_run_id: int | None) -> dict[tuple, dt.datetime]:
    if previous_run_id is None:
        return {}
    rows = con.execute("SELECT category, kind, petmanager_id, xero_id, first_seen FROM audit_differences "
                       "WHERE run_id = ?", [previous_run_id]).fetchall()
    return {tuple(row[:4]): row[4] for row in rows}


def _columns(run_id: int, differences: list[Difference]) -> pa.Table:
    money = pa.decimal128(18, 2)
    return pa.table({
        "run_id": pa.array([run_id] * len(differences), pa.int32()),
        "position": pa.array(range(len(differences)), pa.int32()),
        "category": pa.array([d.category for d in differences], pa.string()),
        "kind": pa.array([d.kind for d in differences], pa.string()),
        "petmanager_id": pa.array([d.petmanager_id for d in differences], pa.string()),
        "xero_id": pa.array([d.xero_id for d in differences], pa.string()),
        "number": pa.array([d.number for d in differences], pa.string()),
        "contact": pa.array([d.contact for d in differences], pa.string()),
        "day": pa.array([d.day for d in differences], pa.date32()),
        "petmanager_amount": pa.array([d.petmanager_amount for d in differences], money),
        "xero_amount": pa.array([d.xero_amount for d in differences], money),
        "fields": pa.array([list(d.fields) for d in differences], pa.list_(pa.string())),
        "detail": pa.array([d.detail for d in differences], pa.string()),
        "why": pa.array([d.why for d in differences], pa.string()),
        "first_seen": pa.array([d.first_seen for d in differences], pa.timestamp("us", tz="UTC")),
    })
