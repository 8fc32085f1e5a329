"""Documents already in Xero under their number, but voided there while live in Pet Manager."""

from __future__ import annotations

from recon.check.findings import Problem
from problem_books import TENANT


def test_an_invoice_voided_in_xero_but_live_in_pet_manager(books):
    books.customer(17)
    books.invoice(452, "2025-02-03", [("GST", "120.00")], number="10452", customer=17)
    books.xero_contact("c-17", "Jane Smith CN17", number="17")
    books.xero_invoice("x-1", "INV10452", "c-17", "2025-02-03", "120.00", status="VOIDED")

    assert books.problems() == [Problem(
        "voided_in_xero", False,
        "invoice 10452 of 2025-02-03 (120.00) is issued in Pet Manager but its copy INV10452 in Xero is VOIDED. The sync "
        "leaves it there, so Xero holds none of its 120.00 and takes no payment or allocation against it: void it in "
        "Pet Manager too, or enter it again in Xero under another number.",
        record_kind="invoice", petmanager_id=452, xero_id="x-1", tenant_id=TENANT,
    )]


def test_an_invoice_void_on_both_sides_is_fine(books):
    books.customer(17)
    books.invoice(452, "2025-02-03", [("GST", "120.00")], number="10452", customer=17, status="void")
    books.xero_contact("c-17", "Jane Smith CN17", number="17")
    books.xero_invoice("x-1", "INV10452", "c-17", "2025-02-03", "120.00", status="VOIDED")

    assert books.problems() == []


def test_a_credit_note_voided_in_xero(books):
    books.customer(17)
    books.credit_note(7, "2025-02-03", [("GST", "20.00")], number="CN-0213", customer=17)
    books.xero_contact("c-17", "Jane Smith CN17", number="17")
    books.xero_credit_note("x-7", "CN-0213", "c-17", "2025-02-03", "20.00", status="VOIDED")

    [problem] = books.problems()

    assert (problem.kind, problem.blocking, problem.record_kind, problem.xero_id) == (
        "voided_in_xero", False, "credit_note", "x-7")
    assert problem.message.startswith(
        "credit note CN-0213 of 2025-02-03 (20.00) is issued in Pet Manager but its copy CN-0213 in Xero is VOIDED.")
