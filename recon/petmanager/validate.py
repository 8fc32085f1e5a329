"""Set-based checks of a loaded export: each check is one SQL query returning the faulty rows.

Three stages: cells of the text tables (empty where a value is needed, not of their kind), rules
within one typed table (signs, unique keys, totals), and rules across tables (references, lines
adding up to their document). A check across tables runs only when every table it reads was read
whole (no bad cell), so one bad cell is not reported again as a chain of consequences.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from recon.petmanager import sql
from recon.petmanager.columns import FILE_BY_STEM, REFERENCES, FileSpec
from recon.petmanager.csvload import raw_table
from recon.petmanager.problems import PER_CHECK, Problems

Report = Callable[[tuple], tuple[int, str]]  # a found row -> (spreadsheet row, message)


def _check(con: duckdb.DuckDBPyConnection, problems: Problems, file: str, column: str | None,
           query: str, params: dict, report: Report) -> None:
    """Run one check (its last output column is the total count found) and record its rows."""
    rows = con.execute(query, {**params, "limit": PER_CHECK}).fetchall()
    for found in rows:
        row, message = report(found)
        problems.add(file, row, column, message)
    if rows:
        problems.add_overflow(file, column, len(rows), rows[0][-1])


def check_cells(con: duckdb.DuckDBPyConnection, spec: FileSpec, present: set[str], problems: Problems) -> None:
    """Every cell of the text table: present where required, and of its column's kind."""
    raw = raw_table(spec)
    for column in spec.columns:
        if column.name not in present:
            continue
        cell = sql.ident(column.name)
        if column.required:
            _check(con, problems, spec.file, column.name, sql.render("check_missing", table=raw, column=cell), {},
                   lambda r: (r[0], "a value is required"))
        if column.kind.pattern is not None:
            expected = column.kind.expected
            _check(con, problems, spec.file, column.name,
                   sql.render("check_format", table=raw, column=cell, sql_type=column.kind.sql_type),
                   {"pattern": column.kind.pattern},
                   lambda r, expected=expected: (r[0], f"{r[1]!r} is not {expected}"))


def create_typed(con: duckdb.DuckDBPyConnection, schema: str, spec: FileSpec, guarded: bool) -> None:
    """The typed table from the text table. `guarded`: the file has bad cells, which become NULL
    (a cast alone would accept some of them, such as 1e2 as money) so that the checks within
    the table do not report them again."""
    columns, params = [], {}
    for index, c in enumerate(spec.columns):
        cell = sql.ident(c.name)
        if guarded and c.kind.pattern is not None:
            params[f"pattern_{index}"] = c.kind.pattern
            cell = f"CASE WHEN regexp_full_match({cell}, $pattern_{index}) THEN {cell} END"
        columns.append(f"TRY_CAST({cell} AS {c.kind.sql_type}) AS {sql.ident(c.name)}")
    con.execute(sql.render("create_typed", typed=sql.table(schema, spec.stem), raw=raw_table(spec),
                           columns=", ".join(columns)), params)


def check_table(con: duckdb.DuckDBPyConnection, schema: str, spec: FileSpec, problems: Problems) -> None:
    """Rules within one typed table: signs and ranges, unique keys, and the file's own rules."""
    table = sql.table(schema, spec.stem)
    file = spec.file
    for column in spec.columns:
        if column.sign == "any" and column.maximum is None:
            continue
        rule = "greater than 0" if column.sign == "positive" else "0 or more"
        if column.maximum is not None:
            rule += f" and at most {column.maximum}"
        _check(con, problems, file, column.name, sql.render("check_sign", table=table, column=sql.ident(column.name)),
               {"positive": column.sign == "positive", "maximum": column.maximum},
               lambda r, rule=rule: (r[0], f"{r[1]} must be {rule}"))

    keys = ", ".join(sql.ident(k) for k in spec.key)
    key_name = " and ".join(spec.key)
    _check(con, problems, file, spec.key[-1], sql.render("check_duplicates", table=table, keys=keys), {},
           lambda r: (r[0], f"duplicate {key_name}: already used in row {r[1]}"))

    if spec.stem in ("invoices", "credit_notes"):
        _check(con, problems, file, "total", sql.render("check_totals", table=table), {},
               lambda r: (r[0], f"total {r[1]} does not match subtotal and tax_total (expected {r[2]})"))
    if spec.stem in ("invoice_lines", "credit_note_lines"):
        discount = 'coalesce("discount_percent", 0)' if spec.stem == "invoice_lines" else "0"
        _check(con, problems, file, "line_amount", sql.render("check_line_amounts", table=table, discount=discount),
               {}, lambda r: (r[0], f"line_amount {r[1]} is not quantity {r[2]} x unit_price {r[3]}"
                                    f" less {r[4]}% discount, rounded to cents"))
    if spec.stem == "invoices":
        _check(con, problems, file, "invoice_number", sql.render("check_invoice_numbers", table=table), {},
               lambda r: (r[0], f"invoice_number {r[2]!r} is already used by the invoice in row {r[1]}"))
    if spec.stem == "customers":
        _check(con, problems, file, None, sql.render("check_customer_names", table=table), {},
               lambda r: (r[0], "the customer has no first_name, last_name or company_name"))
    if spec.stem == "payments":
        _check(con, problems, file, "stripe_charge_id", sql.render("check_stripe_charges", table=table), {},
               lambda r: (r[0], "a stripe payment needs its stripe_charge_id"))


def _file_of(stem: str) -> str:
    return "business.json" if stem == "locations" else FILE_BY_STEM[stem].file


def check_across(con: duckdb.DuckDBPyConnection, schema: str, readable: set[str], problems: Problems) -> None:
    """References between the `readable` tables, and documents against their lines."""
    for ref in REFERENCES:
        if not {ref.file, ref.target} <= readable:
            continue
        file, target_file = _file_of(ref.file), _file_of(ref.target)
        fragments = {
            "table": sql.table(schema, ref.file),
            "column": sql.ident(ref.column),
            "target": sql.table(schema, ref.target),
            "target_column": sql.ident(ref.target_column),
        }
        if ref.source_type is None:
            query, params = sql.render("check_references", **fragments), {}
        else:
            query, params = sql.render("check_source_references", **fragments), {"source_type": ref.source_type}
        _check(con, problems, file, ref.column, query, params,
               lambda r, ref=ref, target_file=target_file: (
                   r[0], f"{ref.column} {r[1]} is not a {ref.target_column} in {target_file}"))

    for documents, lines, id_column in (("invoices", "invoice_lines", "invoice_id"),
                                        ("credit_notes", "credit_note_lines", "credit_note_id")):
        if not {documents, lines} <= readable:
            continue
        file, lines_file = _file_of(documents), _file_of(lines)
        fragments = {"documents": sql.table(schema, documents), "lines": sql.table(schema, lines),
                     "id": sql.ident(id_column)}
        _check(con, problems, file, "subtotal", sql.render("check_line_sums", **fragments), {},
               lambda r, lines_file=lines_file: (
                   r[0], f"subtotal {r[1]} is not the sum of its {r[2]} lines in {lines_file} ({r[3]})"))
        _check(con, problems, file, None, sql.render("check_empty_documents", **fragments), {"may_be_empty": "draft"},
               lambda r, lines_file=lines_file: (r[0], f"has no lines in {lines_file} (only a draft may be empty)"))
