"""The outbox's state machine on a real DuckDB file: dependency order, holds, batches, results,
crashes between marking a batch and hearing back, one plan at a time, status."""

from decimal import Decimal

import duckdb
import pytest

from sync.outbox import Outbox, OutboxError, PlannedWrite
from sync.xero import ElementResult

PLAN = "a" * 64
OTHER_PLAN = "b" * 64


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "recon.duckdb"


@pytest.fixture
def con(db_path):
    con = duckdb.connect(str(db_path))
    yield con
    con.close()


@pytest.fixture
def outbox(con):
    return Outbox(con)


def recorded(con) -> list[tuple]:
    return con.execute("SELECT natural_key, state, xero_id, error FROM outbox ORDER BY seq").fetchall()


def contact(seq: int, number: str) -> PlannedWrite:
    return PlannedWrite(seq, "contact", f"ContactNumber={number}", "Contacts",
                        {"Name": f"Customer CN{number}", "ContactNumber": number}, petmanager_id=number)


def invoice(seq: int, number: str, contact_seq: int) -> PlannedWrite:
    return PlannedWrite(seq, "invoice", f"InvoiceNumber={number}", "Invoices",
                        {"InvoiceNumber": number, "Total": Decimal("110.00")}, depends_on=(contact_seq,))


def payment(seq: int, reference: str, invoice_seq: int) -> PlannedWrite:
    return PlannedWrite(seq, "payment", f"Reference={reference}", "Payments",
                        {"Reference": reference, "Amount": Decimal("110.00")}, depends_on=(invoice_seq,))


def created(batch, id_field: str) -> list[ElementResult]:
    return [ElementResult(index, True, {id_field: f"{id_field}-{row.seq}"}) for index, row in enumerate(batch.rows)]


def send(outbox: Outbox, id_field: str):
    """Take the next batch, mark it sending and record every element as created."""
    batch = outbox.next_batch()
    outbox.mark_sending(batch, batch.idempotency_key)
    outbox.record_results(batch, created(batch, id_field))
    return batch


def test_a_payment_waits_for_its_invoice_which_waits_for_its_contact(outbox, con):
    outbox.add_plan(PLAN, [contact(1, "17"), invoice(2, "INV10452", 1), payment(3, "PM-PAY-8812", 2)])

    first = outbox.next_batch()
    assert [row.natural_key for row in first.rows] == ["ContactNumber=17"]
    outbox.mark_sending(first, first.idempotency_key)
    assert outbox.next_batch() is None, "the invoice waits until its contact is done"
    outbox.record_results(first, created(first, "ContactID"))

    assert [row.kind for row in send(outbox, "InvoiceID").rows] == ["invoice"]
    last = send(outbox, "PaymentID")
    assert [row.payload for row in last.rows] == [{"Reference": "PM-PAY-8812", "Amount": Decimal("110.00")}]
    assert outbox.next_batch() is None
    assert recorded(con) == [("ContactNumber=17", "done", "ContactID-1", None),
                             ("InvoiceNumber=INV10452", "done", "InvoiceID-2", None),
                             ("Reference=PM-PAY-8812", "done", "PaymentID-3", None)]


def test_a_failed_invoice_holds_its_payment_and_what_waits_on_that(outbox):
    second_payment = payment(4, "PM-PAY-8813", 3)  # chained on the first payment, to see holds pass down
    outbox.add_plan(PLAN, [contact(0, "17"), invoice(1, "INV10452", 0), payment(3, "PM-PAY-8812", 1),
                           second_payment])
    send(outbox, "ContactID")
    batch = outbox.next_batch()
    outbox.mark_sending(batch, batch.idempotency_key)
    outbox.record_results(batch, [ElementResult(0, False, {}, ["Account code '999' is not a valid code"])])

    assert outbox.next_batch() is None
    failures = {row.natural_key: (row.state, row.error) for row in outbox.failures()}
    assert failures == {
        "InvoiceNumber=INV10452": ("failed", "Account code '999' is not a valid code"),
        "Reference=PM-PAY-8812": ("held", "waits for invoice InvoiceNumber=INV10452, which failed: "
                                          "Account code '999' is not a valid code"),
        "Reference=PM-PAY-8813": ("held", "waits for payment Reference=PM-PAY-8812, which is held"),
    }
    assert outbox.status() == {"contact": {"done": 1}, "invoice": {"failed": 1}, "payment": {"held": 2}}



