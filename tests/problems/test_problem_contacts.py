"""Contact collisions: every customer becomes `first last CN<id>` (or `company CN<id>`), number <id>."""

from __future__ import annotations

from recon.check.findings import Problem
from problem_books import TENANT


def test_the_name_is_held_by_an_active_contact_with_another_number(books):
    books.customer(17, "Jane", "Smith")
    books.xero_contact("c-x", "jane smith CN17", number="4711")

    [problem] = books.problems()

    assert problem == Problem(
        "contact_name_collision", True,
        "customer 17 ('Jane Smith CN17'): Xero's active contact 'jane smith CN17' already has that name, with contact "
        "number 4711, and Xero contact names are unique, so the push would fail. If it is this customer, link it as a "
        "duplicate; otherwise rename or archive that Xero contact.",
        record_kind="contact", petmanager_id=17, xero_id="c-x", tenant_id=TENANT,
    )


def test_a_company_is_pushed_under_its_company_name(books):
    books.customer(4, "", "", company="Blue Mountains Dog Rescue Inc")
    books.xero_contact("c-x", "Blue Mountains Dog Rescue Inc CN4")

    [problem] = books.problems()

    assert problem.kind == "contact_name_collision"
    assert problem.message.startswith(
        "customer 4 ('Blue Mountains Dog Rescue Inc CN4'): Xero's active contact 'Blue Mountains Dog Rescue Inc CN4' "
        "already has that name, with no contact number,")


def test_the_customers_own_contact_is_a_link_not_a_collision(books):
    books.customer(17, "Jane", "Smith")
    books.xero_contact("c-17", "Jane Smith CN17", number="17")

    assert books.problems() == []


def test_a_hand_typed_contact_without_the_suffix_is_left_to_the_duplicate_check(books):
    books.customer(17, "Jane", "Smith")
    books.xero_contact("c-x", "Jane Smith")

    assert books.problems() == []


def test_the_number_is_held_by_a_contact_of_another_name(books):
    books.customer(17, "Jane", "Smith")
    books.xero_contact("c-x", "Fido Grooming Supplies", number="17")

    [problem] = books.problems()

    assert problem == Problem(
        "contact_number_collision", True,
        "customer 17 ('Jane Smith CN17'): Xero's contact 'Fido Grooming Supplies' already has contact number 17, and "
        "Xero finds contacts by their number, so the sync would overwrite that contact with this customer. If it is "
        "this customer, link it as a duplicate; otherwise its contact number must be cleared (only possible through "
        "the API) before the sync.",
        record_kind="contact", petmanager_id=17, xero_id="c-x", tenant_id=TENANT,
    )


def test_the_customers_contact_renamed_in_xero_is_renamed_back(books):
    books.customer(17, "Jane", "Smith")
    books.xero_contact("c-17", "Jane Smith-Jones CN17", number="17")

    [problem] = books.problems()

    assert (problem.kind, problem.blocking, problem.xero_id) == ("contact_renamed", False, "c-17")
    assert problem.message == (
        "customer 17 ('Jane Smith CN17'): Xero's contact with contact number 17 is named 'Jane Smith-Jones CN17'; "
        "the sync renames it to 'Jane Smith CN17' (Pet Manager is the master). Change the name in Pet Manager if "
        "Xero's is the right one.")


def test_the_customers_own_contact_is_archived(books):
    books.customer(17, "Jane", "Smith")
    books.xero_contact("c-17", "Jane Smith CN17", number="17", status="ARCHIVED")

    [problem] = books.problems()

    assert (problem.kind, problem.blocking) == ("contact_archived", False)
    assert problem.message == (
        "customer 17 ('Jane Smith CN17'): its Xero contact 'Jane Smith CN17' is archived, and Xero refuses invoices, "
        "credit notes and payments for an archived contact. Restore it in Xero before the sync, or this customer's "
        "documents fail and are reported.")


def test_an_archived_contact_of_another_number_holds_the_name(books):
    books.customer(17, "Jane", "Smith")
    books.xero_contact("c-x", "Jane Smith CN17", status="ARCHIVED")

    [problem] = books.problems()

    assert (problem.kind, problem.blocking, problem.xero_id) == ("contact_archived", False, "c-x")
    assert problem.message == (
        "customer 17 ('Jane Smith CN17'): Xero has an archived contact 'Jane Smith CN17' with no contact number. "
        "Archived contacts do not hold their name, so the sync creates a second, active 'Jane Smith CN17' beside it. "
        "If it is this customer, restore it and link it as a duplicate instead.")
