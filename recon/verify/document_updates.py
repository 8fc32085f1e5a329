"""Verifying the document updates and voids of a plan (recon/syncplan/document_updates.py): after the
push, each updated invoice or credit note holds what Pet Manager sent, its total equal to Pet Manager's
to the cent; each voided one is voided (or, a draft, deleted) in Xero."""

from __future__ import annotations

import json
from decimal import Decimal

import duckdb

import queries
from sync.payloads.document_compare import differences

KINDS = ("invoice_update", "invoice_void", "credit_note_update", "credit_note_void")
GONE = ("VOIDED", "DELETED")


def document_update_problems(con: duckdb.DuckDBPyConnection, plan_hash: str, xero_snapshot: int,
                             pm_snapshot: int) -> dict[str, tuple[str, str]]:
    """Natural key of every done document update or void -> (problem, words) when Xero's document is not
    what it sent; absent when all is well."""
    problems = {}
    for kind, key, sent, document, total in con.execute(queries.load("verify/document_updates"), {
            "plan_hash": plan_hash, "xero_snapshot": xero_snapshot, "pm_snapshot": pm_snapshot}).fetchall():
        payload = json.loads(sent)
        if document is None:
            problems[key] = ("missing", "is not in Xero: the document it changed is not there")
            continue
        document = json.loads(document)
        if kind.endswith("_void"):
            if document.get("Status") not in GONE:
                problems[key] = ("changed", f"was sent, but the document is still {document.get('Status')} in Xero")
            continue
        found = differences(payload, document, total=Decimal(total) if total is not None else None)
        if document.get("Status") in GONE:
            found.insert(0, ("status", f"{document['Status']} in Xero"))
        if found:
            problems[key] = ("changed", "was sent, but Xero's document still differs from Pet Manager: "
                             + "; ".join(f"{what} {sides}" for what, sides in found))
    return problems
