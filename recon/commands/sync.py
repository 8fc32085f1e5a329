"""`recon sync --from DATE`: the guarded back-sync, and every later sync of what is new.

Prepare (fresh snapshots, the check, the guard, the plan, the pre-sync report), show the plan, ask
for the organisation's name (or `--yes`), then push through the outbox exactly once, verify and
write the post-sync report. A plan an interruption left unfinished is finished first, without
asking again: it was confirmed when it started.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from recon.backsync.execute import SyncOutcome, confirmed_before, finish_unfinished, push_confirmed, unfinished_plan
from recon.backsync.prepare import ON_PROBLEM, Prepared, prepare
from recon.backsync.refusal import SyncRefused
from recon.backsync.start_date import record_start_date, start_date
from recon.check.findings import Window
from recon.commands.failures import exit_on_failure
from recon.commands.options import WorkspaceOption
from recon.commands.snapshot import entity_progress
from recon.errors import BadInput, ExitCode, Located
from recon.syncplan.known import ON_DUPLICATE
from recon.workspace import Workspace, open_workspace
from reports.plan import KIND_WORDS, overwritten_words

console = Console(stderr=True, soft_wrap=True)  # messages stay whole lines, to read and to grep


def sync(
    start: Annotated[Optional[dt.datetime], typer.Option(
        "--from", formats=["%Y-%m-%d"], help="The start date (default: the one recorded in recon.toml).")] = None,
    end: Annotated[Optional[dt.datetime], typer.Option(
        "--to", formats=["%Y-%m-%d"], help="Last day (default: open, everything up to now).")] = None,
    workspace: WorkspaceOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Plan and report; write nothing to Xero.")] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for the organisation's name (for scripts).")] = False,
    expect_plan: Annotated[Optional[str], typer.Option(
        "--plan", metavar="HASH", help="Push only if the plan is still this one (from an earlier --dry-run).")] = None,
    on_duplicate: Annotated[str, typer.Option(
        "--on-duplicate", help="refuse: stop while suspected duplicates are undecided; skip: link them instead of "
                               "pushing them.")] = "refuse",
    on_problem: Annotated[str, typer.Option(
        "--on-problem", help="refuse: stop while blocking problems stand; hold: leave out the invoices, credit notes "
                             "and overpayments a blocking problem names (and what waits for them), and say so; "
                             "other blocking problems still stop it.")] = "refuse",
    tenant: Annotated[Optional[str], typer.Option("--tenant", help="The organisation (when several).")] = None,
    watch: Annotated[bool, typer.Option("--watch", help="Keep syncing what is new, every --every seconds.")] = False,
    every: Annotated[int, typer.Option("--every", help="Seconds between syncs with --watch.")] = 300,
) -> None:
    """Sync Pet Manager into Xero from a start date, with the duplicate check, the report and an explicit yes first.

    Exit 0 when everything is in Xero and verified (or nothing was to be done), 1 when something
    needs a person (refused, not confirmed, failures, held records), 2 on bad input, 3 on a Xero or
    network failure (including the day's request limit: it says when it can resume).
    """
    with exit_on_failure():
        if on_duplicate not in ON_DUPLICATE:
            raise BadInput([Located("command line", None, "--on-duplicate", f"use one of {', '.join(ON_DUPLICATE)}")])
        if on_problem not in ON_PROBLEM:
            raise BadInput([Located("command line", None, "--on-problem", f"use one of {', '.join(ON_PROBLEM)}")])
        if end is not None and start is not None and end < start:
            raise BadInput([Located("command line", None, "--to", "the last day is before the start date")])
        if watch and every < 60:
            raise BadInput([Located("command line", None, "--every", "at least 60 seconds between syncs")])
        ws = open_workspace(workspace)
        client_for, source = _connection(ws)
        first = start_date(ws, start.date() if start else None)
        window = Window(first, end.date() if end else None)
        while True:
            code = _one_sync(ws, window, client_for=client_for, source=source, dry_run=dry_run,
                             yes=yes or (watch and confirmed_before(ws)), expect_plan=expect_plan,
                             on_duplicate=on_duplicate, on_problem=on_problem, tenant=tenant)
            if not watch or dry_run:
                raise typer.Exit(code)
            console.print(f"next sync in {every} s (Ctrl-C to stop)")
            try:
                time.sleep(every)
            except KeyboardInterrupt:
                console.print("stopped watching; the next `recon sync` goes on from here")
                raise typer.Exit(code) from None


def _one_sync(ws: Workspace, window: Window, *, client_for, source: str, dry_run: bool, yes: bool,
              expect_plan: str | None, on_duplicate: str, on_problem: str, tenant: str | None) -> int:
    unfinished = unfinished_plan(ws)
    if unfinished is not None:
        if dry_run:
            console.print(f"plan {unfinished[1][:16]} is unfinished: `recon sync` without --dry-run finishes it first")
            return ExitCode.FINDINGS
        run_id, plan_hash, tenant_id = unfinished
        console.print(f"finishing plan {plan_hash[:16]} (sync run {run_id}), confirmed earlier and interrupted ...")
        outcome = with_progress(lambda progress: finish_unfinished(
            ws, run_id, plan_hash, tenant_id, client_for=client_for, source=source, on_progress=progress,
            say=console.print))
        code = print_outcome(outcome)
        if code != ExitCode.CLEAN:
            return code
    today = dt.date.today()
    if window.start > today:
        if not dry_run:
            record_start_date(ws, window.start)
        console.print(f"the start date {window.start} is in the future: recorded; nothing moves until then "
                      "(run `recon sync` again on or after that day, or keep `recon sync --watch` running)")
        return ExitCode.CLEAN
    try:
        with entity_progress() as progress:
            prepared = prepare(ws, window, tenant_id=tenant, on_duplicate=on_duplicate, on_problem=on_problem,
                               client_for=client_for, source=source, say=console.print, snapshot_progress=progress)
    except SyncRefused as refused:
        return print_refusal(refused)
    print_plan(prepared)
    if dry_run:
        options = "".join(f" --{name.replace('_', '-')} {value}" for name, value in
                          (("on_duplicate", on_duplicate), ("on_problem", on_problem)) if value != "refuse")
        typer.echo(f"dry run: nothing was written. To push exactly this plan: recon sync --from {window.start}"
                   f"{' --to ' + str(window.end) if window.end else ''}{options} --plan {prepared.plan.hash} --yes")
        return ExitCode.CLEAN
    if expect_plan is not None and not prepared.plan.hash.startswith(expect_plan):
        return print_refusal(SyncRefused("the plan changed since it was reviewed: nothing was written",
                                          [f"expected plan {expect_plan}, now {prepared.plan.hash}: read the new "
                                           "report and confirm again"], report=str(prepared.report)))
    if not prepared.plan.writes:
        typer.echo("nothing to write: Xero already holds everything in the window")
        record_start_date(ws, window.start)
        return ExitCode.CLEAN
    if not yes:
        prepared, code = _confirm(ws, prepared, client_for=client_for, source=source)
        if code is not None:
            return code
    record_start_date(ws, window.start)
    outcome = with_progress(lambda progress: push_confirmed(
        ws, prepared, client_for=client_for, source=source, on_progress=progress, say=console.print))
    return print_outcome(outcome)


def _confirm(ws: Workspace, prepared: Prepared, *, client_for, source: str) -> tuple[Prepared, int | None]:
    """Ask for the organisation's name; then plan again and go on only if the plan is unchanged."""
    console.print(f"[bold red]This cannot be undone.[/] Type the Xero organisation's name "
                  f"([bold]{prepared.organisation}[/]) to write {len(prepared.plan.writes):,} record(s) to it:")
    typed = typer.prompt("organisation", default="", show_default=False)
    if typed.strip().casefold() != prepared.organisation.strip().casefold():
        typer.echo("not confirmed: nothing was written")
        return prepared, ExitCode.FINDINGS
    try:
        with entity_progress() as progress:
            again = prepare(ws, prepared.window, tenant_id=prepared.tenant_id, on_duplicate=prepared.on_duplicate,
                            on_problem=prepared.on_problem, client_for=client_for, source=source,
                            snapshot_progress=progress)
    except SyncRefused as refused:
        return prepared, print_refusal(refused)
    if again.plan.hash != prepared.plan.hash:
        return again, print_refusal(SyncRefused(
            "the plan changed while you were confirming: nothing was written",
            ["someone changed Pet Manager, Xero or a decision meanwhile: read the new report and run again"],
            report=str(again.report)))
    return again, None


def with_progress(run) -> SyncOutcome:
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=console, transient=False) as bar:
        tasks: dict[str, int] = {}

        def progress(kind: str, done: int, total: int) -> None:
            if kind not in tasks:
                tasks[kind] = bar.add_task(KIND_WORDS.get(kind, kind), total=total)
            bar.update(tasks[kind], completed=done, total=total)

        return run(progress)


