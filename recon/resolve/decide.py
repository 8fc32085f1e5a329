"""Deciding from the command line: every undecided suspected duplicate of some tiers at once, or
named pairs one by one. Both act on the latest check run."""

from __future__ import annotations

from collections.abc import Sequence

from recon.errors import BadInput, Located
from recon.resolve.decision import Decision, now
from recon.resolve.store import record_decisions
from recon.resolve.suspects import latest_run, latest_undecided, suspects
from recon.workspace import Workspace


def decide_tiers(ws: Workspace, tiers: Sequence[str], decision: str, *, kind: str | None, by: str,
                 why: str) -> int:
    """Decide every suspected duplicate of those tiers (and kind) that has no decision yet; a pair
    already decided keeps its decision (change it with `--pair` or a CSV). Returns how many."""
    run_id, pending = latest_undecided(ws, tiers, kind)
    at = now()
    return record_decisions(ws, [Decision.on(d, decision, by=by, why=why, run_id=run_id, at=at) for d in pending])


def decide_pairs(ws: Workspace, pairs: Sequence[str], decision: str, *, by: str, why: str) -> int:
    """Decide the pairs named `KIND:PM_ID:XERO_ID`, replacing any earlier decision. Every pair must
    be a suspected duplicate of the latest check run; otherwise nothing is recorded."""
    con = ws.connect()
    try:
        run_id = latest_run(con)
        known = {(d.kind, d.petmanager_id, d.xero_id): d for d in suspects(con, run_id)}
    finally:
        con.close()
    errors: list[Located] = []
    chosen: list[Decision] = []
    at = now()
    for text in pairs:
        kind, _, rest = text.partition(":")
        pm_id, _, xero_id = rest.partition(":")
        duplicate = known.get((kind, int(pm_id), xero_id)) if pm_id.isdigit() else None
        if duplicate is None:
            errors.append(Located("command line", None, "--pair", f"{text!r} is not KIND:PM_ID:XERO_ID of a suspected "
                                                                  f"duplicate of the latest check run ({run_id})"))
        else:
            chosen.append(Decision.on(duplicate, decision, by=by, why=why, run_id=run_id, at=at))
    if errors:
        raise BadInput(errors)
    return record_decisions(ws, chosen)
