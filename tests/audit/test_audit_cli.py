"""`recon audit` as a user runs it: exit codes for schedulers (0 reconciled, 1 differences,
2 bad input, 3 Xero unreachable), `--json`, the report path, the run kept."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recon.cli import app
from recon.demo import generate_demo
from recon.init import create_workspace
from recon.mapping.run import map_codes
from recon.snapshot.run import take_snapshots
from recon.xero_connection import client_factory
from sync.sandbox import Sandbox
from sync.xero.settings import XeroSettings

runner = CliRunner()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A generated business synced since 2025-07-01, both sides snapshotted, codes mapped."""
    out = tmp_path_factory.mktemp("audit-cli")
    data = generate_demo(out / "data", seed=5, size=0.1)
    with Sandbox.start(state=data.xero_state) as sandbox:
        settings = XeroSettings(client_id=sandbox.client_id, client_secret=sandbox.client_secret,
                                base_url=sandbox.base_url, identity_url=sandbox.base_url, login_url=sandbox.base_url)
        ws = create_workspace(out / "ws", data.petmanager, tenant_ids=list(sandbox.tenant_ids),
                              start_date=dt.date(2025, 7, 1), invoice_prefix="INV", credit_note_prefix="")
        take_snapshots(ws, petmanager=True, xero=True, client_for=client_factory(settings), source=sandbox.base_url)
        map_codes(ws)
    return ws


def test_a_reconciled_month_exits_0(workspace):
    result = runner.invoke(app, ["audit", "--period", "2026-10", "--no-snapshot", "-w", str(workspace.root)])
    assert result.exit_code == 0, result.output
    assert "reconciled: no differences" in result.output
    if importlib.util.find_spec("reports.audit") is not None:  # the report is written from the real result
        report = Path(result.output.split("report: ")[1].strip())
        assert report.exists() and report.suffix == ".html"


def test_a_month_with_differences_exits_1_and_json_lists_them(workspace):
    result = runner.invoke(app, ["audit", "--period", "2025-07", "--no-snapshot", "--json", "-w", str(workspace.root)])
    assert result.exit_code == 1, result.output
    document = json.loads(result.stdout)
    assert document["run"]["period_from"] == "2025-07-01" and document["run"]["period_to"] == "2025-07-31"
    assert document["summary"]["reconciled"] is False
    assert document["summary"]["differences"] == len(document["differences"]) > 0
    first = document["differences"][0]
    assert first["category"] == "missing_in_xero" and "before the start date" in first["why"]
    assert isinstance(first["petmanager_amount"], str)  # money as text, never a float
    assert {t["dimension"] for t in document["totals"]} >= {"month", "payment_method"}
    assert document["runs"][-1]["run_id"] == document["run"]["run_id"]


def test_since_the_last_audit_starts_on_its_last_day(workspace):
    runner.invoke(app, ["audit", "--from", "2026-01-01", "--to", "2026-03-31", "--no-snapshot", "-w", str(workspace.root)])
    result = runner.invoke(app, ["audit", "--to", "2026-04-30", "--no-snapshot", "--json", "-w", str(workspace.root)])
    assert result.exit_code in (0, 1), result.output
    assert json.loads(result.stdout)["run"]["period_from"] == "2026-03-31"


@pytest.mark.parametrize("args", [["--period", "2026-13"], ["--period", "2026-10", "--from", "2026-10-01"],
                                  ["--from", "2026-10-05", "--to", "2026-10-01"]])
def test_bad_input_exits_2(workspace, args):
    result = subprocess.run([sys.executable, "-m", "recon", "audit", *args, "--no-snapshot", "-w", str(workspace.root)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stderr
    assert "refused" in result.stderr


def test_xero_unreachable_exits_3(workspace):
    env = {**os.environ, "XERO_CLIENT_ID": "someone", "XERO_CLIENT_SECRET": "secret",
           "XERO_BASE_URL": "http://127.0.0.1:9", "XERO_IDENTITY_URL": "http://127.0.0.1:9",
           "XERO_LOGIN_URL": "http://127.0.0.1:9"}
    result = subprocess.run([sys.executable, "-m", "recon", "audit", "--period", "2026-10", "-w", str(workspace.root)],
                            capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 3, result.stderr
    assert "Xero" in result.stderr
