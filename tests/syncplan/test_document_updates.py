"""Pet Manager's own invoices and credit notes changed in Pet Manager after they were synced: the next
plan updates (or voids) them in Xero, once, while Xero allows it — nothing paid or credited on them —
and otherwise holds the change with what to do. Documents typed by hand and decided the same, or
linked by `--on-duplicate skip`, are the accountant's: never touched."""

from __future__ import annotations

import shutil
from decimal import Decimal

import duckdb
import pytest
from typer.testing import CliRunner

from recon.check.findings import Window
from recon.check.run import run_check
from recon.cli import app
from recon.demo.pipeline import run_demo
from recon.syncplan import build_plan
from recon.workspace import Workspace
from reports.plan import plan_section
from sync.payloads.document_compare import differences
from sync.sandbox import Sandbox
from tests.backsync.backsync_env import sandbox_env
from tests.backsync.sample_world import START, sample_workspace
from tests.push.push_world import SANDBOX, sample_state

DOCUMENT_KINDS = ("invoice_update", "invoice_void", "credit_note_update", "credit_note_void")
UNPAID = 6  # invoice 10006: issued, its only payment void, nothing credited
PAID = 1  # invoice 10001: paid, with a credit note allocated


@pytest.fixture(scope="module")
def synced(tmp_path_factory):
    """The sample business synced into the sandbox (the workspace after its post-sync snapshot)."""
    folder = tmp_path_factory.mktemp("documents_synced")
    with Sandbox.start(sample_state(), SANDBOX) as sandbox:
        workspace = sample_workspace(folder, sandbox)
        result = CliRunner().invoke(app, ["sync", "-w", str(workspace), "--from", str(START), "--yes"],
                                    env=sandbox_env(sandbox))
        assert result.exit_code == 0, result.output
    return workspace


@pytest.fixture
def ws(synced, tmp_path) -> Workspace:
    return Workspace(shutil.copytree(synced, tmp_path / "workspace"))


def plan_of(ws: Workspace):
    return build_plan(ws, Window(START, None), run_check(ws, Window(START, None)))


def edit_petmanager(ws: Workspace, sql: str, params: list) -> None:
    """Change the latest Pet Manager snapshot, as if the export had changed since the sync."""
    con = ws.connect()
    try:
        (snapshot,) = con.execute("SELECT max(snapshot_id) FROM pm_invoices").fetchone()
        con.execute(sql, [*params, snapshot])
    finally:
        con.close()


def add_a_day_of_daycare(ws: Workspace, invoice_id: int) -> None:
    """Line 1 one unit more (invoice 10006: 11 days of daycare at 28.00), totals kept consistent."""
    edit_petmanager(ws, "UPDATE pm_invoice_lines SET quantity = quantity + 1, line_amount = line_amount + unit_price "
                        "WHERE invoice_id = ? AND line_number = 1 AND snapshot_id = ?", [invoice_id])
    edit_petmanager(ws, "UPDATE pm_invoices SET subtotal = subtotal + 28, tax_total = tax_total + 2.80, "
                        "total = total + 30.80 WHERE invoice_id = ? AND snapshot_id = ?", [invoice_id])


def writes_of(plan, kinds=DOCUMENT_KINDS):
    return [write for write in plan.writes if write.kind in kinds]


def test_nothing_changed_in_pet_manager_plans_nothing(ws):
    plan = plan_of(ws)
    assert any(left.kind == "invoice" and left.reason.startswith("already in Xero") for left in plan.linked)
    assert writes_of(plan) == []
    assert [left for left in plan.held if left.kind in DOCUMENT_KINDS] == []


def test_a_total_changed_in_pet_manager_plans_one_update_with_the_new_lines(ws):
    add_a_day_of_daycare(ws, UNPAID)
    plan = plan_of(ws)
    (update,) = writes_of(plan)
    assert (update.kind, update.petmanager_id, update.entity, update.method) == ("invoice_update", UNPAID, "Invoices",
                                                                               "POST")
    assert update.natural_key.startswith("INV10006 update ") and len(update.natural_key.split()[-1]) == 8
    assert update.payload["InvoiceID"] and "Contact" not in update.payload
    assert update.payload["LineItems"][0]["Quantity"] == Decimal(11)
    assert update.amount == Decimal("404.80")
    assert plan_of(ws).writes[0].natural_key == update.natural_key, "the same change, the same key"
    section = plan_section(plan)
    assert [(kind.words, kind.count) for kind in section.kinds if kind.kind == "invoice_update"] == \
        [("invoice updates", 1)]