def test_the_same_plan_confirmed_again_retries_what_failed_with_a_fresh_key(outbox):
    writes = [contact(0, "17"), invoice(1, "INV10452", 0), payment(3, "PM-PAY-8812", 1)]
    outbox.add_plan(PLAN, writes)
    send(outbox, "ContactID")
    batch = outbox.next_batch()
    first_key = batch.idempotency_key
    outbox.mark_sending(batch, first_key)
    outbox.record_results(batch, [ElementResult(0, False, {}, ["Account code '999' is archived"])])
    assert outbox.next_batch() is None

    assert outbox.add_plan(PLAN, writes) == 0  # the account restored in Xero; the plan is unchanged
    assert outbox.status() == {"contact": {"done": 1}, "invoice": {"planned": 1}, "payment": {"planned": 1}}
    retry = outbox.next_batch()
    assert [row.natural_key for row in retry.rows] == ["InvoiceNumber=INV10452"]
    assert retry.idempotency_key != first_key, "Xero would replay the refusal for the old key"
    assert outbox.failures() == []

def test_batches_hold_at_most_50_of_one_entity_in_seq_order(outbox):
    contacts = [contact(seq, str(seq)) for seq in range(1, 121)]
    independent_invoice = PlannedWrite(121, "invoice", "InvoiceNumber=INV1", "Invoices", {"InvoiceNumber": "INV1"})
    transfers = [PlannedWrite(seq, "payout", f"Reference=PO{seq}", "BankTransfers", {"Reference": f"PO{seq}"})
                 for seq in (122, 123)]
    outbox.add_plan(PLAN, [*contacts, independent_invoice, *transfers])

    sent = []
    while batch := outbox.next_batch():
        outbox.mark_sending(batch, batch.idempotency_key)
        outbox.record_results(batch, created(batch, "ID"))
        sent.append((batch.entity, [row.seq for row in batch.rows]))

    assert sent == [
        ("Contacts", list(range(1, 51))),
        ("Contacts", list(range(51, 101))),
        ("Contacts", list(range(101, 121))),
        ("Invoices", [121]),
        ("BankTransfers", [122]),  # BankTransfers take one element per call
        ("BankTransfers", [123]),
    ]
    assert outbox.next_batch(max_size=10) is None
    with pytest.raises(ValueError):
        outbox.next_batch(max_size=0)


def test_results_are_recorded_per_element(outbox, con):
    outbox.add_plan(PLAN, [contact(1, "17"), contact(2, "18"), contact(3, "19")])
    batch = outbox.next_batch()
    outbox.mark_sending(batch, batch.idempotency_key)
    outbox.record_results(batch, [
        ElementResult(0, True, {"ContactID": "c-17", "Name": "Customer CN17"}),
        ElementResult(1, False, {"ContactID": "00000000-0000-0000-0000-000000000000"},
                      ["The contact name must be unique", "Email address must be valid"]),
        ElementResult(2, True, {"ContactID": "c-19"}),
    ])

    assert recorded(con) == [
        ("ContactNumber=17", "done", "c-17", None),
        ("ContactNumber=18", "failed", None, "The contact name must be unique; Email address must be valid"),
        ("ContactNumber=19", "done", "c-19", None),
    ]
    (failed,) = outbox.failures()
    assert failed.batch_key == batch.idempotency_key and failed.attempts == 1
    assert outbox.status() == {"contact": {"done": 2, "failed": 1}}
    with pytest.raises(ValueError, match="one result for each"):
        outbox.record_results(batch, created(batch, "ContactID")[:2])


def test_a_crash_after_marking_a_batch_leaves_it_in_doubt_until_looked_up(db_path):
    con = duckdb.connect(str(db_path))
    outbox = Outbox(con)
    outbox.add_plan(PLAN, [contact(1, "17"), contact(2, "18"), invoice(3, "INV1", 1)])
    batch = outbox.next_batch()
    assert outbox.next_batch().idempotency_key == batch.idempotency_key == f"{'a' * 32}-1-1"
    outbox.mark_sending(batch, batch.idempotency_key)
    con.close()  # the process dies here: was the request sent, did Xero commit?

    con = duckdb.connect(str(db_path))
    outbox = Outbox(con)
    assert outbox.next_batch() is None, "nothing is sent again before the look-up"
    in_doubt = outbox.in_doubt()
    assert [(row.natural_key, row.state, row.batch_key) for row in in_doubt] == [
        ("ContactNumber=17", "sending", batch.idempotency_key),
        ("ContactNumber=18", "sending", batch.idempotency_key),
    ]
    found, missing = in_doubt
    outbox.resolve_looked_up(found.outbox_id, "c-17")  # Xero has it: done, never sent again
    outbox.resolve_looked_up(missing.outbox_id, None)  # Xero has not: planned again
    assert outbox.in_doubt() == []

    again = outbox.next_batch()
    assert [row.natural_key for row in again.rows] == ["ContactNumber=18"]
    assert again.idempotency_key == f"{'a' * 32}-2-2", "a fresh key: Xero must not replay the lost attempt"
    outbox.mark_sending(again, again.idempotency_key)
    outbox.mark_unknown(again)  # WriteOutcomeUnknown
    (unknown,) = outbox.in_doubt()
    assert (unknown.state, unknown.attempts) == ("unknown", 2)
    outbox.resolve_looked_up(unknown.outbox_id, "c-18")

    assert [row.kind for row in outbox.next_batch().rows] == ["invoice"]
    assert outbox.status() == {"contact": {"done": 2}, "invoice": {"planned": 1}}
    con.close()


