"""Pet Manager snapshot: read and validate the export, then append it to the pm_* tables.

The export is loaded into a staging schema inside one transaction; if anything is wrong the
transaction is rolled back, so a refused export writes nothing to the workspace.
"""

from __future__ import annotations

import datetime as dt
import json

import duckdb

from recon.errors import BadInput, Located
from recon.petmanager import PM_TABLES, load_export
from recon.snapshot.result import SnapshotResult
from recon.workspace import Workspace

STAGE = "pm_stage"


def snapshot_petmanager(ws: Workspace, con: duckdb.DuckDBPyConnection) -> SnapshotResult:
    config = ws.config()
    if config.export is None:
        raise BadInput([Located(str(ws.config_path), None, "petmanager.export", "no Pet Manager export folder set")])
    started = dt.datetime.now(dt.timezone.utc)
    con.begin()
    try:
        load_export(config.export, con, schema=STAGE)
        snapshot_id = con.execute("SELECT nextval('snapshot_ids')").fetchone()[0]
        counts = {}
        for table in PM_TABLES:
            counts[table] = _append(con, table, snapshot_id)
        con.execute(f'DROP SCHEMA "{STAGE}" CASCADE')
        finished = dt.datetime.now(dt.timezone.utc)
        con.execute(
            "INSERT INTO snapshots VALUES (?, 'petmanager', NULL, 'full', ?, ?, ?, ?)",
            [snapshot_id, str(config.export), started, finished, json.dumps(counts)],
        )
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return SnapshotResult(snapshot_id, "petmanager", "full", None, started, finished, counts)


def _append(con: duckdb.DuckDBPyConnection, table: str, snapshot_id: int) -> int:
    """Append the staged table to pm_<table>, creating it with the staged columns the first time."""
    con.execute(
        f'CREATE TABLE IF NOT EXISTS "pm_{table}" AS '
        f'SELECT CAST(NULL AS INTEGER) AS snapshot_id, * FROM "{STAGE}"."{table}" WITH NO DATA'
    )
    con.execute(
        f'INSERT INTO "pm_{table}" BY NAME SELECT ? AS snapshot_id, * FROM "{STAGE}"."{table}"', [snapshot_id]
    )
    return con.execute(f'SELECT count(*) FROM "{STAGE}"."{table}"').fetchone()[0]
