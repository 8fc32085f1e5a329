"""The window's records Xero already holds, so the plan links them instead of writing them: those
the check linked by Pet Manager's own key, those the accountant decided are 'same' as a record
typed by hand (`recon resolve`), and — with `on_duplicate="skip"` — suspected duplicates with no
decision. Undecided likely or certain duplicates otherwise make the plan refuse."""

from __future__ import annotations

from collections import defaultdict

import duckdb

import queries

from recon.check.run import CheckResult
from recon.errors import BadInput, Located
from recon.resolve import current_decisions
from recon.resolve.suspects import DECIDE_BEFORE_SYNC

ON_DUPLICATE = ("refuse", "skip")

Key = tuple[str, int]  # the check's kind, Pet Manager id


class DuplicatesUndecided(BadInput):
    """Likely or certain duplicates wait for the accountant's decision: nothing can be planned."""

    def __init__(self, count: int):
        super().__init__([Located(
            "recon.duckdb", None, None,
            f"{count} suspected duplicate(s) (likely or certain) have no decision: decide each with `recon resolve` "
            "(the same record: link it; a different one: push it), or sync with `--on-duplicate skip` to link them "
            "all instead of pushing them")])
        self.count = count


def known_records(con: duckdb.DuckDBPyConnection, check: CheckResult, tenant_id: str,
                  on_duplicate: str) -> dict[Key, tuple[str, str]]:
    """(kind, Pet Manager id) -> (Xero id, why it is linked) for every record not to be written."""
    if on_duplicate not in ON_DUPLICATE:
        raise ValueError(f"on_duplicate {on_duplicate!r} is not one of {list(ON_DUPLICATE)}")
    pushed = pushed_by_recon(con, tenant_id)
    pushed_ids = {xero_id for xero_id, _ in pushed.values()}
    known = dict(pushed)
    for link in check.links:
        if link.tenant_id == tenant_id:
            known.setdefault((link.kind, link.petmanager_id), (link.xero_id, f"already in Xero: {link.how}"))
    decisions = current_decisions(con)
    for (tenant, kind, petmanager_id, xero_id), decision in decisions.items():
        if tenant == tenant_id and decision.decision == "same":
            known.setdefault((kind, petmanager_id), (xero_id, f"decided the same record as Xero {xero_id} "
                                                              f"by {decision.decided_by}"))
    undecided: dict[Key, list[str]] = defaultdict(list)
    for duplicate in check.duplicates:
        if (duplicate.tenant_id == tenant_id and duplicate.tier in DECIDE_BEFORE_SYNC
                and (duplicate.kind, duplicate.petmanager_id) not in pushed and duplicate.xero_id not in pushed_ids
                and (tenant_id, duplicate.kind, duplicate.petmanager_id, duplicate.xero_id) not in decisions):
            undecided[duplicate.kind, duplicate.petmanager_id].append(duplicate.xero_id)
    if undecided and on_duplicate == "refuse":
        raise DuplicatesUndecided(sum(len(xero_ids) for xero_ids in undecided.values()))
    for key, xero_ids in undecided.items():
        why = f"suspected duplicate of Xero {xero_ids[0]}, linked by --on-duplicate skip"
        known.setdefault(key, (xero_ids[0], why))
    return known


def pushed_by_recon(con: duckdb.DuckDBPyConnection, tenant_id: str) -> dict[Key, tuple[str, str]]:
    """Records recon itself pushed to the organisation (any plan of the outbox): never planned again,
    whatever the check made of them (a pushed overpayment, say, carries no Pet Manager key it reads)."""
    con.execute(queries.load("outbox/schema"))
    return {(kind, petmanager_id): (xero_id, f"already in Xero: pushed by recon (plan {plan_hash[:12]})")
            for kind, petmanager_id, xero_id, plan_hash in
            con.execute(queries.load("syncplan/pushed"), {"tenant_id": tenant_id}).fetchall()}
