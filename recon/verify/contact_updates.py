"""Verifying the contact updates of a plan (recon/syncplan/contact_updates.py): after the push, each
overwritten contact holds what Pet Manager sent, compared as the plan compared it."""

from __future__ import annotations

import json

import duckdb

import queries
from sync.payloads.contact_compare import differences

KIND = "contact_update"


def contact_update_problems(con: duckdb.DuckDBPyConnection, plan_hash: str,
                            xero_snapshot: int) -> dict[str, tuple[str, str]]:
    """Natural key of every done contact update -> (problem, words) when Xero's contact is not what it
    sent; absent when all is well."""
    problems = {}
    for key, sent, contact in con.execute(queries.load("verify/contact_updates"),
                                          {"plan_hash": plan_hash, "xero_snapshot": xero_snapshot}).fetchall():
        payload = json.loads(sent)
        if contact is None:
            problems[key] = ("missing", f"is not in Xero: contact {payload['ContactID']} is not there")
            continue
        fields = {name: value for name, value in payload.items() if name != "ContactID"}
        found = differences(fields, json.loads(contact))
        if found:
            problems[key] = ("changed", "was sent, but Xero's contact still differs from Pet Manager: "
                             + "; ".join(f"{field} {sides}" for field, sides in found))
    return problems
