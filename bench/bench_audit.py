"""Time the whole audit, `run_audit` (pairing, every category of difference, totals, balances,
the clearing account, changes, storing the run), on 1,000,000 Pet Manager invoices with their
payments against 1,000,000 Xero invoices with theirs, and report its peak memory.

    .venv/bin/python bench/bench_audit.py --invoices 1000000

The Pet Manager side, the customers and their contacts are bench_check's workspace (same
generator, bench_matching.py). The Xero side is then replaced by what a sync leaves behind:
every invoice and payment pushed (INV<number>, payments on them), and about 1% of them changed
the ways people change Xero — 0.2% each: an amount changed, an invoice voided, an invoice never
sent, a hand-typed duplicate, a payment deleted. A second audit follows on the same snapshots;
with `--with-changes`, a second snapshot of each side is added and audited (the scheduled case:
"changes since the previous audit" compares the two snapshots record by record). The audit runs
in a fresh process, so only its own memory is counted. Goal (issue 6): at most 10 s on 2 cores.
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

from bench_check import make_workspace
from bench_matching import TENANT, XERO_SNAPSHOT
from recon.audit import run_audit
from recon.workspace import Workspace

PERIOD = (dt.date(2023, 1, 1), dt.date(2024, 12, 31))


def synced_xero_side(root: Path) -> dict[str, int]:
    """Xero as the sync leaves it, with 1% of it changed by hand."""
    con = duckdb.connect(str(root / "recon.duckdb"))
    try:
        params = {"s": XERO_SNAPSHOT, "t": TENANT}
        for table in ("xero_invoices", "xero_invoice_lines", "xero_payments"):
            con.execute(f'DELETE FROM "{table}"')
        con.execute("""
            CREATE TEMP MACRO pick(i, salt, n) AS CAST(hash(i::VARCHAR || salt) % n AS BIGINT);
            CREATE TEMP MACRO guid(kind, i) AS printf('%08d-0000-4000-8000-%012d', kind, i);
        """)
        con.execute("""
            INSERT INTO xero_invoices BY NAME
            SELECT $s AS snapshot_id, $t AS tenant_id, guid(10, invoice_id) AS invoice_id, 'ACCREC' AS type,
                   'INV' || invoice_number AS invoice_number, guid(1, customer_id) AS contact_id, invoice_date AS date,
                   CASE WHEN pick(invoice_id, 'au', 1000) = 1 THEN 'VOIDED' ELSE 'PAID' END AS status,
                   total - tax_total AS sub_total, tax_total AS total_tax,
                   CASE WHEN pick(invoice_id, 'au', 1000) = 0 THEN total + 1 ELSE total END AS total,
                   0 AS amount_credited
            FROM pm_invoices WHERE pick(invoice_id, 'au', 1000) <> 2
            UNION ALL
            SELECT $s, $t, guid(11, invoice_id), 'ACCREC', 'INV-' || lpad(invoice_id::VARCHAR, 7, '0'), guid(1, customer_id),
                   invoice_date + 2, 'AUTHORISED', total - tax_total, tax_total, total, 0
            FROM pm_invoices WHERE pick(invoice_id, 'au', 1000) = 3
        """, params)
        con.execute("""
            INSERT INTO xero_invoice_lines BY NAME
            SELECT $s AS snapshot_id, $t AS tenant_id, invoice_id, 1 AS line_no, 'Daycare' AS description,
                   1 AS quantity, total AS unit_amount, '200' AS account_code, 'OUTPUT' AS tax_type, total AS line_amount
            FROM xero_invoices
        """, params)
        con.execute("""
            INSERT INTO xero_payments BY NAME
            SELECT $s AS snapshot_id, $t AS tenant_id, guid(20, p.payment_id) AS payment_id, p.payment_date AS date,
                   p.amount, CASE WHEN pick(p.payment_id, 'ad', 1000) = 0 THEN 'DELETED' ELSE 'AUTHORISED' END AS status,
                   'ACCRECPAYMENT' AS payment_type, x.invoice_id, x.invoice_number, x.contact_id, '090' AS account_code
            FROM pm_payments AS p
            JOIN xero_invoices AS x ON x.invoice_id = guid(10, p.invoice_id) AND x.status <> 'VOIDED'
        """, params)
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                for t in ("pm_invoices", "pm_payments", "xero_contacts", "xero_invoices", "xero_payments")}
    finally:
        con.close()


def next_snapshots(root: Path) -> None:
    """A second snapshot of each side, the same records (as an unchanged day's snapshots are), so
    that the next audit compares snapshot against snapshot in full."""
    con = duckdb.connect(str(root / "recon.duckdb"))
    try:
        pm, xero = con.execute("SELECT max(snapshot_id) FILTER (side = 'petmanager'), max(snapshot_id) FILTER "
                               "(side = 'xero') FROM snapshots").fetchone()
        new_pm, new_xero = max(pm, xero) + 1, max(pm, xero) + 2
        for table in ("pm_customers", "pm_invoices", "pm_invoice_lines", "pm_payments"):
            con.execute(f'INSERT INTO "{table}" SELECT * REPLACE ({new_pm} AS snapshot_id) FROM "{table}" '
                        f"WHERE snapshot_id = {pm}")
        for table in ("xero_contacts", "xero_invoices", "xero_invoice_lines", "xero_payments"):
            con.execute(f'INSERT INTO "{table}" SELECT * REPLACE ({new_xero} AS snapshot_id) FROM "{table}" '
                        f"WHERE snapshot_id = {xero}")
        con.execute("INSERT INTO snapshots SELECT * REPLACE (? AS snapshot_id) FROM snapshots WHERE snapshot_id = ?",
                    [new_pm, pm])
        con.execute("INSERT INTO snapshots SELECT * REPLACE (? AS snapshot_id) FROM snapshots WHERE snapshot_id = ?",
                    [new_xero, xero])
    finally:
        con.close()


def audit(root: Path, runs: int) -> dict:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        result = run_audit(Workspace(root), period_from=PERIOD[0], period_to=PERIOD[1], take_snapshots=False)
        timings.append(round(time.perf_counter() - started, 2))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"seconds": timings, "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
            "peak_rss_mb": usage.ru_maxrss // 1024, "summary": result.summary()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--invoices", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="build the workspace here and keep it (reused when it exists)")
    parser.add_argument("--runs", type=int, default=2, help="audits in a row (the later ones have a previous audit)")
    parser.add_argument("--with-changes", action="store_true",
                        help="then take a second snapshot of each side and audit again (changes compared in full)")
    parser.add_argument("--audit-only", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.audit_only:
        print(json.dumps(audit(args.audit_only, args.runs)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        if not (root / "recon.toml").exists():
            root.mkdir(parents=True, exist_ok=True)
            started = time.perf_counter()
            make_workspace(root, args.invoices)
            sizes = synced_xero_side(root)
            print(f"generated in {time.perf_counter() - started:.1f} s: {sizes}")
        command = [sys.executable, __file__, "--audit-only", str(root), "--runs", str(args.runs)]
        print(subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip())
        if args.with_changes:
            started = time.perf_counter()
            next_snapshots(root)
            print(f"second snapshots in {time.perf_counter() - started:.1f} s; the audit comparing them:")
            command[-1] = "1"
            print(subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip())


if __name__ == "__main__":
    main()