def print_plan(prepared: Prepared) -> None:
    summary = prepared.plan.summary()
    table = Table(title=f"The plan for {prepared.organisation}: {prepared.window.start} to "
                        f"{prepared.window.end or 'now'}")
    table.add_column("writes")
    table.add_column("records", justify="right")
    table.add_column("total", justify="right")
    for kind, entry in summary["kinds"].items():
        total = "" if kind.startswith("contact") else f"{entry['total']:,.2f}"
        table.add_row(KIND_WORDS.get(kind, kind), f"{entry['count']:,}", total)
    console.print(table)
    minutes, seconds = divmod(summary["seconds"], 60)
    console.print(f"{summary['writes']:,} writes in {summary['requests']:,} requests, about {minutes} min {seconds} s "
                  f"at Xero's limit; left out: {summary['linked']:,} already in Xero (linked), "
                  f"{summary['held']:,} held, {summary['skipped']:,} void in Pet Manager")
    if summary.get("overwritten"):
        console.print(overwritten_words(summary["overwritten"]) + " (listed in the pre-sync report)")
    console.print(f"pre-sync report: {prepared.report}")


def print_refusal(refused: SyncRefused) -> int:
    console.print(f"[red]refused:[/] {refused.headline}; nothing was written to Xero")
    for reason in refused.reasons:
        console.print(f"  {reason}", markup=False, highlight=False)
    if refused.report:
        console.print(f"pre-sync report: {refused.report}")
    return ExitCode.FINDINGS


