"""Run one named query of `queries/matching/`, binding only the `$name` parameters it uses."""

from __future__ import annotations

import re

import duckdb
import pyarrow as pa

import queries

_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def _bound(name: str, params: dict) -> tuple[str, dict]:
    text = queries.load(f"matching/{name}")
    used = set(_PARAMETER.findall(text))
    missing = used - params.keys()
    if missing:
        raise TypeError(f"matching/{name}.sql needs {sorted(missing)}")
    return text, {key: value for key, value in params.items() if key in used}


def run(con: duckdb.DuckDBPyConnection, name: str, **params) -> duckdb.DuckDBPyConnection:
    text, bound = _bound(name, params)
    return con.execute(text, bound)


def arrow(con: duckdb.DuckDBPyConnection, name: str, **params) -> pa.Table:
    """The query's result as an Arrow table."""
    text, bound = _bound(name, params)
    return con.sql(text, params=bound).to_arrow_table()


def rows(con: duckdb.DuckDBPyConnection, name: str, **params) -> list[dict]:
    """The query's result as one dict per row, keyed by column name."""
    cursor = run(con, name, **params)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def tuples(table: pa.Table) -> list[tuple]:
    """The rows of an Arrow table as tuples, converted column by column (much faster than row by
    row for the hundreds of thousands of pairs a large workspace has)."""
    return list(zip(*(column.to_pylist() for column in table.columns)))
