"""Invoices typed into Xero by hand, and the invoices that must never be reported."""

from books import Books, day, duplicate, found


def jane_with_invoice(books: Books, total: str = "295.00", date: str = "2024-01-08", **invoice) -> str:
    books.customer(1, "Jane", "Smith", email="jane.smith@example.com", phone="0412 345 678")
    books.invoice(1, 1, date, total, **invoice)
    return books.xero_contact("Jane Smith", email="jane.smith@example.com")


def test_exact_copy_with_xeros_numbering_and_the_number_in_reference_is_certain():
    books = Books()
    contact = jane_with_invoice(books)
    typed = books.xero_invoice(contact, "2024-01-08", "295.00", number="INV-0042", reference="Inv 10001")
    d = duplicate(books.matches(), "invoice", 1)
    assert (d.xero_id, d.tier) == (typed, "certain")
    assert "Reference 'Inv 10001' holds Pet Manager number 10001" in d.reasons
    assert "same amount 295.00" in d.reasons


def test_no_reference_is_likely_not_certain():
    books = Books()
    contact = jane_with_invoice(books)
    typed = books.xero_invoice(contact, "2024-01-08", "295.00")
    assert found(books.matches(), "invoice") == {1: (typed, "likely")}


def test_dates_shifted_a_few_days():
    books = Books()
    contact = jane_with_invoice(books)
    typed = books.xero_invoice(contact, "2024-01-11", "295.00")
    d = duplicate(books.matches(), "invoice", 1)
    assert (d.xero_id, d.tier) == (typed, "likely")
    assert "dated 3 days later" in d.reasons


def test_several_lines_typed_as_one():
    books = Books()
    contact = jane_with_invoice(books, lines=["260.00", "35.00"])
    typed = books.xero_invoice(contact, "2024-01-09", "295.00", lines=["295.00"])
    d = duplicate(books.matches(), "invoice", 1)
    assert (d.xero_id, d.tier) == (typed, "likely")
    assert "2 lines typed as one" in d.reasons


def test_one_cent_off():
    books = Books()
    contact = jane_with_invoice(books, total="38.84")
    typed = books.xero_invoice(contact, "2024-01-08", "38.85")
    d = duplicate(books.matches(), "invoice", 1)
    assert (d.xero_id, d.tier) == (typed, "likely")
    assert "amount 38.85, 1 cent from 38.84" in d.reasons


def test_amount_typed_ex_gst():
    books = Books()
    contact = jane_with_invoice(books, total="295.00")
    typed = books.xero_invoice(contact, "2024-01-08", "268.18")
    d = duplicate(books.matches(), "invoice", 1)
    assert (d.xero_id, d.tier) == (typed, "likely")
    assert "amount 268.18 is the ex-tax amount of 295.00" in d.reasons


def test_total_typed_as_ex_tax_so_xero_added_gst():
    books = Books()
    contact = jane_with_invoice(books, total="295.00")
    typed = books.xero_invoice(contact, "2024-01-08", "295.00", exclusive=True)
    assert found(books.matches(), "invoice") == {1: (typed, "likely")}


def test_typed_on_pet_managers_own_contact():
    books = Books()
    books.customer(1, "Jane", "Smith")
    books.invoice(1, 1, "2024-01-08", "295.00")
    own = books.xero_contact("Jane Smith CN1", number="1")
    typed = books.xero_invoice(own, "2024-01-08", "295.00", reference="BK-5001 boarding")
    d = duplicate(books.matches(), "invoice", 1)
    assert (d.xero_id, d.tier) == (typed, "likely")
    assert any("Pet Manager's own contact" in r for r in d.reasons)


def test_booking_reference_in_xeros_reference():
    books = Books()
    contact = jane_with_invoice(books, booking_ref="BK-88213")
    typed = books.xero_invoice(contact, "2024-01-10", "295.00", reference="BK-88213")
    d = duplicate(books.matches(), "invoice", 1)
    assert d.xero_id == typed and "Reference 'BK-88213' holds booking BK-88213" in d.reasons


