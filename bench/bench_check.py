"""Time the whole duplicate check, `run_check`, on 1,000,000 Pet Manager invoices (plus payments)
against 1,000,000 Xero invoices, per stage, and report its peak memory.

    .venv/bin/python bench/bench_check.py --invoices 1000000

The workspace is `bench_matching`'s generated one (same generator), made into a real workspace:
a recon.toml with one organisation and a full mapping, the two snapshots registered, the business,
the Xero organisation, accounts and tax rates. The check runs in a fresh process (so only its own
memory is counted); DuckDB takes as many threads as there are cores. Goal (issue 4): at most 10 s on 2 cores and at most
3 GB peak memory.

With `--report`, the same process then writes the pre-sync report of that run (HTML, CSV, XLSX;
goal: the HTML under 5 MB) and opens it in headless Chromium (tests/browser.py): how long each
took, the files' sizes, and any console error or network request.
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
from contextlib import contextmanager
from pathlib import Path

import duckdb

import recon.check.run as check_run
from bench_matching import PM_SNAPSHOT, TENANT, XERO_SNAPSHOT, generate
from recon.check.findings import Window
from recon.workspace import Workspace

CONFIG = f"""
[business]
name = "Bench Boarding Kennels"
country = "AU"
currency = "AUD"
timezone = "Australia/Sydney"

[[organisations]]
tenant_id = "{TENANT}"
name = "Bench Boarding Kennels"
locations = [1]

[numbering]
invoice_prefix = "INV"
credit_note_prefix = ""

[sync]
start_date = "2023-01-01"

[mapping.items]
DAYCARE = "200"

[mapping.tax]
GST = "OUTPUT"

[mapping.payment_methods]
eftpos = "090"

