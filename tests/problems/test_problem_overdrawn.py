"""Credit allocated or refunded beyond what is left; invoices paid beyond what is due."""

from __future__ import annotations

from recon.check.findings import Problem
from problem_books import TENANT


def test_a_credit_note_allocated_and_refunded_beyond_its_total(books):
    books.customer(1)
    books.credit_note(2, "2025-02-03", [("GST", "20.00")], number="CN-0002")
    books.invoice(5, "2025-02-04", [("GST", "50.00")])
    books.allocation(1, ("credit_note", 2), 5, "2025-02-04", "15.00")
    books.refund(1, ("credit_note", 2), "2025-02-05", "10.00")

    assert books.problems() == [Problem(
        "over_allocation", True,
        "credit note CN-0002 holds 20.00 of credit but the sync would push 15.00 allocated and 10.00 refunded in the "
        "window, 5.00 more than it holds: Xero would refuse what overdraws it. Correct the allocations or refunds in "
        "Pet Manager.",
        record_kind="credit_note", petmanager_id=2, tenant_id=TENANT,
    )]


def test_an_overpayment_allocated_beyond_its_amount(books):
    books.customer(1)
    books.overpayment(1, "2025-02-03", "100.00")
    books.invoice(5, "2025-02-04", [("GST", "80.00")])
    books.invoice(6, "2025-02-05", [("GST", "80.00")])
    books.allocation(1, ("overpayment", 1), 5, "2025-02-04", "80.00")
    books.allocation(2, ("overpayment", 1), 6, "2025-02-05", "30.00")

    [problem] = books.problems()

    assert (problem.kind, problem.blocking, problem.record_kind, problem.petmanager_id) == (
        "over_allocation", True, "overpayment", 1)
    assert problem.message.startswith(
        "overpayment 1 holds 100.00 of credit but the sync would push 110.00 allocated and 0.00 refunded in the "
        "window, 10.00 more than it holds")


def test_a_credit_note_in_xero_with_too_little_credit_left(books):
    books.customer(1)
    books.credit_note(2, "2025-01-20", [("GST", "20.00")], number="CN-0002")
    books.refund(1, ("credit_note", 2), "2025-02-05", "20.00")
    books.xero_contact("c-1", "Jane Smith CN1", number="1")
    books.xero_credit_note("x-2", "CN-0002", "c-1", "2025-01-20", "20.00", remaining_credit="5.00")

    assert books.problems() == [Problem(
        "over_allocation", False,
        "credit note CN-0002 has 5.00 of credit left in Xero but the sync would push 0.00 allocated and 20.00 refunded "
        "in the window, 15.00 more: Xero would refuse what overdraws it. If some of them are already in Xero, link "
        "them as duplicates; otherwise correct them in Pet Manager.",
        record_kind="credit_note", petmanager_id=2, xero_id="x-2", tenant_id=TENANT,
    )]


def test_credit_used_within_what_is_left_is_fine(books):
    books.customer(1)
    books.credit_note(2, "2025-02-03", [("GST", "20.00")])
    books.invoice(5, "2025-02-04", [("GST", "50.00")])
    books.allocation(1, ("credit_note", 2), 5, "2025-02-04", "15.00")
    books.refund(1, ("credit_note", 2), "2025-02-05", "5.00")
    books.payment(1, 5, "2025-02-06", "35.00")

    assert books.problems() == []


def test_an_invoice_paid_and_credited_beyond_its_total(books):
    books.customer(1)
    books.invoice(5, "2025-02-04", [("GST", "120.00")], number="10452")
    books.credit_note(2, "2025-02-03", [("GST", "30.00")])
    books.allocation(1, ("credit_note", 2), 5, "2025-02-04", "30.00")
    books.payment(1, 5, "2025-02-05", "100.00")

    assert books.problems() == [Problem(
        "overpaid_invoice", True,
        "invoice 10452 totals 120.00 but the sync would push 100.00 in payments and 30.00 in credits in the window, "
        "10.00 more than its total: Xero refuses a payment larger than the amount due. Correct the payments or "
        "allocations in Pet Manager.",
        record_kind="invoice", petmanager_id=5, tenant_id=TENANT,
    )]


def test_an_invoice_already_paid_in_xero(books):
    books.customer(1)
    books.invoice(5, "2025-01-28", [("GST", "120.00")], number="10452")
    books.payment(1, 5, "2025-02-05", "120.00")
    books.xero_contact("c-1", "Jane Smith CN1", number="1")
    books.xero_invoice("x-5", "INV10452", "c-1", "2025-01-28", "120.00", status="PAID", amount_due="0.00")

    assert books.problems() == [Problem(
        "overpaid_invoice", False,
        "invoice 10452 has 0.00 due in Xero (PAID) but the sync would push 120.00 in payments and 0.00 in credits in "
        "the window, 120.00 more: Xero refuses a payment larger than the amount due. If some of them are already in "
        "Xero, link them as duplicates; otherwise correct them in Pet Manager.",
        record_kind="invoice", petmanager_id=5, xero_id="x-5", tenant_id=TENANT,
    )]
