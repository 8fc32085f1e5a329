"""The suspected duplicates of a check run, and which of them still wait for a decision."""

from __future__ import annotations

import duckdb

import queries
from recon.check.findings import KINDS, TIERS, Duplicate
from recon.errors import BadInput, Located
from recon.resolve.store import ensure_table
from recon.workspace import Workspace

DECIDE_BEFORE_SYNC = ("certain", "likely")  # the sync refuses while any of these is undecided


def latest_run(con: duckdb.DuckDBPyConnection) -> int:
    """The newest check run's id; refuses a workspace where the check has never run."""
    con.execute(queries.load("check/schema"))
    run_id = con.execute(queries.load("resolve/latest_run")).fetchone()[0]
    if run_id is None:
        raise BadInput([Located("workspace", None, None,
                                "no check has run yet: run `recon check --from DATE` first")])
    return run_id


def suspects(con: duckdb.DuckDBPyConnection, run_id: int, tiers=TIERS) -> list[Duplicate]:
    """Every suspected duplicate of the run in those tiers, decided or not, best first."""
    return [d for d, _ in _rows(con, run_id, tiers)]


def unresolved(con: duckdb.DuckDBPyConnection, run_id: int, tiers=DECIDE_BEFORE_SYNC) -> list[Duplicate]:
    """The suspected duplicates of the run in those tiers that have no decision yet, best first."""
    return [d for d, decided in _rows(con, run_id, tiers) if not decided]


def _rows(con: duckdb.DuckDBPyConnection, run_id: int, tiers) -> list[tuple[Duplicate, bool]]:
    ensure_table(con)
    rows = con.execute(queries.load("resolve/suspects"), {
        "run_id": run_id, "tiers": list(tiers), "tier_order": list(TIERS), "kind_order": list(KINDS),
    }).fetchall()
    return [(Duplicate(kind, pm_id, xero_id, tenant, confidence, tier, tuple(reasons)), decided)
            for kind, pm_id, xero_id, tenant, confidence, tier, reasons, decided in rows]


def latest_undecided(ws: Workspace, tiers=DECIDE_BEFORE_SYNC, kind: str | None = None) -> tuple[int, list[Duplicate]]:
    """The latest check run's id and its undecided suspected duplicates in those tiers (of one kind)."""
    con = ws.connect()
    try:
        run_id = latest_run(con)
        pending = unresolved(con, run_id, tiers)
    finally:
        con.close()
    return run_id, [d for d in pending if kind is None or d.kind == kind]
