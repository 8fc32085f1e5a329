"""The suspected duplicates as a sheet: the check's duplicates CSV and XLSX, and the CSV that
`recon resolve --export-csv` writes for the accountant to fill in. Same columns in each, so any of
them, edited, can come back through `recon resolve --from-csv`."""

from __future__ import annotations

from pathlib import Path

from recon.check.findings import TIERS, Duplicate
from recon.resolve.decision import Decision, pair_of
from recon.resolve.store import current_decisions
from recon.resolve.suspects import latest_run, suspects, unresolved
from recon.workspace import Workspace
from reports.exports import Column, Table, write_csv

SUSPECT_COLUMNS = (
    Column("organisation", "Organisation"), Column("kind", "Kind"), Column("tier", "Tier"),
    Column("confidence", "Confidence"), Column("petmanager_id", "Pet Manager id"), Column("xero_id", "Xero id"),
    Column("reasons", "Reasons"),
    Column("decision", "Decision"), Column("why", "Why"), Column("decided_by", "Decided by"),
    Column("decided_at", "Decided at"),
)


def suspect_row(d: Duplicate, organisation: str, decision: Decision | None) -> dict:
    """One sheet row; the decision cells are empty while the pair is undecided."""
    return {"organisation": organisation, "kind": d.kind, "tier": d.tier, "confidence": round(d.confidence, 4),
            "petmanager_id": d.petmanager_id, "xero_id": d.xero_id, "reasons": "; ".join(d.reasons),
            "decision": decision.decision if decision else None, "why": decision.why if decision else None,
            "decided_by": decision.decided_by if decision else None,
            "decided_at": decision.decided_at if decision else None}


def export_csv(ws: Workspace, path: Path, *, everything: bool = False) -> int:
    """Write the latest check run's undecided suspected duplicates (every one with `everything`,
    their current decision filled in) to `path`; returns how many rows."""
    names = {org.tenant_id: org.name or org.tenant_id for org in ws.config().organisations}
    con = ws.connect()
    try:
        run_id = latest_run(con)
        shown = suspects(con, run_id, TIERS) if everything else unresolved(con, run_id, TIERS)
        decisions = current_decisions(con)
    finally:
        con.close()
    rows = [suspect_row(d, names.get(d.tenant_id, d.tenant_id), decisions.get(pair_of(d))) for d in shown]
    write_csv(path, Table("duplicates", SUSPECT_COLUMNS, rows))
    return len(rows)
