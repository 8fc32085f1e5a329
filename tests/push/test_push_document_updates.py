"""Pet Manager's own invoice changed in Pet Manager after the sync, against the local Xero sandbox over
HTTP: the sample business is synced, a line of invoice 10006 changes in the export, and the next
`recon sync` updates it in Xero exactly once (Xero's total equals the new Pet Manager total to the
cent; an answer lost on the way is looked up by the document's lines, not sent blindly), and the
sync after writes nothing. A voided one is voided in Xero."""

from __future__ import annotations

import csv
import shutil
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
import tomlkit
from push_world import SANDBOX, client_of, sample_state, settings_of
from typer.testing import CliRunner

from recon.cli import app
from recon.snapshot.run import take_snapshots
from recon.status import sync_status
from recon.verify import verify
from recon.workspace import Workspace
from recon.xero_connection import client_factory
from sync.sandbox import Sandbox
from tests.backsync.backsync_env import sandbox_env
from tests.backsync.sample_world import START, sample_workspace

ACCOUNTING = "/api.xro/2.0/"
INVOICES = f"{ACCOUNTING}Invoices"
NEW_TOTAL = Decimal("404.80")  # invoice 10006 with 11 days of daycare at 28.00 instead of 10, GST on top


@pytest.fixture(scope="module")
def synced(tmp_path_factory):
    """The sample business synced into the sandbox: (its folder with workspace and export, the sandbox's state)."""
    folder = tmp_path_factory.mktemp("documents_pushed")
    with Sandbox.start(sample_state(), SANDBOX) as sandbox:
        workspace = sample_workspace(folder, sandbox)
        result = run(["sync", "-w", str(workspace), "--from", str(START), "--yes"], sandbox_env(sandbox))
        assert result.exit_code == 0, result.output
        sandbox.dump(folder / "xero.json")
    return folder, Path(workspace), folder / "xero.json"


@pytest.fixture
def world(synced, tmp_path):
    """Private copies of the synced workspace and its export, and a sandbox started from the synced books."""
    folder, workspace, state = synced
    copy = shutil.copytree(workspace, tmp_path / "workspace")
    export = shutil.copytree(folder / "export", tmp_path / "export")
    config = copy / "recon.toml"
    document = tomlkit.parse(config.read_text(encoding="utf-8"))
    document["petmanager"]["export"] = str(export)
    config.write_text(tomlkit.dumps(document), encoding="utf-8")
    with Sandbox.start(state, SANDBOX) as sandbox:
        yield copy, export, sandbox


def run(args, env):
    result = CliRunner().invoke(app, args, env=env)
    assert "Traceback" not in result.output, result.output
    return result


def edit_csv(path: Path, key: dict, **changes) -> None:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    hits = [row for row in rows if all(row[name] == value for name, value in key.items())]
    assert len(hits) == 1, (path, key)
    hits[0].update(changes)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def add_a_day_of_daycare(export: Path) -> None:
    """Invoice 10006 (id 6, amounts exclusive of GST): line 1 from 10 to 11 days at 28.00."""
    edit_csv(export / "invoice_lines.csv", {"invoice_id": "6", "line_number": "1"}, quantity="11",
             line_amount="308.00")
    edit_csv(export / "invoices.csv", {"invoice_id": "6"}, subtotal="368.00", tax_total="36.80", total=str(NEW_TOTAL))


def snapshot_petmanager(workspace: Path, sandbox) -> None:
    take_snapshots(Workspace(workspace), petmanager=True, xero=False, client_for=client_factory(settings_of(sandbox)),
                   source=sandbox.base_url)


def invoice_in_xero(sandbox, folder, number: str) -> dict:
    with client_of(sandbox, folder) as xero:
        (invoice,) = list(xero.iter_records("Invoices", params={"InvoiceNumbers": number}))
        return invoice


def document_rows(workspace: Path) -> list[tuple[str, str, int]]:
    con = duckdb.connect(str(workspace / "recon.duckdb"), read_only=True)
    try:
        return con.execute("SELECT natural_key, state, attempts FROM outbox WHERE kind LIKE 'invoice_%' "
                           "ORDER BY outbox_id").fetchall()
    finally:
        con.close()


