"""`recon map`: Step 2, Pet Manager codes to Xero accounts, tax types and tracking."""

from __future__ import annotations

from typing import Annotated

import typer

from recon.commands.failures import exit_on_failure
from recon.commands.options import WorkspaceOption
from recon.errors import ExitCode
from recon.commands.snapshot import print_summary, take
from recon.mapping.run import check, has_snapshots, map_codes
from recon.workspace import open_workspace


def map_command(
    workspace: WorkspaceOption = None,
    check_only: Annotated[bool, typer.Option("--check", help="Only list what is not ready; change nothing.")] = False,
) -> None:
    """Suggest a mapping for every unmapped code into recon.toml, then list every problem left.

    Exit 0 when the mapping is ready, 1 with the list of problems.
    """
    with exit_on_failure():
        ws = open_workspace(workspace)
        if check_only:
            problems = check(ws)
        else:
            if not has_snapshots(ws):
                typer.echo("no snapshot yet: taking one of each side first (recon snapshot)")
                print_summary(take(ws, petmanager=True, xero=True))
            result = map_codes(ws)
            problems = result.problems
            for table, suggestions in sorted(result.added.items()):
                for code, suggestion in sorted(suggestions.items()):
                    typer.echo(f"suggested mapping.{table}.{code} = {suggestion.xero_code}  ({suggestion.reason})")
            if result.added:
                typer.echo(f"written to {ws.config_path}: check the suggestions, change what is wrong.")
    if problems:
        typer.secho(f"{len(problems)} problem(s) before the mapping is ready:", fg="yellow")
        for problem in problems:
            typer.echo(f"  {problem.column}: {problem.message}")
        raise typer.Exit(ExitCode.FINDINGS)
    typer.secho("mapping ready: every code Pet Manager uses maps to a valid Xero account, tax type and tracking.", fg="green")


def register(app: typer.Typer) -> None:
    app.command("map")(map_command)
