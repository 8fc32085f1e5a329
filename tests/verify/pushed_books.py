"""A finished push on the sample business, written by hand: a workspace with a Pet Manager snapshot of
the sample export, outbox rows as the pusher leaves them (Outbox.add_plan, then each batch marked
sending and answered), and a Xero snapshot of the books after the push, taken through the real
snapshot code from Xero JSON (`FakeXero`). Tests change one thing and look for the finding.

The plan (sample export ids): Jane Smith (customer 1) and the supplier Stripe, invoices 10001
(295.00, Jane) and 10004 (52.00, Zoe, whose contact Xero already holds as c-5), credit note CN-0001
(65.00), payment 2 (130.00 on 10001), allocation 1 (CN-0001 -> 10001, 65.00), overpayment 1
(100.00), allocation 2 (overpayment 1 -> 10004, 52.00), refund 1 (20.00 from CN-0002, already in
Xero as n-2), the Stripe fee of payment 1 (1.95) as bill PM-FEE-1 and its payment, payout 1 (97.55).
"""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from recon.cli import app
from recon.snapshot.xero import snapshot_xero
from recon.workspace import Workspace
from sync.outbox import Outbox, PlannedWrite
from sync.xero import ElementResult

TENANT = "t-1"
PLAN = "9" * 64


def write(seq, kind, pm_id, key, entity, payload, *depends_on):
    return PlannedWrite(seq, kind, key, entity, payload, petmanager_id=pm_id, depends_on=depends_on)


def planned_writes() -> list[PlannedWrite]:
    money = Decimal
    return [
        write(1, "contact", "1", "CN1", "Contacts", {"Name": "Jane Smith CN1", "ContactNumber": "1"}),
        write(2, "contact", None, "Stripe", "Contacts", {"Name": "Stripe"}),
        write(3, "invoice", "1", "INV10001", "Invoices",
              {"InvoiceNumber": "INV10001", "Contact": {"ContactID": "{ContactID:CN1}"}}, 1),
        write(4, "invoice", "4", "INV10004", "Invoices", {"InvoiceNumber": "INV10004", "Contact": {"ContactID": "c-5"}}),
        write(5, "credit_note", "1", "CN-0001", "CreditNotes",
              {"CreditNoteNumber": "CN-0001", "Contact": {"ContactID": "{ContactID:CN1}"}}, 1),
        write(6, "payment", "2", "PM-PAY-2", "Payments",
              {"Invoice": {"InvoiceID": "{InvoiceID:INV10001}"}, "Amount": money("130.00"), "Reference": "PM-PAY-2"}, 3),
        write(7, "credit_note_allocation", "1", "PM-ALC-1", "CreditNotes/{CreditNoteID:CN-0001}/Allocations",
              {"Invoice": {"InvoiceID": "{InvoiceID:INV10001}"}, "Amount": money("65.00")}, 3, 5),
        write(8, "overpayment", "1", "PM-OVP-1", "BankTransactions",
              {"Type": "RECEIVE-OVERPAYMENT", "Contact": {"ContactID": "c-5"}, "Reference": "PM-OVP-1 ZOE PREPAY"}),
        write(9, "overpayment_allocation", "2", "PM-ALC-2", "Overpayments/{OverpaymentID:PM-OVP-1}/Allocations",
              {"Invoice": {"InvoiceID": "{InvoiceID:INV10004}"}, "Amount": money("52.00")}, 4, 8),
        write(10, "refund", "1", "PM-RFD-1", "Payments",
              {"CreditNote": {"CreditNoteID": "n-2"}, "Amount": money("20.00"), "Reference": "PM-RFD-1 Goodwill refund"}),
        write(11, "stripe_fee_bill", "1", "PM-FEE-1", "Invoices",
              {"Type": "ACCPAY", "InvoiceNumber": "PM-FEE-1", "Contact": {"ContactID": "{ContactID:Stripe}"}}, 2),
        write(12, "stripe_fee_payment", "1", "PM-FEE-1 payment", "Payments",
              {"Invoice": {"InvoiceID": "{InvoiceID:PM-FEE-1}"}, "Amount": money("1.95"), "Reference": "PM-FEE-1"}, 11),
        write(13, "payout", "1", "PM-PO-1", "BankTransfers", {"Amount": money("97.55"), "Reference": "PM-PO-1 po_1Oa9X2"}),
    ]