def test_an_invoice_changed_in_pet_manager_is_updated_once_to_the_new_total(world, tmp_path):
    workspace, export, sandbox = world
    env = sandbox_env(sandbox)
    assert Decimal(str(invoice_in_xero(sandbox, tmp_path, "INV10006")["Total"])) == Decimal("374.00")
    add_a_day_of_daycare(export)
    snapshot_petmanager(workspace, sandbox)

    dry = run(["sync", "-w", str(workspace), "--dry-run"], env)
    assert dry.exit_code == 0, dry.output
    assert "invoice updates" in dry.output, dry.output

    sandbox.request_log.clear()
    pushed = run(["sync", "-w", str(workspace), "--yes"], env)
    assert pushed.exit_code == 0, pushed.output
    assert sandbox.request_log.count("POST", INVOICES) == 1
    assert "verified: every pushed record is in Xero once, totals exact" in pushed.output
    assert sandbox.request_log.count("PUT", ACCOUNTING) == 0, "nothing else is written"
    invoice = invoice_in_xero(sandbox, tmp_path, "INV10006")
    assert Decimal(str(invoice["Total"])) == NEW_TOTAL
    assert invoice["LineItems"][0]["Quantity"] == 11
    assert [state for _, state, _ in document_rows(workspace)] == ["done"]
    status = {row.kind: row for row in sync_status(Workspace(workspace)).kinds}
    assert status["invoice update"].synced == 1, "a row of its own, after the kinds recon groups"

    sandbox.request_log.clear()
    again = run(["sync", "-w", str(workspace), "--yes"], env)
    assert again.exit_code == 0, again.output
    assert "nothing to write" in again.output
    assert sandbox.request_log.count("POST", ACCOUNTING) == 0
    checked_by_verify(workspace, sandbox)


def checked_by_verify(workspace: Path, sandbox) -> None:
    """Verify checks the update against the document and Pet Manager's total: a cent off is found."""
    ws = Workspace(workspace)
    (plan_hash,) = {row[0] for row in outbox_plans(workspace, "invoice_update")}
    verification = verify(ws, plan_hash, sandbox.tenant_id)
    assert verification.checked.get("invoice_update") == 1 and verification.findings == []
    con = ws.connect()
    try:
        con.execute("UPDATE pm_invoices SET total = total + 0.01 WHERE invoice_id = 6 "
                    "AND snapshot_id = (SELECT max(snapshot_id) FROM pm_invoices)")
    finally:
        con.close()
    (finding,) = verify(ws, plan_hash, sandbox.tenant_id).findings
    assert finding.problem == "changed" and "total 404.80 in Xero, 404.81 in Pet Manager" in finding.words


def outbox_plans(workspace: Path, kind: str) -> list[tuple[str]]:
    con = duckdb.connect(str(workspace / "recon.duckdb"), read_only=True)
    try:
        return con.execute("SELECT plan_hash FROM outbox WHERE kind = ?", [kind]).fetchall()
    finally:
        con.close()


def test_an_update_whose_answer_is_lost_is_found_by_its_lines_and_not_sent_again(world, tmp_path):
    workspace, export, sandbox = world
    add_a_day_of_daycare(export)
    snapshot_petmanager(workspace, sandbox)
    sandbox.faults.drop_after_commit(path=INVOICES, method="POST", times=None, probability=1.0)
    pushed = run(["sync", "-w", str(workspace), "--yes"], sandbox_env(sandbox))
    sandbox.faults.clear()
    assert pushed.exit_code == 0, pushed.output
    assert Decimal(str(invoice_in_xero(sandbox, tmp_path, "INV10006")["Total"])) == NEW_TOTAL
    (row,) = document_rows(workspace)
    assert row[1:] == ("done", 1), "found in Xero by its lines: not sent again"


def test_an_invoice_voided_in_pet_manager_is_voided_in_xero_once(world, tmp_path):
    workspace, export, sandbox = world
    env = sandbox_env(sandbox)
    edit_csv(export / "invoices.csv", {"invoice_id": "6"}, status="void")
    snapshot_petmanager(workspace, sandbox)
    pushed = run(["sync", "-w", str(workspace), "--yes"], env)
    assert pushed.exit_code == 0, pushed.output
    assert invoice_in_xero(sandbox, tmp_path, "INV10006")["Status"] == "VOIDED"
    assert document_rows(workspace) == [("INV10006 void", "done", 1)]
    sandbox.request_log.clear()
    again = run(["sync", "-w", str(workspace), "--yes"], env)
    assert again.exit_code == 0, again.output
    assert sandbox.request_log.count("POST", ACCOUNTING) == 0
