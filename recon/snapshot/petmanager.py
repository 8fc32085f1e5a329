"""Pet Manager snapshot: read and validate the export, then append it to the pm_* tables.

The export is checked in a staging schema first; a refused export writes nothing to the
workspace's tables, and a snapshot is appended whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import json

import duckdb

from recon.errors import BadInput, Located
from recon.petmanager import load_export
from recon.petmanager.columns import FILES
from recon.snapshot.result import SnapshotResult
from recon.workspace import Workspace

STAGE = "pm_stage"
PM_TABLES = ("business", "locations", *(spec.stem for spec in FILES))


def snapshot_petmanager(ws: Workspace, con: duckdb.DuckDBPyConnection) -> SnapshotResult:
    config = ws.config()
    if config.export is None:
        raise BadInput([Located(str(ws.config_path), None, "petmanager.export", "no Pet Manager export folder set")])
    started = dt.datetime.now(dt.timezone.utc)
    # The reader stages the export in its own schema and drops it again on any fault. The append
    # to pm_* and the snapshot row are one transaction; the staging schema goes afterwards
    # (DuckDB cannot drop, in the transaction that commits, a schema it created in it).
    load_export(config.export, con, schema=STAGE)
    try:
        con.begin()
        try:
            snapshot_id = con.execute("SELECT nextval('snapshot_ids')").fetchone()[0]
            counts = {table: _append(con, table, snapshot_id) for table in PM_TABLES}
            finished = dt.datetime.now(dt.timezone.utc)
            con.execute(
                "INSERT INTO snapshots VALUES (?, 'petmanager', NULL, 'full', ?, ?, ?, ?)",
                [snapshot_id, str(config.export), started, finished, json.dumps(counts)],
            )
            con.commit()
        except BaseException:
            con.rollback()
            raise
    finally:
        con.execute(f'DROP SCHEMA IF EXISTS "{STAGE}" CASCADE')
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