def print_outcome(outcome: SyncOutcome) -> int:
    counts = outcome.push.counts
    console.print("pushed: " + ", ".join(f"{n:,} {state}" for state, n in counts.items() if n))
    if outcome.push.stopped is not None:
        resume = f"; it can resume after {outcome.push.resume_at:%Y-%m-%d %H:%M} UTC" if outcome.push.resume_at else ""
        console.print(f"[yellow]stopped:[/] {outcome.push.stopped}{resume}: run `recon sync` again then to finish")
    if outcome.verification is not None:
        verdict = "every pushed record is in Xero once, totals exact" if outcome.verification.ok else \
            f"{len(outcome.verification.findings)} verification finding(s): see the report"
        console.print(f"verified: {verdict}")
    console.print(f"post-sync report: {outcome.report}")
    if outcome.push.stopped is not None:
        return ExitCode.XERO_FAILURE
    return ExitCode.CLEAN if outcome.clean else ExitCode.FINDINGS


def _connection(ws: Workspace):
    from recon.organisations import adopt_connected_organisation
    from recon.xero_connection import client_factory
    from sync.xero.settings import XeroSettings

    settings = XeroSettings.from_env()
    adopt_connected_organisation(ws, settings)
    return client_factory(settings), settings.base_url


def register(app: typer.Typer) -> None:
    app.command("sync")(sync)
