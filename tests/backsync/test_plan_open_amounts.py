"""The plan never asks Xero to take more from a document than is still open on it: a payment, an
allocation or a refund on an invoice, credit note or overpayment Xero already holds (linked, or a
hand-typed twin linked by --on-duplicate skip) is held with the reason when it would overpay."""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

import duckdb

from recon.check.findings import Window
from recon.check.run import run_check
from recon.syncplan import build_plan
from recon.workspace import Workspace

WINDOW = Window(dt.date(2025, 1, 1), dt.date(2025, 6, 30))


def planned_with(workspace, sql: str) -> tuple:
    """The window's plan with suspected duplicates linked (--on-duplicate skip), and `sql` (with
    $s for the check's Xero snapshot) as a dict of its two columns."""
    ws = Workspace(workspace)
    check = run_check(ws, WINDOW)
    plan = build_plan(ws, WINDOW, check, on_duplicate="skip")
    con = duckdb.connect(str(ws.db_path), read_only=True)
    try:
        return plan, dict(con.execute(sql, {"s": next(iter(check.xero_snapshots.values()))}).fetchall())
    finally:
        con.close()


def test_no_planned_payment_takes_more_than_xero_has_open(workspace):
    plan, due = planned_with(workspace, "SELECT invoice_id, amount_due FROM xero_invoices WHERE snapshot_id = $s")
    taken: dict[str, Decimal] = defaultdict(Decimal)
    for write in plan.writes:
        if write.kind == "payment" and not write.payload["Invoice"]["InvoiceID"].startswith("{"):
            taken[write.payload["Invoice"]["InvoiceID"]] += write.amount
    assert taken, "the demo has payments on invoices Xero already holds"
    over = {invoice: (amount, due[invoice]) for invoice, amount in taken.items() if amount > due[invoice]}
    assert not over, f"payments beyond what Xero has due: {over}"
    held = [left for left in plan.held if "is more than the" in left.reason]
    for left in held:
        assert left.kind in ("payment", "credit_note_allocation", "overpayment_allocation", "refund")
        assert "in Xero" in left.reason and "recon resolve" in left.reason


def test_no_planned_allocation_crosses_contacts_in_xero(workspace):
    plan, holders = planned_with(
        workspace, "SELECT invoice_id, contact_id FROM xero_invoices WHERE snapshot_id = $s UNION ALL "
                   "SELECT credit_note_id, contact_id FROM xero_credit_notes WHERE snapshot_id = $s UNION ALL "
                   "SELECT overpayment_id, contact_id FROM xero_overpayments WHERE snapshot_id = $s")
    by_key = {write.natural_key: write for write in plan.writes}

    def contact_of(reference: str) -> str | None:
        if reference.startswith("{"):  # planned in this plan: its payload names its contact
            key = reference.strip("{}").split(":", 1)[1]
            return by_key[key].payload.get("Contact", {}).get("ContactID")
        return holders.get(reference)

    allocations = [write for write in plan.writes if write.kind.endswith("_allocation")]
    assert allocations, "the demo allocates credit in the window"
    for write in allocations:
        credit = write.entity.split("/")[1]
        invoice = write.payload["Invoice"]["InvoiceID"]
        assert contact_of(credit) == contact_of(invoice), write.natural_key
    crossing = [left for left in plan.held if "belong to different contacts in Xero" in left.reason]
    assert crossing, "the demo's hand-typed credits sit on hand-typed contacts"
    assert all(left.kind.endswith("_allocation") and "recon resolve" in left.reason for left in crossing)
