"""Run one named query of `queries/audit/`, binding only the `$name` parameters it uses."""

from __future__ import annotations

import re

import duckdb

import queries

_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def run(con: duckdb.DuckDBPyConnection, name: str, params: dict) -> duckdb.DuckDBPyConnection:
    text = queries.load(f"audit/{name}")
    used = set(_PARAMETER.findall(text))
    missing = used - params.keys()
    if missing:
        raise TypeError(f"audit/{name}.sql needs {sorted(missing)}")
    try:
        return con.execute(text, {key: value for key, value in params.items() if key in used})
    except duckdb.Error as exc:
        raise type(exc)(f"audit/{name}.sql: {exc}") from exc


def rows(con: duckdb.DuckDBPyConnection, name: str, params: dict) -> list[tuple]:
    return run(con, name, params).fetchall()
