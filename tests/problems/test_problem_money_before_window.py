"""Money taken before the start date on invoices the sync pushes (a deposit) is not synced."""

from __future__ import annotations

from recon.check.findings import Problem
from problem_books import TENANT


def test_a_deposit_taken_before_the_start_date(books):
    books.customer(1)
    books.invoice(1, "2025-02-08", [("GST", "295.00")], number="10001")
    books.payment(1, 1, "2025-01-20", "100.00", method="cash")
    books.payment(2, 1, "2025-02-12", "195.00")

    assert books.problems() == [Problem(
        "paid_before_start", False,
        "invoice 10001 of 2025-02-08 (295.00) was paid 100.00 before the start date 2025-02-01 by payment 1 of "
        "2025-01-20. That payment is not synced, so Xero would show 100.00 more owing than Pet Manager: move the start "
        "date back to 2025-01-20 or record that payment by hand in Xero.",
        record_kind="payment", petmanager_id=1, tenant_id=TENANT,
    )]


def test_credit_allocated_before_the_start_date(books):
    books.customer(1)
    books.overpayment(1, "2025-01-10", "100.00")
    books.invoice(1, "2025-02-08", [("GST", "52.00")], number="10004")
    books.allocation(2, ("overpayment", 1), 1, "2025-01-31", "52.00")

    [problem] = books.problems()

    assert (problem.kind, problem.blocking, problem.record_kind) == ("paid_before_start", False, "allocation")
    assert problem.message.endswith(
        "by allocation 2 of 2025-01-31. That allocation is not synced, so Xero would show 52.00 more owing than Pet "
        "Manager: move the start date back to 2025-01-31 or make that allocation by hand in Xero.")


def test_an_invoice_already_in_xero_is_no_concern(books):
    books.customer(1)
    books.invoice(1, "2025-02-08", [("GST", "295.00")], number="10001")
    books.payment(1, 1, "2025-01-20", "100.00", method="cash")
    books.xero_contact("c-1", "Jane Smith CN1", number="1")
    books.xero_invoice("x-1", "INV10001", "c-1", "2025-02-08", "295.00", amount_due="195.00")

    assert books.problems() == []
