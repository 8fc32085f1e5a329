"""`recon demo`: the whole tool on a generated business, with no network and no Xero account.

It generates the business and its Xero organisation, starts the local Xero sandbox on loopback
with that organisation, and runs each step a user would: init, snapshot, map, check. The
sandbox's final state is saved beside the workspace so `recon sandbox serve --state` can bring
the same organisation back for the commands a person wants to try next.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from recon.check.findings import Window
from recon.check.report import write_check_report
from recon.check.run import CheckResult, run_check
from recon.demo.generate import generate_demo
from recon.init import create_workspace
from recon.mapping.run import MapResult, map_codes
from recon.snapshot.report import write_snapshot_report
from recon.snapshot.result import SnapshotResult
from recon.snapshot.run import take_snapshots
from recon.syncplan import DuplicatesUndecided, build_plan
from recon.xero_connection import client_factory
from sync.sandbox import Sandbox
from sync.xero.settings import XeroSettings


@dataclass(frozen=True)
class DemoOutcome:
    workspace: Path
    sandbox_state: Path
    snapshots: list[SnapshotResult]
    mapping: MapResult
    check: CheckResult
    reports: list[Path]


def run_demo(out: Path, *, seed: int, size: float, say: Callable[[str], None]) -> DemoOutcome:
    out = out.resolve()
    if out.exists():
        shutil.rmtree(out)
    say(f"generating the demo business (seed {seed}, size {size}) ...")
    data = generate_demo(out / "data", seed=seed, size=size)
    truth = json.loads(data.truth.read_text(encoding="utf-8"))
    window = Window(dt.date.fromisoformat(truth["window"][0]), dt.date.fromisoformat(truth["window"][1]))

    with Sandbox.start(state=data.xero_state) as sandbox:
        say(f"local Xero sandbox running at {sandbox.base_url}")
        settings = XeroSettings(client_id=sandbox.client_id, client_secret=sandbox.client_secret,
                                base_url=sandbox.base_url, identity_url=sandbox.base_url, login_url=sandbox.base_url)
        ws = create_workspace(out / "workspace", data.petmanager, tenant_ids=list(sandbox.tenant_ids),
                              start_date=window.start, invoice_prefix="INV", credit_note_prefix="")
        say(f"recon init: {ws.config_path}")
        snapshots = take_snapshots(ws, petmanager=True, xero=True, client_for=client_factory(settings),
                                   source=sandbox.base_url)
        say("recon snapshot: " + "; ".join(_describe(s) for s in snapshots))
        snapshot_report = write_snapshot_report(ws)
        mapping = map_codes(ws)
        added = sum(len(v) for v in mapping.added.values())
        say(f"recon map: {added} codes mapped by suggestion, {len(mapping.problems)} problem(s) left")
        check = run_check(ws, window)
        paths = write_check_report(ws, check)
        say(f"recon check --from {window.start} --to {window.end}: {len(check.links)} already synced (linked), "
            f"{len(check.duplicates)} suspected duplicates, {len(check.problems)} problems")
        _guarded_sync(ws, check, say)
        state = out / "xero-sandbox-state.json"
        sandbox.dump(state)
    return DemoOutcome(ws.root, state, snapshots, mapping, check, [snapshot_report, paths.html, paths.csv, paths.xlsx])


def _guarded_sync(ws, check: CheckResult, say: Callable[[str], None]) -> None:
    """`recon sync --dry-run` as a user meets it, on the check just run (no new check run, so
    `recon resolve` afterwards works on this window): refused until a person has decided the
    suspected duplicates and fixed the blocking problems, with what it would then write."""
    window = check.window
    blocking = sum(problem.blocking for problem in check.problems)
    try:
        build_plan(ws, window, check)
        undecided = 0
    except DuplicatesUndecided as refused:
        undecided = refused.count
    if undecided or blocking:
        say(f"recon sync --from {window.start} --to {window.end} --dry-run: refused, nothing written: "
            f"{undecided} suspected duplicate(s) without a decision, {blocking} blocking problem(s)")
    summary = build_plan(ws, window, check, on_duplicate="skip").summary()
    minutes = max(1, round(summary["seconds"] / 60))
    say(f"  once settled it would write about {summary['writes']:,} records in {summary['requests']:,} requests "
        f"(about {minutes} min at Xero's limits); {summary['linked']:,} records already in Xero are linked, "
        "never sent again")


def _describe(result: SnapshotResult) -> str:
    if result.side == "petmanager":
        return (f"Pet Manager {result.counts.get('customers', 0):,} customers, "
                f"{result.counts.get('invoices', 0):,} invoices")
    return f"Xero {sum(result.counts.values()):,} records in {result.requests} requests"
