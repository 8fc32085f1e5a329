"""End to end on the sandbox: a generated business whose Xero side Pet Manager has synced since
2025-07-01, audited; then Xero changed through the real client (an invoice voided, a payment
deleted, a contact renamed, an invoice typed again by hand, an amount changed) and the Pet Manager
export changed (a new invoice, an edited one, a voided one); snapshots again, audited again: the
audit reports exactly those differences and nothing else, and the baseline's own differences are
all explained."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from recon.audit import run_audit
from recon.demo import generate_demo
from recon.init import create_workspace
from recon.mapping.run import map_codes
from recon.snapshot.run import take_snapshots
from recon.xero_connection import client_factory
from sync.sandbox import Sandbox
from sync.xero.settings import XeroSettings

SYNC_START = dt.date(2025, 7, 1)
PERIOD = (SYNC_START, dt.date(2026, 10, 31))
EDITED_AT = "2026-11-02T09:00:00+11:00"


def _rows(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, header: list[str], rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)


def _pick(ws: Path) -> dict:
    """Records to change, chosen from the first snapshots (Pet Manager 1, Xero 2)."""
    con = duckdb.connect(str(ws / "recon.duckdb"), read_only=True)
    try:
        unpaid = con.execute("""
            SELECT i.invoice_id, x.invoice_id
            FROM pm_invoices AS i
            JOIN xero_invoices AS x ON x.snapshot_id = 2 AND x.invoice_number = 'INV' || i.invoice_number
            WHERE i.snapshot_id = 1 AND i.status = 'issued' AND i.invoice_date >= $start
              AND x.status = 'AUTHORISED' AND x.amount_paid = 0 AND x.amount_credited = 0
              AND NOT EXISTS (SELECT 1 FROM pm_payments AS p WHERE p.snapshot_id = 1 AND p.invoice_id = i.invoice_id)
              AND NOT EXISTS (SELECT 1 FROM pm_allocations AS a WHERE a.snapshot_id = 1 AND a.invoice_id = i.invoice_id)
            ORDER BY i.invoice_id""", {"start": SYNC_START}).fetchall()
        # a payment alone on its invoice, and an invoice whose total is its customer's only one of that amount
        payment = con.execute("""
            SELECT p.payment_id, x.payment_id, i.invoice_id
            FROM pm_payments AS p
            JOIN pm_invoices AS i ON i.snapshot_id = 1 AND i.invoice_id = p.invoice_id
            JOIN xero_invoices AS xi ON xi.snapshot_id = 2 AND xi.invoice_number = 'INV' || i.invoice_number
            JOIN xero_payments AS x ON x.snapshot_id = 2 AND x.invoice_id = xi.invoice_id
            WHERE p.snapshot_id = 1 AND p.status = 'completed' AND p.payment_date >= $start
              AND (SELECT count(*) FROM pm_payments AS q WHERE q.snapshot_id = 1 AND q.invoice_id = p.invoice_id) = 1
              AND (SELECT count(*) FROM xero_payments AS y WHERE y.snapshot_id = 2 AND y.invoice_id = xi.invoice_id) = 1
            ORDER BY p.payment_id LIMIT 1""", {"start": SYNC_START}).fetchone()
        twin = con.execute("""
            SELECT i.invoice_id, x.invoice_id, x.contact_id, x.date, x.total
            FROM pm_invoices AS i
            JOIN xero_invoices AS x ON x.snapshot_id = 2 AND x.invoice_number = 'INV' || i.invoice_number
            WHERE i.snapshot_id = 1 AND i.status = 'paid' AND i.invoice_date BETWEEN DATE '2026-01-01' AND DATE '2026-09-30'
              AND i.invoice_id <> $payment_invoice
              AND (SELECT count(*) FROM pm_invoices AS o WHERE o.snapshot_id = 1 AND o.customer_id = i.customer_id
                   AND o.total = i.total) = 1
            ORDER BY i.invoice_id LIMIT 1""", {"payment_invoice": payment[2]}).fetchone()
        edited = con.execute("""
            SELECT i.invoice_id, x.invoice_id FROM pm_invoices AS i
            JOIN xero_invoices AS x ON x.snapshot_id = 2 AND x.invoice_number = 'INV' || i.invoice_number
            WHERE i.snapshot_id = 1 AND i.status = 'paid' AND i.invoice_date BETWEEN DATE '2025-08-01' AND DATE '2025-12-20'
              AND i.invoice_id NOT IN ($twin, $payment_invoice)
            ORDER BY i.invoice_id LIMIT 1""", {"twin": twin[0], "payment_invoice": payment[2]}).fetchone()
        contact = con.execute("""
            SELECT CAST(c.contact_number AS BIGINT), c.contact_id FROM xero_contacts AS c
            WHERE c.snapshot_id = 2 AND c.contact_number IS NOT NULL
              AND list_contains(c.group_names, 'Pet Manager Customers')
            ORDER BY 1 LIMIT 1""").fetchone()
        template = con.execute("""
            SELECT invoice_id FROM pm_invoices WHERE snapshot_id = 1 AND status = 'paid'
              AND invoice_date BETWEEN DATE '2026-10-01' AND DATE '2026-10-31' ORDER BY invoice_id LIMIT 1""").fetchone()[0]
        last_id, last_number = con.execute(
            "SELECT max(invoice_id), max(CAST(invoice_number AS BIGINT)) FROM pm_invoices WHERE snapshot_id = 1").fetchone()
    finally:
        con.close()
    assert len(unpaid) >= 3, unpaid
    return {"xero_void": unpaid[0], "xero_amount": unpaid[1], "pm_void": unpaid[2], "payment": payment, "twin": twin,
            "pm_edited": edited, "contact": contact, "template": template, "new_id": last_id + 1,
            "new_number": str(last_number + 1)}


def _change_xero(client, picked: dict) -> str:
    """The five ways people change Xero; returns the id of the invoice typed by hand."""
    void_id = picked["xero_void"][1]
    [result] = client.write("Invoices", [{"InvoiceID": void_id, "Status": "VOIDED"}], method="POST",
                            idempotency_key="audit-test-void")
    assert result.ok, result.errors

    payment_id = picked["payment"][1]
    # The client has no payment deletion yet (the pusher adds it): the same request through its transport.
    response = client._request("POST", f"{client.settings.accounting_url}/Payments/{payment_id}",
                               headers={"Content-Type": "application/json", "Idempotency-Key": "audit-test-delete"},
                               content=json.dumps({"Status": "DELETED"}).encode(),
                               write_of=("Payments", "audit-test-delete"))
    assert response.status_code == 200, response.text

    customer_id, contact_id = picked["contact"]
    [result] = client.write("Contacts", [{"ContactID": contact_id, "Name": f"Renamed By Hand CN{customer_id}"}],
                            method="POST", idempotency_key="audit-test-contact")
    assert result.ok, result.errors

    [original] = client.get_by_ids("Invoices", [picked["twin"][1]])
    line = original["LineItems"][0]
    typed = {"Type": "ACCREC", "Contact": {"ContactID": picked["twin"][2]},
             "Date": (picked["twin"][3] + dt.timedelta(days=2)).isoformat(),
             "DueDate": (picked["twin"][3] + dt.timedelta(days=9)).isoformat(),
             "LineAmountTypes": "Inclusive", "Status": "AUTHORISED",
             "LineItems": [{"Description": "typed from the booking sheet", "Quantity": 1,
                            "UnitAmount": str(picked["twin"][4]), "AccountCode": line["AccountCode"],
                            "TaxType": line["TaxType"]}]}
    [result] = client.write("Invoices", [typed], idempotency_key="audit-test-typed")
    assert result.ok, result.errors
    assert Decimal(str(result.record["Total"])) == picked["twin"][4]
    typed_id = result.record["InvoiceID"]

    [changed] = client.get_by_ids("Invoices", [picked["xero_amount"][1]])
    lines = [{k: v for k, v in item.items() if k in ("Description", "Quantity", "UnitAmount", "AccountCode", "TaxType",
                                                    "Tracking")} for item in changed["LineItems"]]
    lines[0]["UnitAmount"] = str(Decimal(str(lines[0]["UnitAmount"])) + 10)
    [result] = client.write("Invoices", [{"InvoiceID": changed["InvoiceID"], "LineItems": lines}], method="POST",
                            idempotency_key="audit-test-amount")
    assert result.ok, result.errors
    return typed_id


def _change_petmanager(export: Path, picked: dict) -> None:
    """A new invoice (a copy of one from October 2026), an invoice's date edited, an invoice voided."""
    header, invoices = _rows(export / "invoices.csv")
    line_header, lines = _rows(export / "invoice_lines.csv")
    by_id = {int(row["invoice_id"]): row for row in invoices}
    new = dict(by_id[picked["template"]], invoice_id=str(picked["new_id"]), invoice_number=picked["new_number"],
               status="issued", created_at=EDITED_AT, updated_at=EDITED_AT)
    invoices.append(new)
    lines += [dict(line, invoice_id=str(picked["new_id"])) for line in lines if int(line["invoice_id"]) == picked["template"]]
    edited = by_id[picked["pm_edited"][0]]
    for column in ("invoice_date", "due_date"):
        edited[column] = (dt.date.fromisoformat(edited[column]) + dt.timedelta(days=1)).isoformat()
    edited["updated_at"] = EDITED_AT
    voided = by_id[picked["pm_void"][0]]
    voided.update(status="void", updated_at=EDITED_AT)
    _write(export / "invoices.csv", header, invoices)
    _write(export / "invoice_lines.csv", line_header, lines)


