"""Whether the snapshots are fresh enough to plan a sync on.

Pet Manager's snapshot is stale when any file of the export changed after it was taken; Xero's
when it is older than `max_age` (people may type into Xero at any moment; an incremental
snapshot costs about one request per entity)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

import queries

XERO_MAX_AGE = dt.timedelta(minutes=5)


def petmanager_stale(con: duckdb.DuckDBPyConnection, export: Path | None) -> bool:
    taken = _utc(con.execute(queries.load("backsync/petmanager_taken")).fetchone()[0])
    if taken is None or export is None or not export.exists():
        return True
    newest = max((path.stat().st_mtime for path in export.rglob("*") if path.is_file()), default=0.0)
    return dt.datetime.fromtimestamp(newest, dt.timezone.utc) > taken


def xero_stale(con: duckdb.DuckDBPyConnection, tenant_id: str, *, now: dt.datetime,
               max_age: dt.timedelta = XERO_MAX_AGE) -> bool:
    taken = _utc(con.execute(queries.load("backsync/xero_taken"), {"tenant_id": tenant_id}).fetchone()[0])
    return taken is None or now - taken > max_age


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is not None and value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value
