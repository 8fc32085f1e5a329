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
TAKES = {"payment": ("Invoice", "InvoiceID"), "refund": ("CreditNote", "CreditNoteID")}


def test_no_planned_payment_takes_more_than_xero_has_open(workspace):
    ws = Workspace(workspace)
    check = run_check(ws, WINDOW)
    plan = build_plan(ws, WINDOW, check, on_duplicate="skip")
    con = duckdb.connect(str(ws.db_path), read_only=True)
    try:
        due = dict(con.execute("SELECT invoice_id, amount_due FROM xero_invoices WHERE snapshot_id = ?",
                               [check.xero_snapshots[next(iter(check.xero_snapshots))]]).fetchall())
    finally:
        con.close()
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