def _key(d) -> tuple:
    return (d.category, d.kind, d.petmanager_id, d.xero_id)


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    out = tmp_path_factory.mktemp("audit")
    data = generate_demo(out / "data", seed=5, size=0.1)
    export = out / "export"
    shutil.copytree(data.petmanager, export)
    with Sandbox.start(state=data.xero_state) as sandbox:
        settings = XeroSettings(client_id=sandbox.client_id, client_secret=sandbox.client_secret,
                                base_url=sandbox.base_url, identity_url=sandbox.base_url, login_url=sandbox.base_url)
        client_for = client_factory(settings)
        ws = create_workspace(out / "ws", export, tenant_ids=list(sandbox.tenant_ids), start_date=SYNC_START,
                              invoice_prefix="INV", credit_note_prefix="")
        take_snapshots(ws, petmanager=True, xero=True, client_for=client_for, source=sandbox.base_url)
        map_codes(ws)
        baseline = run_audit(ws, period_from=PERIOD[0], period_to=PERIOD[1], take_snapshots=False)
        picked = _pick(ws.root)
        with client_for(sandbox.tenant_id) as client:
            typed_id = _change_xero(client, picked)
        _change_petmanager(export, picked)
        after = run_audit(ws, period_from=PERIOD[0], period_to=PERIOD[1], take_snapshots=True, client_for=client_for)
    return {"ws": ws, "baseline": baseline, "after": after, "picked": picked, "typed_id": typed_id}


