"""Step 1 of `recon sync`: everything up to the question — fresh snapshots where stale, the check,
the guard, the plan and the pre-sync report. Nothing is written to Xero here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from recon.backsync.freshness import petmanager_stale, xero_stale
from recon.backsync.refusal import SyncRefused
from recon.check.findings import Window
from recon.check.report import write_check_report
from recon.check.run import CheckResult, run_check
from recon.config import Config, Organisation
from recon.errors import BadInput, Located
from recon.problems.organisation import read_organisation
from recon.problems.scope import Scope
from recon.snapshot.latest import latest_petmanager, latest_xero
from recon.snapshot.run import ClientFactory, take_snapshots
from recon.syncplan import build_plan
from recon.syncplan.known import DuplicatesUndecided
from recon.syncplan.plan import Plan
from recon.workspace import Workspace

BLOCKING_SHOWN = 20
ON_PROBLEM = ("refuse", "hold")
# Blocking problems about one document that the plan can leave out (with what waits for it) under
# --on-problem hold; any other blocking problem (lock dates, mapping, currency, contacts) still refuses.
HOLDABLE_KINDS = ("invoice", "credit_note", "overpayment")


@dataclass(frozen=True)
class Prepared:
    tenant_id: str
    organisation: str  # the Xero organisation's name: what the person types to confirm
    window: Window
    on_duplicate: str
    check: CheckResult
    plan: Plan
    report: Path  # the pre-sync report, with the plan
    on_problem: str = "refuse"  # or "hold": blocking problems of single documents held, not refused


def prepare(ws: Workspace, window: Window, *, tenant_id: str | None = None, on_duplicate: str = "refuse",
            on_problem: str = "refuse",
            client_for: ClientFactory | None = None, source: str = "", now: dt.datetime | None = None,
            say: Callable[[str], None] = lambda _: None,
            snapshot_progress: Callable[[str, int], None] | None = None) -> Prepared:
    """Snapshots (when stale and `client_for` is given), check, guard, plan, report.

    Raises SyncRefused (after writing the report, so the person can see why) while likely or
    certain duplicates have no decision, blocking problems stand, or the start date is on or
    before Xero's lock date.
    """
    now = now or dt.datetime.now(dt.timezone.utc)
    config = ws.config()
    organisation = organisation_of(config, tenant_id)
    if client_for is not None:
        refresh_snapshots(ws, config, organisation.tenant_id, client_for=client_for, source=source, now=now, say=say,
                          progress=snapshot_progress)
    name = _refuse_locked_start(ws, config, organisation, window)
    say(f"checking {window.start} to {window.end or 'now'} for hand-entered duplicates and problems ...")
    check = run_check(ws, window)
    blocking = [problem for problem in check.problems
                if problem.blocking and problem.tenant_id in (None, organisation.tenant_id)]
    hold = {}
    if on_problem == "hold":
        hold = {(problem.record_kind, str(problem.petmanager_id)): problem.message for problem in blocking
                if problem.record_kind in HOLDABLE_KINDS and problem.petmanager_id is not None}
        blocking = [problem for problem in blocking
                    if (problem.record_kind, str(problem.petmanager_id)) not in hold]
    try:
        plan = build_plan(ws, window, check, tenant_id=organisation.tenant_id, on_duplicate=on_duplicate, hold=hold)
    except DuplicatesUndecided as undecided:
        report = write_check_report(ws, check).html
        raise SyncRefused(f"{undecided.count} suspected duplicate(s) (likely or certain) have no decision yet",
                          ["decide each with `recon resolve` (the same record: link it; a different one: push it), "
                           "or sync with `--on-duplicate skip` to link them all instead of pushing them",
                           *_blocking_lines(blocking)], report=str(report)) from None
    report = write_check_report(ws, check, plan=plan).html
    if blocking:
        raise SyncRefused(f"{len(blocking)} blocking problem(s) stand", _blocking_lines(blocking), report=str(report))
    return Prepared(organisation.tenant_id, name, window, on_duplicate, check, plan, report, on_problem)


def organisation_of(config: Config, tenant_id: str | None) -> Organisation:
    if tenant_id is None:
        if len(config.organisations) != 1:
            raise BadInput([Located(str(config.root / "recon.toml"), None, "organisations",
                                    f"{len(config.organisations)} organisations are configured: name one with --tenant")])
        return config.organisations[0]
    for organisation in config.organisations:
        if organisation.tenant_id == tenant_id:
            return organisation
    raise BadInput([Located(str(config.root / "recon.toml"), None, "organisations",
                            f"organisation {tenant_id} is not configured")])


def refresh_snapshots(ws: Workspace, config: Config, tenant_id: str, *, client_for: ClientFactory, source: str,
                      now: dt.datetime, say: Callable[[str], None],
                      progress: Callable[[str, int], None] | None = None) -> None:
    con = ws.connect()
    try:
        petmanager = petmanager_stale(con, config.export)
        xero = xero_stale(con, tenant_id, now=now)
    finally:
        con.close()
    if petmanager or xero:
        sides = " and ".join(side for side, stale in (("Pet Manager", petmanager), ("Xero", xero)) if stale)
        say(f"taking fresh snapshots of {sides} ...")
        take_snapshots(ws, petmanager=petmanager, xero=xero, client_for=client_for, source=source, progress=progress)


def _refuse_locked_start(ws: Workspace, config: Config, organisation: Organisation, window: Window) -> str:
    """The organisation's name in Xero; refuses a start date on or before a lock date."""
    con = ws.connect()
    try:
        scope = Scope.of(config, latest_petmanager(con), latest_xero(con, organisation.tenant_id),
                         organisation.tenant_id, window)
        found = read_organisation(con, scope)
    finally:
        con.close()
    if found is None:
        return organisation.name
    for lock, label in ((found.end_of_year_lock_date, "end of year lock date"),
                        (found.period_lock_date, "period lock date")):
        if lock is not None and window.start <= lock:
            raise SyncRefused(f"the start date {window.start} is on or before Xero's {label} {lock}",
                              [f"Xero refuses anything dated on or before it: start on {lock + dt.timedelta(days=1)} "
                               "or later, or ask the organisation's adviser to move the lock date"])
    return found.name or organisation.name


def _blocking_lines(blocking: list) -> list[str]:
    lines = [problem.message for problem in blocking[:BLOCKING_SHOWN]]
    if len(blocking) > BLOCKING_SHOWN:
        lines.append(f"… and {len(blocking) - BLOCKING_SHOWN} more in the report")
    return lines