[mapping.accounts]
overpayments = "610"
rounding = "860"
"""


def make_workspace(root: Path, invoices: int) -> dict[str, int]:
    (root / "recon.toml").write_text(CONFIG, encoding="utf-8")
    ws = Workspace(root)
    con = duckdb.connect(str(ws.db_path))
    generate(con, invoices)
    con.close()
    con = ws.connect()
    now = dt.datetime.now(dt.timezone.utc)
    con.execute("INSERT INTO snapshots VALUES (?, 'petmanager', NULL, 'full', 'bench', ?, ?, '{}'), "
                "(?, 'xero', ?, 'full', 'bench', ?, ?, '{}')",
                [PM_SNAPSHOT, now, now, XERO_SNAPSHOT, TENANT, now, now])
    con.execute("""
        CREATE TABLE pm_business (snapshot_id INTEGER, _row INTEGER, business_name VARCHAR, country VARCHAR,
                                  currency VARCHAR, timezone VARCHAR, tax_registered BOOLEAN, export_format INTEGER,
                                  exported_at TIMESTAMPTZ);
        CREATE TABLE pm_locations (snapshot_id INTEGER, _row INTEGER, location_id BIGINT, name VARCHAR);
    """)
    con.execute("INSERT INTO pm_business VALUES (?, 1, 'Bench Boarding Kennels', 'AU', 'AUD', 'Australia/Sydney', "
                "true, 1, NULL)", [PM_SNAPSHOT])
    con.execute("INSERT INTO pm_locations VALUES (?, 1, 1, 'Bench')", [PM_SNAPSHOT])
    con.execute("INSERT INTO xero_organisation (snapshot_id, tenant_id, organisation_id, name, country_code, "
                "base_currency) VALUES (?, ?, 'o1', 'Bench Boarding Kennels', 'AU', 'AUD')", [XERO_SNAPSHOT, TENANT])
    con.execute("""
        INSERT INTO xero_accounts (snapshot_id, tenant_id, code, name, type, class, status, system_account)
        VALUES ($s, $t, '200', 'Sales', 'REVENUE', 'REVENUE', 'ACTIVE', NULL),
               ($s, $t, '090', 'Business Bank Account', 'BANK', 'ASSET', 'ACTIVE', NULL),
               ($s, $t, '610', 'Accounts Receivable', 'CURRENT', 'ASSET', 'ACTIVE', 'DEBTORS'),
               ($s, $t, '860', 'Rounding', 'EXPENSE', 'EXPENSE', 'ACTIVE', NULL)
    """, {"s": XERO_SNAPSHOT, "t": TENANT})
    con.execute("INSERT INTO xero_tax_rates VALUES (?, ?, 'OUTPUT', 'GST on Income', 'ACTIVE', 10, true, false)",
                [XERO_SNAPSHOT, TENANT])
    sizes = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
             for t in ("pm_customers", "pm_invoices", "pm_payments", "xero_contacts", "xero_invoices", "xero_payments")}
    con.close()
    return sizes


@contextmanager
def timed(stages: dict[str, float], name: str):
    started = time.perf_counter()
    try:
        yield
    finally:
        stages[name] = stages.get(name, 0.0) + time.perf_counter() - started


def stage(stages: dict[str, float], name: str, function):
    """`function`, timed into `stages[name]` every time run_check calls it."""
    def wrapper(*args, **kwargs):
        with timed(stages, name):
            return function(*args, **kwargs)
    return wrapper


def check(root: Path, start: dt.date, report: bool = False) -> dict:
    stages: dict[str, float] = {}
    for name in ("find_matches", "find_problems", "_months", "_scope", "_store"):
        setattr(check_run, name, stage(stages, name, getattr(check_run, name)))
    with timed(stages, "total"):
        result = check_run.run_check(Workspace(root), Window(start))
    stages = {name: round(seconds, 2) for name, seconds in stages.items()}
    stages["other"] = round(stages["total"] - sum(v for k, v in stages.items() if k != "total"), 2)
    summary = result.summary()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    measured = {"seconds": stages, "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
                "peak_rss_mb": usage.ru_maxrss // 1024,
                "links": summary["links"], "duplicates": summary["duplicates"]["by_kind"],
                "problems": summary["problems"]["by_kind"]}
    if report:
        measured["report"] = write_and_open_report(root, result)
    return measured


def write_and_open_report(root: Path, result) -> dict:
    """Write the run's report, then open its HTML in headless Chromium."""
    from recon.check.report import write_check_report
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root, for tests.browser
    from tests.browser import Chromium

    started = time.perf_counter()
    paths = write_check_report(Workspace(root), result)
    written = time.perf_counter() - started
    files = sorted(paths.html.parent.glob(f"{paths.html.stem}*"))
    started = time.perf_counter()
    with Chromium() as browser:
        page = browser.open_report(paths.html)
        opened = time.perf_counter() - started
        sections = page.page.locator("section").count()
        problems = page.console_problems + [("pageerror", e) for e in page.page_errors]
        requests = page.requests
        page.page.close()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"write_seconds": round(written, 2), "open_seconds": round(opened, 2),
            "files_mb": {f.name: round(f.stat().st_size / 1e6, 2) for f in files},
            "sections": sections, "console_problems": problems[:5], "requests": requests[:5],
            "peak_rss_mb": usage.ru_maxrss // 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--invoices", type=int, default=1_000_000)
    parser.add_argument("--start", type=dt.date.fromisoformat, default=dt.date(2023, 1, 1))
    parser.add_argument("--keep", type=Path, help="build the workspace here and keep it (reused when it exists)")
    parser.add_argument("--report", action="store_true", help="also write the report and open it in Chromium")
    parser.add_argument("--check-only", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.check_only:
        print(json.dumps(check(args.check_only, args.start, args.report)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        if not (root / "recon.toml").exists():
            root.mkdir(parents=True, exist_ok=True)
            started = time.perf_counter()
            sizes = make_workspace(root, args.invoices)
            print(f"generated in {time.perf_counter() - started:.1f} s: {sizes}")
        command = [sys.executable, __file__, "--check-only", str(root), "--start", args.start.isoformat()]
        result = subprocess.run(command + (["--report"] if args.report else []), check=True, capture_output=True,
                                text=True)
        print(result.stdout.strip())


if __name__ == "__main__":
    main()
