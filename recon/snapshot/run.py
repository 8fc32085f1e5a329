"""`recon snapshot`: take one or both sides into the workspace and say what came in."""

from __future__ import annotations

from typing import Callable

from recon.errors import BadInput, Located
from recon.snapshot.petmanager import snapshot_petmanager
from recon.snapshot.result import SnapshotResult
from recon.snapshot.xero import RecordSource, snapshot_xero
from recon.workspace import Workspace

ClientFactory = Callable[[str], RecordSource]  # tenant id -> a client for that organisation


def take_snapshots(
    ws: Workspace,
    *,
    petmanager: bool,
    xero: bool,
    client_for: ClientFactory | None,
    source: str = "",
    full: bool = False,
    progress: Callable[[str, int], None] | None = None,
) -> list[SnapshotResult]:
    """Snapshot Pet Manager and/or every configured Xero organisation; each side in its own transaction."""
    config = ws.config()
    if xero and not config.organisations:
        raise BadInput([Located(str(ws.config_path), None, "organisations",
                                "no Xero organisation configured: run `recon connect` or add [[organisations]]")])
    results = []
    con = ws.connect()
    try:
        if petmanager:
            results.append(snapshot_petmanager(ws, con))
        if xero:
            assert client_for is not None
            for org in config.organisations:
                results.append(
                    snapshot_xero(con, client_for(org.tenant_id), org.tenant_id, source=source, full=full, progress=progress)
                )
    finally:
        con.close()
    return results