def test_the_baseline_differences_are_all_explained(audited):
    baseline = audited["baseline"]
    assert baseline.matched["invoice"] > 100 and baseline.matched["payment"] > 100
    for d in baseline.differences:
        # the demo's only gap: payments Pet Manager could not send because their invoice predates the sync
        assert (d.category, d.kind) == ("missing_in_xero", "payment"), d
        assert "before the start date 2025-07-01" in d.why, d


def test_after_the_changes_the_audit_reports_exactly_them(audited):
    picked, baseline, after = audited["picked"], audited["baseline"], audited["after"]
    new = {_key(d): d for d in after.differences}
    for d in baseline.differences:
        assert new.pop(_key(d)) is not None
    customer_id, contact_id = picked["contact"]
    expected = {
        ("voided_in_xero", "invoice", str(picked["xero_void"][0]), picked["xero_void"][1]),
        ("payment_removed", "payment", str(picked["payment"][0]), picked["payment"][1]),
        ("contact_edited", "contact", str(customer_id), contact_id),
        ("new_duplicate", "invoice", str(picked["twin"][0]), audited["typed_id"]),
        ("different", "invoice", str(picked["xero_amount"][0]), picked["xero_amount"][1]),
        ("missing_in_xero", "invoice", str(picked["new_id"]), None),
        ("different", "invoice", str(picked["pm_edited"][0]), picked["pm_edited"][1]),
        ("different", "invoice", str(picked["pm_void"][0]), picked["pm_void"][1]),
    }
    assert set(new) == expected
    fields = {(d.category, d.petmanager_id): d.fields for d in new.values()}
    assert fields[("different", str(picked["xero_amount"][0]))] == ("amount", "lines")
    assert fields[("different", str(picked["pm_edited"][0]))] == ("date",)
    assert fields[("different", str(picked["pm_void"][0]))] == ("status",)
    assert fields[("contact_edited", str(customer_id))] == ("name",)
    assert new_why(new, picked) == "not sent to Xero"


