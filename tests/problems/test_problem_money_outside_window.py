"""Payments, allocations and refunds in the window whose document the sync does not push."""

from __future__ import annotations

from recon.check.findings import Problem
from problem_books import TENANT


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [p.message for p in problems]
    return problems[0]


def test_payment_of_an_invoice_dated_before_the_start_date(books):
    books.customer(1)
    books.invoice(452, "2025-01-28", [("GST", "120.00")], number="10452")
    books.payment(8812, 452, "2025-02-03", "120.00")

    problem = only(books.problems(start="2025-02-01"))

    assert problem == Problem(
        "payment_before_start", False,
        "payment 8812 of 2025-02-03 pays invoice 10452, dated 2025-01-28, before the start date 2025-02-01: "
        "move the start date back or record that payment by hand in Xero",
        record_kind="payment", petmanager_id=8812, tenant_id=TENANT,
    )


def test_payment_of_an_invoice_dated_in_the_window_is_fine(books):
    books.customer(1)
    books.invoice(452, "2025-02-01", [("GST", "120.00")])
    books.payment(8812, 452, "2025-02-03", "120.00")

    assert books.problems(start="2025-02-01") == []


def test_payment_of_an_invoice_already_in_xero_is_fine(books):
    books.customer(1)
    books.invoice(452, "2025-01-28", [("GST", "120.00")], number="10452")
    books.payment(8812, 452, "2025-02-03", "120.00")
    books.xero_contact("c-1", "Jane Smith CN1", number="1")
    books.xero_invoice("x-452", "INV10452", "c-1", "2025-01-28", "120.00")

    assert books.problems(start="2025-02-01") == []


def test_an_invoice_with_that_number_for_another_contact_is_no_link(books):
    books.customer(1)
    books.invoice(452, "2025-01-28", [("GST", "120.00")], number="10452")
    books.payment(8812, 452, "2025-02-03", "120.00")
    books.xero_contact("c-9", "Someone Else CN9", number="9")
    books.xero_invoice("x-452", "INV10452", "c-9", "2025-01-28", "120.00")

    assert [p.kind for p in books.problems(start="2025-02-01")] == ["payment_before_start"]


def test_a_voided_copy_in_xero_takes_no_payment(books):
    books.customer(1)
    books.invoice(452, "2025-01-28", [("GST", "120.00")], number="10452")
    books.payment(8812, 452, "2025-02-03", "120.00")
    books.xero_contact("c-1", "Jane Smith CN1", number="1")
    books.xero_invoice("x-452", "INV10452", "c-1", "2025-01-28", "120.00", status="VOIDED")

    assert [p.kind for p in books.problems(start="2025-02-01")] == ["payment_before_start"]


def test_payment_of_an_invoice_dated_after_the_window(books):
    books.customer(1)
    books.invoice(452, "2025-03-02", [("GST", "120.00")], number="10452")
    books.payment(8812, 452, "2025-02-27", "50.00")

    problem = only(books.problems(start="2025-02-01", end="2025-02-28"))

    assert (problem.kind, problem.blocking) == ("payment_after_end", False)
    assert problem.message == (
        "payment 8812 of 2025-02-27 pays invoice 10452, dated 2025-03-02, after the window's end 2025-02-28: "
        "extend the window or record that payment by hand in Xero")


def test_payment_of_a_draft_invoice(books):
    books.customer(1)
    books.invoice(452, "2025-02-02", [("GST", "120.00")], number="10452", status="draft")
    books.payment(8812, 452, "2025-02-03", "120.00")

    problem = only(books.problems())

    assert (problem.kind, problem.blocking, problem.petmanager_id) == ("payment_on_draft", False, 8812)
    assert problem.message == (
        "payment 8812 of 2025-02-03 pays invoice 10452, a draft in Pet Manager (drafts are never synced): "
        "issue it in Pet Manager or record that payment by hand in Xero")


def test_payment_of_a_void_invoice(books):
    books.customer(1)
    books.invoice(452, "2025-02-02", [("GST", "120.00")], number="10452", status="void")
    books.payment(8812, 452, "2025-02-03", "120.00")

    problem = only(books.problems())

    assert (problem.kind, problem.blocking) == ("payment_on_void", False)
    assert problem.message == (
        "payment 8812 of 2025-02-03 pays invoice 10452, which is void in Pet Manager (Xero takes no money against "
        "a voided document): correct the payment in Pet Manager")


def test_void_payments_and_payments_before_the_window_are_not_pushed(books):
    books.customer(1)
    books.invoice(452, "2025-01-28", [("GST", "120.00")])
    books.payment(8812, 452, "2025-02-03", "120.00", status="void")
    books.payment(8813, 452, "2025-01-30", "120.00")

    assert books.problems() == []


def test_allocation_of_a_credit_note_dated_before_the_start_date(books):
    books.customer(1)
    books.credit_note(7, "2025-01-20", [("GST", "65.00")], number="CN-0007")
    books.invoice(452, "2025-02-02", [("GST", "120.00")], number="10452")
    books.allocation(5, ("credit_note", 7), 452, "2025-02-03", "65.00")

    problem = only(books.problems())

    assert (problem.kind, problem.record_kind, problem.petmanager_id) == ("payment_before_start", "allocation", 5)
    assert problem.message == (
        "allocation 5 of 2025-02-03 applies 65.00 of credit note CN-0007, dated 2025-01-20, before the start date "
        "2025-02-01: move the start date back or make that allocation by hand in Xero")


def test_allocation_of_a_credit_note_already_in_xero_is_fine(books):
    books.customer(1)
    books.credit_note(7, "2025-01-20", [("GST", "65.00")], number="CN-0007")
    books.invoice(452, "2025-02-02", [("GST", "120.00")])
    books.allocation(5, ("credit_note", 7), 452, "2025-02-03", "65.00")
    books.xero_contact("c-1", "Jane Smith CN1", number="1")
    books.xero_credit_note("x-cn7", "CN-0007", "c-1", "2025-01-20", "65.00")

    assert books.problems() == []


def test_allocation_to_an_invoice_dated_before_the_start_date(books):
    books.customer(1)
    books.overpayment(3, "2025-02-02", "100.00")
    books.invoice(452, "2025-01-28", [("GST", "52.00")], number="10452")
    books.allocation(6, ("overpayment", 3), 452, "2025-02-03", "52.00")

    problem = only(books.problems())

    assert problem.message == (
        "allocation 6 of 2025-02-03 applies 52.00 to invoice 10452, dated 2025-01-28, before the start date "
        "2025-02-01: move the start date back or make that allocation by hand in Xero")


def test_refund_of_an_overpayment_received_before_the_start_date(books):
    books.customer(1)
    books.overpayment(3, "2025-01-23", "100.00")
    books.refund(4, ("overpayment", 3), "2025-02-21", "20.00")

    problem = only(books.problems())

    assert (problem.kind, problem.blocking, problem.record_kind) == ("payment_before_start", False, "refund")
    assert problem.message == (
        "refund 4 of 2025-02-21 pays out 20.00 of overpayment 3, dated 2025-01-23, before the start date 2025-02-01: "
        "move the start date back or record that refund by hand in Xero")


def test_money_of_another_organisations_location_is_not_checked(books):
    books.customer(1)
    books.invoice(452, "2025-01-28", [("GST", "120.00")], location=3)
    books.payment(8812, 452, "2025-02-03", "120.00", location=3)

    assert books.problems() == []
