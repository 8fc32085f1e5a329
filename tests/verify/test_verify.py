"""Verification after a push, on hand-made outbox rows and a hand-made Xero snapshot of the sample
business: a good push verifies clean; a missing record, a doubled one, a total a cent off, a
payment on the wrong invoice, an allocation on the wrong invoice and a record replaced by another
are each found and named."""

from __future__ import annotations

import shutil

import pytest
from pushed_books import PLAN, TENANT, make_workspace, push, snapshot, xero_books

from recon.errors import BadInput
from recon.verify import verify
from recon.workspace import Workspace
from sync.outbox import PlannedWrite
from tests.conftest import shared_dir


@pytest.fixture(scope="module")
def pushed(tmp_path_factory):
    """A workspace after a good push (no Xero snapshot yet): copied per test by `ws`."""
    root = tmp_path_factory.mktemp("verify")
    export = root / "export"
    shutil.copytree(shared_dir() / "petmanager-export" / "sample", export)
    ws = make_workspace(root / "ws", export)
    push(ws)
    return ws


@pytest.fixture
def ws(pushed, tmp_path):
    copy = tmp_path / "ws"
    shutil.copytree(pushed.root, copy)
    return Workspace(copy)


def findings(ws, books) -> list[tuple[str, str, str]]:
    snapshot(ws, books)
    result = verify(ws, PLAN, TENANT)
    return [(f.kind, f.problem, f.words) for f in result.findings]


def test_a_good_push_verifies_clean_and_every_kind_is_checked(ws):
    snapshot(ws)
    result = verify(ws, PLAN, TENANT)
    assert result.findings == []
    assert result.ok
    assert result.checked == {"contact": 2, "invoice": 2, "credit_note": 1, "payment": 1, "credit_note_allocation": 1,
                              "overpayment": 1, "overpayment_allocation": 1, "refund": 1, "stripe_fee_bill": 1,
                              "stripe_fee_payment": 1, "payout": 1}
    assert result.unchecked == {}
    assert result.as_json()["ok"] is True


def test_a_missing_invoice_is_found(ws):
    books = xero_books()
    books["Invoices"] = [i for i in books["Invoices"] if i["InvoiceID"] != "i-4"]
    found = findings(ws, books)
    assert ("invoice", "missing",
            "invoice INV10004 (Pet Manager 4) is not in Xero: no live record carries INV10004 and id i-4 is not there"
            ) in found
    assert [problem for kind, problem, _ in found if kind == "invoice"] == ["missing"]


def test_a_doubled_payment_is_found(ws):
    books = xero_books()
    books["Payments"].append({**books["Payments"][0], "PaymentID": "p-2-again"})
    found = findings(ws, books)
    assert [(kind, problem) for kind, problem, _ in found] == [("payment", "doubled")]
    assert "payment PM-PAY-2 (Pet Manager 2) is in Xero 2 times" in found[0][2]


def test_a_deleted_twin_does_not_count_as_a_double(ws):
    books = xero_books()
    books["Payments"].append({**books["Payments"][0], "PaymentID": "p-2-again", "Status": "DELETED"})
    assert findings(ws, books) == []


def test_an_invoice_total_one_cent_off_is_found(ws):
    books = xero_books()
    books["Invoices"][0]["Total"] = "295.01"
    assert findings(ws, books) == [("invoice", "amount", "invoice INV10001 (Pet Manager 1) is 295.01 in Xero but "
                                                          "295.00 in Pet Manager (0.01 apart)")]


def test_a_payment_on_the_wrong_invoice_is_found(ws):
    books = xero_books()
    books["Payments"][0]["Invoice"] = {"InvoiceID": "i-4", "InvoiceNumber": "INV10004"}
    assert findings(ws, books) == [("payment", "wrong_target", "payment PM-PAY-2 (Pet Manager 2) is on invoice "
                                                               "INV10004 in Xero, but was meant for invoice INV10001")]


def test_an_allocation_on_the_wrong_invoice_and_a_fee_on_no_bill_are_found(ws):
    books = xero_books()
    books["Overpayments"][0]["Allocations"][0]["Invoice"] = {"InvoiceID": "i-1"}
    del books["Payments"][2]["Invoice"]
    found = [(kind, problem) for kind, problem, _ in findings(ws, books)]
    assert found == [("overpayment_allocation", "wrong_target"), ("stripe_fee_payment", "wrong_target")]


def test_a_record_voided_and_replaced_by_hand_is_found(ws):
    books = xero_books()
    books["Invoices"][0]["Status"] = "VOIDED"
    books["Invoices"].append({**books["Invoices"][0], "InvoiceID": "i-1-new", "Status": "AUTHORISED"})
    found = [(kind, problem) for kind, problem, _ in findings(ws, books)]
    assert ("invoice", "not_live") in found
    assert ("invoice", "other_record") in found


def test_a_contact_whose_number_was_changed_in_xero_is_found(ws):
    books = xero_books()
    books["Contacts"][0]["ContactNumber"] = "1-old"
    assert findings(ws, books) == [("contact", "key_changed", "contact 1 (Pet Manager 1) was created as c-1, which "
                                                              "now carries 1-old in Xero instead of 1: someone "
                                                              "changed it by hand")]


def test_verify_needs_a_xero_snapshot(ws):
    with pytest.raises(BadInput, match="no Xero snapshot"):
        verify(ws, PLAN, TENANT)


GROUP_PLAN = "8" * 64


def test_a_later_plan_puts_the_contact_into_its_group_and_verify_finds_it_there(ws):
    """Plan 2 makes the group and puts contact CN1 (created by plan 1) into it: the placeholder
    {ContactID:CN1} resolves through plan 1's done row."""
    push(ws, plan_hash=GROUP_PLAN, writes=[
        PlannedWrite(1, "contact_group", "GROUP:Pet Manager Customers", "ContactGroups",
                     {"Name": "Pet Manager Customers"}),
        PlannedWrite(2, "contact_group_member", "CN1 in Pet Manager Customers",
                     "ContactGroups/{ContactGroupID:GROUP:Pet Manager Customers}/Contacts",
                     {"ContactID": "{ContactID:CN1}"}, petmanager_id="1", depends_on=(1,)),
    ])
    books = xero_books()
    books["ContactGroups"] = [{"ContactGroupID": "g-1", "Name": "Pet Manager Customers", "Status": "ACTIVE"}]
    books["Contacts"][0]["ContactGroups"] = [{"ContactGroupID": "g-1", "Name": "Pet Manager Customers"}]
    snapshot(ws, books)
    result = verify(ws, GROUP_PLAN, TENANT)
    assert result.checked == {"contact_group": 1, "contact_group_member": 1} and result.ok
    books["Contacts"][0]["ContactGroups"] = []
    books["Contacts"][1]["ContactGroups"] = [{"ContactGroupID": "g-1", "Name": "Pet Manager Customers"}]
    snapshot(ws, books)
    assert [(f.kind, f.problem, f.words) for f in verify(ws, GROUP_PLAN, TENANT).findings] == [
        ("contact_group_member", "missing", "contact group member CN1 in Pet Manager Customers (Pet Manager 1) is not "
                                            "in Xero: the contact is not a member of that group")]
