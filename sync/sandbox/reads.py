"""Reading collections as Xero does: filters (`where`, `IDs`, `InvoiceNumbers`, `ContactIDs`,
`Statuses`, `includeArchived`, `searchTerm`, `If-Modified-Since`), `order`, and paging with `page`/`pageSize`
and the `pagination` block. Without `page`, documents come without their LineItems.

The filtered, ordered list is cached per query until the collection changes, so reading
100,000 invoices a page at a time filters once, not once per page."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Callable

from sync.sandbox.entities import Entity
from sync.sandbox.state import Organisation, Table
from sync.sandbox.where import WhereError, compile_where

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000
_CACHE_SIZE = 16


class QueryError(ValueError):
    """A filter Xero could not parse (answered 400)."""


def list_records(org: Organisation, entity: Entity, params: dict[str, str],
                 modified_since: datetime | None) -> dict:
    """The body (without the envelope) of GET /{Collection}."""
    table = org.table(entity.name)
    records = _matching(table, params, modified_since)
    page_text = params.get("page")
    if page_text is None or not entity.paged:
        return {entity.name: [table.rendered(r, with_lines=not entity.has_lines) for r in records]}
    try:
        page = max(1, int(page_text))
        size = min(MAX_PAGE_SIZE, max(1, int(params.get("pageSize", DEFAULT_PAGE_SIZE))))
    except ValueError as error:
        raise QueryError("page and pageSize must be whole numbers") from error
    chosen = records[(page - 1) * size: page * size]
    return {
        "pagination": {"page": page, "pageSize": size, "pageCount": math.ceil(len(records) / size),
                       "itemCount": len(records)},
        entity.name: [table.rendered(r) for r in chosen],
    }


def find_record(org: Organisation, entity: Entity, key: str) -> dict | None:
    """GET /{Collection}/{id}: by ID, or by the number people use (InvoiceNumber, Code...)."""
    record = org.get(entity.name, key)
    if record is None and entity.number_field:
        key_lower = key.lower()
        record = next((r for r in org.table(entity.name).records.values()
                       if str(r.get(entity.number_field, "")).lower() == key_lower
                       and r.get("Status") != "DELETED"), None)
    return record


def _matching(table: Table, params: dict[str, str], modified_since: datetime | None) -> list[dict]:
    key = (tuple(sorted((k, v) for k, v in params.items() if k not in ("page", "pageSize"))), modified_since)
    cache = table.queries
    hit = cache.get(key)
    if hit is not None and hit[0] == table.version:
        return hit[1]
    tests = _filters(table.entity, params, modified_since)
    records = [r for r in table.records.values() if all(test(r) for test in tests)]
    if params.get("order"):
        records = _ordered(records, params["order"])
    if len(cache) >= _CACHE_SIZE:
        cache.clear()
    cache[key] = (table.version, records)
    return records


def _changed_at(record: dict) -> datetime | None:
    """What If-Modified-Since compares: UpdatedDateUTC, or CreatedDateUTC on records that have only
    that (bank transfers: Xero's spec gives them no UpdatedDateUTC, yet the endpoint takes the header)."""
    return record.get("UpdatedDateUTC", record.get("CreatedDateUTC"))


def _filters(entity: Entity, params: dict[str, str], modified_since) -> list[Callable[[dict], bool]]:
    tests: list[Callable[[dict], bool]] = []
    if modified_since is not None:
        tests.append(lambda r: _changed_at(r) is not None and _changed_at(r) >= modified_since)
    if params.get("IDs"):
        ids = {i.strip().lower() for i in params["IDs"].split(",") if i.strip()}
        tests.append(lambda r: str(r[entity.id_field]).lower() in ids)
    if params.get("InvoiceNumbers") and entity.name == "Invoices":
        numbers = {n.strip().lower() for n in params["InvoiceNumbers"].split(",") if n.strip()}
        tests.append(lambda r: str(r.get("InvoiceNumber", "")).lower() in numbers)
    if params.get("ContactIDs"):
        contacts = {i.strip().lower() for i in params["ContactIDs"].split(",") if i.strip()}
        tests.append(lambda r: str((r.get("Contact") or {}).get("ContactID", "")).lower() in contacts)
    status_field = "ContactStatus" if entity.name == "Contacts" else "Status"
    if params.get("Statuses"):
        statuses = {s.strip().upper() for s in params["Statuses"].split(",") if s.strip()}
        tests.append(lambda r: r.get(status_field) in statuses)
    if entity.default_status_filter and params.get("includeArchived", "").lower() != "true" \
            and not params.get("IDs"):
        shown = set(entity.default_status_filter)
        tests.append(lambda r: r.get(status_field, "ACTIVE") in shown)
    if params.get("searchTerm") and entity.name == "Contacts":
        term = params["searchTerm"].lower()
        fields = ("Name", "FirstName", "LastName", "ContactNumber", "CompanyNumber", "EmailAddress")
        tests.append(lambda r: any(term in str(r.get(f) or "").lower() for f in fields))
    if params.get("where"):
        try:
            tests.append(compile_where(params["where"]))
        except WhereError as error:
            raise QueryError(str(error)) from error
    return tests


def _ordered(records: list[dict], order: str) -> list[dict]:
    for clause in reversed([c.strip() for c in order.split(",") if c.strip()]):
        parts = clause.split()
        field, descending = parts[0], len(parts) > 1 and parts[1].upper() == "DESC"
        path = field.split(".")

        def sort_key(record, path=path):
            value = record
            for name in path:
                value = value.get(name) if isinstance(value, dict) else None
            if isinstance(value, str):
                value = value.lower()
            return (value is None, value if value is not None else 0)

        try:
            records = sorted(records, key=sort_key, reverse=descending)
        except TypeError as error:
            raise QueryError(f"cannot order by {field}") from error
    return records
