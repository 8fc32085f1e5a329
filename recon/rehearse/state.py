"""The sandbox state of a Xero snapshot: the organisation as it stood, ready for a local sandbox.

`sandbox_state_from_snapshot(con, tenant_id)` reads every record of the latest (or the given)
Xero snapshot of one organisation from the workspace and returns the state document
(`sync.sandbox.statefile` format) that `Sandbox.start(state=...)` loads. The records are Xero's own
raw JSON, money read as Decimal, so every ID, number, status, date, allocation, payment link and
lock date is kept as Xero had it.
"""

from __future__ import annotations

from collections import defaultdict

import duckdb

import queries
from recon.errors import BadInput, Located
from recon.snapshot.latest import latest_xero
from sync.sandbox import xerojson
from sync.sandbox.from_snapshot import state_from_records


def sandbox_state_from_snapshot(con: duckdb.DuckDBPyConnection, tenant_id: str,
                                snapshot_id: int | None = None) -> dict:
    """The state document of one organisation's Xero snapshot (the latest when `snapshot_id` is None),
    with one generated client allowed that organisation."""
    snapshot_id = _chosen_snapshot(con, tenant_id, snapshot_id)
    return state_from_records(snapshot_records(con, tenant_id, snapshot_id), tenant_id)


def sandbox_state_for_organisations(con: duckdb.DuckDBPyConnection, tenant_ids: list[str]) -> dict:
    """One state document holding the latest snapshot of each organisation, with one client allowed
    all of them (a workspace may sync several organisations)."""
    if not tenant_ids:
        raise BadInput([Located("recon.toml", None, "organisations",
                                "no Xero organisation configured: run `recon connect` or add [[organisations]]")])
    documents = [sandbox_state_from_snapshot(con, tenant_id) for tenant_id in tenant_ids]
    merged = documents[0]
    merged["clients"][0]["tenant_ids"] = [str(tenant_id) for tenant_id in tenant_ids]
    for document in documents[1:]:
        merged["organisations"] += document["organisations"]
    return merged


def snapshot_records(con: duckdb.DuckDBPyConnection, tenant_id: str, snapshot_id: int) -> dict[str, list[dict]]:
    """Entity name -> the snapshot's records of it, parsed with Decimal money."""
    records: dict[str, list[dict]] = defaultdict(list)
    rows = con.execute(queries.load("rehearse/snapshot_records"),
                       {"snapshot_id": snapshot_id, "tenant_id": tenant_id}).fetchall()
    for entity, raw in rows:
        records[entity].append(xerojson.loads(raw))
    return dict(records)


def _chosen_snapshot(con: duckdb.DuckDBPyConnection, tenant_id: str, snapshot_id: int | None) -> int:
    if snapshot_id is None:
        return latest_xero(con, tenant_id)
    (exists,) = con.execute(queries.load("rehearse/snapshot_exists"),
                            {"snapshot_id": snapshot_id, "tenant_id": tenant_id}).fetchone()
    if not exists:
        raise BadInput([Located("recon.duckdb", None, None,
                                f"no Xero snapshot {snapshot_id} of organisation {tenant_id}")])
    return snapshot_id
