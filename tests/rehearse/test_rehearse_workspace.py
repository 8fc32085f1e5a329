"""rehearsal_workspace: the workspace copied aside, the export path absolute, the sync tables empty."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

import queries
from recon.config import read_config
from recon.errors import BadInput
from recon.rehearse import rehearsal_workspace
from recon.rehearse.workspace_copy import MARKER


def _add_sync_history(ws) -> None:
    """One row in each table a sync leaves behind, as the outbox and the sync record write them."""
    con = ws.connect()
    try:
        con.execute(queries.load("outbox/schema"))
        con.execute(queries.load("syncrecord/schema"))
        con.execute("INSERT INTO outbox (outbox_id, plan_hash, seq, kind, petmanager_id, natural_key, entity, method, "
                    "payload, depends_on, state, attempts, updated_at) VALUES (1, 'h', 1, 'contact', '7', 'CN7', "
                    "'Contacts', 'POST', '{}', [], 'done', 1, now())")
        con.execute("INSERT INTO sync_runs (run_id, plan_hash, tenant_id, window_from, on_duplicate, started_at, "
                    "summary) VALUES (1, 'h', 't', DATE '2025-01-01', 'refuse', now(), '{}')")
        con.execute("INSERT INTO sync_left (plan_hash, kind, petmanager_id, category, reason) "
                    "VALUES ('h', 'invoice', 10452, 'held', 'dated before the start')")
        con.execute("CREATE TABLE check_decisions_kept AS SELECT 42 AS answer")  # anything else is kept
    finally:
        con.close()


def _count(ws, table: str) -> int:
    con = ws.connect()
    try:
        return con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    finally:
        con.close()


def test_the_copy_keeps_config_and_snapshots_and_starts_with_no_sync_history(workspace_copy, tmp_path):
    _add_sync_history(workspace_copy)
    copy = rehearsal_workspace(workspace_copy, tmp_path / "rehearsal")

    assert copy.root == (tmp_path / "rehearsal").resolve()
    real, mine = read_config(workspace_copy.root), read_config(copy.root)
    assert mine.export == real.export.resolve() and mine.export.is_absolute()
    assert (mine.export / "business.json").exists()
    assert (mine.organisations, mine.mapping, mine.start_date, mine.invoice_prefix) == (
        real.organisations, real.mapping, real.start_date, real.invoice_prefix)
    for table in ("outbox", "sync_runs", "sync_left"):
        assert _count(copy, table) == 0, table
        assert _count(workspace_copy, table) == 1, table  # the real one keeps its history
    assert _count(copy, "check_decisions_kept") == 1
    assert _count(copy, "xero_records") == _count(workspace_copy, "xero_records") > 1000
    assert _count(copy, "snapshots") == _count(workspace_copy, "snapshots") == 2


def test_a_relative_export_path_is_made_absolute(workspace_copy, tmp_path):
    text = workspace_copy.config_path.read_text(encoding="utf-8")
    export = read_config(workspace_copy.root).export
    inside = workspace_copy.root / "export"
    shutil.copytree(export, inside)
    workspace_copy.config_path.write_text(text.replace(f'"{export}"', '"export"'), encoding="utf-8")
    assert read_config(workspace_copy.root).export == inside  # relative in the real recon.toml

    copy = rehearsal_workspace(workspace_copy, tmp_path / "rehearsal")
    assert f'export = "{inside}"' in copy.config_path.read_text(encoding="utf-8")
    assert read_config(copy.root).export == inside


def test_a_folder_in_use_is_refused_and_an_earlier_rehearsal_replaced(workspace_copy, tmp_path):
    taken = tmp_path / "notes"
    taken.mkdir()
    (taken / "mine.txt").write_text("keep me")
    with pytest.raises(BadInput, match="not empty and not an earlier rehearsal"):
        rehearsal_workspace(workspace_copy, taken)
    assert (taken / "mine.txt").read_text() == "keep me"
    for wrong in (workspace_copy.root, workspace_copy.root.parent):
        with pytest.raises(BadInput, match="a folder of its own"):
            rehearsal_workspace(workspace_copy, wrong)
    assert (workspace_copy.root / "recon.toml").exists()

    first = rehearsal_workspace(workspace_copy, tmp_path / "rehearsal")
    (first.root / "reports").mkdir()
    (first.root / "reports" / "old.html").write_text("old")
    second = rehearsal_workspace(workspace_copy, tmp_path / "rehearsal")
    assert (second.root / MARKER).exists() and not (second.root / "reports" / "old.html").exists()


def test_the_database_is_not_copied_while_another_process_writes_it(workspace_copy, tmp_path):
    writer = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('open', flush=True); time.sleep(60)", str(workspace_copy.db_path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "open"
        with pytest.raises(BadInput, match="open for writing"):
            rehearsal_workspace(workspace_copy, tmp_path / "rehearsal")
    finally:
        writer.kill()
        writer.wait()
    assert rehearsal_workspace(workspace_copy, tmp_path / "rehearsal").db_path.exists()


def test_by_default_the_copy_goes_into_the_workspace_rehearsal_folder(workspace_copy):
    copy = rehearsal_workspace(workspace_copy)
    assert copy.root == workspace_copy.root / "rehearsal"
    assert _count(copy, "xero_records") == _count(workspace_copy, "xero_records") > 1000
    again = rehearsal_workspace(workspace_copy)  # the earlier rehearsal is replaced
    assert again.root == copy.root
    assert read_config(again.root).organisations == read_config(workspace_copy.root).organisations
