"""Contacts: Pet Manager's customers against the organisation's Xero contacts.

Contacts are not dated: every customer is checked. A Xero contact is the twin of one customer at
most (its best), while one customer may have several hand-made twins (created twice). All of it is
set-based SQL: names are normalised once per side (contact_pm; contact_xero, then contact_open for
the contacts no link settles), candidate pairs come from equality blocks (contact_candidates), each
pair is scored (contact_scores, then contact_activity for those it could matter to) and each
contact's best customer tiered (contact_twins); the weights are model.CONTACT_BITS.
"""

from __future__ import annotations

import duckdb

from recon.matching import model, names, sql, surnames
from recon.matching.duplicates import Duplicates
from recon.matching.links import Links

MAX_BLOCK_PAIRS = 5_000


def match_contacts(con: duckdb.DuckDBPyConnection, *, pm_snapshot: int, xero_snapshot: int,
                   tenant_id: str) -> tuple[Links, Duplicates]:
    ids = {"pm_snapshot": pm_snapshot, "xero_snapshot": xero_snapshot, "tenant_id": tenant_id}
    weights = {**model.CONTACT_BITS, "prior": model.CONTACT_PRIOR_BITS, "frequency_floor": model.FREQUENCY_FLOOR,
               "likely_bits": model.LIKELY_BITS, "possible_bits": model.POSSIBLE_BITS,
               "certain_margin_bits": model.CERTAIN_MARGIN_BITS}
    _load_words(con)
    sql.run(con, "contact_macros")
    sql.run(con, "contact_pm", **ids, **weights)
    sql.run(con, "contact_xero", **ids)
    sql.run(con, "contact_links")
    links = Links(sql.arrow(con, "contact_link_rows", tenant_id=tenant_id))
    sql.run(con, "contact_open")
    sql.run(con, "contact_candidates", max_block_pairs=MAX_BLOCK_PAIRS)
    sql.run(con, "contact_scores", **weights)
    sql.run(con, "contact_activity", **ids, **weights)
    sql.run(con, "contact_twins", **weights)
    sql.run(con, "contact_resolved")
    return links, Duplicates(sql.arrow(con, "contact_duplicates", tenant_id=tenant_id))


def _load_words(con: duckdb.DuckDBPyConnection) -> None:
    con.register("name_words", names.word_table())
    con.register("name_shares", surnames.share_table())
    try:
        sql.run(con, "contact_words")
    finally:
        con.unregister("name_words")
        con.unregister("name_shares")