def new_why(new: dict, picked: dict) -> str | None:
    [d] = [d for d in new.values() if d.category == "missing_in_xero" and d.petmanager_id == str(picked["new_id"])]
    return d.why


def test_changes_since_the_baseline_are_listed_per_side(audited):
    picked, after = audited["picked"], audited["after"]
    pm = {(c.kind, c.record_id, c.what) for c in after.changes if c.side == "petmanager"}
    assert pm == {("invoice", str(picked["new_id"]), "new"), ("invoice", str(picked["pm_edited"][0]), "edited"),
                  ("invoice", str(picked["pm_void"][0]), "voided")}
    xero = {(c.kind, c.record_id, c.what) for c in after.changes if c.side == "xero"}
    assert {("invoice", picked["xero_void"][1], "voided"), ("payment", picked["payment"][1], "deleted"),
            ("contact", picked["contact"][1], "edited"), ("invoice", audited["typed_id"], "new"),
            ("invoice", picked["xero_amount"][1], "edited")} <= xero


def test_runs_are_kept_with_first_seen_carried_forward_and_the_trend(audited):
    baseline, after = audited["baseline"], audited["after"]
    assert after.run.previous_run_id == baseline.run.run_id
    first = {_key(d): d.first_seen for d in baseline.differences}
    for d in after.differences:
        assert d.first_seen == first.get(_key(d), after.run.started_at)
    assert [p.run_id for p in after.trend] == [baseline.run.run_id, after.run.run_id]
    assert [p.open_differences for p in after.trend] == [len(baseline.differences), len(after.differences)]
    con = duckdb.connect(str(audited["ws"].db_path), read_only=True)
    try:
        stored = con.execute("SELECT run_id, count(*) FROM audit_differences GROUP BY 1 ORDER BY 1").fetchall()
    finally:
        con.close()
    assert stored == [(baseline.run.run_id, len(baseline.differences)), (after.run.run_id, len(after.differences))]


def test_every_total_difference_is_explained_by_differences_that_touch_it(audited):
    after = audited["after"]
    month = {t.key: t for t in after.totals if t.dimension == "month"}
    for t in after.totals:
        if t.difference:
            assert t.explained_by, t
            assert all(0 <= i < len(after.differences) for i in t.explained_by)
    voided = next(i for i, d in enumerate(after.differences) if d.category == "voided_in_xero")
    assert voided in month[after.differences[voided].day.strftime("%Y-%m")].explained_by
    # the clearing account agreed before; after, only by the deleted payment when it was a Stripe charge
    assert audited["baseline"].clearing.difference == 0
    removed = next(d for d in after.differences if d.category == "payment_removed")
    assert after.clearing.difference in (0, removed.petmanager_amount)
