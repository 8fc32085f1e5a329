"""Which snapshot is the current one for each side."""

from __future__ import annotations

import duckdb

from recon.errors import BadInput, Located


def latest_petmanager(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT max(snapshot_id) FROM snapshots WHERE side = 'petmanager'").fetchone()
    if row[0] is None:
        raise BadInput([Located("recon.duckdb", None, None, "no Pet Manager snapshot yet: run `recon snapshot`")])
    return row[0]


def latest_xero(con: duckdb.DuckDBPyConnection, tenant_id: str) -> int:
    row = con.execute(
        "SELECT max(snapshot_id) FROM snapshots WHERE side = 'xero' AND tenant_id = ?", [tenant_id]
    ).fetchone()
    if row[0] is None:
        raise BadInput(
            [Located("recon.duckdb", None, None, f"no Xero snapshot of organisation {tenant_id} yet: run `recon snapshot`")]
        )
    return row[0]
