"""Sync runs kept in the workspace: the plan each run confirmed, what it left out and why, how it
ended, and start dates still in the future. `recon status` and the post-sync report read them.

    run_id = record_plan(con, plan, tenant_id=..., window_from=..., window_to=None, on_duplicate="refuse")
    ...  # outbox, push, verification
    finish_run(con, run_id, "finished")

Nothing secret is stored: ids, dates, counts and reasons in words.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal

import duckdb
import pyarrow as pa

import queries
from recon.syncplan.plan import Left, Plan

CATEGORIES = ("skipped", "linked", "held")
# How a run ended: every write done; some failed or held; stopped early (day limit, Ctrl-C, crash:
# the next run finishes it); refused before anything was sent; a start date in the future.
OUTCOMES = ("finished", "failures", "stopped", "refused", "waiting")
LEFT_ROWS = pa.schema([("plan_hash", pa.string()), ("kind", pa.string()), ("petmanager_id", pa.int64()),
                       ("category", pa.string()), ("reason", pa.string()), ("xero_id", pa.string())])


@dataclass(frozen=True)
class SyncRun:
    run_id: int
    plan_hash: str
    tenant_id: str
    window_from: dt.date
    window_to: dt.date | None
    on_duplicate: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    outcome: str | None  # None while the run has not finished (or was killed)
    summary: dict  # Plan.summary(), amounts as strings


@dataclass(frozen=True)
class CreatedRow:
    """A record a plan created in Xero (a done outbox row)."""

    seq: int
    kind: str
    petmanager_id: int | None
    natural_key: str
    xero_id: str | None
    name: str | None  # the contact's name; a document's contact as Xero shows it
    amount: Decimal | None  # None for contacts (and where no snapshot shows the total)
    updated_at: dt.datetime


@dataclass(frozen=True)
class LeftRow:
    kind: str
    petmanager_id: int
    category: str  # skipped | linked | held
    reason: str
    xero_id: str | None


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(queries.load("syncrecord/schema"))


def record_plan(con: duckdb.DuckDBPyConnection, plan: Plan, *, tenant_id: str, window_from: dt.date,
                window_to: dt.date | None, on_duplicate: str, started_at: dt.datetime | None = None) -> int:
    """Store a run of `plan` (its summary and every record it leaves out, by category); its run id."""
    ensure_schema(con)
    left = [(category, one) for category in CATEGORIES for one in getattr(plan, category)]
    rows = pa.Table.from_pylist([_left_row(plan.hash, category, one) for category, one in left], schema=LEFT_ROWS)
    con.begin()
    try:
        (run_id,) = con.execute(queries.load("syncrecord/insert_run"), {
            "plan_hash": plan.hash, "tenant_id": tenant_id, "window_from": window_from, "window_to": window_to,
            "on_duplicate": on_duplicate, "started_at": started_at or _now(),
            "summary": json.dumps(plan.summary(), default=_plain),
        }).fetchone()
        con.execute(queries.load("syncrecord/delete_left"), {"plan_hash": plan.hash})
        con.register("left_rows", rows)
        try:
            con.execute(queries.load("syncrecord/insert_left"))
        finally:
            con.unregister("left_rows")
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return run_id


def finish_run(con: duckdb.DuckDBPyConnection, run_id: int, outcome: str, *, summary: dict | None = None,
               finished_at: dt.datetime | None = None) -> None:
    """Record how run `run_id` ended (one of OUTCOMES); `summary` replaces the plan's summary when given."""
    if outcome not in OUTCOMES:
        raise ValueError(f"outcome {outcome!r} is not one of {list(OUTCOMES)}")
    ensure_schema(con)
    changed = con.execute(queries.load("syncrecord/finish_run"), {
        "run_id": run_id, "outcome": outcome, "finished_at": finished_at or _now(),
        "summary": None if summary is None else json.dumps(summary, default=_plain),
    }).fetchall()
    if not changed:
        raise ValueError(f"there is no sync run {run_id}")


def get_run(con: duckdb.DuckDBPyConnection, run_id: int) -> SyncRun:
    ensure_schema(con)
    runs = _runs(con.execute(queries.load("syncrecord/run"), {"run_id": run_id}))
    if not runs:
        raise ValueError(f"there is no sync run {run_id}")
    return runs[0]


def latest_runs(con: duckdb.DuckDBPyConnection, tenant_id: str | None = None) -> list[SyncRun]:
    """The latest run of each organisation (or of `tenant_id` only), newest first."""
    ensure_schema(con)
    return _runs(con.execute(queries.load("syncrecord/latest_runs"), {"tenant_id": tenant_id}))


def left_of(con: duckdb.DuckDBPyConnection, plan_hash: str) -> list[LeftRow]:
    """What plan `plan_hash` left out: skipped, then linked, then held... in category, kind, id order."""
    ensure_schema(con)
    return [LeftRow(*row) for row in con.execute(queries.load("syncrecord/left"), {"plan_hash": plan_hash}).fetchall()]


def created_of(con: duckdb.DuckDBPyConnection, plan_hash: str, tenant_id: str) -> list[CreatedRow]:
    """What plan `plan_hash` created in Xero, in plan order, with amounts (from the latest Xero snapshot of
    `tenant_id` where the payload has none)."""
    con.execute(queries.load("outbox/schema"))
    con.execute(queries.load("xero/schema"))
    (xero_snapshot,) = con.execute("SELECT max(snapshot_id) FROM snapshots WHERE side = 'xero' AND tenant_id = ?",
                                   [tenant_id]).fetchone()
    rows = con.execute(queries.load("syncrecord/created"), {"plan_hash": plan_hash, "xero_snapshot": xero_snapshot})
    return [CreatedRow(*row) for row in rows.fetchall()]


def short_code(con: duckdb.DuckDBPyConnection, tenant_id: str) -> str | None:
    """The organisation's ShortCode from its latest Xero snapshot (None when unknown)."""
    con.execute(queries.load("xero/schema"))
    row = con.execute(queries.load("syncrecord/short_code"), {"tenant_id": tenant_id}).fetchone()
    return row[0] if row else None


def record_start(con: duckdb.DuckDBPyConnection, tenant_id: str, start_date: dt.date,
                 recorded_at: dt.datetime | None = None) -> None:
    """Remember the organisation's start date; while it lies in the future nothing is sent."""
    ensure_schema(con)
    con.execute(queries.load("syncrecord/insert_start"),
                {"tenant_id": tenant_id, "start_date": start_date, "recorded_at": recorded_at or _now()})


def pending_start(con: duckdb.DuckDBPyConnection, tenant_id: str, *, today: dt.date | None = None) -> dt.date | None:
    """The organisation's recorded start date when it is still after `today`, else None."""
    ensure_schema(con)
    row = con.execute(queries.load("syncrecord/latest_start"), {"tenant_id": tenant_id}).fetchone()
    if row is None:
        return None
    return row[0] if row[0] > (today or dt.date.today()) else None


def _left_row(plan_hash: str, category: str, one: Left) -> dict:
    return {"plan_hash": plan_hash, "kind": one.kind, "petmanager_id": int(one.petmanager_id), "category": category,
            "reason": one.reason, "xero_id": one.xero_id}


def _runs(cursor: duckdb.DuckDBPyConnection) -> list[SyncRun]:
    names = [column[0] for column in cursor.description]
    runs = []
    for values in cursor.fetchall():
        row = dict(zip(names, values))
        row["summary"] = json.loads(row["summary"])
        runs.append(SyncRun(**row))
    return runs


def _plain(value):
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} cannot go into a run's summary")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)
