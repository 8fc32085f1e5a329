"""The sync's start date lives in recon.toml (`[sync] start_date`, Pet Manager's Step 3): the first
confirmed `recon sync --from DATE` records it, later runs use it, and a date in the future is
recorded with nothing moving until that day."""

from __future__ import annotations

import datetime as dt

import tomlkit

from recon.config import load_document, save_document
from recon.errors import BadInput, Located
from recon.workspace import Workspace


def start_date(ws: Workspace, given: dt.date | None) -> dt.date:
    """`given`, else the recorded start date; refuses when there is neither."""
    if given is not None:
        return given
    recorded = ws.config().start_date
    if recorded is None:
        raise BadInput([Located("command line", None, "--from",
                                "no start date: give --from DATE (it is recorded in recon.toml for later runs)")])
    return recorded


def record_start_date(ws: Workspace, day: dt.date) -> None:
    """Into recon.toml (later runs' default) and the workspace (`recon status`: waiting for the start date)."""
    from recon.syncrecord import record_start

    con = ws.connect()
    try:
        for organisation in ws.config().organisations:
            record_start(con, organisation.tenant_id, day)
    finally:
        con.close()
    doc = load_document(ws.root)
    if "sync" not in doc:
        doc["sync"] = tomlkit.table()
    if doc["sync"].get("start_date") != day:
        doc["sync"]["start_date"] = day
        save_document(ws.root, doc)
