"""Reads one export CSV into a temporary all-text table, by header name, with its row numbers.

DuckDB parses the file (RFC 4180 quoting, BOM, CRLF); Python only reads the header line. The
table keeps file order (DuckDB's default `preserve_insertion_order`), so a row's spreadsheet row
is its rowid + 2. A file that DuckDB cannot split into the header's cells is read a second time
with a rejects table, whose line numbers count records (header = 1), i.e. spreadsheet rows.
"""

from __future__ import annotations

import csv
import mmap
from pathlib import Path

import duckdb

from recon.petmanager import sql
from recon.petmanager.columns import FileSpec
from recon.petmanager.problems import PER_CHECK, Problems

_REJECT_MESSAGES = {
    "INVALID ENCODING": "holds bytes that are not UTF-8 (the export must be UTF-8)",
    "MISSING COLUMNS": "has fewer cells than the header",
    "TOO MANY COLUMNS": "has more cells than the header",
    "UNQUOTED VALUE": "has a quoted cell that is not closed where it should be (RFC 4180 quoting)",
    "LINE SIZE OVER MAXIMUM": "is longer than the reader accepts",
}
_ROW_LEVEL = {"MISSING COLUMNS", "TOO MANY COLUMNS"}


def raw_table(spec: FileSpec) -> str:
    return sql.temp_table(f"pm_raw_{spec.stem}")


def read_header(path: Path, problems: Problems) -> list[str] | None:
    """The header's cell names, or None (with the fault recorded) when it cannot be read."""
    file = path.name
    with path.open("rb") as f:
        data = f.readline()
        while data.count(b'"') % 2 and (more := f.readline()):
            data += more  # a quoted header name holding a newline
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        problems.add(file, None, None, "the file is empty: it needs at least a header row")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        problems.add(file, 1, None, "the header holds bytes that are not UTF-8 (the export must be UTF-8)")
        return None
    return next(csv.reader([text.rstrip("\r\n")]))


def find_blank_rows(path: Path, spec: FileSpec, problems: Problems) -> bool:
    """Report blank rows, which DuckDB skips silently (shifting every later row number).

    A fast byte search rules them out in the usual case; only a file with a blank line before
    its end is parsed in Python, to tell blank rows from blank lines inside quoted cells.
    """
    with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
        end = len(data)
        while end and data[end - 1] in b"\r\n":
            end -= 1  # blank lines at the very end are harmless
        if all(data.find(gap, 0, end) == -1 for gap in (b"\n\n", b"\n\r\n")):
            return False
    blank, last_filled = [], 0
    with path.open(newline="", encoding="utf-8-sig", errors="replace") as f:
        for number, record in enumerate(csv.reader(f), start=1):
            if record:
                last_filled = number
            else:
                blank.append(number)
    blank = [row for row in blank if row < last_filled]
    for row in blank[:PER_CHECK]:
        problems.add(spec.file, row, None, "the row is blank (rows must not be empty)")
    problems.add_overflow(spec.file, None, min(len(blank), PER_CHECK), len(blank))
    return bool(blank)


def column_positions(spec: FileSpec, header: list[str], problems: Problems) -> dict[str, int] | None:
    """Where each known column is in the header; None when a needed column is missing or repeated."""
    positions: dict[str, int] = {}
    ok = True
    known = {column.name for column in spec.columns}
    for index, name in enumerate(header):
        if name in positions:
            problems.add(spec.file, None, name, "the column appears more than once in the header")
            ok = False
        elif name in known:
            positions[name] = index
    for column in spec.columns:
        if column.in_header and column.name not in positions:
            problems.add(spec.file, None, column.name, "required column is missing from the header")
            ok = False
    return positions if ok else None


def load_raw(con: duckdb.DuckDBPyConnection, path: Path, spec: FileSpec, header: list[str],
             positions: dict[str, int], problems: Problems) -> bool:
    """Create the text table of `spec`; False when the file is broken at the CSV level (reported)."""
    selected = ", ".join(
        f"{sql.ident(f'c{positions[c.name]}')} AS {sql.ident(c.name)}" if c.name in positions
        else f"CAST(NULL AS VARCHAR) AS {sql.ident(c.name)}"
        for c in spec.columns
    )
    columns = {f"c{i}": "VARCHAR" for i in range(len(header))}
    try:
        con.execute(sql.render("read_raw", raw=raw_table(spec), columns=selected),
                    {"path": str(path), "columns": columns})
        return True
    except duckdb.Error as error:
        _report_rejects(con, path, spec, header, columns, error, problems)
        return False


def _report_rejects(con: duckdb.DuckDBPyConnection, path: Path, spec: FileSpec, header: list[str],
                    columns: dict[str, str], error: duckdb.Error, problems: Problems) -> None:
    """Read the file again storing refused records, and report each at its spreadsheet row."""
    rejects = f"pm_rejects_{spec.stem}"
    scans = f"pm_reject_scans_{spec.stem}"
    scratch = f"pm_rejects_scratch_{spec.stem}"
    try:
        con.execute(sql.render("find_rejects", scratch=sql.temp_table(scratch)), {
            "path": str(path),
            "columns": columns,
            "rejects_table": rejects,
            "rejects_scan": scans,
            "rejects_limit": PER_CHECK + 1,
        })
        refused = con.execute(sql.render("rejects", rejects=sql.temp_table(rejects))).fetchall()
    except duckdb.Error:
        refused = []  # not a fault of single records: the first error says what is wrong
    finally:
        for name in (rejects, scans, scratch):
            con.execute(sql.render("drop_temp_table", table=sql.temp_table(name)))
    if not refused:
        problems.add(spec.file, None, None, f"cannot be read as CSV: {error}")
    for line, column_idx, error_type, error_message in refused[:PER_CHECK]:
        column = None
        if error_type not in _ROW_LEVEL and column_idx and column_idx <= len(header):
            column = header[column_idx - 1]
        problems.add(spec.file, line, column, "the row " + _REJECT_MESSAGES.get(error_type, error_message))
    if len(refused) > PER_CHECK:
        problems.add(spec.file, None, None, "more rows with CSV errors may follow; fix these first")


def empty_raw(con: duckdb.DuckDBPyConnection, spec: FileSpec) -> None:
    """The text table of an absent optional file: same columns, no rows."""
    columns = ", ".join(f"CAST(NULL AS VARCHAR) AS {sql.ident(c.name)}" for c in spec.columns)
    con.execute(sql.render("empty_raw", raw=raw_table(spec), columns=columns))
