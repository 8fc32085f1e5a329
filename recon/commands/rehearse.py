"""`recon rehearse --from DATE`: the whole sync, tried first on a copy of the real books.

The workspace is copied aside (`<workspace>/rehearsal` unless `--into`), a local Xero sandbox is
loaded with the organisation as the latest Xero snapshot saw it, and `recon sync` runs there end to
end — check, guard, plan, push, verification — with its post-sync report in the copy. The real
workspace and the real Xero organisation are never written to.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

from recon.backsync.execute import push_confirmed
from recon.backsync.prepare import ON_PROBLEM, prepare
from recon.backsync.refusal import SyncRefused
from recon.backsync.start_date import start_date
from recon.check.findings import Window
from recon.commands.failures import exit_on_failure
from recon.commands.options import WorkspaceOption
from recon.commands.sync import console, print_outcome, print_plan, print_refusal, with_progress
from recon.errors import BadInput, ExitCode, Located
from recon.rehearse import start_rehearsal
from recon.syncplan.known import ON_DUPLICATE
from recon.workspace import open_workspace
from sync.sandbox import SandboxConfig
from sync.xero.client import XeroClient
from sync.xero.clock import SystemClock
from sync.xero.limits import Limits, RateLimiter

FAST_PER_MINUTE = 6000  # a loopback sandbox answers far faster than Xero's 60 a minute


def rehearse(
    start: Annotated[Optional[dt.datetime], typer.Option(
        "--from", formats=["%Y-%m-%d"], help="The start date (default: the one recorded in recon.toml).")] = None,
    end: Annotated[Optional[dt.datetime], typer.Option("--to", formats=["%Y-%m-%d"], help="Last day.")] = None,
    workspace: WorkspaceOption = None,
    into: Annotated[Optional[Path], typer.Option(
        "--into", help="Folder for the rehearsal's workspace copy (default: <workspace>/rehearsal).")] = None,
    on_duplicate: Annotated[str, typer.Option(
        "--on-duplicate", help="refuse or skip, as for `recon sync`.")] = "refuse",
    on_problem: Annotated[str, typer.Option(
        "--on-problem", help="refuse or hold, as for `recon sync`.")] = "refuse",
    tenant: Annotated[Optional[str], typer.Option("--tenant", help="The organisation (when several).")] = None,
    xero_pace: Annotated[bool, typer.Option(
        "--xero-pace", help="Keep Xero's 60 requests a minute (as slow as the real sync) instead of loopback speed.")
    ] = False,
) -> None:
    """Run the whole sync on a copy of the workspace against a local sandbox holding the latest Xero snapshot.

    Exit 0 when the rehearsal pushed and verified everything, 1 when it was refused or something
    failed (the post-sync report of the rehearsal says what), 2 on bad input.
    """
    with exit_on_failure():
        if on_duplicate not in ON_DUPLICATE:
            raise BadInput([Located("command line", None, "--on-duplicate", f"use one of {', '.join(ON_DUPLICATE)}")])
        if on_problem not in ON_PROBLEM:
            raise BadInput([Located("command line", None, "--on-problem", f"use one of {', '.join(ON_PROBLEM)}")])
        ws = open_workspace(workspace)
        window = Window(start_date(ws, start.date() if start else None), end.date() if end else None)
        per_minute = 60 if xero_pace else FAST_PER_MINUTE
        config = SandboxConfig(minute_limit=per_minute, app_minute_limit=max(per_minute, 10_000))
        with start_rehearsal(ws, into, config=config) as rehearsal:
            console.print(f"rehearsal: a copy of the workspace in {rehearsal.workspace.root}, the latest Xero "
                          f"snapshot loaded into a local sandbox at {rehearsal.settings.base_url}")
            for difference in rehearsal.differences[:20]:
                console.print(f"  the sandbox differs from Xero here: {difference}", markup=False)

            def client_for(tenant_id: str) -> XeroClient:
                clock = SystemClock()
                return XeroClient(rehearsal.settings, tenant_id=tenant_id, clock=clock,
                                  limiter=RateLimiter(clock, Limits(per_minute=per_minute)))

            try:
                prepared = prepare(rehearsal.workspace, window, tenant_id=tenant, on_duplicate=on_duplicate,
                                   on_problem=on_problem,
                                   client_for=client_for, source=rehearsal.settings.base_url, say=console.print)
            except SyncRefused as refused:
                raise typer.Exit(print_refusal(refused)) from None
            print_plan(prepared)
            if not prepared.plan.writes:
                typer.echo("nothing to write: Xero already holds everything in the window")
                raise typer.Exit(ExitCode.CLEAN)
            outcome = with_progress(lambda progress: push_confirmed(
                rehearsal.workspace, prepared, client_for=client_for, source=rehearsal.settings.base_url,
                on_progress=progress, say=console.print))
            code = print_outcome(outcome)
            state = rehearsal.workspace.root / "xero-after-rehearsal.json"
            rehearsal.sandbox.dump(state)
            console.print(f"the rehearsal's Xero afterwards: {state} (recon sandbox serve --state {state})")
    console.print("nothing was written to the real workspace or to Xero")
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command("rehearse")(rehearse)
