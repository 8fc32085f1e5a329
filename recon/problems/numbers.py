"""Xero keeps sales invoice and credit note numbers unique, voided ones included (only deleting a
draft frees its number). The sync pushes Pet Manager's number behind its prefix, so a number Xero
already holds for another document fails the push. The same number, contact and total is the
document already synced: a link, not a problem (see voided_links.py for one voided in Xero)."""

from __future__ import annotations

import duckdb

from recon.check.findings import Problem
from recon.problems.scope import Scope
from recon.problems.sql import fetch
from recon.problems.wording import money, noun, record


def number_problems(con: duckdb.DuckDBPyConnection, scope: Scope) -> list[Problem]:
    params = scope.params()
    problems = []
    if scope.invoice_prefix is not None:
        for row in fetch(con, "invoice_number_collisions", params):
            problems.append(_collision("invoice", row, scope))
        for row in fetch(con, "reused_invoice_numbers", params):
            problems.append(_reused(row, scope))
    if scope.credit_note_prefix is not None:
        for row in fetch(con, "credit_note_number_collisions", params):
            problems.append(_collision("credit_note", row, scope))
    return problems


def _collision(kind: str, row, scope: Scope) -> Problem:
    holder = f"contact number {row.xero_contact_number}" if row.xero_contact_number else "no contact number"
    prefix_setting = "invoice_prefix" if kind == "invoice" else "credit_note_prefix"
    if row.xero_status == "VOIDED":
        advice = (f"a voided {noun(kind)} keeps its number, so change the prefix in Pet Manager's Step 1 "
                  f"and numbering.{prefix_setting} in recon.toml")
    else:
        advice = (f"renumber the Xero {noun(kind)} or change the prefix in Pet Manager's Step 1 "
                  f"and numbering.{prefix_setting} in recon.toml")
    return Problem(
        "number_collision", True,
        f"{record(kind, row.document_number)} of {row.document_date} (customer {row.customer_id}, {money(row.total)}) would be pushed as "
        f"{row.xero_number}, but Xero already has {row.xero_number_held} for another document: "
        f"'{row.xero_contact_name}' ({holder}), dated {row.xero_date}, {money(row.xero_total)}, {row.xero_status}. "
        f"Xero would refuse the push: {advice}.",
        record_kind=kind, petmanager_id=row.document_id, xero_id=row.xero_id, tenant_id=scope.tenant_id,
    )


def _reused(row, scope: Scope) -> Problem:
    invoices = " and ".join(f"{invoice_id} ({status})" for invoice_id, status in zip(row.invoice_ids, row.statuses))
    return Problem(
        "number_reused", True,
        f"Pet Manager invoices {invoices} would all be pushed as {row.xero_number}: Xero keeps a voided invoice's "
        f"number, so only the first would get through. Renumber all but one of them in Pet Manager.",
        record_kind="invoice", petmanager_id=row.invoice_ids[-1], tenant_id=scope.tenant_id,
    )
