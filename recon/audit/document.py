"""`recon audit --json`: one JSON document per run, money as strings ("120.50"), dates ISO 8601.

    {"run": {...}, "runs": [{"run_id", "started_at", "open_differences", "amount"}],
     "summary": {"matched", "differences", "by_category", "changes", "reconciled"},
     "differences": [{"category", "kind", "petmanager_id", "xero_id", "number", "contact", "day",
                      "petmanager_amount", "xero_amount", "amount_difference", "fields", "detail", "why",
                      "first_seen"}],
     "totals": [{"dimension", "key", "petmanager", "xero", "difference", "explained_by"}],
     "balances": [...], "clearing": {...} | null, "changes": [...]}
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from recon.audit.result import AuditResult


def as_json(result: AuditResult) -> dict:
    return {
        "run": _plain(dataclasses.asdict(result.run)),
        "runs": [_plain(dataclasses.asdict(point)) for point in result.trend],
        "summary": result.summary(),
        "differences": [_plain({**dataclasses.asdict(d), "amount_difference": d.amount_difference})
                        for d in result.differences],
        "totals": [_plain({**dataclasses.asdict(t), "difference": t.difference}) for t in result.totals],
        "balances": [_plain({**dataclasses.asdict(b), "difference": b.difference}) for b in result.balances],
        "clearing": None if result.clearing is None else _plain(
            {**dataclasses.asdict(result.clearing), "in_transit": result.clearing.in_transit,
             "difference": result.clearing.difference}),
        "changes": [_plain(dataclasses.asdict(c)) for c in result.changes],
    }


def _plain(value):
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
