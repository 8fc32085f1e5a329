"""sandbox_state_from_snapshot: a Xero snapshot becomes a sandbox that is the same organisation."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from recon.errors import BadInput
from recon.init import create_workspace
from recon.rehearse import sandbox_state_for_organisations, sandbox_state_from_snapshot
from recon.snapshot.latest import latest_xero
from recon.snapshot.run import take_snapshots
from recon.snapshot.xero import TYPED_TABLES
from recon.xero_connection import client_factory
from sync.sandbox import Sandbox, xerojson
from sync.sandbox.from_snapshot import state_from_records
from sync.xero.client import XeroClient


def test_the_state_holds_every_record_of_the_latest_snapshot_and_one_new_client(demo_workspace, tenant_id):
    con = demo_workspace.connect()
    try:
        state = sandbox_state_from_snapshot(con, tenant_id)
        snapshot_id = latest_xero(con, tenant_id)
        counts = dict(con.execute("SELECT entity, count(*) FROM xero_records WHERE snapshot_id = ? GROUP BY entity",
                                  [snapshot_id]).fetchall())
    finally:
        con.close()
    assert state["format"] == "recon-xero-sandbox/1"
    [client] = state["clients"]
    assert client["tenant_ids"] == [tenant_id]
    assert client["client_id"] != "recon-demo-client" and len(client["client_secret"]) >= 32
    [org] = state["organisations"]
    assert org["tenant_id"] == tenant_id and org["tenant_name"] == "Paws & Claws Pet Resort"
    assert org["Organisation"]["PeriodLockDate"].startswith("/Date(")
    held = {entity: len(records) for entity, records in org.items() if isinstance(records, list) and records}
    assert held == {entity: n for entity, n in counts.items() if entity != "Organisation"}
    assert {"Invoices", "CreditNotes", "Overpayments", "Payments", "BankTransfers"} <= set(held)
    total = org["Invoices"][0]["Total"]
    assert isinstance(total, (Decimal, int)), "money must never pass through a float"


def test_a_sandbox_loaded_from_the_state_snapshots_exactly_as_the_original(demo_workspace, workspace_copy,
                                                                           tenant_id, typed_rows, settings_for):
    con = demo_workspace.connect()
    try:
        original = latest_xero(con, tenant_id)
        state = sandbox_state_from_snapshot(con, tenant_id)
    finally:
        con.close()
    with Sandbox.start(state=state) as sandbox:
        [again] = take_snapshots(workspace_copy, petmanager=False, xero=True, full=True,
                                 client_for=client_factory(settings_for(sandbox)), source=sandbox.base_url)
    con = workspace_copy.connect()
    try:
        def counts(snapshot_id):
            return con.execute("SELECT entity, count(*), list(record_id ORDER BY record_id) FROM xero_records "
                               "WHERE snapshot_id = ? GROUP BY entity ORDER BY entity", [snapshot_id]).fetchall()

        assert counts(again.snapshot_id) == counts(original)
        for table in TYPED_TABLES:  # ids, numbers, totals, statuses, dates, links, lock dates: every column
            assert typed_rows(con, table, again.snapshot_id) == typed_rows(con, table, original), table
        locks = con.execute("SELECT period_lock_date, end_of_year_lock_date FROM xero_organisation "
                            "WHERE snapshot_id = ?", [again.snapshot_id]).fetchone()
        statuses = dict(con.execute("SELECT status, count(*) FROM xero_invoices WHERE snapshot_id = ? "
                                    "AND type = 'ACCREC' GROUP BY status", [again.snapshot_id]).fetchall())
        raw_differs = con.execute(
            "SELECT count(*) FROM xero_records a JOIN xero_records b USING (entity, record_id) "
            "WHERE a.snapshot_id = ? AND b.snapshot_id = ? AND CAST(a.raw AS VARCHAR) <> CAST(b.raw AS VARCHAR)",
            [original, again.snapshot_id]).fetchone()[0]
    finally:
        con.close()
    assert locks == (dt.date(2024, 12, 31), dt.date(2024, 6, 30))
    assert statuses.get("VOIDED", 0) > 0 and statuses.get("PAID", 0) > 0  # the comparison covered them
    assert raw_differs == 0


def test_a_given_snapshot_is_used_and_an_unknown_one_refused(demo_workspace, tenant_id):
    con = demo_workspace.connect()
    try:
        latest = latest_xero(con, tenant_id)
        given = sandbox_state_from_snapshot(con, tenant_id, latest)
        assert given["organisations"] == sandbox_state_from_snapshot(con, tenant_id)["organisations"]
        assert given["organisations"][0]["Invoices"]
        with pytest.raises(BadInput, match="no Xero snapshot 999"):
            sandbox_state_from_snapshot(con, tenant_id, 999)
        with pytest.raises(BadInput, match="no Xero snapshot"):
            sandbox_state_from_snapshot(con, "00000000-0000-0000-0000-000000000000")
    finally:
        con.close()


def test_a_workspace_without_a_xero_snapshot_is_refused(demo_workspace, tmp_path, tenant_id):
    ws = create_workspace(tmp_path / "empty", demo_workspace.config().export, tenant_ids=[tenant_id])
    con = ws.connect()
    try:
        with pytest.raises(BadInput, match="run `recon snapshot`"):
            sandbox_state_from_snapshot(con, tenant_id)
    finally:
        con.close()


def test_group_members_are_joined_from_either_side():
    records = {
        "Organisation": [{"OrganisationID": "t1", "Name": "Happy Tails"}],
        "ContactGroups": [{"ContactGroupID": "g1", "Name": "Pet Manager Customers", "Status": "ACTIVE"},
                          {"ContactGroupID": "g2", "Name": "Suppliers", "Status": "ACTIVE",
                           "Contacts": [{"ContactID": "c2", "Name": "Stripe"}]}],
        "Contacts": [{"ContactID": "c1", "Name": "Jane Smith CN1",
                      "ContactGroups": [{"ContactGroupID": "G1", "Name": "Pet Manager Customers"}]},
                     {"ContactID": "c2", "Name": "Stripe"}],
    }
    org = state_from_records(records, "t1")["organisations"][0]
    groups = {group["ContactGroupID"]: group for group in org["ContactGroups"]}
    assert groups["g1"]["Contacts"] == [{"ContactID": "c1", "Name": "Jane Smith CN1"}]
    contacts = {contact["ContactID"]: contact for contact in org["Contacts"]}
    assert [g["ContactGroupID"] for g in contacts["c2"]["ContactGroups"]] == ["g2"]
    assert records["ContactGroups"][0].get("Contacts") is None  # the caller's records are left as they were


def test_records_the_sandbox_cannot_hold_are_refused_not_dropped():
    with pytest.raises(ValueError, match="Prepayments"):
        state_from_records({"Organisation": [{"Name": "x"}], "Prepayments": [{}]}, "t1")
    with pytest.raises(ValueError, match="one Organisation"):
        state_from_records({"Invoices": []}, "t1")


def test_the_state_reads_back_as_json_the_sandbox_accepts(demo_workspace, tenant_id, tmp_path):
    con = demo_workspace.connect()
    try:
        state = sandbox_state_from_snapshot(con, tenant_id)
    finally:
        con.close()
    path = tmp_path / "state.json"
    path.write_bytes(xerojson.dumps(state))
    with Sandbox.start(state=path) as sandbox:
        assert sandbox.tenant_ids == [tenant_id]
    assert json.loads(path.read_text(encoding="utf-8"))["organisations"][0]["tenant_id"] == tenant_id


def test_several_organisations_share_one_client(workspace_copy, tenant_id):
    other = "11111111-2222-3333-4444-555555555555"
    con = workspace_copy.connect()
    try:
        snapshot = latest_xero(con, tenant_id)
        con.execute("INSERT INTO xero_records SELECT 99, ?, entity, record_id, updated_at, raw FROM xero_records "
                    "WHERE snapshot_id = ? AND entity IN ('Organisation', 'Accounts')", [other, snapshot])
        con.execute("INSERT INTO snapshots SELECT 99, side, ?, mode, source, started_at, finished_at, counts "
                    "FROM snapshots WHERE snapshot_id = ?", [other, snapshot])
        state = sandbox_state_for_organisations(con, [tenant_id, other])
        with pytest.raises(BadInput, match="no Xero organisation configured"):
            sandbox_state_for_organisations(con, [])
    finally:
        con.close()
    assert [client["tenant_ids"] for client in state["clients"]] == [[tenant_id, other]]
    assert [org["tenant_id"] for org in state["organisations"]] == [tenant_id, other]
    assert state["organisations"][1]["Invoices"] == [] and state["organisations"][1]["Accounts"]
    with Sandbox.start(state=state) as sandbox:
        assert sandbox.tenant_ids == [tenant_id, other]


def test_an_incremental_snapshot_gives_the_whole_organisation_and_an_older_one_stays_as_it_was(
        demo_workspace, workspace_copy, tenant_id, settings_for):
    con = demo_workspace.connect()
    try:
        first = latest_xero(con, tenant_id)
        state = sandbox_state_from_snapshot(con, tenant_id)
    finally:
        con.close()
    with Sandbox.start(state=state) as sandbox:
        with XeroClient(settings_for(sandbox), tenant_id=tenant_id) as client:
            [made] = client.write("Contacts", [{"Name": "Typed In Later", "ContactNumber": "REHEARSE-1"}],
                                  idempotency_key="rehearse-test-later")
        [later] = take_snapshots(workspace_copy, petmanager=False, xero=True, source=sandbox.base_url,
                                 client_for=client_factory(settings_for(sandbox)))
    assert made.ok and later.mode == "incremental" and later.fetched["Contacts"] < 5
    con = workspace_copy.connect()
    try:
        newest = sandbox_state_from_snapshot(con, tenant_id)["organisations"][0]
        older = sandbox_state_from_snapshot(con, tenant_id, first)["organisations"][0]
    finally:
        con.close()
    names = {contact["Name"] for contact in newest["Contacts"]}
    assert "Typed In Later" in names and "Typed In Later" not in {c["Name"] for c in older["Contacts"]}
    assert len(newest["Contacts"]) == len(older["Contacts"]) + 1
    assert len(newest["Invoices"]) == len(older["Invoices"]) > 1000  # copied forward, all there
