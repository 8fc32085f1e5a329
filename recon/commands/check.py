"""`recon check --from DATE`: the pre-sync duplicate check and the pre-sync report."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Optional

import typer

from recon.check.findings import Window
from recon.check.report import write_check_report
from recon.check.run import CheckResult, run_check
from recon.commands.failures import exit_on_failure
from recon.commands.options import WorkspaceOption
from recon.errors import BadInput, ExitCode, Located
from recon.workspace import open_workspace



def check(
    start: Annotated[dt.datetime, typer.Option("--from", formats=["%Y-%m-%d"], help="The back-sync start date.")],
    end: Annotated[Optional[dt.datetime], typer.Option("--to", formats=["%Y-%m-%d"], help="Last day (default: open).")] = None,
    workspace: WorkspaceOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the findings as one JSON document.")] = False,
) -> None:
    """Find hand-entered duplicates and every other reason a back-sync from DATE would fail or double-count.

    Uses the latest snapshots (run `recon snapshot` first for fresh ones). Writes the pre-sync
    report (HTML, CSV, XLSX) into the workspace's reports/ folder. Exit 0 when clean, 1 when
    something needs a person, 2 on bad input.
    """
    with exit_on_failure():
        if end is not None and end < start:
            raise BadInput([Located("command line", None, "--to", "the last day is before the start date")])
        ws = open_workspace(workspace)
        result = run_check(ws, Window(start.date(), end.date() if end else None))
        paths = write_check_report(ws, result)
    if as_json:
        typer.echo(json.dumps(result.as_json(), indent=2))
    else:
        _print_summary(result)
        typer.echo(f"report: {paths.html}")
        typer.echo(f"        {paths.csv}  {paths.xlsx}")
    raise typer.Exit(ExitCode.FINDINGS if result.needs_a_person else ExitCode.CLEAN)


def _print_summary(result: CheckResult) -> None:
    s = result.summary()
    end = result.window.end.isoformat() if result.window.end else "now"
    typer.echo(f"check {s['run_id']}: back-sync window {result.window.start} to {end}")
    typer.echo(f"  already in Xero (linked): {s['links']}")
    for kind, tiers in s["duplicates"]["by_kind"].items():
        if any(tiers.values()):
            counts = ", ".join(f"{n} {tier}" for tier, n in tiers.items() if n)
            typer.echo(f"  suspected duplicate {kind}s: {counts}")
    blocking = s["problems"]["blocking"]
    typer.echo(f"  problems: {s['problems']['total']} ({blocking} blocking)")
    for kind, entry in s["sync_would_send"].items():
        total = "" if kind == "contact" else f" totalling {entry['to_create_total']}"
        typer.echo(f"  the sync would create {entry['to_create']} {kind.replace('_', ' ')}(s){total}")


def register(app: typer.Typer) -> None:
    app.command("check")(check)
