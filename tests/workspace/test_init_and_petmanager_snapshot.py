"""`recon init` and `recon snapshot --petmanager` through the CLI, on the sample business."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import duckdb
import tomlkit
from typer.testing import CliRunner

from recon.cli import app

runner = CliRunner()


def init(ws, export, *extra):
    return runner.invoke(app, ["init", str(ws), "--export", str(export), "--invoice-prefix", "INV",
                               "--credit-note-prefix", "", *extra])


def test_init_reads_business_json(tmp_path, sample_export):
    result = init(tmp_path / "ws", sample_export, "--start-date", "2024-01-01", "--tenant-id", "t-1")
    assert result.exit_code == 0, result.output
    doc = tomlkit.parse((tmp_path / "ws" / "recon.toml").read_text()).unwrap()
    assert doc["business"] == {"name": "Happy Tails Boarding Kennels", "country": "AU", "currency": "AUD",
                               "timezone": "Australia/Sydney"}
    assert doc["organisations"] == [{"tenant_id": "t-1", "name": "", "locations": [1, 2]}]
    assert doc["numbering"] == {"invoice_prefix": "INV", "credit_note_prefix": ""}
    assert str(doc["sync"]["start_date"]) == "2024-01-01"
    assert (tmp_path / "ws" / "recon.duckdb").exists()


def test_init_refuses_to_overwrite_and_refuses_a_folder_that_is_no_export(tmp_path, sample_export):
    assert init(tmp_path / "ws", sample_export).exit_code == 0
    again = init(tmp_path / "ws", sample_export)
    assert again.exit_code == 2 and "already exists" in again.output
    (tmp_path / "empty").mkdir()
    bad = init(tmp_path / "ws2", tmp_path / "empty")
    assert bad.exit_code == 2
    assert "business.json: required file is missing" in bad.output
    assert not (tmp_path / "ws2" / "recon.toml").exists()


def test_snapshots_are_appended_never_overwritten(tmp_path, sample_export):
    ws = tmp_path / "ws"
    assert init(ws, sample_export).exit_code == 0
    first = runner.invoke(app, ["snapshot", "--petmanager", "-w", str(ws)])
    assert first.exit_code == 0, first.output
    assert "invoices" in first.output
    (sample_export / "invoices.csv").write_text(
        (sample_export / "invoices.csv").read_text().replace("10011,4,2024-04-15,2024-05-15,issued", "10011,4,2024-04-15,2024-05-15,paid")
    )
    assert runner.invoke(app, ["snapshot", "--petmanager", "-w", str(ws)]).exit_code == 0
    con = duckdb.connect(str(ws / "recon.duckdb"))
    rows = con.execute(
        "SELECT snapshot_id, status, total FROM pm_invoices WHERE invoice_number = '10011' ORDER BY 1").fetchall()
    assert rows == [(1, "issued", Decimal("38.84")), (2, "paid", Decimal("38.84"))]
    assert con.execute("SELECT count(*) FROM snapshots WHERE side = 'petmanager'").fetchone()[0] == 2


def test_bad_export_is_refused_with_locations_and_writes_nothing(tmp_path, sample_export):
    ws = tmp_path / "ws"
    assert init(ws, sample_export).exit_code == 0
    path = sample_export / "invoices.csv"
    path.write_text(path.read_text().replace("35.31,3.53,38.84", "35.31,3.53,38.8x"))
    result = subprocess.run([sys.executable, "-m", "recon", "snapshot", "--petmanager", "-w", str(ws)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "invoices.csv, row 12, column total:" in result.stderr
    assert "Traceback" not in result.stderr
    con = duckdb.connect(str(ws / "recon.duckdb"))
    assert con.execute("SELECT count(*) FROM snapshots").fetchone()[0] == 0
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert not any(t.startswith("pm_") for t in tables)
