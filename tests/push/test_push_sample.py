"""The pusher on the sample business: planned as `recon sync` plans it, pushed into the local Xero
sandbox over real HTTP with every request and answer checked against Xero's OpenAPI spec; then
what must never happen: a write sent twice after Xero committed it, a record pushed again by a
later plan, one bad element taking its batch down, the day's budget running out mid-way."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from decimal import Decimal

import duckdb
import httpx
import pytest
from contract.transport import ContractCheckingTransport
from push_world import SANDBOX, assert_exactly_once, client_of, new_outbox, sample_state

from recon.syncplan import Plan, to_outbox_writes
from sync.outbox import Outbox, OutboxError
from sync.push import push
from sync.sandbox import Sandbox

ACCOUNTING = "/api.xro/2.0/"


def test_the_sample_business_lands_in_xero_exactly_once_with_pet_managers_totals(plan, con, tmp_path):
    checked = ContractCheckingTransport(httpx.HTTPTransport(), raise_at_once=False)
    progress = []
    with Sandbox.start(sample_state(), SANDBOX) as sb, client_of(sb, tmp_path, checked) as xero:
        outcome = push(xero, Outbox(con), on_progress=lambda *step: progress.append(step))
        writes = sb.request_log.count(None, ACCOUNTING) - sb.request_log.count("GET", ACCOUNTING)

        pushed = assert_exactly_once(xero, plan, con)
        assert pushed.records["INV10011"]["Total"] == Decimal("38.84")  # the rounding line took the cent
        assert pushed.records["INV10006"]["AmountDue"] == Decimal("374.00")
        assert outcome.finished and outcome.counts == {"done": len(plan.writes)}
        assert writes == plan.summary()["requests"]
        assert progress[-1] == ("payout", 1, 1)
        assert ("contact_group_member", 8, 8) in progress

        sb.request_log.clear()
        again = push(xero, Outbox(con))
        assert again.counts == outcome.counts and len(sb.request_log) == 0, "a rerun sends nothing"
    checked.assert_clean()
    assert {"createContacts", "createInvoices", "createPayments", "createBankTransfer", "createContactGroup",
            "createContactGroupContacts", "createCreditNoteAllocation", "createOverpaymentAllocations",
            "createBankTransactions"} <= set(checked.operations)


def test_writes_xero_committed_but_never_confirmed_are_found_and_not_sent_again(plan, con, tmp_path):
    checked = ContractCheckingTransport(httpx.HTTPTransport(), raise_at_once=False)
    with Sandbox.start(sample_state(), SANDBOX) as sb, client_of(sb, tmp_path, checked) as xero:
        sb.faults.drop_after_commit(method="PUT", times=None, probability=1.0)
        outcome = push(xero, Outbox(con))
        sb.faults.clear()
        assert outcome.finished
        assert_exactly_once(xero, plan, con)
        attempts = sb.request_log.count("PUT", ACCOUNTING)
        assert attempts == 5 * plan.summary()["requests"], "each batch tried 5 times with its key, never re-sent"
    checked.assert_clean()
    assert {"getContacts", "getContactGroups", "getContactGroup", "getInvoices", "getCreditNotes", "getCreditNote",
            "getPayments", "getBankTransactions", "getOverpayment", "getBankTransfers"} <= set(checked.operations)


def test_writes_xero_never_carried_out_are_sent_again_after_the_look_up(plan, con, tmp_path):
    checked = ContractCheckingTransport(httpx.HTTPTransport(), raise_at_once=False)
    with Sandbox.start(sample_state(), SANDBOX) as sb, client_of(sb, tmp_path, checked) as xero:
        for collection in ("Contacts", "ContactGroups", "Invoices", "CreditNotes", "Payments", "BankTransactions",
                           "Overpayments", "BankTransfers"):
            sb.faults.fail(503, path=f"{ACCOUNTING}{collection}", method="PUT", times=5)
        outcome = push(xero, Outbox(con))
        sb.faults.clear()
        assert outcome.finished
        assert_exactly_once(xero, plan, con)
        assert con.execute("SELECT count(*) FROM outbox WHERE attempts = 2").fetchone()[0] >= 8
    checked.assert_clean()


def test_a_record_an_earlier_plan_pushed_is_not_pushed_again_by_a_later_one(plan, con, tmp_path):
    later = Plan([dataclasses.replace(write, payload={**write.payload, "Reference": "changed"})
                  if write.natural_key == "INV10002" else write for write in plan.writes])
    assert later.hash != plan.hash
    with Sandbox.start(sample_state(), SANDBOX) as sb, client_of(sb, tmp_path) as xero:
        outbox = Outbox(con)
        push(xero, outbox)
        assert outbox.add_plan(later.hash, to_outbox_writes(later), tenant_id=sb.tenant_id) == len(plan.writes)
        sb.request_log.clear()
        outcome = push(xero, outbox)
        assert outcome.counts == {"done": len(plan.writes)} and len(sb.request_log) == 0
        assert_exactly_once(xero, plan, con)
        earlier_ids = dict(con.execute("SELECT natural_key, xero_id FROM outbox WHERE plan_hash = ?",
                                       [plan.hash]).fetchall())
        later_ids = dict(con.execute("SELECT natural_key, xero_id FROM outbox WHERE plan_hash = ?",
                                     [later.hash]).fetchall())
        assert later_ids == earlier_ids


def test_one_invalid_element_fails_with_xeros_message_its_dependants_are_held_the_rest_pushed(plan, tmp_path):
    broken = Plan([dataclasses.replace(write, payload={**write.payload, "LineItems": [
        {**line, "AccountCode": "999"} for line in write.payload["LineItems"]]})
        if write.natural_key == "INV10001" else write for write in plan.writes])
    path = tmp_path / "recon.duckdb"
    with Sandbox.start(sample_state(), SANDBOX) as sb, client_of(sb, tmp_path) as xero:
        new_outbox(path, broken, sb.tenant_id)
        con = duckdb.connect(str(path))
        try:
            outbox = Outbox(con)
            outcome = push(xero, outbox)
            failures = {row.natural_key: row for row in outbox.failures()}
            assert set(failures) == {"INV10001", "PM-PAY-2", "PM-ALC-1"}
            assert failures["INV10001"].state == "failed"
            assert "999" in failures["INV10001"].error, failures["INV10001"].error
            assert failures["PM-PAY-2"].state == "held" and "INV10001" in failures["PM-PAY-2"].error
            assert outcome.finished and outcome.counts == {"done": len(plan.writes) - 3, "failed": 1, "held": 2}
            assert_exactly_once(xero, broken, con, failed_ok=frozenset(failures))
        finally:
            con.close()


def test_when_the_days_budget_runs_out_it_stops_says_when_and_finishes_on_the_next_run(plan, con, tmp_path):
    config = dataclasses.replace(SANDBOX, day_limit=12, day_seconds=2.0)
    runs = []
    with Sandbox.start(sample_state(), config) as sb, client_of(sb, tmp_path) as xero:
        while not (runs and runs[-1].finished):
            if runs:
                assert runs[-1].stopped == "day limit reached" and not runs[-1].finished
                assert runs[-1].resume_at > dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1)
                time.sleep(max(0.0, (runs[-1].resume_at - dt.datetime.now(dt.timezone.utc)).total_seconds()) + 0.1)
            runs.append(push(xero, Outbox(con)))
            assert len(runs) < 10
        sb.dump(tmp_path / "xero.json")
    assert len(runs) >= 2 and 0 < runs[0].counts.get("done", 0) < len(plan.writes)
    with Sandbox.start(tmp_path / "xero.json", SANDBOX) as sb, client_of(sb, tmp_path) as xero:
        assert_exactly_once(xero, plan, con)


def test_the_outbox_of_one_organisation_is_never_pushed_into_another(plan, tmp_path):
    path = tmp_path / "recon.duckdb"
    new_outbox(path, plan, "another-organisation")
    con = duckdb.connect(str(path))
    try:
        with Sandbox.start(sample_state(), SANDBOX) as sb, client_of(sb, tmp_path) as xero:
            with pytest.raises(OutboxError, match="another-organisation"):
                push(xero, Outbox(con))
            assert sb.request_log.count(None, ACCOUNTING) == 0
    finally:
        con.close()
