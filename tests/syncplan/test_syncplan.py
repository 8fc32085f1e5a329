"""The back-sync's plan on a small demo business: order, what is left out, dependencies, the hash,
the refusal while duplicates wait for a decision, held payments, and totals to the cent."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from decimal import Decimal

import pytest

from recon.check.run import CheckResult
from recon.demo.pipeline import run_demo
from recon.resolve import Decision, record_decisions
from recon.syncplan import KINDS, DuplicatesUndecided, Plan, PlannedWrite, build_plan, placeholder, to_outbox_writes
from recon.workspace import Workspace
from sync import xero_tax

PLACEHOLDER = re.compile(r"\{(\w+ID):([^{}]+)\}")
# Decided on each suspected duplicate: certain ones are the same record, likely ones different.
DECIDED = {"certain": "same", "likely": "different"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo's workspace as the check left it (`undecided`), and a copy with every likely or certain
    duplicate decided (`decided`)."""
    root = tmp_path_factory.mktemp("syncplan")
    outcome = run_demo(root / "d", seed=5, size=0.2, say=lambda s: None)
    undecided = root / "undecided"
    shutil.copytree(outcome.workspace, undecided)
    at = dt.datetime.now(dt.timezone.utc)
    record_decisions(Workspace(outcome.workspace), [
        Decision.on(d, DECIDED[d.tier], by="test", why="", run_id=outcome.check.run_id, at=at)
        for d in outcome.check.duplicates if d.tier in DECIDED])
    return outcome, Workspace(outcome.workspace), Workspace(undecided)


@pytest.fixture(scope="module")
def plan(demo) -> Plan:
    outcome, ws, _ = demo
    return build_plan(ws, outcome.check.window, outcome.check)


def not_to_push(check: CheckResult) -> dict[tuple[str, int], str]:
    """(kind, Pet Manager id) -> Xero id of every record linked by the check or decided 'same'."""
    known = {(link.kind, link.petmanager_id): link.xero_id for link in check.links}
    known |= {(d.kind, d.petmanager_id): d.xero_id for d in check.duplicates if DECIDED.get(d.tier) == "same"}
    return known


def test_writes_come_kind_by_kind_in_dependency_order(plan):
    assert [write.seq for write in plan.writes] == list(range(1, len(plan.writes) + 1))
    kinds = [write.kind for write in plan.writes]
    assert kinds == sorted(kinds, key=KINDS.index)
    assert {"contact", "invoice", "credit_note", "payment", "overpayment", "stripe_fee_bill", "payout"} <= set(kinds)
    assert len({write.natural_key for write in plan.writes}) == len(plan.writes)


def test_no_linked_or_same_record_is_planned(demo, plan):
    outcome, _, _ = demo
    known = not_to_push(outcome.check)
    planned = {(write.kind, write.petmanager_id) for write in plan.writes}
    assert planned.isdisjoint(known)
    listed = {(left.kind, left.petmanager_id) for left in plan.linked}
    assert {key for key in known if key[0] != "contact"} <= listed
    assert all(left.reason == "void in Pet Manager: not synced" for left in plan.skipped)
    assert "draft" not in json.dumps([write.payload for write in plan.writes], default=str).lower()


def test_dependencies_point_only_at_earlier_writes_or_linked_ids(demo, plan):
    outcome, _, _ = demo
    linked_ids = set(not_to_push(outcome.check).values())
    earlier: set[str] = set()
    for write in plan.writes:
        assert set(write.depends_on) <= earlier, write
        text = write.entity + json.dumps(write.payload, default=str)
        assert {key for _, key in PLACEHOLDER.findall(text)} == set(write.depends_on), write
        earlier.add(write.natural_key)
    on_linked = [write for write in plan.writes if write.kind == "payment" and not write.depends_on]
    assert all(write.payload["Invoice"]["InvoiceID"] in linked_ids for write in on_linked)


