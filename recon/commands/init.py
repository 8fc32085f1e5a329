"""`recon init [DIR]`: create a workspace."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

from recon.commands.failures import exit_on_failure
from recon.init import create_workspace


def init(
    directory: Annotated[Path, typer.Argument(help="Folder for the workspace (created if missing).")] = Path("."),
    export: Annotated[
        Optional[Path], typer.Option("--export", help="The Pet Manager export folder (asked for when omitted).")
    ] = None,
    tenant_id: Annotated[
        Optional[list[str]], typer.Option("--tenant-id", help="Xero organisation (tenant) id; repeat for several.")
    ] = None,
    start_date: Annotated[
        Optional[dt.datetime], typer.Option("--start-date", formats=["%Y-%m-%d"], help="Sync start date.")
    ] = None,
    invoice_prefix: Annotated[Optional[str], typer.Option(help="Pet Manager's invoice number prefix (Step 1).")] = None,
    credit_note_prefix: Annotated[Optional[str], typer.Option(help="Pet Manager's credit note prefix (Step 1).")] = None,
) -> None:
    """Create recon.toml and recon.duckdb for one Pet Manager export."""
    if export is None:
        export = Path(typer.prompt("Pet Manager export folder"))
    with exit_on_failure():
        ws = create_workspace(
            directory,
            export,
            tenant_ids=tenant_id,
            start_date=start_date.date() if start_date else None,
            invoice_prefix=invoice_prefix,
            credit_note_prefix=credit_note_prefix,
        )
    typer.echo(f"workspace created: {ws.config_path}")
    typer.echo("next: `recon connect` (or set XERO_CLIENT_ID/XERO_CLIENT_SECRET), then `recon map`.")


def register(app: typer.Typer) -> None:
    app.command("init")(init)
