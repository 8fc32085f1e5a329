"""`sync_status`: Pet Manager's accounting dashboard — for each kind of record, how many are synced,
queued, failed, held, linked to a twin typed by hand, skipped, or waiting for the start date, and
every failure with Xero's message and what to do about it.

Read from the workspace only (no Xero call): the outbox, the sync runs and what each plan left out
(recon/syncrecord), the recorded start dates, and the latest Pet Manager snapshot.

- synced: written by recon in any run (`done`), or linked by the check as already in Xero with Pet
  Manager's own key;
- queued, failed, held: from each organisation's latest plan (an older plan's failure that a later
  plan no longer has is history, not a failure);
- linked: the plan linked it to a record typed by hand (decided `same`, or `--on-duplicate skip`);
- skipped: void in Pet Manager;
- waiting: dated from a start date still in the future (nothing moves until then).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

import duckdb

import queries
from recon.config import Config
from recon.errors import BadInput
from recon.snapshot.latest import latest_petmanager
from recon.status.advice import advice
from recon.syncrecord import SyncRun, latest_runs, pending_start
from recon.syncrecord.store import ensure_schema
from recon.workspace import Workspace

# The dashboard's rows and the plan's kinds each one counts.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("contacts", ("contact",)),
    ("contact groups", ("contact_group", "contact_group_member")),  # groups made, contacts put in them
    ("invoices", ("invoice",)),
    ("credit notes", ("credit_note",)),
    ("payments", ("payment",)),
    ("overpayments", ("overpayment",)),
    ("allocations", ("credit_note_allocation", "overpayment_allocation")),
    ("refunds", ("refund",)),
    ("Stripe fees", ("stripe_fee_bill", "stripe_fee_payment")),
    ("payouts", ("payout",)),
)
COUNTS = ("synced", "queued", "failed", "held", "linked", "skipped", "waiting")
ALREADY_IN_XERO = "already in Xero:"  # how recon/syncplan/known.py begins the reason of a check link


@dataclass(frozen=True)
class KindStatus:
    kind: str  # "invoices", "Stripe fees", ...
    synced: int = 0
    queued: int = 0
    failed: int = 0
    held: int = 0
    linked: int = 0
    skipped: int = 0
    waiting: int = 0


@dataclass(frozen=True)
class FailureRow:
    kind: str  # the plan's kind: payment, stripe_fee_bill, ...
    petmanager_id: int | None
    natural_key: str | None  # None for a record the plan held back before the outbox
    state: str  # failed | held
    message: str  # Xero's own message, or why it is held
    advice: str  # what to do, in plain words

    @property
    def record(self) -> str:
        """`invoice INV10452 (Pet Manager 10452)`, `contact Stripe`, or `payment 8812` (held by the plan)."""
        name = self.kind.replace("_", " ")
        if self.natural_key is None:
            return f"{name} {self.petmanager_id}"
        pm = f" (Pet Manager {self.petmanager_id})" if self.petmanager_id is not None else ""
        return f"{name} {self.natural_key}{pm}"


@dataclass(frozen=True)
class Status:
    tenant_id: str | None  # None: every organisation
    runs: list[SyncRun]  # each organisation's latest run, newest first
    kinds: list[KindStatus]  # one per dashboard row, in GROUPS order (then kinds recon does not group)
    failures: list[FailureRow]
    waiting_for: dict[str, dt.date] = field(default_factory=dict)  # tenant id -> start date still to come

    @property
    def nothing_yet(self) -> bool:
        """No sync has planned, written or recorded anything yet."""
        return not self.runs and not any(asdict(one)[name] for one in self.kinds for name in COUNTS)

    @property
    def needs_a_person(self) -> bool:
        return bool(self.failures)

    def total(self, count: str) -> int:
        return sum(getattr(one, count) for one in self.kinds)

    def as_json(self) -> dict:
        return {
            "tenant_id": self.tenant_id,
            "nothing_synced_yet": self.nothing_yet,
            "runs": [{"run_id": run.run_id, "tenant_id": run.tenant_id, "plan_hash": run.plan_hash,
                      "window_from": run.window_from.isoformat(),
                      "window_to": run.window_to.isoformat() if run.window_to else None,
                      "started_at": run.started_at.isoformat(),
                      "finished_at": run.finished_at.isoformat() if run.finished_at else None,
                      "outcome": run.outcome} for run in self.runs],
            "kinds": [asdict(one) for one in self.kinds],
            "totals": {count: self.total(count) for count in COUNTS},
            "failures": [{**asdict(one), "record": one.record} for one in self.failures],
            "waiting_for": {tenant: day.isoformat() for tenant, day in self.waiting_for.items()},
        }


def sync_status(ws: Workspace, tenant_id: str | None = None, *, today: dt.date | None = None) -> Status:
    """The dashboard for organisation `tenant_id`, or for every organisation when None."""
    config = ws.config()
    if tenant_id is not None and tenant_id not in {one.tenant_id for one in config.organisations}:
        raise BadInput(f"organisation {tenant_id} is not in recon.toml")
    con = ws.connect()
    try:
        return status_in(con, config, tenant_id, today=today)
    finally:
        con.close()


def status_in(con: duckdb.DuckDBPyConnection, config: Config, tenant_id: str | None = None, *,
              today: dt.date | None = None) -> Status:
    """`sync_status` on an open workspace connection."""
    con.execute(queries.load("outbox/schema"))
    ensure_schema(con)
    con.execute(queries.load("status/plans"), {"tenant_id": tenant_id})
    counts: dict[str, dict[str, int]] = {}
    for kind, status, records in con.execute(queries.load("status/records"),
                                             {"already_in_xero": ALREADY_IN_XERO}).fetchall():
        counts.setdefault(kind, {})[status] = records
    waiting_for = _waiting(con, config, tenant_id, today, counts)
    failures = [FailureRow(kind, petmanager_id, key, state, message, advice(message))
                for kind, petmanager_id, key, state, message in con.execute(queries.load("status/failures")).fetchall()]
    return Status(tenant_id, latest_runs(con, tenant_id), _grouped(counts), failures, waiting_for)


def _waiting(con: duckdb.DuckDBPyConnection, config: Config, tenant_id: str | None, today: dt.date | None,
             counts: dict[str, dict[str, int]]) -> dict[str, dt.date]:
    """Start dates still to come, per organisation; adds their waiting records to `counts`."""
    waiting_for = {}
    for organisation in config.organisations:
        if tenant_id is not None and organisation.tenant_id != tenant_id:
            continue
        start = pending_start(con, organisation.tenant_id, today=today)
        if start is None:
            continue
        waiting_for[organisation.tenant_id] = start
        try:
            pm_snapshot = latest_petmanager(con)
        except BadInput:  # no Pet Manager snapshot yet: the date is known, the records are not
            continue
        for kind, records in con.execute(queries.load("status/waiting"), {
                "pm_snapshot": pm_snapshot, "locations": list(organisation.locations), "start": start}).fetchall():
            entry = counts.setdefault(kind, {})
            entry["waiting"] = entry.get("waiting", 0) + records
    return waiting_for


def _grouped(counts: dict[str, dict[str, int]]) -> list[KindStatus]:
    rows = []
    grouped = set()
    for name, kinds in GROUPS:
        grouped.update(kinds)
        rows.append(KindStatus(name, **{count: sum(counts.get(kind, {}).get(count, 0) for kind in kinds)
                                        for count in COUNTS}))
    for kind in sorted(set(counts) - grouped):  # kinds recon may add later, e.g. contact-group membership
        rows.append(KindStatus(kind.replace("_", " "), **{count: counts[kind].get(count, 0) for count in COUNTS}))
    return rows