def test_the_hash_is_stable_and_follows_pet_manager_amounts(demo, plan, tmp_path):
    outcome, ws, _ = demo
    assert build_plan(ws, outcome.check.window, outcome.check).hash == plan.hash
    changed = Workspace(shutil.copytree(ws.root, tmp_path / "changed"))
    payment = next(write for write in plan.writes if write.kind == "payment")
    con = changed.connect()
    try:
        con.execute("UPDATE pm_payments SET amount = amount + 0.01 WHERE snapshot_id = ? AND payment_id = ?",
                    [outcome.check.pm_snapshot, payment.petmanager_id])
    finally:
        con.close()
    replanned = build_plan(changed, outcome.check.window, outcome.check)
    assert replanned.hash != plan.hash
    assert next(w for w in replanned.writes if w.natural_key == payment.natural_key).amount == \
        payment.amount + Decimal("0.01")


def test_undecided_duplicates_refuse_the_plan_unless_skipped(demo):
    outcome, _, undecided = demo
    pending = [d for d in outcome.check.duplicates if d.tier in DECIDED]
    with pytest.raises(DuplicatesUndecided, match="recon resolve") as refused:
        build_plan(undecided, outcome.check.window, outcome.check)
    assert refused.value.count == len(pending)
    assert f"{len(pending)} suspected duplicate(s)" in str(refused.value)
    skipped = build_plan(undecided, outcome.check.window, outcome.check, on_duplicate="skip")
    by_skip = {(left.kind, left.petmanager_id) for left in skipped.linked if "--on-duplicate skip" in left.reason}
    linked_by_check = {(link.kind, link.petmanager_id) for link in outcome.check.links}
    assert by_skip == {(d.kind, d.petmanager_id) for d in pending} - linked_by_check
    assert by_skip.isdisjoint((write.kind, write.petmanager_id) for write in skipped.writes)


def test_a_payment_on_an_invoice_before_the_start_date_is_held(demo, plan):
    outcome, ws, _ = demo
    held = [left for left in plan.held if left.kind == "payment"]
    con = ws.connect()
    try:
        early = [(left, number) for left in held for number, day in [con.execute(
            "SELECT i.invoice_number, i.invoice_date FROM pm_invoices i JOIN pm_payments p USING (snapshot_id, "
            "invoice_id) WHERE p.snapshot_id = ? AND p.payment_id = ?", [outcome.check.pm_snapshot, left.petmanager_id]
        ).fetchone()] if day < outcome.check.window.start]
    finally:
        con.close()
    assert early
    for left, number in early:
        assert left.reason == (f"payment {left.petmanager_id} waits for invoice {number}, which is dated before the "
                               "start date: move the start date back or record that payment by hand")
    assert not {("payment", left.petmanager_id) for left in held} & {(w.kind, w.petmanager_id) for w in plan.writes}


def test_every_invoice_lands_in_xero_with_pet_managers_total(demo, plan):
    outcome, ws, _ = demo
    con = ws.connect()
    try:
        rates = dict(con.execute("SELECT tax_type, effective_rate FROM xero_tax_rates WHERE snapshot_id = ?",
                                 [outcome.check.xero_snapshots[outcome.check.links[0].tenant_id]]).fetchall())
        totals = dict(con.execute("SELECT invoice_id, total FROM pm_invoices WHERE snapshot_id = ?",
                                  [outcome.check.pm_snapshot]).fetchall())
    finally:
        con.close()
    invoices = [write for write in plan.writes if write.kind == "invoice"]
    assert invoices
    for write in invoices:
        lines = [(xero_tax.line_amount(item["Quantity"], item["UnitAmount"], item.get("DiscountRate", Decimal(0))),
                  rates[item["TaxType"]]) for item in write.payload["LineItems"]]
        predicted = xero_tax.xero_total(lines, write.payload["LineAmountTypes"] == "Inclusive")
        assert predicted == write.amount == totals[write.petmanager_id], write.natural_key


