"""One-to-one assignment: best weight first, nearest date first.

A Xero record can be the twin of one Pet Manager record at most, and the reverse. Taking the
strongest pairs first and, among equals, the nearest in time, is what keeps a customer's other
weekly daycare invoices of the same amount from being reported against the one typed week.
Most pairs share neither side with another pair: those are assigned as they are, straight from
SQL into Arrow, and only the contested ones are settled here in Python.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import duckdb

from recon.check.findings import Duplicate
from recon.matching import model, sql
from recon.matching.duplicates import Duplicates


class Scored(NamedTuple):
    pm_id: int
    xero_id: str
    weight: float
    days: int
    certain_evidence: bool
    reasons: list[str]


class Assigned(NamedTuple):
    pair: Scored
    rival_bits: float  # the best weight of any other pair sharing either side (-inf when none)


def assign_pairs(con: duckdb.DuckDBPyConnection, kind: str, tenant_id: str) -> Duplicates:
    """The duplicates among the scored pairs (match_pair_scores): a pair no other pair rivals is its
    own assignment, straight from SQL; the contested ones go through one_to_one."""
    uncontested = Duplicates(sql.arrow(con, "pairs_uncontested", kind=kind, tenant_id=tenant_id,
                                       likely_bits=model.LIKELY_BITS, possible_bits=model.POSSIBLE_BITS))
    contested = [Scored(*row) for row in sql.tuples(sql.arrow(con, "pairs_contested"))]
    settled = []
    for pair, rival_bits in one_to_one(contested):
        certain = pair.certain_evidence and pair.weight - rival_bits >= model.CERTAIN_MARGIN_BITS
        settled.append(Duplicate(kind, pair.pm_id, pair.xero_id, tenant_id, model.confidence(pair.weight),
                                 model.tier(pair.weight, certain), tuple(pair.reasons)))
    return uncontested + settled


def one_to_one(pairs: list[Scored]) -> list[Assigned]:
    top_two: dict[object, list[float]] = {}
    for pair in pairs:
        for key in (("pm", pair.pm_id), ("xero", pair.xero_id)):
            best = top_two.setdefault(key, [])
            best.append(pair.weight)
            if len(best) > 2:
                best.sort(reverse=True)
                del best[2:]
    taken_pm, taken_xero, assigned = set(), set(), []
    for pair in sorted(pairs, key=lambda p: (-p.weight, p.days, p.pm_id, p.xero_id)):
        if pair.pm_id in taken_pm or pair.xero_id in taken_xero:
            continue
        taken_pm.add(pair.pm_id)
        taken_xero.add(pair.xero_id)
        rival = max(_rival(top_two[("pm", pair.pm_id)], pair.weight), _rival(top_two[("xero", pair.xero_id)], pair.weight))
        assigned.append(Assigned(pair, rival))
    return assigned


def _rival(best_two: list[float], own: float) -> float:
    """The best weight other than this pair's own, from the two best of its side."""
    ranked = sorted(best_two, reverse=True)
    if ranked[0] > own:
        return ranked[0]
    return ranked[1] if len(ranked) > 1 else -math.inf