# The Xero id each write got, by natural key (the overpayment: its BankTransaction's id).
XERO_IDS = {"CN1": "c-1", "Stripe": "c-stripe", "INV10001": "i-1", "INV10004": "i-4", "CN-0001": "n-1",
            "PM-PAY-2": "p-2", "PM-ALC-1": "a-1", "PM-OVP-1": "bt-1", "PM-ALC-2": "a-2", "PM-RFD-1": "p-r1",
            "PM-FEE-1": "b-1", "PM-FEE-1 payment": "p-f1", "PM-PO-1": "t-1",
            "GROUP:Pet Manager Customers": "g-1", "CN1 in Pet Manager Customers": "c-1"}
ID_FIELDS = {"ContactGroups": "ContactGroupID", "Contacts": "ContactID", "Invoices": "InvoiceID", "CreditNotes": "CreditNoteID", "Payments": "PaymentID",
             "BankTransactions": "BankTransactionID", "BankTransfers": "BankTransferID"}


def xero_books() -> dict[str, list[dict]]:
    """Xero after a good push: every record once, amounts as in Pet Manager, each where it belongs."""
    jane = {"ContactID": "c-1", "Name": "Jane Smith CN1"}
    zoe = {"ContactID": "c-5", "Name": "Zoe Nguyen CN5"}
    return {
        "Organisation": [{"OrganisationID": "org-1", "Name": "Happy Tails Boarding Kennels", "BaseCurrency": "AUD"}],
        "Contacts": [
            {**jane, "ContactNumber": "1", "ContactStatus": "ACTIVE"},
            {**zoe, "ContactNumber": "5", "ContactStatus": "ACTIVE"},
            {"ContactID": "c-stripe", "Name": "Stripe", "ContactStatus": "ACTIVE"},
        ],
        "Invoices": [
            {"InvoiceID": "i-1", "Type": "ACCREC", "InvoiceNumber": "INV10001", "Contact": jane, "Status": "PAID",
             "Total": "295.00"},
            {"InvoiceID": "i-4", "Type": "ACCREC", "InvoiceNumber": "INV10004", "Contact": zoe, "Status": "PAID",
             "Total": "52.00"},
            {"InvoiceID": "b-1", "Type": "ACCPAY", "InvoiceNumber": "PM-FEE-1",
             "Contact": {"ContactID": "c-stripe", "Name": "Stripe"}, "Status": "PAID", "Total": "1.95"},
        ],
        "CreditNotes": [
            {"CreditNoteID": "n-1", "Type": "ACCRECCREDIT", "CreditNoteNumber": "CN-0001", "Contact": jane,
             "Status": "PAID", "Total": "65.00",
             "Allocations": [{"AllocationID": "a-1", "Invoice": {"InvoiceID": "i-1"}, "Amount": "65.00"}]},
            {"CreditNoteID": "n-2", "Type": "ACCRECCREDIT", "CreditNoteNumber": "CN-0002",
             "Contact": {"ContactID": "c-2", "Name": "Tom O'Brien CN2"}, "Status": "PAID", "Total": "20.00"},
        ],
        "Payments": [
            {"PaymentID": "p-2", "Amount": "130.00", "Reference": "PM-PAY-2", "Status": "AUTHORISED",
             "Invoice": {"InvoiceID": "i-1", "InvoiceNumber": "INV10001"}},
            {"PaymentID": "p-r1", "Amount": "20.00", "Reference": "PM-RFD-1 Goodwill refund", "Status": "AUTHORISED",
             "CreditNote": {"CreditNoteID": "n-2"}},
            {"PaymentID": "p-f1", "Amount": "1.95", "Reference": "PM-FEE-1", "Status": "AUTHORISED",
             "Invoice": {"InvoiceID": "b-1", "InvoiceNumber": "PM-FEE-1"}},
        ],
        "Overpayments": [
            {"OverpaymentID": "o-1", "Type": "RECEIVE-OVERPAYMENT", "Contact": zoe, "Status": "PAID", "Total": "100.00",
             "Allocations": [{"AllocationID": "a-2", "Invoice": {"InvoiceID": "i-4"}, "Amount": "52.00"}]},
        ],
        "BankTransactions": [
            {"BankTransactionID": "bt-1", "Type": "RECEIVE-OVERPAYMENT", "Contact": zoe, "Status": "AUTHORISED",
             "Reference": "PM-OVP-1 ZOE PREPAY", "Total": "100.00", "OverpaymentID": "o-1"},
        ],
        "BankTransfers": [{"BankTransferID": "t-1", "Amount": "97.55", "Reference": "PM-PO-1 po_1Oa9X2"}],
    }


