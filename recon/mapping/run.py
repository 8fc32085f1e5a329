"""`recon map`: suggest the Step 2 mapping into recon.toml; `recon map --check`: list what is not ready."""

from __future__ import annotations

from dataclasses import dataclass

import tomlkit

from recon.config import load_document, save_document
from recon.errors import Located
from recon.mapping.check import check_mapping
from recon.mapping.facts import Chart, PetManagerCodes, read_chart, read_petmanager_codes
from recon.mapping.suggest import Suggestion, suggest
from recon.snapshot.latest import latest_petmanager, latest_xero
from recon.workspace import Workspace


@dataclass(frozen=True)
class MapResult:
    added: dict[str, dict[str, Suggestion]]  # what this run wrote into recon.toml
    problems: list[Located]


def _facts(ws: Workspace) -> tuple[PetManagerCodes, list[Chart]]:
    config = ws.config()
    con = ws.connect()
    try:
        codes = read_petmanager_codes(con, latest_petmanager(con))
        charts = [read_chart(con, org.tenant_id, latest_xero(con, org.tenant_id)) for org in config.organisations]
    finally:
        con.close()
    return codes, charts


def has_snapshots(ws: Workspace) -> bool:
    """Whether both sides have been snapshotted at least once."""
    con = ws.connect()
    try:
        sides = {row[0] for row in con.execute("SELECT DISTINCT side FROM snapshots").fetchall()}
    finally:
        con.close()
    return sides == {"petmanager", "xero"}


def check(ws: Workspace) -> list[Located]:
    codes, charts = _facts(ws)
    return check_mapping(ws.config(), codes, charts)


def map_codes(ws: Workspace) -> MapResult:
    """Add a suggestion for every code that has no mapping yet; never change one a person set."""
    codes, charts = _facts(ws)
    doc = load_document(ws.root)
    mapping = doc.setdefault("mapping", tomlkit.table())
    added: dict[str, dict[str, Suggestion]] = {}
    if charts:
        for table, suggestions in suggest(codes, charts[0]).items():
            section = mapping.setdefault(table, tomlkit.table())
            for code, suggestion in suggestions.items():
                if code in section:
                    continue
                section[code] = suggestion.xero_code
                section[code].comment(f"suggested: {suggestion.reason}")
                added.setdefault(table, {})[code] = suggestion
    save_document(ws.root, doc)
    return MapResult(added, check_mapping(ws.config(), codes, charts))
