"""`recon status [--json]`: the back-sync's dashboard — per kind, how many records are synced, queued,
failed, held, linked to a hand-entered twin, skipped or waiting for the start date; then every
failure with Xero's message and what to do about it."""

from __future__ import annotations

import json
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from recon.commands.failures import exit_on_failure
from recon.commands.options import WorkspaceOption
from recon.errors import ExitCode
from recon.status import COUNTS, Status, sync_status
from recon.workspace import open_workspace

HEADINGS = {"synced": "Synced", "queued": "Queued", "failed": "Failed", "held": "Held", "linked": "Linked",
            "skipped": "Skipped", "waiting": "Waiting"}
LEGEND = ("Synced: in Xero, written by recon or already there with Pet Manager's key. Queued: still to send. "
          "Held: waits for a record that failed or cannot be sent. Linked: a twin typed by hand in Xero stands "
          "for it. Skipped: void in Pet Manager. Waiting: dated from a start date still to come.")


def status(
    workspace: WorkspaceOption = None,
    tenant: Annotated[Optional[str], typer.Option("--tenant", help="One organisation (default: all).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the status as one JSON document.")] = False,
) -> None:
    """Show what the back-sync has synced, what waits, and what failed and what to do about it.

    Reads the workspace only (no Xero call). Exit 0 when nothing needs a person, 1 when records
    failed or are held, 2 on bad input.
    """
    with exit_on_failure():
        result = sync_status(open_workspace(workspace), tenant)
    if as_json:
        typer.echo(json.dumps(result.as_json(), indent=2))
    else:
        print_status(result, Console(soft_wrap=True))
    raise typer.Exit(ExitCode.FINDINGS if result.needs_a_person else ExitCode.CLEAN)


def print_status(result: Status, console: Console) -> None:
    if result.nothing_yet and not result.waiting_for:
        console.print("nothing synced yet: run `recon sync --from DATE` (see `recon check` first)")
        return
    for run in result.runs:
        window = f"{run.window_from} to {run.window_to or 'now'}"
        ended = f"{run.outcome} at {run.finished_at:%Y-%m-%d %H:%M %Z}" if run.finished_at else "not finished"
        console.print(f"last sync run {run.run_id} (organisation {escape(run.tenant_id)}), window {window}: {ended}")
    for tenant_id, day in result.waiting_for.items():
        console.print(f"organisation {escape(tenant_id)}: waiting for the start date {day}: nothing is sent before then")
    shown = [count for count in COUNTS if result.total(count) or count in ("synced", "queued", "failed")]
    table = Table(title="Back-sync status")
    table.add_column("Kind")
    for count in shown:
        table.add_column(HEADINGS[count], justify="right")
    for row in result.kinds:
        table.add_row(escape(row.kind), *[f"{getattr(row, count):,}" for count in shown])
    table.add_section()
    table.add_row("total", *[f"{result.total(count):,}" for count in shown])
    console.print(table)
    console.print(LEGEND, style="dim")
    if not result.failures:
        console.print("no failures")
        return
    console.print(f"{len(result.failures)} record(s) need a person:")
    for failure in result.failures:
        console.print(f"  {escape(failure.record)} {failure.state}: {escape(failure.message)}")
        console.print(f"    what to do: {escape(failure.advice)}")


def register(app: typer.Typer) -> None:
    app.command("status")(status)
