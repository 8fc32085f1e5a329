"""Run one named query of `queries/matching/`, binding only the `$name` parameters it uses."""

from __future__ import annotations

import re

import duckdb

import queries

_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def run(con: duckdb.DuckDBPyConnection, name: str, **params) -> duckdb.DuckDBPyConnection:
    text = queries.load(f"matching/{name}")
    used = set(_PARAMETER.findall(text))
    missing = used - params.keys()
    if missing:
        raise TypeError(f"matching/{name}.sql needs {sorted(missing)}")
    return con.execute(text, {key: value for key, value in params.items() if key in used})


def rows(con: duckdb.DuckDBPyConnection, name: str, **params) -> list[dict]:
    """The query's result as one dict per row, keyed by column name."""
    cursor = run(con, name, **params)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def table_rows(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple]:
    """Every row of a working table as tuples, fetched column-wise through Arrow (much faster than
    row by row for the hundreds of thousands of links a large workspace has)."""
    columns = con.table(table).to_arrow_table().columns
    return list(zip(*(column.to_pylist() for column in columns)))
