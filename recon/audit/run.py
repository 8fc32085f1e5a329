"""`run_audit`: fresh snapshots (optional), the audit of one organisation over a period, kept in
the workspace with its history."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from recon.audit.engine import Sides, audit_sides
from recon.audit.period import choose_period
from recon.audit.result import AuditResult, AuditRun
from recon.audit.store import ensure_schema, previous_run, store_run
from recon.config import Config, Organisation
from recon.errors import BadInput, Located
from recon.snapshot.latest import latest_petmanager, latest_xero
from recon.workspace import Workspace


def run_audit(ws: Workspace, *, period_from: dt.date | None = None, period_to: dt.date | None = None,
              tenant_id: str | None = None, take_snapshots: bool = True,
              client_for: Callable | None = None, today: dt.date | None = None) -> AuditResult:
    """Audit the organisation (`tenant_id`, or the workspace's only one) over the period; without
    `period_from`, since the last audit (else since the sync's start date), up to `period_to` or today.

    `take_snapshots`: snapshot both sides first (Xero through `client_for`, a function tenant id ->
    client; by default the environment's XERO_* settings). Raises BadInput (exit 2) for a bad period
    or organisation and XeroError (exit 3) when Xero cannot be read.
    """
    config = ws.config()
    org = _organisation(config, tenant_id)
    if take_snapshots:
        _snapshot(ws, client_for)
    con = ws.connect()
    try:
        ensure_schema(con)
        previous = previous_run(con, org.tenant_id)
        period = choose_period(period=None, start=period_from, end=period_to,
                               last_audited_to=previous[1] if previous else None, sync_start=config.start_date,
                               today=today or dt.date.today())
        sides = Sides(org.tenant_id, latest_petmanager(con), latest_xero(con, org.tenant_id), period.start, period.end,
                      previous[2] if previous else None, previous[3] if previous else None)
        started_at = dt.datetime.now(dt.timezone.utc)
        findings = audit_sides(con, config, sides)
        run = AuditRun(0, org.tenant_id, org.name or org.tenant_id, period.start, period.end, started_at, sides.pm_snapshot,
                       sides.xero_snapshot, previous[0] if previous else None)
        result = AuditResult(run, findings.matched, findings.differences, findings.totals, findings.balances,
                             findings.clearing, findings.changes)
        return store_run(con, result)
    finally:
        con.close()


def _organisation(config: Config, tenant_id: str | None) -> Organisation:
    where = str(config.root / "recon.toml")
    if tenant_id is not None:
        for org in config.organisations:
            if org.tenant_id == tenant_id:
                return org
        raise BadInput([Located(where, None, "organisations", f"no organisation {tenant_id} in recon.toml")])
    if len(config.organisations) == 1:
        return config.organisations[0]
    if not config.organisations:
        raise BadInput([Located(where, None, "organisations",
                                "no Xero organisation configured: run `recon connect` or add [[organisations]]")])
    raise BadInput([Located("command line", None, "--tenant",
                            f"{len(config.organisations)} organisations in recon.toml: name one with --tenant")])


def _snapshot(ws: Workspace, client_for: Callable | None) -> None:
    from recon.snapshot.run import take_snapshots

    source = ""
    if client_for is None:
        from recon.organisations import adopt_connected_organisation
        from recon.xero_connection import client_factory
        from sync.xero.settings import XeroSettings

        settings = XeroSettings.from_env()
        adopt_connected_organisation(ws, settings)
        client_for, source = client_factory(settings), settings.base_url
    take_snapshots(ws, petmanager=True, xero=True, client_for=client_for, source=source)
