"""The `duplicate_decisions` table: decisions are appended, and a pair's current decision is its
latest one, whichever check run it was decided on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import duckdb
import polars as pl

import queries
from recon.resolve.decision import Decision, Pair
from recon.workspace import Workspace

FRAME_SCHEMA = {
    "tenant_id": pl.String, "kind": pl.String, "petmanager_id": pl.Int64, "xero_id": pl.String,
    "decision": pl.String, "decided_at": pl.Datetime("us", "UTC"), "decided_by": pl.String, "why": pl.String,
    "check_run_id": pl.Int32,
}


def ensure_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(queries.load("resolve/schema"))


def record_decisions(ws: Workspace, decisions: Sequence[Decision]) -> int:
    """Append the decisions in one transaction; returns how many were recorded."""
    if not decisions:
        return 0
    frame = pl.DataFrame([{name: getattr(d, name) for name in FRAME_SCHEMA} for d in decisions],
                         schema=FRAME_SCHEMA)
    con = ws.connect()
    try:
        ensure_table(con)
        con.begin()
        try:
            con.register("new_decisions", frame)
            con.execute(queries.load("resolve/insert"))
            con.unregister("new_decisions")
            con.commit()
        except BaseException:
            con.rollback()
            raise
    finally:
        con.close()
    return len(decisions)


def current_decisions(con: duckdb.DuckDBPyConnection) -> dict[Pair, Decision]:
    """The current decision of every decided pair, keyed by (tenant_id, kind, petmanager_id, xero_id)."""
    decisions = _read(con, "resolve/current")
    return {d.pair: d for d in decisions}


def decision_history(con: duckdb.DuckDBPyConnection) -> list[Decision]:
    """Every decision ever recorded, oldest first."""
    return _read(con, "resolve/history")


def _read(con: duckdb.DuckDBPyConnection, query: str) -> list[Decision]:
    ensure_table(con)
    rows = con.execute(queries.load(query)).fetchall()
    return [Decision(*row[:5], row[5].astimezone(dt.timezone.utc), *row[6:]) for row in rows]
