"""The outbox: every write the confirmed plan intends, recorded before it is sent and its outcome after.

One row per planned write in the DuckDB table `outbox` (docs/sync.md, Flow 5), moving

    planned -> sending -> done | failed | unknown;   planned -> held (a dependency failed)

A batch is marked `sending` with its Idempotency-Key in a transaction of its own before the
request goes out, so after a crash the rows left `sending` (and those marked `unknown` after
`WriteOutcomeUnknown`) are exactly the ones to look up by natural key before anything is sent
again: `in_doubt()`, then `resolve_looked_up()` for each. Every method is one transaction.

Each plan is added with the organisation it writes to (`tenant_id`); a row whose record an earlier
plan for the same organisation already pushed is added done, with that record's Xero id, so no
plan ever pushes a record twice. A row's `xero_id` is the created record's id (for an overpayment,
the OverpaymentID Xero made from the BankTransaction): placeholders resolve to it (`done_ids`).
sync/push.py is the pusher built on this.

    outbox = Outbox(con)
    outbox.add_plan(plan_hash, writes)
    while batch := outbox.next_batch():
        outbox.mark_sending(batch, batch.idempotency_key)
        try:
            results = xero.write(batch.entity, batch.payloads, method=batch.method,
                                 idempotency_key=batch.idempotency_key)
        except WriteOutcomeUnknown:
            outbox.mark_unknown(batch)
            ...  # look the rows up by natural key, then resolve_looked_up()
        else:
            outbox.record_results(batch, results)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

import duckdb
import pyarrow as pa

import queries
from sync.xero import jsonio
from sync.xero.entities import batch_limit, takes_summarize_errors, write_key
from sync.xero.results import ElementResult

KEY_HASH_LENGTH = 32  # of the plan hash, in the Idempotency-Key (Xero takes at most 128 characters)
NEW_WRITES = pa.schema([
    ("outbox_id", pa.int64()), ("plan_hash", pa.string()), ("seq", pa.int64()), ("kind", pa.string()),
    ("petmanager_id", pa.string()), ("natural_key", pa.string()), ("entity", pa.string()),
    ("method", pa.string()), ("payload", pa.string()), ("depends_on", pa.list_(pa.int64())),
    ("tenant_id", pa.string()),
])
RESULTS = pa.schema([("outbox_id", pa.int64()), ("ok", pa.bool_()), ("xero_id", pa.string()), ("error", pa.string())])


class OutboxError(Exception):
    """The outbox refused a step: another plan is unfinished, or rows are not in the state the step needs."""


@dataclass(frozen=True)
class PlannedWrite:
    """One write of a plan. `depends_on` names the `seq` of earlier writes of the same plan."""

    seq: int
    kind: str
    natural_key: str
    entity: str
    payload: dict
    petmanager_id: str | None = None
    depends_on: tuple[int, ...] = ()
    method: str = "PUT"


@dataclass(frozen=True)
class OutboxRow:
    outbox_id: int
    plan_hash: str
    seq: int
    kind: str
    petmanager_id: str | None
    natural_key: str
    entity: str
    method: str
    payload: dict
    depends_on: list[int]
    state: str
    batch_key: str | None
    xero_id: str | None
    error: str | None
    attempts: int
    updated_at: datetime
    tenant_id: str | None = None


@dataclass(frozen=True)
class Batch:
    """Planned rows of one kind, entity and method, ready to go in one request."""

    rows: tuple[OutboxRow, ...]

    @property
    def entity(self) -> str:
        return self.rows[0].entity

    @property
    def method(self) -> str:
        return self.rows[0].method

    @property
    def payloads(self) -> list[dict]:
        return [row.payload for row in self.rows]

    @property
    def idempotency_key(self) -> str:
        """Plan hash, first seq and attempt: the same batch sent again (same attempt) replays at Xero;
        a batch sent again after a look-up found nothing gets a fresh key."""
        first = self.rows[0]
        attempt = max(row.attempts for row in self.rows) + 1
        return f"{first.plan_hash[:KEY_HASH_LENGTH]}-{first.seq}-{attempt}"


class Outbox:
    def __init__(self, con: duckdb.DuckDBPyConnection):
        self._con = con
        con.execute(queries.load("outbox/schema"))
        con.execute(queries.load("outbox/ready_view"))

    def add_plan(self, plan_hash: str, writes: Sequence[PlannedWrite], *, tenant_id: str | None = None) -> int:
        """Insert one planned row per write. When this plan is already in the outbox (confirmed again),
        insert nothing and plan its failed and held rows again: a failure fixed at its source is retried
        with a fresh Idempotency-Key, what is done stays done. Returns how many rows an earlier plan for the same organisation (`tenant_id`) already pushed:
        those are inserted done, with that record's Xero id, and never sent again.

        Refused while rows of another plan are still planned, sending or unknown.
        """
        _check_plan(writes)
        with self._transaction():
            others = [found for (found,) in self._con.execute(queries.load("outbox/unfinished_plans")).fetchall()
                      if found != plan_hash]
            if others:
                raise OutboxError(
                    f"plan {others[0]} is not finished yet; run the sync again to finish it before starting another"
                )
            (existing,) = self._con.execute(queries.load("outbox/plan_size"), {"plan_hash": plan_hash}).fetchone()
            if existing:  # confirmed again: what failed is tried again, what is done stays done
                self._con.execute(queries.load("outbox/retry_failed"), {"plan_hash": plan_hash})
                return 0
            ids = [found for (found,) in
                   self._con.execute(queries.load("outbox/reserve_ids"), {"count": len(writes)}).fetchall()]
            id_of = {write.seq: outbox_id for write, outbox_id in zip(writes, ids)}
            new_writes = pa.Table.from_pylist([{
                "outbox_id": id_of[write.seq],
                "plan_hash": plan_hash,
                "seq": write.seq,
                "kind": write.kind,
                "petmanager_id": write.petmanager_id,
                "natural_key": write.natural_key,
                "entity": write.entity,
                "method": write.method,
                "payload": jsonio.dumps(write.payload).decode(),
                "depends_on": [id_of[seq] for seq in write.depends_on],
                "tenant_id": tenant_id,
            } for write in writes], schema=NEW_WRITES)
            self._execute_with("new_writes", new_writes, queries.load("outbox/insert"))
            done = self._con.execute(queries.load("outbox/done_elsewhere"),
                                     {"plan_hash": plan_hash, "tenant_id": tenant_id}).fetchall()
        return len(done)

    def next_batch(self, max_size: int | None = None) -> Batch | None:
        """Up to `max_size` (default: as many as the endpoint takes in one call, `batch_limit`) planned
        rows of one kind and entity whose dependencies are done, in seq order; None when nothing is
        ready.

        First holds every planned row that waits on a failed or held row, naming that dependency.
        """
        if max_size is not None and max_size < 1:
            raise ValueError(f"a batch holds at least one write, not {max_size}")
        with self._transaction():
            held = True
            while held:  # each pass holds the rows waiting on the ones held by the pass before
                held = self._con.execute(queries.load("outbox/hold_blocked")).fetchall()
            first = self._con.execute(queries.load("outbox/next_ready")).fetchone()
            if first is None:
                return None
            kind, entity, method = first
            limit = batch_limit(entity, method)
            rows = self._rows(queries.load("outbox/next_batch"), {
                "kind": kind, "entity": entity, "method": method,
                "max_size": limit if max_size is None else min(max_size, limit)})
        return Batch(tuple(rows))

    def mark_sending(self, batch: Batch, key: str) -> None:
        """Record that `batch` is about to be sent with Idempotency-Key `key`: call before sending."""
        with self._transaction():
            self._update_all(batch, "outbox/mark_sending", "planned", {"batch_key": key})

    def record_results(self, batch: Batch, results: Sequence[ElementResult]) -> None:
        """Xero's answer, element by element: done with the record's Xero id, or failed with Xero's messages."""
        if sorted(result.index for result in results) != list(range(len(batch.rows))):
            raise ValueError(f"expected one result for each of the {len(batch.rows)} rows of the batch")
        rows = batch.rows
        answers = pa.Table.from_pylist([{
            "outbox_id": rows[result.index].outbox_id,
            "ok": result.ok,
            "xero_id": _xero_id(rows[result.index].entity, result.record) if result.ok else None,
            "error": None if result.ok else "; ".join(result.errors),
        } for result in results], schema=RESULTS)
        with self._transaction():
            changed = self._execute_with("results", answers, queries.load("outbox/record_results"))
            if len(changed) != len(rows):
                raise OutboxError(f"not every row of the batch from seq {rows[0].seq} is being sent")

    def mark_unknown(self, batch: Batch) -> None:
        """Xero may or may not have committed `batch`: its rows must be looked up before being sent again."""
        with self._transaction():
            self._update_all(batch, "outbox/mark_unknown", "sending", {})

    def in_doubt(self) -> list[OutboxRow]:
        """Rows left sending or marked unknown: look each up by natural key, then `resolve_looked_up`."""
        with self._transaction():
            return self._rows(queries.load("outbox/in_doubt"), {})

    def resolve_looked_up(self, row_id: int, xero_id: str | None) -> None:
        """The look-up's answer for a row in doubt: found (its Xero id) -> done; not found (None) -> planned."""
        with self._transaction():
            changed = self._con.execute(
                queries.load("outbox/resolve_looked_up"), {"outbox_id": row_id, "xero_id": xero_id}
            ).fetchall()
            if not changed:
                raise OutboxError(f"outbox row {row_id} is not in doubt")

    def unfinished_tenants(self) -> list[str | None]:
        """The organisations (tenant ids) that rows still to send or to look up are meant for."""
        with self._transaction():
            return [found for (found,) in self._con.execute(queries.load("outbox/unfinished_tenants")).fetchall()]

    def done_ids(self, plan_hash: str) -> dict[str, str]:
        """Natural key -> Xero id of every done row of the plan: what its placeholders resolve to."""
        with self._transaction():
            return dict(self._con.execute(queries.load("outbox/done_ids"), {"plan_hash": plan_hash}).fetchall())

    def done_rows(self, plan_hash: str, entity: str) -> list[OutboxRow]:
        """The plan's done rows written to `entity` (the path as planned, e.g. with placeholders)."""
        with self._transaction():
            return self._rows(queries.load("outbox/done_rows"), {"plan_hash": plan_hash, "entity": entity})

    def status(self) -> dict[str, dict[str, int]]:
        """Rows of the latest plan per kind (in plan order) and state: {"invoice": {"done": 48, "failed": 2}}."""
        counts: dict[str, dict[str, int]] = {}
        with self._transaction():
            for kind, state, rows in self._con.execute(queries.load("outbox/status")).fetchall():
                counts.setdefault(kind, {})[state] = rows
        return counts

    def failures(self) -> list[OutboxRow]:
        """Failed and held rows of the latest plan, in plan order; `error` says why."""
        with self._transaction():
            return self._rows(queries.load("outbox/failures"), {})

    def _update_all(self, batch: Batch, query: str, expected_state: str, parameters: dict) -> None:
        ids = [row.outbox_id for row in batch.rows]
        changed = self._con.execute(queries.load(query), {**parameters, "ids": ids}).fetchall()
        if len(changed) != len(ids):
            raise OutboxError(f"not every row of the batch from seq {batch.rows[0].seq} is {expected_state}")

    def _execute_with(self, name: str, table: pa.Table, sql: str) -> list[tuple]:
        """Run `sql` with `table` registered as `name`; the rows it returns."""
        self._con.register(name, table)
        try:
            return self._con.execute(sql).fetchall()
        finally:
            self._con.unregister(name)

    def _rows(self, sql: str, parameters: dict) -> list[OutboxRow]:
        cursor = self._con.execute(sql, parameters)
        names = [column[0] for column in cursor.description]
        rows = []
        for values in cursor.fetchall():
            row = dict(zip(names, values))
            row["payload"] = jsonio.loads(row["payload"])
            rows.append(OutboxRow(**row))
        return rows

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._con.begin()
        try:
            yield
        except BaseException:
            self._con.rollback()
            raise
        self._con.commit()


def _check_plan(writes: Sequence[PlannedWrite]) -> None:
    """Unique seqs, known endpoints, and dependencies on earlier writes of the plan only."""
    seqs = {write.seq for write in writes}
    if len(seqs) != len(writes):
        raise ValueError("every planned write needs its own seq")
    for write in writes:
        takes_summarize_errors(write.entity, write.method)  # refuses an endpoint recon does not write
        for seq in write.depends_on:
            if seq not in seqs or seq >= write.seq:
                raise ValueError(f"write {write.seq} ({write.natural_key}) depends on {seq}, not an earlier write")


def _xero_id(entity: str, record: dict | None) -> str | None:
    """The created record's id: `ContactID` from Contacts, `InvoiceID` from Invoices, `AllocationID`, ...;
    from a BankTransaction that made an overpayment, the `OverpaymentID` (what allocations and refunds name)."""
    record = record or {}
    if write_key(entity) == "BankTransactions" and record.get("OverpaymentID"):
        return record["OverpaymentID"]
    return record.get(f"{write_key(entity)[:-1]}ID")