def test_an_invoice_paid_in_xero_is_held_with_what_to_do(ws):
    add_a_day_of_daycare(ws, PAID)
    plan = plan_of(ws)
    assert writes_of(plan) == []
    (held,) = [left for left in plan.held if left.kind == "invoice_update"]
    assert held.petmanager_id == PAID
    assert held.reason == ("invoice 10001 was changed in Pet Manager after it was synced, but Xero has payments on "
                           "it: remove them in Xero, then run recon sync again, or correct it by hand")


def test_an_invoice_voided_in_pet_manager_is_voided_in_xero(ws):
    edit_petmanager(ws, "UPDATE pm_invoices SET status = 'void' WHERE invoice_id = ? AND snapshot_id = ?", [UNPAID])
    plan = plan_of(ws)
    (void,) = writes_of(plan)
    assert (void.kind, void.natural_key, void.payload["Status"]) == ("invoice_void", "INV10006 void", "VOIDED")
    assert not [left for left in plan.skipped if left.petmanager_id == UNPAID and left.kind == "invoice"], \
        "it was synced: not 'void in Pet Manager: not synced'"


def test_documents_compare_by_line_amount_not_by_unit_price_rounding():
    sent = {"Date": "2024-02-12", "LineAmountTypes": "Exclusive",
            "LineItems": [{"Description": "Nail clip", "Quantity": Decimal(3), "UnitAmount": Decimal("19.9990"),
                           "AccountCode": "200", "TaxType": "OUTPUT"}]}
    xero = {"DateString": "2024-02-12T00:00:00", "LineAmountTypes": "Exclusive", "Total": "66.00",
            "LineItems": [{"Description": "Nail clip", "Quantity": 3.0, "UnitAmount": 20.0, "LineAmount": 60.0,
                           "AccountCode": "200", "TaxType": "OUTPUT"}]}
    assert differences(sent, xero, total=Decimal("66.00")) == []
    assert [what for what, _ in differences({**sent, "Date": "2024-02-13"}, xero, total=Decimal("67"))] == \
        ["total", "date"]
    four = {**sent, "LineItems": [{**sent["LineItems"][0], "Quantity": Decimal(4)}]}
    assert differences(four, xero) == [("lines", "line 1: 'Nail clip' 3 for 60.00 in Xero, 'Nail clip' 4 for 80.00 "
                                                 "in Pet Manager")]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return run_demo(tmp_path_factory.mktemp("document_twins") / "demo", seed=7, size=0.1, say=lambda _: None)


def test_a_hand_typed_twin_decided_the_same_is_never_touched(demo, tmp_path):
    ws = Workspace(shutil.copytree(demo.workspace, tmp_path / "workspace"))
    twins = [left.petmanager_id for left in build_plan(ws, demo.check.window, demo.check, on_duplicate="skip").linked
             if left.kind == "invoice" and not left.reason.startswith("already in Xero: InvoiceNumber")]
    assert twins, "the demo has invoices typed by hand, linked as the same"
    con = duckdb.connect(str(ws.root / "recon.duckdb"))
    try:
        con.execute("UPDATE pm_invoices SET total = total + 1 WHERE list_contains(?, invoice_id)", [twins])
    finally:
        con.close()
    plan = build_plan(ws, demo.check.window, demo.check, on_duplicate="skip")
    assert writes_of(plan) == []
    assert [left for left in plan.held if left.kind in DOCUMENT_KINDS] == []


def test_a_credit_note_allocated_in_xero_is_held_and_nothing_else_changes(ws):
    edit_petmanager(ws, "UPDATE pm_credit_note_lines SET line_amount = 70, unit_price = 70 WHERE credit_note_id = 1 "
                        "AND snapshot_id = ?", [])
    edit_petmanager(ws, "UPDATE pm_credit_notes SET subtotal = 70, tax_total = 6.36, total = 70 "
                        "WHERE credit_note_id = 1 AND snapshot_id = ?", [])
    plan = plan_of(ws)
    assert writes_of(plan) == []
    (held,) = [left for left in plan.held if left.kind in DOCUMENT_KINDS]
    assert (held.kind, held.petmanager_id) == ("credit_note_update", 1)
    assert held.reason.startswith("credit note CN-0001 was changed in Pet Manager after it was synced, but Xero has "
                                  "allocations on it: remove them in Xero")
