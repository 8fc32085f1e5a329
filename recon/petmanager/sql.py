"""SQL text for the reader: templates from `queries/petmanager/`, identifiers quoted into them.

Templates use `{name}` placeholders for identifiers and for column lists built from the column
spec; values are always bound as `$name` parameters.
"""

from __future__ import annotations

import queries


def ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table(schema: str, name: str) -> str:
    return f"{ident(schema)}.{ident(name)}"


def temp_table(name: str) -> str:
    return f'"temp"."main".{ident(name)}'


def render(template: str, **fragments: str) -> str:
    """`queries/petmanager/<template>.sql` with each `{key}` replaced by a quoted identifier or column list."""
    return queries.load(f"petmanager/{template}").format(**fragments)
