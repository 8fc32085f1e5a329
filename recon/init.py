"""`recon init`: create a workspace (recon.toml + recon.duckdb) for one Pet Manager export."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import tomlkit

from recon.config import CONFIG_NAME, read_config
from recon.errors import BadInput, Located
from recon.petmanager.business import read_business
from recon.petmanager.problems import Problems
from recon.workspace import Workspace


def create_workspace(
    root: Path,
    export: Path,
    *,
    tenant_ids: list[str] | None = None,
    start_date: dt.date | None = None,
    invoice_prefix: str | None = None,
    credit_note_prefix: str | None = None,
) -> Workspace:
    """Write recon.toml and create recon.duckdb. Refuses to overwrite an existing workspace."""
    root = root.resolve()
    if (root / CONFIG_NAME).exists():
        raise BadInput([Located(str(root / CONFIG_NAME), None, None, "a workspace already exists here")])
    export = export.resolve()
    problems = Problems()
    business = read_business(export / "business.json", problems)
    if business is None:
        raise BadInput([Located(str(export / e.file), e.row, e.column, e.message) for e in problems.located()])
    root.mkdir(parents=True, exist_ok=True)

    doc = tomlkit.document()
    doc.add(tomlkit.comment("recon workspace: see README.md, section Configuration"))
    doc["petmanager"] = {"export": _relative(export, root)}
    doc["business"] = {
        "name": business.business_name,
        "country": business.country,
        "currency": business.currency,
        "timezone": business.timezone,
    }
    orgs = tomlkit.aot()
    all_locations = [loc.location_id for loc in business.locations]
    for n, tenant_id in enumerate(tenant_ids or []):
        # One organisation takes every location; with several, the user assigns locations in recon.toml.
        orgs.append(tomlkit.item({"tenant_id": tenant_id, "name": "", "locations": all_locations if n == 0 else []}))
    if orgs:
        doc["organisations"] = orgs
    numbering = tomlkit.table()
    numbering.add(tomlkit.comment("Pet Manager's Step 1: the prefixes put before its numbers in Xero"))
    if invoice_prefix is not None:
        numbering["invoice_prefix"] = invoice_prefix
    if credit_note_prefix is not None:
        numbering["credit_note_prefix"] = credit_note_prefix
    doc["numbering"] = numbering
    sync = tomlkit.table()
    if start_date is not None:
        sync["start_date"] = start_date
    doc["sync"] = sync

    path = root / CONFIG_NAME
    path.write_text(tomlkit.dumps(doc), encoding="utf-8")
    read_config(root)  # what we wrote must read back
    ws = Workspace(root)
    ws.connect().close()
    return ws


def _relative(path: Path, root: Path) -> str:
    """Keep the export path relative to the workspace when it lives below it, so the folder can move."""
    try:
        return str(path.relative_to(root))
    except ValueError:
        return os.fspath(path)
