"""A generated business for bench_push.py: gen_petmanager.py's export with the number of customers
and Stripe payouts chosen independently of the number of invoices (gen_petmanager ties customers to
invoices / 10 and writes 1,000 payouts), so that 5,000 contacts can come with a few thousand invoices.

Per invoice as in gen_petmanager: paid invoices get one payment (every fifth a Stripe deposit plus
an EFTPOS balance, each Stripe deposit with a Stripe fee and a Pet Manager fee); every 21st
invoice is left unpaid and gets a credit note allocated to it; every tenth customer an overpayment,
every hundredth a refund of it.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
from gen_petmanager import SETUP, TABLES, _sql

PAYOUTS = "generate_series(1, 1000)"
# gen_petmanager credits every twentieth invoice, paid ones too; Xero allocates credit only to what
# is still owing, so here every 21st invoice gets the credit note: one left unpaid (`issued`: a multiple
# of 3), neither void (every 50th) nor draft (every 97th).
CREDITED = "generate_series(20, $invoices, 20) AS t(invoice_id)"
CREDITED_UNPAID = ("(SELECT * FROM generate_series(21, $invoices, 21) AS s(i) WHERE i % 50 <> 0 AND i % 97 <> 0)"
                   " AS t(invoice_id)")


def generate(out: Path, invoices: int, customers: int, payouts: int) -> None:
    """Write the export (FORMAT.md, format 1) into `out`."""
    for table, pattern in (("stripe_payouts", PAYOUTS), ("credit_notes", CREDITED), ("allocations", CREDITED)):
        if pattern not in TABLES[table]:
            raise RuntimeError(f"gen_petmanager.py's {table} no longer holds {pattern!r}: update push_business.py")
    out.mkdir(parents=True, exist_ok=True)
    params = {"invoices": invoices, "customers": customers, "payouts": payouts}
    con = duckdb.connect()
    for statement in SETUP:
        con.execute(_sql(statement), _used(params, statement))
    for stem, query in TABLES.items():
        query = _sql(query.replace(PAYOUTS, "generate_series(1, $payouts)").replace(CREDITED, CREDITED_UNPAID))
        con.execute(f"COPY ({query}) TO '{out / (stem + '.csv')}' (HEADER, DELIMITER ',')", _used(params, query))
    business = {
        "business_name": "Bench Kennels", "country": "AU", "currency": "AUD", "timezone": "Australia/Sydney",
        "tax_registered": True, "export_format": 1, "exported_at": "2024-07-01T08:00:00+10:00",
        "locations": [{"location_id": 1, "name": "Penrith"}, {"location_id": 2, "name": "Richmond"}],
    }
    (out / "business.json").write_text(json.dumps(business, indent=2), encoding="utf-8")


def _used(params: dict, sql: str) -> dict:
    return {name: value for name, value in params.items() if f"${name}" in sql}
