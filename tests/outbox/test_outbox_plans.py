"""What the outbox does for the pusher: a later plan never pushes again what an earlier plan for the
same organisation pushed; contacts join a group 50 to a batch; an overpayment is known by the
OverpaymentID Xero made; placeholders resolve from the plan's done rows."""

import duckdb
import pytest

from sync.outbox import Outbox, PlannedWrite
from sync.xero import ElementResult

EARLIER, LATER = "a" * 64, "b" * 64
TENANT, OTHER_TENANT = "tenant-1", "tenant-2"
GROUP = "ContactGroups/{ContactGroupID:GROUP:Pet Manager Customers}/Contacts"


@pytest.fixture
def outbox(tmp_path):
    con = duckdb.connect(str(tmp_path / "recon.duckdb"))
    yield Outbox(con)
    con.close()


def contact(seq: int, number: str) -> PlannedWrite:
    return PlannedWrite(seq, "contact", f"CN{number}", "Contacts", {"Name": f"Customer CN{number}",
                                                                      "ContactNumber": number}, petmanager_id=number)


def push_all(outbox: Outbox, ids: dict[str, str]) -> None:
    """Stand-in for Xero: every row of every batch created, with the id `ids` names for its key."""
    while batch := outbox.next_batch():
        outbox.mark_sending(batch, batch.idempotency_key)
        outbox.record_results(batch, [ElementResult(index, True, {"ContactID": ids[row.natural_key]})
                                      for index, row in enumerate(batch.rows)])


def test_what_an_earlier_plan_pushed_is_done_in_a_later_one_with_the_same_id(outbox):
    outbox.add_plan(EARLIER, [contact(1, "17"), contact(2, "18")], tenant_id=TENANT)
    push_all(outbox, {"CN17": "id-17", "CN18": "id-18"})

    already = outbox.add_plan(LATER, [contact(1, "18"), contact(2, "19")], tenant_id=TENANT)

    assert already == 1
    assert outbox.done_ids(LATER) == {"CN18": "id-18"}
    batch = outbox.next_batch()
    assert [row.natural_key for row in batch.rows] == ["CN19"], "only the new contact is sent"


def test_what_was_pushed_to_another_organisation_is_pushed_again(outbox):
    outbox.add_plan(EARLIER, [contact(1, "17")], tenant_id=TENANT)
    push_all(outbox, {"CN17": "id-17"})
    assert outbox.add_plan(LATER, [contact(1, "17")], tenant_id=OTHER_TENANT) == 0
    assert [row.natural_key for row in outbox.next_batch().rows] == ["CN17"]


def test_contacts_join_their_group_a_thousand_to_a_batch(outbox):
    members = [PlannedWrite(seq, "contact_group_member", f"CN{seq} in Pet Manager Customers", GROUP,
                            {"ContactID": f"{{ContactID:CN{seq}}}"}) for seq in range(1, 1061)]
    transfers = [PlannedWrite(seq, "payout", f"PM-PO-{seq}", "BankTransfers", {"Reference": f"PM-PO-{seq}"})
                 for seq in range(1061, 1063)]
    outbox.add_plan(EARLIER, members + transfers)
    sizes = []
    while batch := outbox.next_batch():
        sizes.append(len(batch.rows))
        outbox.mark_sending(batch, batch.idempotency_key)
        outbox.record_results(batch, [ElementResult(index, True, {"ContactID": "x", "BankTransferID": "y"})
                                      for index in range(len(batch.rows))])
    assert sizes == [1000, 60, 1, 1]


def test_an_overpayment_is_known_by_the_overpayment_id_xero_made_from_the_bank_transaction(outbox):
    outbox.add_plan(EARLIER, [PlannedWrite(1, "overpayment", "PM-OVP-5", "BankTransactions",
                                           {"Type": "RECEIVE-OVERPAYMENT", "Reference": "PM-OVP-5"})])
    batch = outbox.next_batch()
    outbox.mark_sending(batch, batch.idempotency_key)
    outbox.record_results(batch, [ElementResult(0, True, {"BankTransactionID": "bt-1", "OverpaymentID": "op-1"})])
    assert outbox.done_ids(EARLIER) == {"PM-OVP-5": "op-1"}


def test_unfinished_rows_name_the_organisation_they_are_for(outbox):
    outbox.add_plan(EARLIER, [contact(1, "17")], tenant_id=TENANT)
    assert outbox.unfinished_tenants() == [TENANT]
    push_all(outbox, {"CN17": "id-17"})
    assert outbox.unfinished_tenants() == []
