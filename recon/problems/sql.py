"""Run one problem query (`queries/problems/<name>.sql`) and get its rows with named fields."""

from __future__ import annotations

import re
from collections import namedtuple
from typing import Any

import duckdb

import queries

_PARAMETER = re.compile(r"\$([a-z_]+)")


def fetch(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any]) -> list[Any]:
    """The rows of the query, as named tuples. DuckDB refuses parameters a query does not use, so
    only those it names are bound."""
    text = queries.load(f"problems/{name}")
    used = set(_PARAMETER.findall(text))
    result = con.execute(text, {k: v for k, v in params.items() if k in used})
    Row = namedtuple("Row", [column[0] for column in result.description])
    return [Row(*values) for values in result.fetchall()]
