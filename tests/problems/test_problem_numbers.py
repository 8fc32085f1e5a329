"""InvoiceNumber and CreditNoteNumber collisions: Xero keeps sales numbers unique, voided ones too."""

from __future__ import annotations

from recon.check.findings import Problem
from problem_books import TENANT


def kinds(problems: list[Problem]) -> list[str]:
    return [p.kind for p in problems]


def test_invoice_number_held_by_another_contacts_invoice(books):
    books.customer(17)
    books.invoice(452, "2025-02-03", [("GST", "120.00")], number="10452", customer=17)
    books.xero_contact("c-18", "Tom O'Brien CN18", number="18")
    books.xero_invoice("x-1", "INV10452", "c-18", "2024-11-02", "95.00")

    [problem] = books.problems()

    assert problem == Problem(
        "number_collision", True,
        "invoice 10452 of 2025-02-03 (customer 17, 120.00) would be pushed as INV10452, but Xero already has "
        "INV10452 for another document: 'Tom O'Brien CN18' (contact number 18), dated 2024-11-02, 95.00, AUTHORISED. "
        "Xero would refuse the push: renumber the Xero invoice or change the prefix in Pet Manager's Step 1 and "
        "numbering.invoice_prefix in recon.toml.",
        record_kind="invoice", petmanager_id=452, xero_id="x-1", tenant_id=TENANT,
    )


def test_invoice_number_held_by_a_hand_typed_invoice_of_the_same_customer_with_another_total(books):
    books.customer(17)
    books.invoice(452, "2025-02-03", [("GST", "120.00")], number="10452", customer=17)
    books.xero_contact("c-17", "Jane Smith", number=None)
    books.xero_invoice("x-1", "inv10452", "c-17", "2025-02-03", "120.00")

    [problem] = books.problems()

    assert problem.kind == "number_collision"
    assert "Xero already has inv10452 for another document: 'Jane Smith' (no contact number)" in problem.message


def test_a_voided_invoice_keeps_its_number(books):
    books.customer(17)
    books.invoice(452, "2025-02-03", [("GST", "120.00")], number="10452", customer=17)
    books.xero_contact("c-18", "Tom O'Brien CN18", number="18")
    books.xero_invoice("x-1", "INV10452", "c-18", "2024-11-02", "95.00", status="VOIDED")

    [problem] = books.problems()

    assert problem.blocking
    assert problem.message.endswith(
        "95.00, VOIDED. Xero would refuse the push: a voided invoice keeps its number, so change the prefix in "
        "Pet Manager's Step 1 and numbering.invoice_prefix in recon.toml.")


def test_a_deleted_draft_frees_its_number(books):
    books.customer(17)
    books.invoice(452, "2025-02-03", [("GST", "120.00")], number="10452", customer=17)
    books.xero_contact("c-18", "Tom O'Brien CN18", number="18")
    books.xero_invoice("x-1", "INV10452", "c-18", "2024-11-02", "95.00", status="DELETED")

    assert books.problems() == []


def test_the_same_invoice_already_synced_is_a_link_not_a_collision(books):
    books.customer(17)
    books.invoice(452, "2025-02-03", [("GST", "120.00")], number="10452", customer=17)
    books.xero_contact("c-17", "Jane Smith CN17", number="17")
    books.xero_invoice("x-1", "INV10452", "c-17", "2025-02-03", "120.00", status="PAID", amount_due="0.00")

    assert books.problems() == []


def test_bills_do_not_hold_sales_numbers(books):
    books.customer(17)
    books.invoice(452, "2025-02-03", [("GST", "120.00")], number="10452", customer=17)
    books.xero_contact("c-18", "Stripe", number=None)
    books.xero_invoice("x-1", "INV10452", "c-18", "2025-02-03", "1.95", type_="ACCPAY")

    assert books.problems() == []


def test_invoices_outside_the_window_and_drafts_are_not_pushed(books):
    books.customer(17)
    books.invoice(452, "2025-01-03", [("GST", "120.00")], number="10452", customer=17)
    books.invoice(453, "2025-02-03", [("GST", "120.00")], number="10453", customer=17, status="draft")
    books.xero_contact("c-18", "Tom O'Brien CN18", number="18")
    books.xero_invoice("x-1", "INV10452", "c-18", "2024-11-02", "95.00")
    books.xero_invoice("x-2", "INV10453", "c-18", "2024-11-02", "95.00")

    assert books.problems() == []


def test_credit_note_number_held_by_another_credit_note(books):
    books.customer(17)
    books.credit_note(7, "2025-02-03", [("GST", "20.00")], number="CN-0213", customer=17)
    books.xero_contact("c-18", "Tom O'Brien CN18", number="18")
    books.xero_credit_note("x-7", "CN-0213", "c-18", "2024-12-01", "20.00", status="VOIDED")

    [problem] = books.problems()

    assert problem == Problem(
        "number_collision", True,
        "credit note CN-0213 of 2025-02-03 (customer 17, 20.00) would be pushed as CN-0213, but Xero already has "
        "CN-0213 for another document: 'Tom O'Brien CN18' (contact number 18), dated 2024-12-01, 20.00, VOIDED. "
        "Xero would refuse the push: a voided credit note keeps its number, so change the prefix in Pet Manager's "
        "Step 1 and numbering.credit_note_prefix in recon.toml.",
        record_kind="credit_note", petmanager_id=7, xero_id="x-7", tenant_id=TENANT,
    )


def test_the_same_credit_note_already_synced_is_a_link(books):
    books.customer(17)
    books.credit_note(7, "2025-02-03", [("GST", "20.00")], number="CN-0213", customer=17)
    books.xero_contact("c-17", "Jane Smith CN17", number="17")
    books.xero_credit_note("x-7", "CN-0213", "c-17", "2025-02-03", "20.00")

    assert books.problems() == []


def test_a_void_and_a_live_invoice_sharing_a_number(books):
    books.customer(1)
    books.invoice(8, "2025-02-03", [("GST", "65.00")], number="10452", status="void")
    books.invoice(12, "2025-02-10", [("GST", "65.00")], number="10452")

    [problem] = books.problems()

    assert problem == Problem(
        "number_reused", True,
        "Pet Manager invoices 8 (void) and 12 (issued) would all be pushed as INV10452: Xero keeps a voided invoice's "
        "number, so only the first would get through. Renumber all but one of them in Pet Manager.",
        record_kind="invoice", petmanager_id=12, tenant_id=TENANT,
    )

