"""The audit of one organisation on one connection: pairs both sides by Pet Manager's own keys,
finds every difference (queries/audit/found_*.sql), and puts totals, balances, the Stripe
clearing account and the changes since the previous audit beside them. Set-based: every step is
one DuckDB statement over whole tables; Python only turns the (few) findings into dataclasses.

All work happens in temporary `audit_*` tables of the connection, dropped at the end.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import duckdb
import pyarrow as pa

import queries
from recon.audit import sql
from recon.audit.result import CATEGORIES, KINDS, Balance, Change, Clearing, Difference, TotalRow
from recon.config import Config

# Categories that name a pair (both sides present and paired).
PAIR_CATEGORIES = ("different", "voided_in_xero", "payment_removed", "contact_edited")

# The workspace tables the audit reads besides the snapshots; empty until their commands run.
READS = ("check/schema", "resolve/schema", "outbox/schema")

# queries/audit/, in order. Pairing: both sides in one shape, then Pet Manager's keys.
PAIRING = ("customers", "xero_contacts", "contact_links", "pm_records", "xero_records", "pairs", "joined")
# Finding: one statement per category into audit_found (duplicates before Xero-only: a new
# duplicate is not also "in Xero only"), then their order, then what the totals count.
FINDING = ("found_schema", "found_different", "found_voided", "found_contacts", "found_missing", "loose",
           "found_duplicates", "found_duplicate_contacts", "found_xero_only", "found_ordered", "xero_scope", "pm_lines", "xero_lines",
           "method_keys")


@dataclass(frozen=True)
class Sides:
    """What is audited: one organisation's snapshots, the period, and the previous audit's snapshots."""

    tenant_id: str
    pm_snapshot: int
    xero_snapshot: int
    period_from: dt.date
    period_to: dt.date
    previous_pm_snapshot: int | None = None
    previous_xero_snapshot: int | None = None


@dataclass
class Findings:
    matched: dict[str, int] = field(default_factory=dict)
    differences: list[Difference] = field(default_factory=list)
    totals: list[TotalRow] = field(default_factory=list)
    balances: list[Balance] = field(default_factory=list)
    clearing: Clearing | None = None
    changes: list[Change] = field(default_factory=list)


def audit_sides(con: duckdb.DuckDBPyConnection, config: Config, sides: Sides) -> Findings:
    """Everything the audit finds on these snapshots; stores nothing (store.store_run does)."""
    for name in READS:
        con.execute(queries.load(name))
    params = _params(config, sides)
    if params["locations"] is None:
        params["locations"] = _all_locations(con, sides.pm_snapshot)
    _register_mapping(con, config)
    try:
        con.execute(queries.load("audit/macros"))
        for step in PAIRING + FINDING:
            sql.run(con, step, params)
        differences = _differences(con)
        findings = Findings(
            matched=_matched(con, differences),
            differences=differences,
            totals=_totals(con, params),
            balances=[Balance(*row) for row in sql.rows(con, "balances", params)],
            clearing=_clearing(con, config, params),
            changes=_changes(con, params),
        )
    finally:
        con.unregister("audit_mapping")
        for (table,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE temporary AND "
                                    "starts_with(table_name, 'audit_')").fetchall():
            con.execute(f'DROP TABLE IF EXISTS temp.main."{table}"')
    return findings


def _params(config: Config, sides: Sides) -> dict:
    org = next((o for o in config.organisations if o.tenant_id == sides.tenant_id), None)
    locations = list(org.locations) if org and org.locations else None
    return {
        "pm_snapshot": sides.pm_snapshot, "xero_snapshot": sides.xero_snapshot, "tenant_id": sides.tenant_id,
        "period_from": sides.period_from, "period_to": sides.period_to, "locations": locations,
        "start_date": config.start_date, "invoice_prefix": config.invoice_prefix or "",
        "credit_note_prefix": config.credit_note_prefix or "",
        "rounding_account": config.mapping.accounts.get("rounding"),
        "clearing_account": config.mapping.accounts.get("stripe_clearing"),
        "previous_pm": sides.previous_pm_snapshot if sides.previous_pm_snapshot is not None else sides.pm_snapshot,
        "previous_xero": (sides.previous_xero_snapshot if sides.previous_xero_snapshot is not None
                          else sides.xero_snapshot),
        "categories": list(CATEGORIES), "kinds": list(KINDS),
    }


def _all_locations(con: duckdb.DuckDBPyConnection, pm_snapshot: int) -> list[int]:
    """When the organisation names no locations, every location of the export is its."""
    return con.execute(
        "SELECT list(DISTINCT location_id ORDER BY location_id) FROM (SELECT location_id FROM pm_invoices WHERE "
        "snapshot_id = $s UNION ALL SELECT location_id FROM pm_payments WHERE snapshot_id = $s UNION ALL "
        "SELECT location_id FROM pm_credit_notes WHERE snapshot_id = $s UNION ALL SELECT location_id FROM "
        "pm_overpayments WHERE snapshot_id = $s)", {"s": pm_snapshot}).fetchone()[0] or []


def _register_mapping(con: duckdb.DuckDBPyConnection, config: Config) -> None:
    m = config.mapping
    rows = [("item", k, v) for k, v in m.items.items()] + [("area_type", k, v) for k, v in m.area_types.items()]
    rows += [("tax", k, v) for k, v in m.tax.items()] + [("method", k, v) for k, v in m.payment_methods.items()]
    con.register("audit_mapping", pa.table({
        "role": pa.array([r[0] for r in rows], pa.string()), "code": pa.array([r[1] for r in rows], pa.string()),
        "value": pa.array([str(r[2]) for r in rows], pa.string())}))


def _differences(con: duckdb.DuckDBPyConnection) -> list[Difference]:
    rows = con.execute(
        'SELECT "category", "kind", "pm_id", "xero_id", "number", "contact", "day", "pm_amount", "xero_amount", '
        '"fields", "detail", "why" FROM "audit_found_ordered" ORDER BY "position"').fetchall()
    return [Difference(category, kind, None if pm_id is None else str(pm_id), xero_id, number, contact, day,
                       pm_amount, xero_amount, tuple(fields), detail, why)
            for category, kind, pm_id, xero_id, number, contact, day, pm_amount, xero_amount, fields, detail, why
            in rows]


def _matched(con: duckdb.DuckDBPyConnection, differences: list[Difference]) -> dict[str, int]:
    """Per kind: pairs of the period (contacts: all) that no difference names."""
    pairs = dict(con.execute(
        'SELECT "kind", count(*) FROM "audit_joined" WHERE "in_period" AND ("pm_live" OR "xero_live") GROUP BY ALL'
    ).fetchall())
    pairs["contact"] = con.execute('SELECT count(*) FROM "audit_pairs" WHERE "kind" = \'contact\'').fetchone()[0]
    named: dict[str, set[str]] = {}
    for d in differences:
        if d.category in PAIR_CATEGORIES:
            named.setdefault(d.kind, set()).add(d.petmanager_id)
    return {kind: pairs[kind] - len(named.get(kind, ())) for kind in KINDS if kind in pairs}


def _totals(con: duckdb.DuckDBPyConnection, params: dict) -> list[TotalRow]:
    touches: dict[tuple[str, str], list[int]] = {}
    for dimension, key, position in sql.rows(con, "explained_by", params):
        touches.setdefault((dimension, key), []).append(position)
    return [TotalRow(dimension, key, pm, xero,
                     tuple(touches.get((dimension, key), ())) if pm != xero else ())
            for dimension, key, pm, xero in sql.rows(con, "totals", params)]


def _clearing(con: duckdb.DuckDBPyConnection, config: Config, params: dict) -> Clearing | None:
    code = config.mapping.accounts.get("stripe_clearing")
    if not code:
        return None
    charges, fees, payouts, xero = sql.rows(con, "clearing", params)[0]
    return Clearing(code, Decimal(charges), Decimal(fees), Decimal(payouts), Decimal(xero))


def _changes(con: duckdb.DuckDBPyConnection, params: dict) -> list[Change]:
    if params["previous_pm"] == params["pm_snapshot"] and params["previous_xero"] == params["xero_snapshot"]:
        return []
    return [Change(*row) for row in sql.rows(con, "changes", params)]
