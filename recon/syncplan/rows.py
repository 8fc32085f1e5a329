"""Pet Manager rows as the payload builders take them: dicts of the export's column names to cells
as the export writes them (`120.50`, `2025-03-01`, `true`, empty for none)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import duckdb

import queries


def export_rows(con: duckdb.DuckDBPyConnection, query: str, params: dict) -> list[dict]:
    """The rows of `queries/syncplan/<query>.sql`, each cell written as the export writes it."""
    cursor = con.execute(queries.load(f"syncplan/{query}"), params)
    names = [column[0] for column in cursor.description]
    return [{name: _cell(value) for name, value in zip(names, row)} for row in cursor.fetchall()]


def grouped(rows: list[dict], column: str) -> dict[str, list[dict]]:
    """The rows by the cell in `column` (a document's lines by its id)."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups[row[column]].append(row)
    return groups


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)
