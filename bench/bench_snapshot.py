"""Snapshot a large Xero organisation from the local sandbox through the real client, over HTTP.

    .venv/bin/python bench/bench_snapshot.py --invoices 100000

Reports records per second, requests per 1,000 records, and how the request count compares with
the minimum that paging at 1,000 allows (one request per 1,000 records of a paged entity, one per
unpaged entity). Then an incremental snapshot with nothing changed, which should cost one request
per entity. Xero's limits (60 a minute) are kept on a shortened clock: the sandbox's "minute" and
the client's pacing window are both 1 s, so the client still has to honour them.
Goal (issue 3): requests within 2 % of the paging minimum.
"""

from __future__ import annotations

import argparse
import math
import resource
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path

import httpx

from recon.snapshot.xero import ENTITIES, snapshot_xero
from recon.workspace import Workspace
from sync.sandbox import Sandbox, SandboxConfig
from sync.sandbox.defaults import default_state
from sync.xero.client import XeroClient
from sync.xero.clock import SystemClock
from sync.xero.limits import Limits, RateLimiter
from sync.xero.settings import XeroSettings

PAGED = {"Contacts", "Invoices", "CreditNotes", "Payments", "Overpayments", "BankTransactions"}


def organisation(invoices: int, contacts: int) -> dict:
    state = default_state()
    org = state["organisations"][0]
    people = [{"ContactID": str(uuid.UUID(int=n + 1)), "Name": f"Customer {n} CN{n}", "ContactNumber": str(n),
               "UpdatedDateUTC": f"/Date({1_700_000_000_000 + 60_000 * n}+0000)/"} for n in range(contacts)]
    org["Contacts"] = people
    org["Invoices"] = [{
        "InvoiceID": str(uuid.UUID(int=10**9 + n)), "Type": "ACCREC", "InvoiceNumber": f"INV{n}",
        "Contact": {"ContactID": people[n % contacts]["ContactID"]}, "Date": "2025-03-01", "DueDate": "2025-03-15",
        "Status": "AUTHORISED", "LineAmountTypes": "Inclusive",
        "UpdatedDateUTC": f"/Date({1_735_689_600_000 + 60_000 * n}+0000)/",  # one a minute from 2025-01-01
        "LineItems": [{"Description": "Daycare - full day", "Quantity": Decimal(1), "UnitAmount": Decimal("52.00"),
                       "AccountCode": "200", "TaxType": "OUTPUT"},
                      {"Description": "Nail clip", "Quantity": Decimal(1), "UnitAmount": Decimal("19.95"),
                       "AccountCode": "200", "TaxType": "OUTPUT"}],
    } for n in range(invoices)]
    return state


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--invoices", type=int, default=100_000)
    parser.add_argument("--contacts", type=int, default=5_000)
    args = parser.parse_args()

    started = time.perf_counter()
    state = organisation(args.invoices, args.contacts)
    config = SandboxConfig(minute_seconds=1, day_limit=10**7, app_minute_limit=10**7)
    with Sandbox.start(state=state, config=config) as sandbox, tempfile.TemporaryDirectory() as tmp:
        print(f"sandbox loaded {args.invoices:,} invoices in {time.perf_counter() - started:.1f} s")
        settings = XeroSettings(client_id=sandbox.client_id, client_secret=sandbox.client_secret,
                                base_url=sandbox.base_url, identity_url=sandbox.base_url, login_url=sandbox.base_url)
        limiter = RateLimiter(SystemClock(), Limits(window_seconds=1.0, margin_seconds=0.05))
        client = XeroClient(settings, tenant_id=sandbox.tenant_id, limiter=limiter)
        (Path(tmp) / "recon.toml").write_text("")
        con = Workspace(Path(tmp)).connect()
        for label in ("full", "incremental (nothing changed)"):
            sandbox.request_log.clear()
            began = time.perf_counter()
            result = snapshot_xero(con, client, sandbox.tenant_id, source=sandbox.base_url)
            took = time.perf_counter() - began
            requests = sandbox.request_log.count(path_prefix="/api.xro/2.0/")
            records = sum(result.fetched.values())
            minimum = sum(math.ceil(n / 1000) if name in PAGED and n else 1 for name, n in result.fetched.items())
            print(f"{label}: {records:,} records in {took:.1f} s = {records / took:,.0f} records/s; "
                  f"{requests} requests (minimum {minimum}, {100 * (requests - minimum) / minimum:+.1f} %), "
                  f"{1000 * requests / max(records, 1):.2f} requests per 1,000 records; "
                  f"{len(ENTITIES)} entities")
        sandbox_alone(sandbox, args.invoices)
        print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB (sandbox included)")


def sandbox_alone(sandbox, invoices: int) -> None:
    """The sandbox's own throughput: every invoice page read with plain httpx, no client, no parsing
    (each record's JSON is cached by the sandbox after the snapshot read it once)."""
    token = httpx.post(f"{sandbox.base_url}/connect/token", data={"grant_type": "client_credentials"},
                       auth=(sandbox.client_id, sandbox.client_secret)).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}", "xero-tenant-id": sandbox.tenant_id, "Accept": "application/json"}
    with httpx.Client(base_url=f"{sandbox.base_url}/api.xro/2.0", headers=headers, timeout=60) as http:
        for label in ("read 1", "read 2"):
            began, size = time.perf_counter(), 0
            for page in range(1, math.ceil(invoices / 1000) + 1):
                response = http.get("/Invoices", params={"page": page, "pageSize": 1000})
                response.raise_for_status()
                size += len(response.content)
            took = time.perf_counter() - began
            print(f"sandbox alone, {label}: {invoices:,} invoices in {took:.1f} s = {invoices / took:,.0f} records/s "
                  f"({size / took / 2**20:.1f} MB/s of JSON)")


if __name__ == "__main__":
    main()
