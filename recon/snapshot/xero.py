"""Xero snapshot: every entity recon reads, for one organisation, appended as a new snapshot.

The first snapshot of an organisation reads everything. Later ones are incremental: for the
entities Xero filters by `If-Modified-Since`, only what changed since the previous snapshot's
high-water mark is fetched, and the unchanged records are copied forward inside DuckDB, so every
snapshot is complete on its own and any two can be compared. A full read is made when asked for,
or when the last full read is older than FULL_EVERY. Raw JSON is stored in `xero_records`; the
typed tables are derived from it with `queries/xero/typed/*.sql`. All of it happens in one
transaction: a failed snapshot leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Protocol

import duckdb
import polars as pl

import queries
from recon.snapshot.result import SnapshotResult
from recon.snapshot.rawjson import dumps

FULL_EVERY = dt.timedelta(days=7)


@dataclass(frozen=True)
class XeroEntity:
    name: str  # the endpoint and the response's collection name
    id_field: str
    incremental: bool  # Xero honours If-Modified-Since for it
    include_archived: bool = False


ENTITIES = (
    XeroEntity("Organisation", "OrganisationID", incremental=False),
    XeroEntity("Accounts", "AccountID", incremental=False),
    XeroEntity("TaxRates", "TaxType", incremental=False),
    XeroEntity("TrackingCategories", "TrackingCategoryID", incremental=False, include_archived=True),
    XeroEntity("ContactGroups", "ContactGroupID", incremental=False),
    XeroEntity("Contacts", "ContactID", incremental=True, include_archived=True),
    XeroEntity("Invoices", "InvoiceID", incremental=True),
    XeroEntity("CreditNotes", "CreditNoteID", incremental=True),
    XeroEntity("Payments", "PaymentID", incremental=True),
    XeroEntity("Overpayments", "OverpaymentID", incremental=True),
    XeroEntity("BankTransactions", "BankTransactionID", incremental=True),
    XeroEntity("BankTransfers", "BankTransferID", incremental=True),
)

TYPED_TABLES = (
    "organisation", "accounts", "tax_rates", "tracking_options", "contact_groups", "contacts",
    "invoices", "invoice_lines", "credit_notes", "credit_note_lines", "payments", "overpayments",
    "allocations", "bank_transactions", "bank_transfers",
)


class RecordSource(Protocol):
    """What the snapshot needs of a Xero client (sync.xero.XeroClient provides it)."""

    def iter_records(
        self,
        entity: str,
        *,
        modified_since: dt.datetime | None = None,
        include_archived: bool = False,
        on_page: Callable[[int, int], None] | None = None,  # (page number, records in it)
    ) -> Iterator[dict[str, Any]]: ...


@dataclass(frozen=True)
class _Previous:
    snapshot_id: int
    watermarks: dict[str, dt.datetime | None]  # naive UTC, as DuckDB keeps them

    def since(self, entity: str) -> dt.datetime | None:
        mark = self.watermarks.get(entity)
        return mark.replace(tzinfo=dt.timezone.utc) if mark else None


def snapshot_xero(
    con: duckdb.DuckDBPyConnection,
    client: RecordSource,
    tenant_id: str,
    *,
    source: str,
    full: bool = False,
    now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.timezone.utc),
    progress: Callable[[str, int], None] | None = None,
) -> SnapshotResult:
    """Take one snapshot of `tenant_id` through `client` into the workspace `con`."""
    con.execute(queries.load("xero/schema"))
    started = now()
    previous = None if full else _previous_for_incremental(con, tenant_id, started)
    mode = "incremental" if previous else "full"
    fetched: dict[str, int] = {}
    requests: dict[str, int] = {}
    con.begin()
    try:
        snapshot_id = con.execute("SELECT nextval('snapshot_ids')").fetchone()[0]
        for entity in ENTITIES:
            since = previous.since(entity.name) if previous and entity.incremental else None
            pages = [0]

            def on_page(page: int, count: int, _entity: str = entity.name) -> None:
                pages[0] = page
                if progress:
                    progress(_entity, count)

            records = client.iter_records(
                entity.name, modified_since=since, include_archived=entity.include_archived, on_page=on_page
            )
            fetched[entity.name] = _store(con, snapshot_id, tenant_id, entity, records)
            requests[entity.name] = max(pages[0], 1)
            if previous and entity.incremental:
                _copy_forward(con, previous.snapshot_id, snapshot_id, entity.name)
        for table in TYPED_TABLES:
            con.execute(queries.load(f"xero/typed/{table}"), {"snapshot_id": snapshot_id})
        for entity_name, count in requests.items():
            con.execute(
                queries.load("xero/watermark"),
                {"snapshot_id": snapshot_id, "entity": entity_name, "fetched": fetched[entity_name], "requests": count},
            )
        counts = dict(
            con.execute(
                "SELECT entity, count(*) FROM xero_records WHERE snapshot_id = ? GROUP BY entity", [snapshot_id]
            ).fetchall()
        )
        finished = now()
        con.execute(
            "INSERT INTO snapshots VALUES (?, 'xero', ?, ?, ?, ?, ?, ?)",
            [snapshot_id, tenant_id, mode, source, started, finished, json.dumps(counts)],
        )
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return SnapshotResult(
        snapshot_id, "xero", mode, tenant_id, started, finished, counts, fetched, sum(requests.values())
    )


def _previous_for_incremental(con: duckdb.DuckDBPyConnection, tenant_id: str, now: dt.datetime) -> _Previous | None:
    """The snapshot to build on, or None when this one must be a full read."""
    row = con.execute(
        """
        SELECT max(snapshot_id), max(started_at) FILTER (WHERE mode = 'full')
        FROM snapshots WHERE side = 'xero' AND tenant_id = ?
        """,
        [tenant_id],
    ).fetchone()
    last_id, last_full = row
    if last_id is None or last_full is None or now - last_full > FULL_EVERY:
        return None
    marks = dict(
        con.execute("SELECT entity, high_water_mark FROM xero_watermarks WHERE snapshot_id = ?", [last_id]).fetchall()
    )
    return _Previous(last_id, marks)


def _store(con, snapshot_id: int, tenant_id: str, entity: XeroEntity, records: Iterator[dict]) -> int:
    """Insert records as they arrive, a page-sized batch at a time, and return how many came."""
    batch: list[dict] = []
    total = 0
    for record in records:
        batch.append(record)
        if len(batch) >= 1000:
            total += _insert(con, snapshot_id, tenant_id, entity, batch)
            batch = []
    if batch:
        total += _insert(con, snapshot_id, tenant_id, entity, batch)
    return total


def _insert(con, snapshot_id: int, tenant_id: str, entity: XeroEntity, batch: list[dict]) -> int:
    frame = pl.DataFrame(
        {
            "record_id": [str(r.get(entity.id_field, "")) for r in batch],
            "updated": [r.get("UpdatedDateUTC") for r in batch],
            "raw": [dumps(r) for r in batch],
        },
        schema={"record_id": pl.String, "updated": pl.String, "raw": pl.String},
    )
    con.execute(  # DuckDB reads the polars frame above by its variable name
        """
        INSERT INTO xero_records
        SELECT $snapshot_id, $tenant_id, $entity, record_id, xero_ts(updated), CAST(raw AS JSON) FROM frame
        """,
        {"snapshot_id": snapshot_id, "tenant_id": tenant_id, "entity": entity.name},
    )
    return len(batch)


def _copy_forward(con, previous_id: int, snapshot_id: int, entity: str) -> None:
    con.execute(queries.load("xero/copy_forward"), {"previous": previous_id, "snapshot_id": snapshot_id, "entity": entity})
