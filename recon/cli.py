"""The `recon` command line: parses arguments and calls one library function per command.

Every command module lives in `recon/commands/`; this file only puts them together.
"""

from __future__ import annotations

from typing import Annotated

import typer

from recon import __version__

app = typer.Typer(
    name="recon",
    help="Pet Manager to Xero: snapshot both sides, find duplicates before a back-sync, sync exactly once, audit.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"recon {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """recon: Pet Manager to Xero sync, duplicate check and audit."""


def _register() -> None:
    """Attach each command module's Typer (or command) to the app."""
    from recon.commands import registry

    registry.register(app)


_register()
