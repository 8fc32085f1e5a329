"""`recon status` on the sample business: nothing synced yet; a push where one invoice failed (its
payment and allocation held) beside records the plan linked, skipped and held; the failure fixed at
its source and pushed by the next plan; a start date still to come; the command's table, JSON and
exit codes."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from recon.cli import app
from recon.status import advice, sync_status
from recon.syncplan.plan import Left, Plan
from recon.syncplan.write import PlannedWrite as PlanWrite
from recon.syncrecord import record_plan, record_start
from recon.workspace import Workspace
from sync.outbox import PlannedWrite
from tests.conftest import shared_dir
from tests.verify.pushed_books import TENANT, make_workspace, push

runner = CliRunner()
BAD_ACCOUNT = "Account code '205' is not a valid code for this document."
BEFORE_START = ("payment 8812 waits for invoice 10452, which is dated before the start date: move the start date "
                "back or record that payment by hand")
FIRST_PLAN = Plan(
    [PlanWrite(1, "invoice", 1, "INV10001", "Invoices", "PUT", {"Date": "2024-01-08"}, (), Decimal("295.00"))],
    skipped=[Left("invoice", 9, "void in Pet Manager: not synced")],
    linked=[Left("contact", 5, "already in Xero: ContactNumber 5", "c-5"),
            Left("invoice", 2, "decided the same record as Xero x-2 by test", "x-2")],
    held=[Left("payment", 8812, BEFORE_START)],
)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Workspace:
    root = tmp_path_factory.mktemp("status")
    export = root / "export"
    shutil.copytree(shared_dir() / "petmanager-export" / "sample", export)
    return make_workspace(root / "ws", export)


@pytest.fixture
def ws(fresh, tmp_path) -> Workspace:
    return Workspace(shutil.copytree(fresh.root, tmp_path / "ws"))


@pytest.fixture
def failed_push(ws) -> Workspace:
    """The first plan pushed with invoice INV10001 refused by Xero."""
    con = ws.connect()
    try:
        record_plan(con, FIRST_PLAN, tenant_id=TENANT, window_from=dt.date(2024, 1, 1), window_to=None,
                    on_duplicate="refuse")
    finally:
        con.close()
    push(ws, plan_hash=FIRST_PLAN.hash, failures={"INV10001": BAD_ACCOUNT})
    return ws


def counts(status) -> dict[str, dict[str, int]]:
    return {row.kind: {name: value for name, value in vars(row).items() if name != "kind" and value}
            for row in status.kinds}


def test_a_workspace_with_no_sync_says_so_and_exits_0(ws):
    status = sync_status(ws)
    assert status.nothing_yet and not status.needs_a_person
    result = runner.invoke(app, ["status", "-w", str(ws.root)])
    assert result.exit_code == 0, result.output
    assert "nothing synced yet" in result.output
    document = json.loads(runner.invoke(app, ["status", "-w", str(ws.root), "--json"]).output)
    assert document["nothing_synced_yet"] is True and document["failures"] == []


def test_the_command_runs_as_a_real_process(ws):
    done = subprocess.run([sys.executable, "-m", "recon", "status", "--json", "-w", str(ws.root)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["totals"]["synced"] == 0


def test_an_unknown_organisation_is_bad_input(ws):
    result = runner.invoke(app, ["status", "-w", str(ws.root), "--tenant", "nope"])
    assert result.exit_code == 2
    assert "organisation nope is not in recon.toml" in result.output


def test_each_kind_counts_synced_failed_held_linked_and_skipped(failed_push):
    status = sync_status(failed_push)
    assert counts(status) == {
        "contacts": {"synced": 3},  # CN1 and Stripe pushed, customer 5 already in Xero
        "contact groups": {},
        "invoices": {"synced": 1, "failed": 1, "linked": 1, "skipped": 1},
        "credit notes": {"synced": 1},
        "payments": {"held": 2},  # PM-PAY-2 waits for the failed invoice; 8812 for one before the start date
        "overpayments": {"synced": 1},
        "allocations": {"synced": 1, "held": 1},
        "refunds": {"synced": 1},
        "Stripe fees": {"synced": 2},
        "payouts": {"synced": 1},
    }
    assert status.needs_a_person
    assert [(f.record, f.state) for f in status.failures] == [
        ("invoice INV10001 (Pet Manager 1)", "failed"), ("payment PM-PAY-2 (Pet Manager 2)", "held"),
        ("credit note allocation PM-ALC-1 (Pet Manager 1)", "held"), ("payment 8812", "held")]
    invoice, payment, _, early = status.failures
    assert invoice.message == BAD_ACCOUNT
    assert "`recon map`" in invoice.advice
    assert payment.message.startswith("waits for invoice INV10001, which failed: Account code '205'")
    assert payment.advice.startswith("fix the invoice INV10001 first")
    assert early.message == BEFORE_START
    assert early.advice.startswith("move the start date back")


def test_a_failure_fixed_at_its_source_is_synced_by_the_next_plan(failed_push):
    second = Plan([PlanWrite(1, "invoice", 1, "INV10001", "Invoices", "PUT", {}, (), Decimal("295.00")),
                   PlanWrite(2, "payment", 2, "PM-PAY-2", "Payments", "PUT", {}, ("INV10001",), Decimal("130.00"))])
    con = failed_push.connect()
    try:
        record_plan(con, second, tenant_id=TENANT, window_from=dt.date(2024, 1, 1), window_to=None,
                    on_duplicate="refuse")
    finally:
        con.close()
    push(failed_push, plan_hash=second.hash, writes=[
        PlannedWrite(1, "invoice", "INV10001", "Invoices", {"InvoiceNumber": "INV10001"}, petmanager_id="1"),
        PlannedWrite(2, "payment", "PM-PAY-2", "Payments", {"Reference": "PM-PAY-2"}, petmanager_id="2",
                     depends_on=(1,)),
        PlannedWrite(3, "credit_note_allocation", "PM-ALC-1", "CreditNotes/n-1/Allocations", {}, petmanager_id="1",
                     depends_on=(1,)),
    ])
    status = sync_status(failed_push)
    assert status.failures == [] and not status.needs_a_person
    table = counts(status)
    assert table["invoices"] == {"synced": 2}  # the second plan left nothing linked or skipped
    assert table["payments"] == {"synced": 1}
    assert table["allocations"] == {"synced": 2}
    assert table["contacts"] == {"synced": 2}  # done rows of the first plan still count
    assert [run.plan_hash for run in status.runs] == [second.hash]


def test_the_command_prints_the_table_and_each_failure_and_exits_1(failed_push):
    result = runner.invoke(app, ["status", "-w", str(failed_push.root)])
    assert result.exit_code == 1, result.output
    assert "Back-sync status" in result.output
    assert "Stripe fees" in result.output
    assert f"invoice INV10001 (Pet Manager 1) failed: {BAD_ACCOUNT}" in result.output
    assert "what to do: move the start date back" in result.output
    document = json.loads(runner.invoke(app, ["status", "-w", str(failed_push.root), "--json"]).output)
    assert document["totals"]["failed"] == 1 and document["totals"]["held"] == 3
    assert document["failures"][0]["message"] == BAD_ACCOUNT
    assert document["runs"][0]["tenant_id"] == TENANT


def test_an_outbox_without_recorded_runs_is_still_read(ws):
    push(ws, failures={"PM-PO-1": "Payments are not allowed to account 610"})
    status = sync_status(ws)
    assert counts(status)["payouts"] == {"failed": 1}
    assert counts(status)["invoices"] == {"synced": 2}
    assert "Enable payments" in status.failures[0].advice


def test_records_dated_from_a_start_date_still_to_come_wait(ws):
    con = ws.connect()
    try:
        record_start(con, TENANT, dt.date(2024, 2, 1))
    finally:
        con.close()
    assert sync_status(ws, today=dt.date(2024, 2, 1)).waiting_for == {}  # the day itself has come
    status = sync_status(ws, today=dt.date(2024, 1, 31))
    assert status.waiting_for == {TENANT: dt.date(2024, 2, 1)}
    waiting = {row.kind: row.waiting for row in status.kinds if row.waiting}
    con = ws.connect()
    try:
        invoices, credit_notes, refunds = con.execute(
            "SELECT (SELECT count(*) FROM pm_invoices WHERE invoice_date >= '2024-02-01' AND status NOT IN "
            "('draft', 'void')), (SELECT count(*) FROM pm_credit_notes WHERE credit_date >= '2024-02-01' AND "
            "status <> 'void'), (SELECT count(*) FROM pm_refunds WHERE refund_date >= '2024-02-01')").fetchone()
    finally:
        con.close()
    assert invoices > 0 and waiting["invoices"] == invoices
    assert waiting.get("credit notes", 0) == credit_notes and waiting.get("refunds", 0) == refunds
    assert waiting["contacts"] >= 1
    assert not status.nothing_yet or status.waiting_for


@pytest.mark.parametrize(("message", "expected"), [
    ("The document date cannot be before the period lock date", "lock date"),
    ("Invoice # must be unique.", "`recon resolve`"),
    ("Payment amount exceeds the amount outstanding on this document", "already (partly) paid"),
    ("The TaxType code 'OUTPUT' cannot be used with account code '200'.", "tax mapping"),
    ("The contact name Jane Smith CN1 is already assigned to another contact.", "contact by that name"),
    ("The contact name must be unique across all active contacts.", "contact by that name"),
    ("The TaxType code 'GSTX' does not exist or cannot be used with this type of transaction", "tax mapping"),
    ("The contact with ContactID 'c-9' could not be found", "fresh `recon snapshot`"),
    ("Credit can only be allocated to an invoice of the same contact", "different contacts"),
    ("The amount allocated exceeds the remaining credit", "less credit left"),
    ("Payments can only be made to bank accounts or accounts with payments enabled", "Enable payments"),
    ("Payments can only be made against Authorised documents", "voided, deleted or paid"),
    ("Organisation is not subscribed to currency NZD", "enable the currency"),
    ("payment 402 of 52.00 is more than the 47.27 due on invoice INV-0024 in Xero: a payment or credit typed "
     "by hand is probably there already", "decide the duplicate with `recon resolve`"),
    ("allocation 50: the credit note 10 and invoice 10326 belong to different contacts in Xero (I. McDonald and "
     "Isabella McDonald CN48)", "merge or fix the contacts in Xero"),
    ("Something nobody has seen before", "fix the record at its source"),
])
def test_common_xero_messages_get_plain_advice(message, expected):
    assert expected in advice(message)
