"""`find_matches`: every kind, in the order each needs the one before.

Contacts first (every customer; they say whose a document is), then invoices and credit notes
(in the window, by date), then payments (they read the invoices' matches) and overpayments (by
date paid). A business with several organisations is matched one organisation at a time: only
the documents and money of that organisation's locations (recon.toml) take part. All work
happens in temporary `match_*` tables of the connection, dropped at the end.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from recon.check.findings import Window
from recon.matching import sql
from recon.matching.contacts import match_contacts
from recon.matching.documents import CREDIT_NOTES, INVOICES, match_documents
from recon.matching.matches import Matches
from recon.matching.money import OVERPAYMENTS, PAYMENTS, match_money


def find_matches(con: duckdb.DuckDBPyConnection, *, pm_snapshot: int, xero_snapshot: int, tenant_id: str,
                 window: Window, invoice_prefix: str, credit_note_prefix: str,
                 locations: Sequence[int] | None = None) -> Matches:
    """`locations`: the organisation's Pet Manager locations (None: every location)."""
    sql.run(con, "macros")
    ids = {"pm_snapshot": pm_snapshot, "xero_snapshot": xero_snapshot, "tenant_id": tenant_id}
    matches = Matches()
    try:
        matches.add(match_contacts(con, **ids))
        matches.add(match_documents(con, INVOICES, **ids, window=window, prefix=invoice_prefix, locations=locations))
        matches.add(match_documents(con, CREDIT_NOTES, **ids, window=window, prefix=credit_note_prefix,
                                    locations=locations))
        matches.add(match_money(con, PAYMENTS, **ids, window=window, locations=locations))
        matches.add(match_money(con, OVERPAYMENTS, **ids, window=window, locations=locations))
    finally:
        for (table,) in sql.run(con, "temp_tables").fetchall():
            con.execute(f'DROP TABLE IF EXISTS temp.main."{table}"')
    return matches
