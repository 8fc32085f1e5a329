"""Step 2 of `recon sync`, after the confirmation: the plan into the outbox, the push, then the
post-sync snapshot, the verification and the post-sync report.

`finish_unfinished` is the same tail for a plan a crash, a timeout or the day's limit left
unfinished: it was confirmed when it started, so the rerun finishes it without asking again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import queries
from recon.errors import BadInput, Located
from recon.backsync.prepare import Prepared
from recon.snapshot.run import ClientFactory, take_snapshots
from recon.workspace import Workspace

Progress = Callable[[str, int, int], None]  # kind, done, total


@dataclass(frozen=True)
class SyncOutcome:
    run_id: int
    plan_hash: str
    tenant_id: str
    push: object  # sync.push.PushOutcome
    verification: object | None  # recon.verify.Verification; None when the push stopped early
    status: object  # recon.status.Status
    report: Path

    @property
    def clean(self) -> bool:
        verified = self.verification is None or self.verification.ok
        return self.push.stopped is None and not self.status.needs_a_person and verified


def push_confirmed(ws: Workspace, prepared: Prepared, *, client_for: ClientFactory, source: str = "",
                   on_progress: Progress | None = None, say: Callable[[str], None] = lambda _: None) -> SyncOutcome:
    """Record the confirmed plan, put every write in the outbox, then push, verify and report."""
    from recon.syncplan.outbox_writes import to_outbox_writes
    from recon.syncrecord import record_plan
    from sync.outbox import Outbox

    con = ws.connect()
    try:
        run_id = record_plan(con, prepared.plan, tenant_id=prepared.tenant_id, window_from=prepared.window.start,
                             window_to=prepared.window.end, on_duplicate=prepared.on_duplicate)
        Outbox(con).add_plan(prepared.plan.hash, to_outbox_writes(prepared.plan), tenant_id=prepared.tenant_id)
    finally:
        con.close()
    return _push_and_verify(ws, run_id, prepared.plan.hash, prepared.tenant_id, client_for=client_for,
                            source=source, on_progress=on_progress, say=say)


def unfinished_plan(ws: Workspace) -> tuple[int, str, str] | None:
    """(run id, plan hash, tenant id) of a confirmed plan with writes still to send or look up."""
    from recon.syncrecord import latest_runs

    con = ws.connect()
    try:
        con.execute(queries.load("outbox/schema"))
        hashes = [found for (found,) in con.execute(queries.load("outbox/unfinished_plans")).fetchall()]
        if not hashes:
            return None
        runs = [run for run in latest_runs(con) if run.plan_hash == hashes[0]]
    finally:
        con.close()
    if not runs:
        raise BadInput([Located("recon.duckdb", None, "outbox",
                                f"plan {hashes[0][:16]} has unsent writes but no sync run: it cannot be finished "
                                "safely; ask for help before syncing again")])
    return runs[0].run_id, runs[0].plan_hash, runs[0].tenant_id


def confirmed_before(ws: Workspace) -> bool:
    """Whether a sync of this workspace was ever confirmed (any run that got past the question)."""
    from recon.syncrecord import latest_runs

    con = ws.connect()
    try:
        return any(run.outcome != "refused" for run in latest_runs(con))
    finally:
        con.close()


def finish_unfinished(ws: Workspace, run_id: int, plan_hash: str, tenant_id: str, *, client_for: ClientFactory,
                      source: str = "", on_progress: Progress | None = None,
                      say: Callable[[str], None] = lambda _: None) -> SyncOutcome:
    return _push_and_verify(ws, run_id, plan_hash, tenant_id, client_for=client_for, source=source,
                            on_progress=on_progress, say=say)


def _push_and_verify(ws: Workspace, run_id: int, plan_hash: str, tenant_id: str, *, client_for: ClientFactory,
                     source: str, on_progress: Progress | None, say: Callable[[str], None]) -> SyncOutcome:
    from recon.status import sync_status
    from recon.syncrecord import finish_run
    from recon.verify import verify
    from reports.postsync import write_postsync_report
    from sync.outbox import Outbox
    from sync.push import push

    con = ws.connect()
    try:
        with client_for(tenant_id) as client:
            outcome = push(client, Outbox(con), on_progress=on_progress)
    finally:
        con.close()
    verification = None
    if outcome.stopped is None:
        say("taking the post-sync snapshot of Xero and verifying ...")
        take_snapshots(ws, petmanager=False, xero=True, client_for=client_for, source=source)
        verification = verify(ws, plan_hash, tenant_id)
    status = sync_status(ws, tenant_id)
    report = write_postsync_report(ws, run_id, verification, status, ws.reports_dir)
    con = ws.connect()
    try:
        finish_run(con, run_id, _outcome_word(outcome, verification, status),
                   finished_at=dt.datetime.now(dt.timezone.utc))
    finally:
        con.close()
    return SyncOutcome(run_id, plan_hash, tenant_id, outcome, verification, status, report)


def _outcome_word(outcome, verification, status) -> str:
    if outcome.stopped is not None:
        return "stopped"
    if verification is not None and not verification.ok:
        return "failures"
    return "failures" if status.needs_a_person else "finished"
