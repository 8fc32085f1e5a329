"""Findings as CSV and XLSX for accountants, with nothing a spreadsheet would run.

Text that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is what Excel, LibreOffice
and Google Sheets read as a formula; such a cell gets a leading single quote (OWASP's CSV-injection
advice), in CSV and in XLSX alike, so it stays text even after the sheet is re-saved as CSV. Only
text is touched: a negative amount is a number and is written as one.

Values are written by their type: `Decimal` (money) and `int` as numbers, `date` as a date,
`datetime` as ISO text, `None` as an empty cell, `str` neutralised, `bool` as true/false.
In XLSX a number is an IEEE double (it is all Excel stores). A Decimal of at most 15 significant
digits — any amount to the cent below 10,000,000,000,000 — converts to the one double whose
15-digit rendering is that Decimal, so with the 2-dp cell format the sheet shows and sums the
exact amount; a Decimal with more digits is refused rather than silently rounded. CSV carries the
exact decimal text.
"""

import csv
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import xlsxwriter

from reports.atomic import atomic_path
from reports.formatting import plain_money

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXCEL_MAX_ROWS = 1_048_576
EXCEL_DIGITS = 15


@dataclass(frozen=True)
class Column:
    key: str  # the dict key or attribute of a row
    title: str  # the header cell


@dataclass(frozen=True)
class Table:
    name: str  # the XLSX sheet name (at most 31 characters, none of []:*?/\)
    columns: Sequence[Column]
    rows: Iterable  # dicts or dataclass instances, read once, in order


def neutralise(text: str) -> str:
    """`"=SUM(A1:A9)"` → `"'=SUM(A1:A9)"`; any other text unchanged."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(path: Path, table: Table) -> None:
    """UTF-8 with a byte-order mark (so Excel reads names in any script), RFC 4180 quoting."""
    with atomic_path(path) as temporary, open(temporary, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([neutralise(column.title) for column in table.columns])
        for row in table.rows:
            writer.writerow([_csv_cell(_value(row, column.key)) for column in table.columns])


def write_xlsx(path: Path, tables: Sequence[Table]) -> None:
    """One sheet per table: bold frozen header, filters, money to 2 dp, dates as dates."""
    with atomic_path(path) as temporary:
        workbook = xlsxwriter.Workbook(str(temporary), {"constant_memory": True})
        formats = {
            "header": workbook.add_format({"bold": True, "bottom": 1, "bg_color": "#E8EDF3"}),
            "money": workbook.add_format({"num_format": "#,##0.00;-#,##0.00"}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
        }
        for table in tables:
            _write_sheet(workbook.add_worksheet(table.name), table, formats)
        workbook.close()


def _write_sheet(sheet, table: Table, formats: dict) -> None:
    for c, column in enumerate(table.columns):
        sheet.set_column(c, c, max(12, min(60, len(column.title) + 4)))
        sheet.write_string(0, c, neutralise(column.title), formats["header"])
    sheet.freeze_panes(1, 0)
    r = 0
    for r, row in enumerate(table.rows, start=1):
        if r >= EXCEL_MAX_ROWS:
            raise ValueError(f"sheet {table.name!r} has more rows than Excel's {EXCEL_MAX_ROWS:,}")
        for c, column in enumerate(table.columns):
            _write_cell(sheet, r, c, _value(row, column.key), formats)
    sheet.autofilter(0, 0, r, max(0, len(table.columns) - 1))


def _write_cell(sheet, r: int, c: int, value, formats: dict) -> None:
    # Explicit write_* calls: xlsxwriter's generic write() would turn "=..." into a formula.
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_string(r, c, "true" if value else "false")
    elif isinstance(value, Decimal):
        sheet.write_number(r, c, _excel_number(value), formats["money"])
    elif isinstance(value, int | float):
        sheet.write_number(r, c, value)
    elif isinstance(value, datetime):
        sheet.write_string(r, c, value.isoformat())
    elif isinstance(value, date):
        sheet.write_datetime(r, c, datetime(value.year, value.month, value.day), formats["date"])
    elif isinstance(value, str):
        sheet.write_string(r, c, neutralise(value))
    else:
        raise TypeError(f"cannot export a {type(value).__name__}: {value!r}")


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return plain_money(value)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    if isinstance(value, str):
        return neutralise(value)
    raise TypeError(f"cannot export a {type(value).__name__}: {value!r}")


def _excel_number(value: Decimal) -> float:
    if not value.is_finite() or len(value.normalize().as_tuple().digits) > EXCEL_DIGITS:
        raise ValueError(f"{value} has more than Excel's {EXCEL_DIGITS} significant digits")
    return float(value)


def _value(row, key: str):
    return row[key] if isinstance(row, Mapping) else getattr(row, key)


def split_sheets(name: str, columns: Sequence[Column], rows: Sequence) -> Iterator[Table]:
    """One table, or several ("changes", "changes 2", ...) when the rows pass Excel's row limit."""
    per_sheet = EXCEL_MAX_ROWS - 1  # the header takes a row
    for n, first in enumerate(range(0, max(len(rows), 1), per_sheet), start=1):
        yield Table(name if n == 1 else f"{name} {n}", columns, rows[first:first + per_sheet])
