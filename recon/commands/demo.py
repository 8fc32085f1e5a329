"""`recon demo`: a generated pet business and a local Xero sandbox, through every step."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from recon.commands.failures import exit_on_failure


def demo(
    out: Annotated[Path, typer.Option("--out", help="Folder for the demo (replaced if it exists).")] = Path("recon-demo"),
    seed: Annotated[int, typer.Option(help="The same seed gives the same business.")] = 7,
    size: Annotated[float, typer.Option(help="1 = a few hundred customers; 10 = ten times that.", min=0.05)] = 1.0,
) -> None:
    """Run recon end to end on a generated business against a local Xero sandbox (no network, no account)."""
    from recon.demo.pipeline import run_demo

    with exit_on_failure():
        outcome = run_demo(out, seed=seed, size=size, say=typer.echo)
    typer.echo("")
    typer.echo(f"workspace: {outcome.workspace}  (open recon.duckdb with the duckdb CLI)")
    for report in outcome.reports:
        typer.echo(f"report:    {report}")
    typer.echo(f"Xero sandbox state: {outcome.sandbox_state}")
    typer.echo(f"  bring it back with: recon sandbox serve --state {outcome.sandbox_state}")
    start, end = outcome.check.window.start, outcome.check.window.end
    typer.echo("")
    typer.echo("next, as the accountant would:")
    typer.echo(f"  recon resolve -w {outcome.workspace}          decide each suspected duplicate (same or different)")
    typer.echo(f"  recon rehearse -w {outcome.workspace} --from {start} --to {end}   the whole sync on a copy")
    typer.echo(f"    (or, to watch the whole push on a copy before deciding anything: add --on-duplicate skip "
               f"--on-problem hold)")
    typer.echo(f"  recon sync -w {outcome.workspace} --from {start} --to {end}   with `recon sandbox serve` running")


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