def test_steps_out_of_order_are_refused(outbox):
    outbox.add_plan(PLAN, [contact(1, "17")])
    batch = outbox.next_batch()
    with pytest.raises(OutboxError, match="is being sent"):
        outbox.record_results(batch, created(batch, "ContactID"))
    outbox.mark_sending(batch, batch.idempotency_key)
    with pytest.raises(OutboxError, match="planned"):
        outbox.mark_sending(batch, batch.idempotency_key)
    outbox.record_results(batch, created(batch, "ContactID"))
    with pytest.raises(OutboxError, match="not in doubt"):
        outbox.resolve_looked_up(batch.rows[0].outbox_id, None)
    with pytest.raises(OutboxError, match="sending"):
        outbox.mark_unknown(batch)
    assert outbox.status() == {"contact": {"done": 1}}


def test_a_plan_must_depend_on_earlier_writes_only(outbox):
    with pytest.raises(ValueError, match="not an earlier write"):
        outbox.add_plan(PLAN, [invoice(1, "INV1", 2), contact(2, "17")])
    with pytest.raises(ValueError, match="its own seq"):
        outbox.add_plan(PLAN, [contact(1, "17"), contact(1, "18")])
    with pytest.raises(ValueError, match="does not write"):
        outbox.add_plan(PLAN, [PlannedWrite(1, "contact", "ContactNumber=17", "Contacts", {}, method="DELETE")])
    assert outbox.status() == {}


def test_another_plan_is_refused_while_one_is_unfinished(outbox):
    outbox.add_plan(PLAN, [contact(1, "17"), contact(2, "18")])
    outbox.add_plan(PLAN, [contact(1, "17"), contact(2, "18")])  # a rerun of the same plan adds nothing
    assert outbox.status() == {"contact": {"planned": 2}}
    with pytest.raises(OutboxError, match="is not finished"):
        outbox.add_plan(OTHER_PLAN, [contact(1, "19")])

    batch = outbox.next_batch()
    outbox.mark_sending(batch, batch.idempotency_key)
    outbox.record_results(batch, [ElementResult(0, True, {"ContactID": "c-17"}),
                                  ElementResult(1, False, None, ["A validation exception occurred"])])
    outbox.add_plan(OTHER_PLAN, [contact(1, "18"), invoice(2, "INV1", 1)])  # failed rows do not block

    assert outbox.status() == {"contact": {"planned": 1}, "invoice": {"planned": 1}}
    assert outbox.failures() == [], "status and failures speak of the latest plan"
    assert [row.plan_hash for row in outbox.next_batch().rows] == [OTHER_PLAN]


def test_status_counts_rows_per_kind_and_state(outbox):
    outbox.add_plan(PLAN, [contact(1, "17"), contact(2, "18"), contact(3, "19"),
                           invoice(4, "INV1", 1), invoice(5, "INV2", 2), payment(6, "PM-PAY-1", 5)])
    batch = outbox.next_batch()
    outbox.mark_sending(batch, batch.idempotency_key)
    outbox.record_results(batch, [ElementResult(0, True, {"ContactID": "c-17"}),
                                  ElementResult(1, False, None, ["Name is required"]),
                                  ElementResult(2, True, {"ContactID": "c-19"})])
    batch = outbox.next_batch()
    outbox.mark_sending(batch, batch.idempotency_key)

    assert outbox.status() == {
        "contact": {"done": 2, "failed": 1},
        "invoice": {"held": 1, "sending": 1},
        "payment": {"held": 1},
    }
