"""`recon check --from DATE`: links, suspected duplicates and problems for a back-sync window,
with what the sync would create, stored as a check run in the workspace."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from operator import attrgetter

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

import queries
from recon.check.findings import Link, Problem, Window
from recon.matching import Duplicates, Links, find_matches
from recon.problems import find_problems
from recon.snapshot.latest import latest_petmanager, latest_xero
from recon.workspace import Workspace


@dataclass(frozen=True)
class ScopeRow:
    kind: str
    month: str | None
    in_scope: int
    linked: int
    suspected: int
    to_create: int
    to_create_total: Decimal
    tenant_id: str | None = None  # the organisation it would be sent to


@dataclass(frozen=True)
class MonthTotals:
    month: str
    petmanager_total: Decimal
    petmanager_count: int
    xero_total: Decimal
    xero_count: int


@dataclass(frozen=True)
class CheckResult:
    run_id: int
    ran_at: dt.datetime
    window: Window
    pm_snapshot: int
    xero_snapshots: dict[str, int]
    links: Sequence[Link]  # Links when the check ran: Arrow-backed, for the hundreds of thousands
    duplicates: Duplicates  # Arrow-backed too, in report order; a list of Duplicate is made into one
    problems: list[Problem]
    scope: list[ScopeRow]
    months: dict[str, list[MonthTotals]] = field(default_factory=dict)  # tenant id -> months

    def __post_init__(self) -> None:
        if not isinstance(self.duplicates, Duplicates):
            object.__setattr__(self, "duplicates", Duplicates.of(self.duplicates))

    @property
    def needs_a_person(self) -> bool:
        return bool(self.duplicates) or bool(self.problems)

    def summary(self) -> dict:
        by_kind = self.duplicates.counts()
        problems: dict[str, int] = {}
        for p in self.problems:
            problems[p.kind] = problems.get(p.kind, 0) + 1
        creates: dict[str, dict] = {}
        for row in self.scope:
            entry = creates.setdefault(row.kind, {"in_scope": 0, "linked": 0, "suspected": 0, "to_create": 0,
                                                  "to_create_total": Decimal(0)})
            for name in ("in_scope", "linked", "suspected", "to_create", "to_create_total"):
                entry[name] += getattr(row, name)
        for entry in creates.values():
            entry["to_create_total"] = str(entry["to_create_total"])
        return {
            "run_id": self.run_id,
            "petmanager_snapshot": self.pm_snapshot,
            "xero_snapshots": self.xero_snapshots,
            "links": len(self.links),
            "duplicates": {"total": len(self.duplicates), "by_kind": by_kind},
            "problems": {"total": len(self.problems), "blocking": sum(p.blocking for p in self.problems),
                         "by_kind": problems},
            "sync_would_send": creates,
        }

    def as_json(self) -> dict:
        return {
            "from": self.window.start.isoformat(),
            "to": self.window.end.isoformat() if self.window.end else None,
            "duplicates": [d.as_json() for d in self.duplicates],
            "problems": [p.as_json() for p in self.problems],
            "summary": self.summary(),
        }


def run_check(ws: Workspace, window: Window) -> CheckResult:
    """Check the latest snapshots of both sides; the caller takes fresh snapshots first if it wants them."""
    config = ws.config()
    con = ws.connect()
    try:
        con.execute(queries.load("check/schema"))
        pm_snapshot = latest_petmanager(con)
        links = Links()
        duplicates = Duplicates()
        problems: list[Problem] = []
        xero_snapshots: dict[str, int] = {}
        months: dict[str, list[MonthTotals]] = {}
        for org in config.organisations:
            xero_snapshot = latest_xero(con, org.tenant_id)
            xero_snapshots[org.tenant_id] = xero_snapshot
            matches = find_matches(
                con, pm_snapshot=pm_snapshot, xero_snapshot=xero_snapshot, tenant_id=org.tenant_id, window=window,
                invoice_prefix=config.invoice_prefix or "", credit_note_prefix=config.credit_note_prefix or "",
                locations=org.locations,
            )
            links += matches.links
            duplicates += matches.duplicates
            problems += find_problems(con, config=config, pm_snapshot=pm_snapshot, xero_snapshot=xero_snapshot,
                                      tenant_id=org.tenant_id, window=window)
            months[org.tenant_id] = _months(con, pm_snapshot, xero_snapshot, window, org.locations)
        duplicates = duplicates.in_report_order()
        problems = _explained_by_duplicates(problems, duplicates)
        problems.sort(key=lambda p: (not p.blocking, p.kind, p.petmanager_id or 0))
        scope = [row for org in config.organisations
                 for row in _scope(con, pm_snapshot, window, org.tenant_id, org.locations, links, duplicates)]
        ran_at = dt.datetime.now(dt.timezone.utc)
        return _store(con, CheckResult(0, ran_at, window, pm_snapshot, xero_snapshots, links, duplicates, problems,
                                       scope, months))
    finally:
        con.close()


def _explained_by_duplicates(problems: list[Problem], duplicates: Duplicates) -> list[Problem]:
    """A number collision with the very Xero record that is the suspected twin is not a second problem:
    once the accountant resolves that twin as the same record, it is linked and nothing is pushed."""
    collided = [p.xero_id for p in problems if p.kind == "number_collision" and p.xero_id is not None]
    table = duplicates.table.filter(pc.is_in(duplicates.table["xero_id"], pa.array(collided, pa.string())))
    twins = set(zip(*(table[name].to_pylist() for name in ("kind", "petmanager_id", "xero_id"))))
    return [
        replace(p, blocking=False, message=p.message + " That Xero record is also the suspected duplicate of this "
                "one: resolved as the same record, it is linked and nothing is pushed.")
        if p.kind == "number_collision" and (p.record_kind, p.petmanager_id, p.xero_id) in twins else p
        for p in problems
    ]


def _params(window: Window) -> dict:
    return {"start": window.start, "end": window.end}


def _scope(con, pm_snapshot: int, window: Window, tenant_id: str, locations: Sequence[int], links: Links,
           duplicates: Duplicates) -> list[ScopeRow]:
    """What the back-sync would send to one organisation: the records of its locations."""
    linked = links.table.select(["tenant_id", "kind", "petmanager_id"])
    suspected = duplicates.table.select(["tenant_id", "kind", "petmanager_id"])
    con.register("check_linked", linked)
    con.register("check_suspected", suspected)
    try:
        rows = con.execute(queries.load("check/scope"), {"snapshot_id": pm_snapshot, "tenant_id": tenant_id,
                                                         "locations": list(locations), **_params(window)}).fetchall()
    finally:
        con.unregister("check_linked")
        con.unregister("check_suspected")
    return [ScopeRow(*row) for row in rows]


def _months(con, pm_snapshot: int, xero_snapshot: int, window: Window, locations: Sequence[int]) -> list[MonthTotals]:
    rows = con.execute(queries.load("check/monthly_totals"),
                       {"pm_snapshot": pm_snapshot, "xero_snapshot": xero_snapshot, "locations": list(locations),
                        **_params(window)}).fetchall()
    return [MonthTotals(*row) for row in rows]


def _store(con: duckdb.DuckDBPyConnection, result: CheckResult) -> CheckResult:
    """Keep the run and everything it found; returns the result with its run id."""
    con.begin()
    try:
        stored = replace(result, run_id=con.execute("SELECT nextval('check_run_ids')").fetchone()[0])
        con.execute("INSERT INTO check_runs VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [stored.run_id, stored.ran_at, stored.window.start, stored.window.end, stored.pm_snapshot,
                     json.dumps(stored.xero_snapshots), json.dumps(stored.summary())])
        _insert(con, "check_links", stored.run_id, stored.links.table)
        _insert(con, "check_duplicates", stored.run_id, stored.duplicates.table)
        _insert(con, "check_problems", stored.run_id, _columns(stored.problems, {
            "tenant_id": pa.string(), "kind": pa.string(), "blocking": pa.bool_(), "message": pa.string(),
            "record_kind": pa.string(), "petmanager_id": pa.int64(), "xero_id": pa.string()}))
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return stored


def _columns(records: list, types: dict[str, pa.DataType]) -> pa.Table:
    """These fields of the records, column by column (no dict per row)."""
    columns = zip(*map(attrgetter(*types), records)) if records else [[] for _ in types]
    return pa.table({name: pa.array(values, kind) for (name, kind), values in zip(types.items(), columns)})


def _insert(con: duckdb.DuckDBPyConnection, table: str, run_id: int, rows: pa.Table) -> None:
    con.execute(f'INSERT INTO "{table}" BY NAME SELECT $run_id AS run_id, * FROM rows', {"run_id": run_id})
