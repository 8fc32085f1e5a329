"""`recon connect` (sign a standard Xero app in and choose organisations) and `recon connections`."""

from __future__ import annotations

import json
import webbrowser
from collections.abc import Callable
from functools import wraps
from typing import Annotated

import typer

from sync.xero import XeroClient, XeroError, XeroSettings, default_token_store
from sync.xero.auth import store_key
from sync.xero.callback import CallbackListener
from sync.xero.connect import finish_sign_in, remember_organisations, start_sign_in


def register(app: typer.Typer) -> None:
    app.command("connect")(connect)
    app.command("connections")(connections)


def _clean_exit(command: Callable) -> Callable:
    """Xero and configuration failures end with their one sentence and exit code, never a traceback."""

    @wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except XeroError as error:
            typer.echo(f"Error: {error}", err=True)
            raise typer.Exit(error.exit_code) from None

    return run


@_clean_exit
def connect(
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Print the sign-in address instead of opening it.")] = False,
    tenant: Annotated[
        list[str] | None, typer.Option("--tenant", help="Organisation (tenant id) to use; repeat for several.")
    ] = None,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for the browser sign-in.")] = 300.0,
) -> None:
    """Sign in to Xero (authorization code with PKCE) and choose the organisation(s) to sync."""
    settings = XeroSettings.from_env()
    store = default_token_store()
    sign_in = start_sign_in(settings)
    with CallbackListener(settings.redirect_uri) as listener:
        typer.echo(f"Sign in to Xero at:\n\n  {sign_in.url}\n")
        if not no_browser:
            webbrowser.open(sign_in.url)
        redirect = listener.wait(timeout)
    finish_sign_in(settings, sign_in, redirect, store)
    with XeroClient(settings, token_store=store) as xero:
        organisations = xero.connections()
    chosen = _choose(organisations, tenant or [])
    remember_organisations(settings, store, [org["tenantId"] for org in chosen])
    for org in chosen:
        typer.echo(f"Connected: {org.get('tenantName')} ({org['tenantId']})")


@_clean_exit
def connections(
    as_json: Annotated[bool, typer.Option("--json", help="Print the organisations as JSON.")] = False,
) -> None:
    """List the Xero organisations this sign-in can use (* marks the ones chosen at `recon connect`)."""
    settings = XeroSettings.from_env()
    store = default_token_store()
    saved = store.load(store_key(settings))
    chosen = set(saved.tenant_ids) if saved else set()
    with XeroClient(settings, token_store=store) as xero:
        organisations = xero.connections()
    if as_json:
        typer.echo(json.dumps([{**org, "chosen": org.get("tenantId") in chosen} for org in organisations], indent=2))
        return
    if not organisations:
        typer.echo("No Xero organisation is connected; run `recon connect`.")
    for org in organisations:
        mark = "*" if org.get("tenantId") in chosen else " "
        typer.echo(f"{mark} {org.get('tenantName')}  {org.get('tenantId')}  {org.get('tenantType', '')}".rstrip())


def _choose(organisations: list[dict], wanted: list[str]) -> list[dict]:
    if not organisations:
        raise typer.BadParameter("Xero lists no organisation for this sign-in; connect one in Xero and try again.")
    by_id = {org["tenantId"]: org for org in organisations}
    if wanted:
        unknown = [tenant for tenant in wanted if tenant not in by_id]
        if unknown:
            raise typer.BadParameter(f"not connected to this sign-in: {', '.join(unknown)}", param_hint="--tenant")
        return [by_id[tenant] for tenant in wanted]
    if len(organisations) == 1:
        return organisations
    for number, org in enumerate(organisations, start=1):
        typer.echo(f"  {number}. {org.get('tenantName')} ({org['tenantId']})")
    answer = typer.prompt("Organisations to use (numbers separated by commas, or 'all')")
    if answer.strip().lower() == "all":
        return organisations
    try:
        picked = [organisations[int(part) - 1] for part in answer.replace(" ", "").split(",") if part]
    except (ValueError, IndexError):
        raise typer.BadParameter(f"{answer!r} is not a list of numbers from 1 to {len(organisations)}") from None
    if not picked:
        raise typer.BadParameter("no organisation chosen")
    return picked
