"""Small helpers to break one thing in a copy of the sample export."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from recon.errors import BadInput, Located
from recon.petmanager import load_export


def read_rows(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)


def set_cell(folder: Path, file: str, row: int, column: str, value: str) -> None:
    """Set the cell at spreadsheet `row` (header = 1) of `column`."""
    rows = read_rows(folder / file)
    rows[row - 1][rows[0].index(column)] = value
    write_rows(folder / file, rows)


def delete_rows(folder: Path, file: str, *spreadsheet_rows: int) -> None:
    rows = read_rows(folder / file)
    write_rows(folder / file, [r for n, r in enumerate(rows, start=1) if n not in spreadsheet_rows])


def delete_column(folder: Path, file: str, column: str) -> None:
    rows = read_rows(folder / file)
    index = rows[0].index(column)
    write_rows(folder / file, [r[:index] + r[index + 1:] for r in rows])


def errors_of(folder: Path) -> list[Located]:
    with pytest.raises(BadInput) as raised:
        load_export(folder, duckdb.connect())
    return raised.value.errors


def places(errors: list[Located]) -> list[tuple[str, int | None, str | None]]:
    return [(e.file, e.row, e.column) for e in errors]
