"""Turn library errors into one clear message on stderr and the documented exit code.

Bad input (BadInput, a Xero configuration error) exits 2 with every located error listed; a Xero
or network failure exits 3 with one sentence. Never a traceback for an expected failure.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import typer

from recon.errors import BadInput, ExitCode

MAX_SHOWN = 200


@contextmanager
def exit_on_failure() -> Iterator[None]:
    from sync.xero.errors import XeroConfigError, XeroError

    try:
        yield
    except BadInput as exc:
        shown = exc.errors[:MAX_SHOWN]
        typer.secho(f"refused: {len(exc.errors)} problem(s) in the input; nothing was written.", err=True, fg="red")
        for error in shown:
            typer.echo(f"  {error}", err=True)
        if len(exc.errors) > len(shown):
            typer.echo(f"  … and {len(exc.errors) - len(shown)} more", err=True)
        raise typer.Exit(ExitCode.BAD_INPUT) from None
    except XeroConfigError as exc:
        typer.secho(f"Xero configuration: {exc}", err=True, fg="red")
        raise typer.Exit(ExitCode.BAD_INPUT) from None
    except XeroError as exc:
        typer.secho(f"Xero: {exc}", err=True, fg="red")
        raise typer.Exit(ExitCode.XERO_FAILURE) from None
