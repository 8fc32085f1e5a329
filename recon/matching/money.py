"""Payments and overpayments: money received in the window against Xero's payments received.

A payment on a linked invoice with the same amount is Pet Manager's own (a link). Otherwise the
paid invoice (its own match, when it has one) or else the contact says whose money it is; the
bank account it went into is shown but does not count (another account is still a duplicate).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from recon.check.findings import Window
from recon.matching import model, sql
from recon.matching.assign import assign_pairs
from recon.matching.duplicates import Duplicates
from recon.matching.links import Links

MAX_BLOCK_PAIRS = 400


@dataclass(frozen=True)
class MoneyKind:
    kind: str  # "payment" or "overpayment"
    pm_query: str
    xero_query: str
    links_query: str


PAYMENTS = MoneyKind("payment", "money_pm_payments", "money_xero_payments", "money_payment_links")
OVERPAYMENTS = MoneyKind("overpayment", "money_pm_overpayments", "money_xero_overpayments", "money_overpayment_links")


def match_money(con: duckdb.DuckDBPyConnection, kind: MoneyKind, *, pm_snapshot: int, xero_snapshot: int,
                tenant_id: str, window: Window, locations: Sequence[int] | None = None) -> tuple[Links, Duplicates]:
    """Needs the contact and invoice resolutions (contacts.match_contacts, documents.match_documents).
    Only Pet Manager's money of `locations` (None: every location) takes part."""
    sql.run(con, kind.pm_query, pm_snapshot=pm_snapshot, start=window.start, end=window.end,
            locations=None if locations is None else list(locations))
    sql.run(con, kind.xero_query, xero_snapshot=xero_snapshot, tenant_id=tenant_id)
    sql.run(con, kind.links_query)
    links = Links(sql.arrow(con, "money_link_rows", kind=kind.kind, tenant_id=tenant_id))
    sql.run(con, "money_candidates", max_block_pairs=MAX_BLOCK_PAIRS)
    sql.run(con, "money_scores", **model.MONEY_BITS, prior_bits=model.PRIOR_BITS,
            possible_bits=model.POSSIBLE_BITS, amount_m=model.AMOUNT_M, frequency_floor=model.FREQUENCY_FLOOR,
            amount_min_bits=model.AMOUNT_MIN_BITS, amount_max_bits=model.AMOUNT_MAX_BITS)
    return links, assign_pairs(con, kind.kind, tenant_id)