def test_weekly_daycare_of_the_same_amount_only_the_typed_week_matches():
    books = Books()
    books.customer(5, "Zoe", "Tran", email="zoe@example.com")
    for week in range(5):
        books.invoice(10 + week, 5, f"2024-01-{2 + 7 * week:02d}", "52.00")
    contact = books.xero_contact("Zoe Tran", email="zoe@example.com")
    typed = books.xero_invoice(contact, "2024-01-17", "52.00")  # week of 2024-01-16, a day late
    assert found(books.matches(), "invoice") == {12: (typed, "likely")}


def test_same_amount_and_date_for_another_customer_is_not_a_duplicate():
    books = Books()
    jane_with_invoice(books, total="347.85")
    books.customer(2, "Bob", "Jones", email="bob@example.com")
    bob = books.xero_contact("Bob Jones", email="bob@example.com")
    stranger = books.xero_contact("Harbourside Vets")
    books.xero_invoice(bob, "2024-01-08", "347.85")
    books.xero_invoice(stranger, "2024-01-08", "347.85")
    assert found(books.matches(), "invoice") == {}


def test_voided_and_deleted_xero_invoices_are_not_live_duplicates():
    books = Books()
    contact = jane_with_invoice(books)
    books.xero_invoice(contact, "2024-01-08", "295.00", reference="10001", status="VOIDED")
    books.xero_invoice(contact, "2024-01-08", "295.00", reference="10001", status="DELETED")
    assert found(books.matches(), "invoice") == {}


def test_already_synced_invoices_are_links_even_when_voided():
    books = Books()
    jane_with_invoice(books)
    own = books.xero_contact("Jane Smith CN1", number="1")
    books.invoice(2, 1, "2024-01-15", "120.00")
    synced = books.xero_invoice(own, "2024-01-08", "295.00", number="INV10001")
    voided = books.xero_invoice(own, "2024-01-15", "120.00", number="INV10002", status="VOIDED")
    matches = books.matches()
    assert {(l.petmanager_id, l.xero_id, l.how) for l in matches.links if l.kind == "invoice"} == {
        (1, synced, "InvoiceNumber INV10001"), (2, voided, "InvoiceNumber INV10002")}
    assert found(matches, "invoice") == {}


def test_pet_managers_number_typed_by_hand_on_a_hand_made_contact_is_a_duplicate():
    books = Books()
    contact = jane_with_invoice(books)
    typed = books.xero_invoice(contact, "2024-01-10", "295.00", number="INV10001")
    matches = books.matches()
    assert [l for l in matches.links if l.kind == "invoice"] == []
    d = duplicate(matches, "invoice", 1)
    assert (d.xero_id, d.tier) == (typed, "certain")
    assert "InvoiceNumber INV10001 is Pet Manager's own number, typed by hand on a contact Pet Manager did not make" in d.reasons


def test_synced_invoice_before_the_window_is_not_a_twin_of_the_next_week():
    books = Books()
    books.customer(5, "Zoe", "Tran")
    books.invoice(1, 5, "2023-12-26", "52.00")  # synced before the back-sync start
    books.invoice(2, 5, "2024-01-02", "52.00")
    own = books.xero_contact("Zoe Tran CN5", number="5")
    books.xero_invoice(own, "2023-12-26", "52.00", number="INV10001")
    assert found(books.matches(), "invoice") == {}


def test_outside_the_window_and_bills_are_not_checked():
    books = Books()
    contact = jane_with_invoice(books, date="2023-12-20")
    books.xero_invoice(contact, "2023-12-20", "295.00")
    books.invoice(2, 1, "2024-02-01", "410.00")
    books.xero_invoice(contact, "2024-02-01", "410.00", kind="ACCPAY")
    assert found(books.matches(), "invoice") == {}


def test_reference_naming_another_pet_manager_invoice_is_evidence_against():
    books = Books()
    contact = jane_with_invoice(books, total="52.00")
    books.invoice(2, 1, "2024-01-09", "52.00")
    typed = books.xero_invoice(contact, "2024-01-08", "52.00", reference="10002")
    assert found(books.matches(), "invoice")[2][0] == typed


def test_window_end_bounds_the_documents_checked():
    books = Books()
    contact = jane_with_invoice(books, date="2024-03-10")
    books.xero_invoice(contact, "2024-03-10", "295.00")
    assert found(books.matches(end=day("2024-02-29")), "invoice") == {}
    assert 1 in found(books.matches(end=day("2024-03-31")), "invoice")
