"""The rehearsal's own workspace: a copy of the real one in a folder of its own (by default
`<workspace>/rehearsal`), so a rehearsal never touches the real recon.toml or recon.duckdb.

The copy keeps the configuration (with the export path made absolute, since the copy lives
elsewhere), every snapshot, check run and duplicate decision, and starts with an empty outbox and
no sync history, as if no sync had ever run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import tomlkit

import queries
from recon.config import CONFIG_NAME, load_document, read_config
from recon.errors import BadInput, Located
from recon.workspace import DB_NAME, Workspace

DEFAULT_FOLDER = "rehearsal"  # `recon rehearse` copies into <workspace>/rehearsal unless told otherwise
MARKER = ".recon-rehearsal"  # marks a folder this module made, so a later rehearsal may replace it
SYNC_TABLES = ("outbox", "sync_runs", "sync_left")  # a rehearsal starts with none of their rows


def default_rehearsal_dir(ws: Workspace) -> Path:
    return ws.root / DEFAULT_FOLDER


def rehearsal_workspace(ws: Workspace, dest: Path | None = None) -> Workspace:
    """Copy `ws` into `dest` (default `<workspace>/rehearsal`; it must be empty, missing, or an
    earlier rehearsal's copy, which is replaced) and return the copy, its sync tables empty."""
    dest = Path(dest if dest is not None else default_rehearsal_dir(ws)).resolve()
    _prepare(ws, dest)
    (dest / MARKER).write_text("a copy of a recon workspace made for `recon rehearse`\n", encoding="utf-8")
    _copy_config(ws, dest)
    _copy_database(ws, dest)
    copy = Workspace(dest)
    con = copy.connect()
    try:
        _clear_sync_tables(con)
    finally:
        con.close()
    return copy


def _prepare(ws: Workspace, dest: Path) -> None:
    real = ws.root.resolve()
    if dest == real or dest in real.parents:
        raise BadInput([Located(str(dest), None, None,
                                "a rehearsal needs a folder of its own, not the workspace or a folder above it")])
    if dest.exists() and any(dest.iterdir()):
        if not (dest / MARKER).exists():
            raise BadInput([Located(str(dest), None, None,
                                    "the folder is not empty and not an earlier rehearsal: choose another one")])
        shutil.rmtree(dest)
    dest.mkdir(parents=True, exist_ok=True)


def _copy_config(ws: Workspace, dest: Path) -> None:
    """recon.toml as it is, except the export path, made absolute (the copy lives elsewhere)."""
    config = read_config(ws.root)
    doc = load_document(ws.root)
    if config.export is not None:
        doc.setdefault("petmanager", tomlkit.table())
        doc["petmanager"]["export"] = str(config.export.resolve())
    (dest / CONFIG_NAME).write_text(tomlkit.dumps(doc), encoding="utf-8")
    read_config(dest)  # what we wrote must read back


def _copy_database(ws: Workspace, dest: Path) -> None:
    """Copy recon.duckdb (and its write-ahead log, if one is left) while no one can write it: a
    read-only connection holds DuckDB's file lock, so no other process opens it for writing."""
    source = ws.db_path
    if not source.exists():
        raise BadInput([Located(str(source), None, None, "no recon.duckdb here: run `recon init` first")])
    try:
        guard = duckdb.connect(str(source), read_only=True)
    except duckdb.Error as error:
        message = f"recon.duckdb is open for writing; rehearse when that has finished ({error})"
        raise BadInput([Located(str(source), None, None, message)]) from error
    try:
        shutil.copyfile(source, dest / DB_NAME)
        wal = source.with_name(source.name + ".wal")
        if wal.exists():
            shutil.copyfile(wal, dest / wal.name)
    finally:
        guard.close()


def _clear_sync_tables(con: duckdb.DuckDBPyConnection) -> None:
    present = [name for (name,) in con.execute(queries.load("rehearse/existing_tables"),
                                                {"names": list(SYNC_TABLES)}).fetchall()]
    for name in present:  # names from SYNC_TABLES only, so quoting them is enough
        con.execute(f'DELETE FROM "{name}"')
