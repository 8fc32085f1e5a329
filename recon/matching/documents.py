"""Invoices and credit notes: Pet Manager's documents in the window against Xero's sales documents.

Exact links first (Xero's number is the prefix + Pet Manager's number), then candidate pairs by
blocking, scored with the model, assigned one-to-one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from recon.check.findings import Window
from recon.matching import model, sql
from recon.matching.assign import assign_pairs
from recon.matching.duplicates import Duplicates
from recon.matching.links import Links

MAX_BLOCK_PAIRS = 400


@dataclass(frozen=True)
class DocumentKind:
    kind: str  # "invoice" or "credit_note"
    number_field: str  # Xero's field holding the number
    pm_query: str
    xero_query: str
    lines_query: str


INVOICES = DocumentKind("invoice", "InvoiceNumber", "doc_pm_invoices", "doc_xero_invoices", "doc_lines_invoices")
CREDIT_NOTES = DocumentKind("credit_note", "CreditNoteNumber", "doc_pm_credit_notes", "doc_xero_credit_notes",
                            "doc_lines_credit_notes")


def match_documents(con: duckdb.DuckDBPyConnection, kind: DocumentKind, *, pm_snapshot: int, xero_snapshot: int,
                    tenant_id: str, window: Window, prefix: str,
                    locations: Sequence[int] | None = None) -> tuple[Links, Duplicates]:
    """Needs match_pm_contacts and match_contact_resolved (contacts.match_contacts). Only Pet Manager's
    documents of `locations` (None: every location) take part."""
    sql.run(con, kind.pm_query, pm_snapshot=pm_snapshot, start=window.start, end=window.end,
            locations=None if locations is None else list(locations))
    sql.run(con, kind.xero_query, xero_snapshot=xero_snapshot, tenant_id=tenant_id)
    sql.run(con, "doc_links", prefix=prefix)
    links = Links(sql.arrow(con, "doc_link_rows", kind=kind.kind, tenant_id=tenant_id,
                          number_field=kind.number_field))
    sql.run(con, "doc_candidates", max_block_pairs=MAX_BLOCK_PAIRS)
    sql.run(con, kind.lines_query, pm_snapshot=pm_snapshot, xero_snapshot=xero_snapshot, tenant_id=tenant_id)
    sql.run(con, "doc_scores", **model.DOCUMENT_BITS, prior_bits=model.PRIOR_BITS,
            possible_bits=model.POSSIBLE_BITS, amount_m=model.AMOUNT_M, frequency_floor=model.FREQUENCY_FLOOR,
            amount_min_bits=model.AMOUNT_MIN_BITS, amount_max_bits=model.AMOUNT_MAX_BITS,
            number_field=kind.number_field, prefix=prefix)
    duplicates = assign_pairs(con, kind.kind, tenant_id)
    if kind is INVOICES:
        _store_resolved(con, duplicates)
    return links, duplicates


def _store_resolved(con: duckdb.DuckDBPyConnection, duplicates: Duplicates) -> None:
    table = duplicates.table
    table = pa.table({"xero_id": table["xero_id"], "pm_id": table["petmanager_id"], "level": table["tier"]})
    con.register("resolved_invoice_twins", table)
    try:
        sql.run(con, "invoice_resolved")
    finally:
        con.unregister("resolved_invoice_twins")
