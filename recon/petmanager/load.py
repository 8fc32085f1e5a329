"""`load_export`: the Pet Manager export folder into typed, checked DuckDB tables, or BadInput."""

from __future__ import annotations

from pathlib import Path

import duckdb

from recon.errors import BadInput, Located
from recon.petmanager import csvload, sql, validate
from recon.petmanager.business import read_business, write_business
from recon.petmanager.columns import FILES, FileSpec
from recon.petmanager.problems import Problems
from recon.petmanager.summary import ExportSummary


def load_export(folder: Path, con: duckdb.DuckDBPyConnection, schema: str = "pm_stage") -> ExportSummary:
    """Read and check every file of the export into `{schema}.<file stem>` (plus business, locations).

    Any existing `schema` is replaced. On any fault, raises BadInput with every error found and
    leaves nothing behind in `con`.
    """
    if not con.execute(sql.render("insertion_order")).fetchone()[0]:
        raise ValueError("load_export needs preserve_insertion_order = true: row numbers come from file order")
    folder = Path(folder)
    if not folder.is_dir():
        raise BadInput([Located(str(folder), None, None, "the Pet Manager export folder does not exist")])
    problems = Problems()
    con.execute(sql.render("drop_schema", schema=sql.ident(schema)))
    con.execute(sql.render("create_schema", schema=sql.ident(schema)))
    try:
        readable: set[str] = set()  # tables whose every value was read: safe to check across
        business = read_business(folder / "business.json", problems)
        if business is not None:
            write_business(con, schema, business)
            readable.add("locations")
        for spec in FILES:
            if _load_file(con, folder, schema, spec, problems):
                readable.add(spec.stem)
        validate.check_across(con, schema, readable, problems)
        if problems.errors:
            raise BadInput(problems.located())
        rows = {name: con.execute(sql.render("count_rows", table=sql.table(schema, name))).fetchone()[0]
                for name in ("business", "locations", *(spec.stem for spec in FILES))}
        return ExportSummary(schema, business, rows)
    except BaseException:
        con.execute(sql.render("drop_schema", schema=sql.ident(schema)))
        raise
    finally:
        for spec in FILES:
            con.execute(sql.render("drop_temp_table", table=csvload.raw_table(spec)))


def _load_file(con: duckdb.DuckDBPyConnection, folder: Path, schema: str, spec: FileSpec, problems: Problems) -> bool:
    """One file: text table, cell checks, typed table, checks within the table.

    True when every value of the file was read (its cells are all valid), so that checks across
    files can trust it. A file whose header or CSV structure is broken gets no typed table.
    """
    path = folder / spec.file
    if path.is_file():
        header = csvload.read_header(path, problems)
        positions = csvload.column_positions(spec, header, problems) if header is not None else None
        if positions is None or csvload.find_blank_rows(path, spec, problems):
            return False
        if not csvload.load_raw(con, path, spec, header, positions, problems):
            return False
        present = set(positions)
    elif spec.required:
        problems.add(spec.file, None, None, "required file is missing")
        return False
    else:
        csvload.empty_raw(con, spec)
        present = {column.name for column in spec.columns}
    validate.check_cells(con, spec, present, problems)
    readable = problems.clean(spec.file)
    validate.create_typed(con, schema, spec, guarded=not readable)
    con.execute(sql.render("drop_temp_table", table=csvload.raw_table(spec)))
    validate.check_table(con, schema, spec, problems)
    return readable