def test_the_summary_counts_totals_and_requests(plan):
    summary = plan.summary()
    assert sum(entry["count"] for entry in summary["kinds"].values()) == summary["writes"] == len(plan.writes)
    invoices = summary["kinds"]["invoice"]
    assert invoices["total"] == sum(w.amount for w in plan.writes if w.kind == "invoice")
    assert sum(month["total"] for month in invoices["months"].values()) == invoices["total"]
    assert all(re.fullmatch(r"\d{4}-\d{2}", month) for month in invoices["months"])
    assert summary["requests"] >= -(-len(plan.writes) // 50)
    assert summary["seconds"] == summary["requests"]  # 60 requests a minute


def test_void_records_in_the_window_are_skipped_with_the_reason(demo, plan):
    outcome, ws, _ = demo
    window = outcome.check.window
    con = ws.connect()
    try:
        void = {("invoice", row[0]) for row in con.execute(
            "SELECT invoice_id FROM pm_invoices WHERE snapshot_id = ? AND status = 'void' "
            "AND invoice_date BETWEEN ? AND ?", [outcome.check.pm_snapshot, window.start, window.end]).fetchall()}
    finally:
        con.close()
    assert void
    skipped = {(left.kind, left.petmanager_id) for left in plan.skipped}
    assert void <= skipped
    assert skipped.isdisjoint((write.kind, write.petmanager_id) for write in plan.writes)


def test_every_contact_the_plan_creates_joins_its_group(plan):
    contacts = [write for write in plan.writes if write.kind == "contact"]
    members = [write for write in plan.writes if write.kind == "contact_group_member"]
    assert contacts
    assert sorted(write.payload["ContactID"] for write in members) == \
        sorted(placeholder("ContactID", write.natural_key) for write in contacts)
    customers = {write.entity for write in members if write.petmanager_id is not None}
    assert len(customers) == 1 and not PLACEHOLDER.search(customers.pop()), \
        "the demo organisation has 'Pet Manager Customers' already: found by name, not created"
    assert not [write for write in plan.writes if write.kind == "contact_group"]
    for write in members:
        assert write.natural_key.endswith(" in Pet Manager Customers") and write.depends_on == \
            (write.natural_key.split(" in ")[0],)


def test_a_group_the_organisation_lacks_is_created_first_and_members_share_requests():
    group = placeholder("ContactGroupID", "GROUP:Pet Manager Customers")
    writes = [PlannedWrite(1, "contact_group", None, "GROUP:Pet Manager Customers", "ContactGroups", "PUT",
                           {"Name": "Pet Manager Customers"}, (), None)]
    writes += [PlannedWrite(1 + n, "contact_group_member", n, f"CN{n} in Pet Manager Customers",
                            f"ContactGroups/{group}/Contacts", "PUT", {"ContactID": placeholder("ContactID", f"CN{n}")},
                            ("GROUP:Pet Manager Customers", f"CN{n}"), None) for n in range(1, 61)]
    writes += [PlannedWrite(61 + n, "payout", n, f"PM-PO-{n}", "BankTransfers", "PUT", {"Amount": Decimal("1.00")},
                            (), Decimal("1.00")) for n in range(1, 4)]
    assert Plan(writes).summary()["requests"] == 1 + 1 + 3, "a group, 60 members in 1 call, a call per transfer"


def test_the_plan_goes_into_the_outbox_with_dependencies_as_seqs(plan):
    writes = to_outbox_writes(plan)
    seq_of = {write.natural_key: write.seq for write in plan.writes}
    assert [(w.seq, w.kind, w.natural_key, w.entity, w.payload) for w in writes] == \
        [(w.seq, w.kind, w.natural_key, w.entity, w.payload) for w in plan.writes]
    for planned, handed in zip(plan.writes, writes):
        assert handed.depends_on == tuple(seq_of[key] for key in planned.depends_on)
        assert handed.petmanager_id == (None if planned.petmanager_id is None else str(planned.petmanager_id))
