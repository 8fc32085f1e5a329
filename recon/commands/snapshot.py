"""`recon snapshot`: Pet Manager and Xero into the workspace, with a summary of what came in."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from recon.commands.failures import exit_on_failure
from recon.commands.options import WorkspaceOption
from recon.mapping.run import has_snapshots
from recon.snapshot.report import write_snapshot_report
from recon.snapshot.result import SnapshotResult
from recon.snapshot.run import take_snapshots
from recon.workspace import Workspace, open_workspace


def snapshot(
    workspace: WorkspaceOption = None,
    petmanager: Annotated[bool, typer.Option("--petmanager", help="Only the Pet Manager export.")] = False,
    xero: Annotated[bool, typer.Option("--xero", help="Only Xero.")] = False,
    full: Annotated[bool, typer.Option("--full", help="Read all of Xero again instead of what changed.")] = False,
) -> None:
    """Take a snapshot of both sides (or one) into recon.duckdb; earlier snapshots are kept."""
    both = not petmanager and not xero
    with exit_on_failure():
        ws = open_workspace(workspace)
        results = take(ws, petmanager=both or petmanager, xero=both or xero, full=full)
        print_summary(results)
        if has_snapshots(ws):
            typer.echo(f"report: {write_snapshot_report(ws)}")


def take(ws: Workspace, *, petmanager: bool, xero: bool, full: bool = False) -> list[SnapshotResult]:
    """Snapshots with Xero reached through the environment's settings, and a progress line per entity."""
    client_for = None
    source = ""
    if xero:
        from recon.organisations import adopt_connected_organisation
        from recon.xero_connection import client_factory
        from sync.xero.settings import XeroSettings

        settings = XeroSettings.from_env()
        adopt_connected_organisation(ws, settings)
        client_for, source = client_factory(settings), settings.base_url
    with entity_progress() as progress:
        return take_snapshots(ws, petmanager=petmanager, xero=xero, client_for=client_for, source=source,
                              full=full, progress=progress)


@contextmanager
def entity_progress() -> Iterator[Callable[[str, int], None]]:
    """A spinner line per Xero entity with the records read so far (on stderr, gone when done);
    yields the `progress(entity, count)` callback snapshots take."""
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        tasks: dict[str, int] = {}
        totals: dict[str, int] = {}

        def progress(entity: str, count: int) -> None:
            totals[entity] = totals.get(entity, 0) + count
            if entity not in tasks:
                tasks[entity] = bar.add_task("")
            bar.update(tasks[entity], description=f"Xero {entity}: {totals[entity]:,} records")

        yield progress


def print_summary(results: list[SnapshotResult]) -> None:
    console = Console()
    for result in results:
        took = (result.finished_at - result.started_at).total_seconds()
        if result.side == "petmanager":
            table = Table(title=f"Pet Manager snapshot {result.snapshot_id} ({took:.1f} s)")
            table.add_column("table")
            table.add_column("rows", justify="right")
            for name, count in result.counts.items():
                table.add_row(name, f"{count:,}")
        else:
            table = Table(title=f"Xero snapshot {result.snapshot_id}, organisation {result.tenant_id}: "
                                f"{result.mode}, {result.requests} requests ({took:.1f} s)")
            table.add_column("entity")
            table.add_column("came in", justify="right")
            table.add_column("in snapshot", justify="right")
            for name, count in result.fetched.items():
                table.add_row(name, f"{count:,}", f"{result.counts.get(name, 0):,}")
        console.print(table)


def register(app: typer.Typer) -> None:
    app.command("snapshot")(snapshot)
