"""Xero refuses anything dated on or before its lock dates."""

from __future__ import annotations

from recon.check.findings import Problem
from problem_books import TENANT


def test_records_on_or_before_the_period_lock_date(books):
    books.organisation(period_lock="2025-02-28", end_of_year_lock="2024-06-30")
    books.customer(1)
    books.invoice(1, "2025-02-03", [("GST", "110.00")])
    books.invoice(2, "2025-02-28", [("GST", "55.00")])
    books.invoice(3, "2025-03-01", [("GST", "55.00")])
    books.payment(1, 1, "2025-02-10", "110.00")

    problems = books.problems()

    assert problems == [
        Problem("lock_date", True,
                "Xero's period lock date is 2025-02-28, so Xero would refuse 2 invoices dated 2025-02-03 to 2025-02-28: "
                "move the start date to 2025-03-01 or later, or ask the organisation's adviser to move the lock date.", record_kind="invoice", tenant_id=TENANT),
        Problem("lock_date", True,
                "Xero's period lock date is 2025-02-28, so Xero would refuse 1 payment dated 2025-02-10: "
                "move the start date to 2025-03-01 or later, or ask the organisation's adviser to move the lock date.", record_kind="payment", tenant_id=TENANT),
    ]


def test_the_end_of_year_lock_date_wins_when_it_is_later(books):
    books.organisation(period_lock="2025-01-31", end_of_year_lock="2025-02-05")
    books.customer(1)
    books.credit_note(1, "2025-02-05", [("GST", "20.00")])

    [problem] = books.problems()

    assert problem.record_kind == "credit_note"
    assert problem.message.startswith(
        "Xero's end of year lock date is 2025-02-05, so Xero would refuse 1 credit note dated 2025-02-05: "
        "move the start date to 2025-02-06 or later")


def test_a_window_after_the_lock_date_is_fine(books):
    books.organisation(period_lock="2025-01-31")
    books.customer(1)
    books.invoice(1, "2025-01-15", [("GST", "110.00")])
    books.invoice(2, "2025-02-01", [("GST", "110.00")])

    assert books.problems(start="2025-02-01") == []
