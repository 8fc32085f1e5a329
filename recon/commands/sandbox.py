"""`recon sandbox serve`: run the local Xero sandbox in the foreground."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

sandbox_app = typer.Typer(help="The local Xero sandbox (a Xero-compatible server for tests and demos).",
                          no_args_is_help=True)


@sandbox_app.command()
def serve(
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1 (0: any free port).")] = 8765,
    state: Annotated[Path | None, typer.Option("--state", help="State file: loaded at start if it exists, "
                                                                 "saved on shutdown.")] = None,
) -> None:
    """Serve a Xero-compatible API on 127.0.0.1 until Ctrl-C."""
    from sync.sandbox import Sandbox

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        sandbox = Sandbox(state if state is not None and state.exists() else None)
    except (OSError, ValueError, KeyError) as error:
        typer.echo(f"Cannot load the sandbox state from {state}: {error}", err=True)
        raise typer.Exit(2) from error

    def announce(running: Sandbox) -> None:
        typer.echo(f"Xero sandbox at {running.base_url}")
        typer.echo(f"  XERO_BASE_URL={running.base_url} XERO_IDENTITY_URL={running.base_url} "
                   f"XERO_LOGIN_URL={running.base_url}")
        typer.echo(f"  XERO_CLIENT_ID={running.client_id}")
        typer.echo(f"  XERO_CLIENT_SECRET={running.client_secret}")
        typer.echo(f"  tenants: {', '.join(running.tenant_ids)}")
        typer.echo("Press Ctrl-C to stop" + (f"; the state is saved to {state}." if state else "."))

    try:
        sandbox.serve(port, on_ready=announce)
    except KeyboardInterrupt:
        pass  # the server re-raises the Ctrl-C it handled; stopping is what was asked
    finally:
        if state is not None:
            sandbox.dump(state)
            typer.echo(f"State saved to {state}")


def register(app: typer.Typer) -> None:
    app.add_typer(sandbox_app, name="sandbox")
