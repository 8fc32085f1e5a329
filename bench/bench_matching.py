"""Time `find_matches` on 1,000,000 Pet Manager invoices (plus payments) against 1,000,000 Xero
invoices, and report its peak memory.

    .venv/bin/python bench/bench_matching.py --invoices 1000000

The workspace is generated with DuckDB SQL straight into the snapshot tables (in this process),
then matched in a fresh process so that only the matcher's memory is counted. Goal (issue 4):
at most 10 s on 2 cores and at most 3 GB peak memory.

What is generated (every number derived from the row number by hashing, so runs repeat):
- customers: invoices / 10; in Xero all synced (`First Last CN<id>`, ContactNumber), 5% also
  typed by hand as a twin ("Last, First", same email), and Xero-only contacts;
- Pet Manager invoices over two years, 30% of them a $52.00 daycare day, with one payment each;
- Xero invoices, as many as Pet Manager's: 40% synced (INV<number>, with their payments),
  10% typed by hand (Xero numbering, a day or two off, some with the number in Reference,
  some a cent off or ex-GST), the rest Xero-only sales to Xero-only contacts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

import queries
from recon.check.findings import Window
from recon.matching import find_matches
from recon.petmanager.columns import FILES

TENANT = "00000000-0000-0000-0000-00000000bec0"
PM_SNAPSHOT, XERO_SNAPSHOT = 1, 2


def generate(con: duckdb.DuckDBPyConnection, invoices: int) -> None:
    for spec in FILES:
        columns = ", ".join(f'"{c.name}" {c.kind.sql_type}' for c in spec.columns)
        con.execute(f'CREATE TABLE "pm_{spec.stem}" ("snapshot_id" INTEGER, "_row" INTEGER, {columns})')
    con.execute(queries.load("xero/schema"))
    customers = max(invoices // 10, 10)
    params = {"n": invoices, "customers": customers}
    con.execute("""
        CREATE MACRO pick(i, salt, n) AS CAST(hash(i::VARCHAR || salt) % n AS BIGINT);
        CREATE MACRO guid(kind, i) AS printf('%08d-0000-4000-8000-%012d', kind, i);
        CREATE MACRO initcap(s) AS upper(left(s, 1)) || substr(s, 2);
    """)
    con.execute("""
        INSERT INTO pm_customers BY NAME
        SELECT 1 AS snapshot_id, i AS _row, i AS customer_id,
               initcap(syl[pick(i, 'g1', 20) + 1] || syl[pick(i, 'g2', 20) + 1]) AS first_name,
               initcap(syl[pick(i, 'f1', 20) + 1] || syl[pick(i, 'f2', 20) + 1] || syl[pick(i, 'f3', 20) + 1]) AS last_name,
               'c' || i || '@example.com' AS email, '04' || lpad((10000000 + i)::VARCHAR, 8, '0') AS mobile,
               (i % 300 + 1) || ' High St' AS address_line1, (2000 + i % 800)::VARCHAR AS postcode, true AS is_active
        FROM range(1, $customers + 1) AS t(i),
             (SELECT ['ka', 'lo', 'mi', 'ne', 'ra', 'su', 'te', 'vo', 'zi', 'pa', 'ber', 'dun', 'gal', 'hos', 'jek',
                      'mor', 'nil', 'quo', 'rus', 'wen'] AS syl)
    """, {"customers": customers})
    con.execute("""
        INSERT INTO pm_invoices BY NAME
        SELECT 1 AS snapshot_id, i AS _row, i AS invoice_id, (100000 + i)::VARCHAR AS invoice_number,
               pick(i, 'c', $customers) + 1 AS customer_id,
               DATE '2023-01-01' + pick(i, 'd', 730)::INT AS invoice_date, DATE '2023-01-01' + pick(i, 'd', 730)::INT AS due_date,
               'paid' AS status, true AS amounts_include_tax,
               amount AS subtotal, round(amount / 11, 2) AS tax_total, amount AS total, 1 AS location_id
        FROM (SELECT i, CASE WHEN pick(i, 'a', 10) < 3 THEN 52.00
                             ELSE CAST((2000 + pick(i, 'v', 200000)) / 100 AS DECIMAL(18, 2)) END AS amount
              FROM range(1, $n + 1) AS t(i))
    """, params)
    con.execute("""
        INSERT INTO pm_invoice_lines BY NAME
        SELECT 1 AS snapshot_id, invoice_id AS _row, invoice_id, 1 AS line_number, 'DAYCARE' AS item_code,
               'Daycare' AS description, 1 AS quantity, total AS unit_price, 'GST' AS tax_code, total AS line_amount
        FROM pm_invoices
    """)
    con.execute("""
        INSERT INTO pm_payments BY NAME
        SELECT 1 AS snapshot_id, invoice_id AS _row, invoice_id AS payment_id, invoice_id, customer_id,
               invoice_date + pick(invoice_id, 'p', 3)::INT AS payment_date, total AS amount, 'eftpos' AS method,
               'completed' AS status, 1 AS location_id
        FROM pm_invoices
    """)
    # Xero contacts: synced (all), hand-typed twins (5%), Xero-only (as many as the customers / 10)
    con.execute("""
        INSERT INTO xero_contacts BY NAME
        SELECT 2 AS snapshot_id, $tenant AS tenant_id, guid(1, customer_id) AS contact_id,
               first_name || ' ' || last_name || ' CN' || customer_id AS name, customer_id::VARCHAR AS contact_number,
               'ACTIVE' AS contact_status, email, [mobile] AS phones, true AS is_customer, false AS is_supplier, [] AS group_names
        FROM pm_customers
        UNION ALL
        SELECT 2, $tenant, guid(2, customer_id), last_name || ', ' || first_name, NULL, 'ACTIVE', email, [],
               true, false, []
        FROM pm_customers WHERE pick(customer_id, 's', 100) >= 95
        UNION ALL
        SELECT 2, $tenant, guid(3, i), 'Walk-in ' || i, NULL, 'ACTIVE', 'w' || i || '@example.net', [], true, false, []
        FROM range(1, $customers // 10 + 1) AS t(i)
    """, {"tenant": TENANT, "customers": customers})
    # Xero invoices: 40% synced, 10% typed by hand, 50% Xero-only
    con.execute("""
        INSERT INTO xero_invoices BY NAME
        SELECT 2 AS snapshot_id, $tenant AS tenant_id, guid(10, invoice_id) AS invoice_id, 'ACCREC' AS type,
               'INV' || invoice_number AS invoice_number, NULL AS reference, guid(1, customer_id) AS contact_id,
               invoice_date AS date, 'PAID' AS status, total - tax_total AS sub_total, tax_total AS total_tax, total
        FROM pm_invoices WHERE pick(invoice_id, 'x', 100) < 40
        UNION ALL
        SELECT 2, $tenant, guid(11, invoice_id), 'ACCREC', 'INV-' || lpad(invoice_id::VARCHAR, 7, '0'),
               CASE WHEN pick(invoice_id, 'r', 2) = 0 THEN 'PM ' || invoice_number END,
               CASE WHEN pick(customer_id, 's', 100) >= 95 THEN guid(2, customer_id) ELSE guid(1, customer_id) END,
               invoice_date + pick(invoice_id, 'dd', 3)::INT, 'AUTHORISED',
               typed - round(typed / 11, 2), round(typed / 11, 2), typed
        FROM (SELECT *, CASE pick(invoice_id, 'm', 10) WHEN 0 THEN total + 0.01 WHEN 1 THEN total - tax_total ELSE total END AS typed
              FROM pm_invoices WHERE pick(invoice_id, 'x', 100) BETWEEN 40 AND 49)
        UNION ALL
        SELECT 2, $tenant, guid(12, i), 'ACCREC', 'X-' || i, NULL, guid(3, 1 + pick(i, 'wc', $customers // 10)),
               DATE '2023-01-01' + pick(i, 'wd', 730)::INT, 'AUTHORISED', amount - round(amount / 11, 2), round(amount / 11, 2), amount
        FROM (SELECT i, CASE WHEN pick(i, 'wa', 10) < 3 THEN 52.00
                             ELSE CAST((2000 + pick(i, 'wv', 200000)) / 100 AS DECIMAL(18, 2)) END AS amount
              FROM range(1, $n // 2 + 1) AS t(i))
    """, {"tenant": TENANT, "customers": customers, "n": invoices})
    con.execute("""
        INSERT INTO xero_invoice_lines BY NAME
        SELECT 2 AS snapshot_id, $tenant AS tenant_id, invoice_id, 1 AS line_no, 'Daycare' AS description,
               1 AS quantity, total AS unit_amount, '200' AS account_code, total AS line_amount
        FROM xero_invoices
    """, {"tenant": TENANT})
    # Xero payments on the synced invoices and on the hand-typed ones
    con.execute("""
        INSERT INTO xero_payments BY NAME
        SELECT 2 AS snapshot_id, $tenant AS tenant_id, guid(20, p.payment_id) AS payment_id, p.payment_date AS date,
               x.total AS amount, 'AUTHORISED' AS status, 'ACCRECPAYMENT' AS payment_type, x.invoice_id,
               x.invoice_number, x.contact_id, '090' AS account_code
        FROM pm_payments AS p
        JOIN xero_invoices AS x ON x.invoice_id = guid(10, p.invoice_id)
        UNION ALL
        SELECT 2, $tenant, guid(21, p.payment_id), p.payment_date + 1, x.total, 'AUTHORISED', 'ACCRECPAYMENT',
               x.invoice_id, x.invoice_number, x.contact_id, '091'
        FROM pm_payments AS p
        JOIN xero_invoices AS x ON x.invoice_id = guid(11, p.invoice_id)
    """, {"tenant": TENANT})


def match(path: Path, start: dt.date) -> dict:
    con = duckdb.connect(str(path))
    con.execute("SET threads = 2")
    started = time.perf_counter()
    matches = find_matches(con, pm_snapshot=PM_SNAPSHOT, xero_snapshot=XERO_SNAPSHOT, tenant_id=TENANT,
                           window=Window(start), invoice_prefix="INV", credit_note_prefix="")
    seconds = time.perf_counter() - started
    counts: dict[str, int] = {}
    for d in matches.duplicates:
        counts[f"{d.kind}/{d.tier}"] = counts.get(f"{d.kind}/{d.tier}", 0) + 1
    return {"seconds": round(seconds, 2), "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "links": len(matches.links), "duplicates": counts}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--invoices", type=int, default=1_000_000)
    parser.add_argument("--start", type=dt.date.fromisoformat, default=dt.date(2023, 1, 1))
    parser.add_argument("--match-only", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.match_only:
        print(json.dumps(match(args.match_only, args.start)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        con = duckdb.connect(str(path))
        started = time.perf_counter()
        generate(con, args.invoices)
        sizes = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                 for t in ("pm_customers", "pm_invoices", "pm_payments", "xero_contacts", "xero_invoices", "xero_payments")}
        con.close()
        print(f"generated in {time.perf_counter() - started:.1f} s: {sizes}")
        result = subprocess.run([sys.executable, __file__, "--match-only", str(path), "--start", args.start.isoformat()],
                                check=True, capture_output=True, text=True)
        print(result.stdout.strip())


if __name__ == "__main__":
    main()
