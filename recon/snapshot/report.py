"""The snapshot report: what the latest snapshots of both sides hold, written after `recon snapshot`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

import queries
from recon import __version__
from recon.snapshot.latest import latest_petmanager, latest_xero
from recon.workspace import Workspace
from reports.header import ReportHeader
from reports.render import write_report
from reports.snapshot import (DataQualityNote, EntityCount, MonthTotals, SideSnapshot, SnapshotReportData,
                              render_snapshot_report)
from reports.tables import TopRows

NOTES_SHOWN = 200


def write_snapshot_report(ws: Workspace) -> Path:
    """Write `reports/snapshot-<pm>-<xero>.html` for the latest snapshots and return its path."""
    config = ws.config()
    con = ws.connect()
    try:
        pm = latest_petmanager(con)
        xero = {org.tenant_id: latest_xero(con, org.tenant_id) for org in config.organisations}
        names = {tenant: _organisation_name(con, snapshot) or tenant for tenant, snapshot in xero.items()}
        sides = [_side(con, "Pet Manager", config.business_name, pm, "snapshot/petmanager_counts")]
        sides += [_side(con, "Xero", names[tenant], snapshot, "snapshot/xero_counts") for tenant, snapshot in xero.items()]
        first = next(iter(xero.values()), None)
        months = _months(con, pm, first) if first is not None else []
        notes = _notes(con, pm, first) if first is not None else []
    finally:
        con.close()
    data = SnapshotReportData(
        header=ReportHeader("Snapshot", config.business_name, tuple(names.values()), config.currency,
                            dt.datetime.now(dt.timezone.utc), __version__),
        sides=tuple(sides),
        months=tuple(months),
        monthly_basis="Sales invoice totals by invoice date (Pet Manager: issued and paid; Xero: live sales invoices, "
                      "whoever entered them)",
        notes=TopRows(notes[:NOTES_SHOWN], len(notes), "the workspace"),
    )
    ws.reports_dir.mkdir(parents=True, exist_ok=True)
    path = ws.reports_dir / f"snapshot-{pm}-{first or 0}.html"
    write_report(path, render_snapshot_report(data))
    return path


def _organisation_name(con: duckdb.DuckDBPyConnection, snapshot: int) -> str | None:
    row = con.execute("SELECT name FROM xero_organisation WHERE snapshot_id = ?", [snapshot]).fetchone()
    return row[0] if row else None


def _side(con, system: str, name: str, snapshot: int, query: str) -> SideSnapshot:
    taken = con.execute("SELECT finished_at FROM snapshots WHERE snapshot_id = ?", [snapshot]).fetchone()[0]
    counts = tuple(EntityCount(entity, n, amount)
                   for entity, n, amount in con.execute(queries.load(query), {"snapshot_id": snapshot}).fetchall())
    return SideSnapshot(system, name, snapshot, taken, counts)


def _months(con, pm: int, xero: int) -> list[MonthTotals]:
    rows = con.execute(queries.load("snapshot/monthly"), {"pm_snapshot": pm, "xero_snapshot": xero}).fetchall()
    return [MonthTotals(month, petmanager, xero_total) for month, petmanager, xero_total in rows]


def _notes(con, pm: int, xero: int) -> list[DataQualityNote]:
    rows = con.execute(queries.load("snapshot/notes"), {"pm_snapshot": pm, "xero_snapshot": xero}).fetchall()
    order = {"problem": 0, "warning": 1, "info": 2}
    return sorted((DataQualityNote(*row) for row in rows), key=lambda n: order[n.severity])
