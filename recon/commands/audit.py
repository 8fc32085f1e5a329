"""`recon audit`: do the books still agree? Both sides reconciled for a period, every difference
explained, the run kept in the workspace, the audit report written."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from recon.audit.document import as_json
from recon.audit.period import month_or_year
from recon.audit.result import CATEGORIES, AuditResult
from recon.audit.run import run_audit
from recon.commands.failures import exit_on_failure
from recon.commands.options import WorkspaceOption
from recon.errors import BadInput, ExitCode, Located
from recon.workspace import Workspace, open_workspace


def audit(
    period: Annotated[Optional[str], typer.Option("--period", help="A month (2026-10) or a year (2026).")] = None,
    start: Annotated[Optional[dt.datetime], typer.Option("--from", formats=["%Y-%m-%d"], help="First day.")] = None,
    end: Annotated[Optional[dt.datetime], typer.Option("--to", formats=["%Y-%m-%d"], help="Last day (default: today).")] = None,
    tenant: Annotated[Optional[str], typer.Option("--tenant", help="The organisation (when there are several).")] = None,
    no_snapshot: Annotated[bool, typer.Option("--no-snapshot", help="Audit the latest snapshots as they are.")] = False,
    as_json_: Annotated[bool, typer.Option("--json", help="Print the audit as one JSON document.")] = False,
    workspace: WorkspaceOption = None,
) -> None:
    """Reconcile Pet Manager and Xero for a period (default: since the last audit).

    Takes fresh snapshots of both sides (unless --no-snapshot), finds every difference with its
    reason, keeps the run in the workspace and writes the audit report (HTML, CSV, XLSX) into
    reports/. Exit 0 when the books agree, 1 when there are differences, 2 on bad input, 3 when
    Xero or the network fails.
    """
    with exit_on_failure():
        if period is not None and (start is not None or end is not None):
            raise BadInput([Located("command line", None, "--period", "give --period or --from/--to, not both")])
        chosen = month_or_year(period) if period is not None else None
        ws = open_workspace(workspace)
        result = run_audit(ws, period_from=chosen.start if chosen else (start.date() if start else None),
                           period_to=chosen.end if chosen else (end.date() if end else None),
                           tenant_id=tenant, take_snapshots=not no_snapshot)
        report = _write_report(ws, result)
    if as_json_:
        typer.echo(json.dumps(as_json(result), indent=2))
    else:
        _print_summary(result)
        if report is not None:
            typer.echo(f"report: {report}")
    raise typer.Exit(ExitCode.CLEAN if result.reconciled else ExitCode.FINDINGS)


def _write_report(ws: Workspace, result: AuditResult) -> Path | None:
    try:
        from reports.audit import write_audit_report
    except ModuleNotFoundError as exc:
        if exc.name not in ("reports", "reports.audit"):
            raise
        typer.secho("warning: the audit report is not available in this version; the run is kept in the workspace.",
                    err=True, fg="yellow")
        return None
    return write_audit_report(ws, result, ws.reports_dir)


def _print_summary(result: AuditResult) -> None:
    run = result.run
    typer.echo(f"audit {run.run_id}: {run.organisation}, {run.period_from} to {run.period_to} "
               f"(Pet Manager snapshot {run.petmanager_snapshot}, Xero snapshot {run.xero_snapshot})")
    matched = ", ".join(f"{n} {kind.replace('_', ' ')}(s)" for kind, n in result.matched.items())
    typer.echo(f"  in Xero and equal: {matched or 'nothing'}")
    summary = result.summary()
    if result.reconciled:
        typer.echo("  reconciled: no differences")
    for category, count in summary["by_category"].items():
        typer.echo(f"  {CATEGORIES[category]}: {count}")
    for total in result.totals:
        if total.difference:
            typer.echo(f"  total by {total.dimension.replace('_', ' ')} {total.key}: Pet Manager {total.petmanager}, "
                       f"Xero {total.xero} ({len(total.explained_by)} difference(s) explain it)")
    if result.clearing is not None and result.clearing.difference:
        typer.echo(f"  Stripe clearing {result.clearing.account_code}: {result.clearing.in_transit} in transit by "
                   f"Pet Manager, {result.clearing.xero_balance} moved in Xero")
    typer.echo(f"  changes since the previous audit: {len(result.changes)}")


def register(app: typer.Typer) -> None:
    app.command("audit")(audit)
