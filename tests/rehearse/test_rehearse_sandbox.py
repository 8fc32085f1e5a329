"""start_rehearsal: the organisation as the snapshot saw it, in a sandbox that refuses what Xero
would refuse, and a real workspace that no rehearsal touches."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from recon.rehearse import start_rehearsal
from recon.snapshot.latest import latest_xero
from recon.snapshot.run import take_snapshots
from sync.sandbox import SandboxConfig
from sync.xero.client import XeroClient


def _facts(ws, tenant_id) -> dict:
    """What a write needs from the snapshot: a customer, a sales line's account and tax type, the
    numbers already taken (a voided invoice's among them), a contact number and the lock date."""
    con = ws.connect()
    try:
        snapshot = latest_xero(con, tenant_id)

        def one(sql):
            return con.execute(sql, [snapshot]).fetchone()

        contact_id, contact_number = one("SELECT contact_id, contact_number FROM xero_contacts WHERE snapshot_id = ? "
                                         "AND contact_status = 'ACTIVE' AND contact_number <> '' ORDER BY name LIMIT 1")
        account, tax_type = one("SELECT l.account_code, l.tax_type FROM xero_invoice_lines l JOIN xero_invoices i "
                                "USING (snapshot_id, invoice_id) WHERE l.snapshot_id = ? AND i.type = 'ACCREC' LIMIT 1")
        (voided,) = one("SELECT min(invoice_number) FROM xero_invoices WHERE snapshot_id = ? AND type = 'ACCREC' "
                        "AND status = 'VOIDED'")
        (credit_number,) = one("SELECT max(credit_note_number) FROM xero_credit_notes WHERE snapshot_id = ? "
                               "AND type = 'ACCRECCREDIT'")
        (lock,) = one("SELECT period_lock_date FROM xero_organisation WHERE snapshot_id = ?")
        numbers = {n for (n,) in con.execute("SELECT invoice_number FROM xero_invoices WHERE snapshot_id = ? "
                                             "AND type = 'ACCREC'", [snapshot]).fetchall()}
    finally:
        con.close()
    return {"contact_id": contact_id, "contact_number": contact_number, "account": account, "tax_type": tax_type,
            "voided": voided, "credit_number": credit_number, "lock": lock, "numbers": numbers}


def _invoice(facts, number=None, date=dt.date(2026, 11, 2)) -> dict:
    invoice = {"Type": "ACCREC", "Contact": {"ContactID": facts["contact_id"]}, "Date": date.isoformat(),
               "DueDate": date.isoformat(), "Status": "AUTHORISED", "LineAmountTypes": "Inclusive",
               "LineItems": [{"Description": "Dog boarding, 2 nights", "Quantity": 2, "UnitAmount": 65,
                              "AccountCode": facts["account"], "TaxType": facts["tax_type"]}]}
    if number is not None:
        invoice["InvoiceNumber"] = number
    return invoice


def test_the_rehearsal_sandbox_refuses_what_xero_would_refuse(workspace_copy, tenant_id, tmp_path):
    facts = _facts(workspace_copy, tenant_id)
    assert facts["voided"] and facts["lock"] == dt.date(2024, 12, 31)
    with start_rehearsal(workspace_copy, tmp_path / "rehearsal") as rehearsal:
        assert rehearsal.differences == ()
        with XeroClient(rehearsal.settings, tenant_id=tenant_id) as client:
            results = client.write("Invoices", [
                _invoice(facts, facts["voided"]),  # a voided invoice keeps its number
                _invoice(facts, "INV-REHEARSAL-1"),  # the same invoice with a free number
                _invoice(facts, "INV-REHEARSAL-2", date=facts["lock"]),  # on the lock date
                _invoice(facts),  # numbered by Xero
            ], idempotency_key="rehearse-test-invoices", params={"unitdp": "4"})
            contact = client.write("Contacts", [{"Name": "Someone New", "ContactNumber": facts["contact_number"]}],
                                   idempotency_key="rehearse-test-contact")
            credit = client.write("CreditNotes", [{
                "Type": "ACCRECCREDIT", "Contact": {"ContactID": facts["contact_id"]}, "Date": "2026-11-02",
                "Status": "AUTHORISED", "CreditNoteNumber": facts["credit_number"], "LineAmountTypes": "Inclusive",
                "LineItems": [{"Description": "Refund", "Quantity": 1, "UnitAmount": 10,
                               "AccountCode": facts["account"], "TaxType": facts["tax_type"]}]}],
                idempotency_key="rehearse-test-credit")
    taken, free, locked, numbered = results
    assert not taken.ok and taken.errors == ["Invoice # must be unique."]
    assert free.ok and free.record["Total"] == 130
    assert not locked.ok and any("lock date" in error for error in locked.errors)
    assert numbered.ok and numbered.record["InvoiceNumber"] not in facts["numbers"]
    assert not contact[0].ok and "contact number" in contact[0].errors[0]
    assert not credit[0].ok and credit[0].errors == ["Credit Note # must be unique."]


def test_the_rehearsal_snapshot_sees_the_same_books_and_the_sandbox_stops_afterwards(workspace_copy, tenant_id,
                                                                                      tmp_path, typed_rows):
    with start_rehearsal(workspace_copy, tmp_path / "rehearsal", config=SandboxConfig(minute_limit=600)) as rehearsal:
        base_url = rehearsal.sandbox.base_url
        assert base_url.startswith("http://127.0.0.1:") and rehearsal.settings.base_url == base_url
        assert rehearsal.sandbox.tenant_ids == [tenant_id]
        [again] = take_snapshots(rehearsal.workspace, petmanager=False, xero=True, client_for=rehearsal.client_for,
                                 source=base_url)
    assert again.mode == "incremental"  # built on the copied snapshot, as the sync's fresh snapshot will be
    con = rehearsal.workspace.connect()
    try:
        before = again.snapshot_id - 1
        for table in ("invoices", "credit_notes", "payments", "allocations", "contacts", "organisation"):
            assert typed_rows(con, table, again.snapshot_id) == typed_rows(con, table, before), table
    finally:
        con.close()
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{base_url}/connections", timeout=2)


def test_the_real_workspace_is_untouched_by_a_rehearsal(workspace_copy, tenant_id, tmp_path, hashes):
    facts = _facts(workspace_copy, tenant_id)
    before = hashes(workspace_copy.root)
    with start_rehearsal(workspace_copy, tmp_path / "rehearsal") as rehearsal:
        with XeroClient(rehearsal.settings, tenant_id=tenant_id) as client:
            [written] = client.write("Invoices", [_invoice(facts, "INV-REHEARSAL-9")],
                                     idempotency_key="rehearse-test-untouched")
        take_snapshots(rehearsal.workspace, petmanager=True, xero=True, client_for=rehearsal.client_for,
                       source=rehearsal.sandbox.base_url)
        rehearsal.sandbox.dump(rehearsal.workspace.root / "xero-after.json")
    assert written.ok
    assert hashes(workspace_copy.root) == before
    con = rehearsal.workspace.connect()
    try:
        found = con.execute("SELECT count(*) FROM xero_invoices WHERE invoice_number = 'INV-REHEARSAL-9'").fetchone()[0]
    finally:
        con.close()
    assert found == 1  # the rehearsal's own workspace saw the write