class FakeXero:
    """A Xero organisation as the snapshot reads it: each entity's records from a dict."""

    def __init__(self, books: dict[str, list[dict]]):
        self.books = books

    def iter_records(self, entity, *, modified_since=None, include_archived=False, on_page=None):
        records = copy.deepcopy(self.books.get(entity, []))
        if on_page:
            on_page(1, len(records))
        return iter(records)


def make_workspace(root: Path, export: Path) -> Workspace:
    """`recon init` on the sample export for organisation TENANT, then a Pet Manager snapshot."""
    runner = CliRunner()
    init = runner.invoke(app, ["init", str(root), "--export", str(export), "--invoice-prefix", "INV",
                               "--credit-note-prefix", "", "--tenant-id", TENANT, "--start-date", "2024-01-01"])
    assert init.exit_code == 0, init.output
    snapshot = runner.invoke(app, ["snapshot", "--petmanager", "-w", str(root)])
    assert snapshot.exit_code == 0, snapshot.output
    return Workspace(root)


def push(ws: Workspace, *, failures: dict[str, str] | None = None, stop_after: int | None = None,
         plan_hash: str = PLAN, writes: list[PlannedWrite] | None = None) -> None:
    """Play the pusher: send every batch and answer it as Xero would, each row done with XERO_IDS —
    except the natural keys in `failures` (key -> Xero's message), which fail; their dependants are held.
    `stop_after`: stop after that many batches (the rest stays planned, as after Ctrl-C)."""
    failures = failures or {}
    con = ws.connect()
    try:
        outbox = Outbox(con)
        outbox.add_plan(plan_hash, writes or planned_writes())
        sent = 0
        while (stop_after is None or sent < stop_after) and (batch := outbox.next_batch()):
            outbox.mark_sending(batch, batch.idempotency_key)
            outbox.record_results(batch, [_answer(index, row, failures) for index, row in enumerate(batch.rows)])
            sent += 1
    finally:
        con.close()


def _answer(index: int, row, failures: dict[str, str]) -> ElementResult:
    message = failures.get(row.natural_key)
    if message:
        return ElementResult(index, False, None, [message])
    entity = row.entity.split("/")[-1]
    id_field = "AllocationID" if entity == "Allocations" else ID_FIELDS[entity]
    return ElementResult(index, True, {id_field: XERO_IDS[row.natural_key]})


def snapshot(ws: Workspace, books: dict[str, list[dict]] | None = None,
             at: dt.datetime | None = None) -> int:
    """A full Xero snapshot of TENANT holding `books` (default: xero_books())."""
    con = ws.connect()
    try:
        result = snapshot_xero(con, FakeXero(books if books is not None else xero_books()), TENANT, source="test",
                               full=True)
    finally:
        con.close()
    return result.snapshot_id
