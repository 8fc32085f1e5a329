"""Payments, credit notes and overpayments typed by hand, and the ones Pet Manager already sent."""

from books import Books, duplicate, found


def jane(books: Books) -> str:
    books.customer(1, "Jane", "Smith", email="jane.smith@example.com")
    return books.xero_contact("Jane Smith", email="jane.smith@example.com")


def test_payment_on_a_hand_typed_invoice_into_another_bank_account():
    books = Books()
    contact = jane(books)
    books.invoice(1, 1, "2024-01-08", "295.00")
    books.payment(1, 1, "2024-01-12", "295.00", method="eftpos")
    typed_invoice = books.xero_invoice(contact, "2024-01-08", "295.00", reference="10001")
    typed = books.xero_payment(typed_invoice, "2024-01-13", "295.00", account="091")
    d = duplicate(books.matches(), "payment", 1)
    assert d.xero_id == typed and d.tier in ("certain", "likely")
    assert "paid into account 091 (Pet Manager: eftpos)" in d.reasons
    assert any("hand-typed twin of Pet Manager invoice 1" in r for r in d.reasons)


def test_payment_on_a_synced_invoice_with_the_same_amount_is_a_link():
    books = Books()
    books.customer(1, "Jane", "Smith")
    own = books.xero_contact("Jane Smith CN1", number="1")
    books.invoice(1, 1, "2024-01-08", "295.00")
    books.payment(1, 1, "2024-01-05", "100.00", method="stripe")
    books.payment(2, 1, "2024-01-12", "195.00")
    synced = books.xero_invoice(own, "2024-01-08", "295.00", number="INV10001")
    deposit = books.xero_payment(synced, "2024-01-05", "100.00")
    balance = books.xero_payment(synced, "2024-01-12", "195.00")
    matches = books.matches()
    assert {(l.petmanager_id, l.xero_id) for l in matches.links if l.kind == "payment"} == {(1, deposit), (2, balance)}
    assert found(matches, "payment") == {}


def test_hand_typed_payment_on_a_synced_invoice_a_cent_off():
    books = Books()
    books.customer(1, "Jane", "Smith")
    own = books.xero_contact("Jane Smith CN1", number="1")
    books.invoice(1, 1, "2024-01-08", "38.84")
    books.payment(1, 1, "2024-01-08", "38.84")
    synced = books.xero_invoice(own, "2024-01-08", "38.85", number="INV10001")
    typed = books.xero_payment(synced, "2024-01-09", "38.85")
    assert found(books.matches(), "payment") == {1: (typed, "likely")}


def test_weekly_daycare_payments_only_the_typed_week_matches():
    books = Books()
    contact = jane(books)
    for week in range(4):
        books.invoice(10 + week, 1, f"2024-01-{2 + 7 * week:02d}", "52.00")
        books.payment(10 + week, 10 + week, f"2024-01-{2 + 7 * week:02d}", "52.00")
    typed_invoice = books.xero_invoice(contact, "2024-01-09", "52.00")
    typed = books.xero_payment(typed_invoice, "2024-01-10", "52.00")
    matches = books.matches()
    assert found(matches, "invoice") == {11: (typed_invoice, "likely")}
    assert found(matches, "payment") == {11: (typed, "likely")}


def test_deleted_payment_is_not_a_live_duplicate():
    books = Books()
    contact = jane(books)
    books.invoice(1, 1, "2024-01-08", "295.00")
    books.payment(1, 1, "2024-01-12", "295.00")
    typed_invoice = books.xero_invoice(contact, "2024-01-08", "295.00")
    books.xero_payment(typed_invoice, "2024-01-12", "295.00", status="DELETED")
    assert found(books.matches(), "payment") == {}


def test_payment_of_the_same_amount_by_another_customer_is_not_a_duplicate():
    books = Books()
    jane(books)
    books.invoice(1, 1, "2024-01-08", "347.85")
    books.payment(1, 1, "2024-01-12", "347.85")
    books.customer(2, "Bob", "Jones", email="bob@example.com")
    bob = books.xero_contact("Bob Jones", email="bob@example.com")
    bobs = books.xero_invoice(bob, "2024-01-12", "347.85")
    books.xero_payment(bobs, "2024-01-12", "347.85")
    assert found(books.matches(), "payment") == {}


def test_credit_note_typed_by_hand_and_one_already_synced():
    books = Books()
    contact = jane(books)
    books.credit_note(1, 1, "2024-01-13", "65.00", number="CN-0001")
    books.credit_note(2, 1, "2024-02-20", "20.00", number="CN-0002")
    own = books.xero_contact("Jane Smith CN1", number="1")
    synced = books.xero_credit_note(own, "2024-01-13", "65.00", number="CN-0001")
    typed = books.xero_credit_note(contact, "2024-02-21", "20.00", number="CN-0107", reference="CN-0002 goodwill")
    matches = books.matches()
    assert [(l.petmanager_id, l.xero_id) for l in matches.links if l.kind == "credit_note"] == [(1, synced)]
    assert found(matches, "credit_note") == {2: (typed, "certain")}


def test_overpayment_typed_by_hand_but_not_the_voided_one():
    books = Books()
    contact = jane(books)
    books.overpayment(1, 1, "2024-01-23", "100.00")
    books.overpayment(2, 1, "2024-03-01", "250.00")
    typed = books.xero_overpayment(contact, "2024-01-24", "100.00")
    books.xero_overpayment(contact, "2024-03-01", "250.00", status="VOIDED")
    assert found(books.matches(), "overpayment") == {1: (typed, "likely")}


def test_an_overpayment_recon_sent_is_a_link_by_its_key_in_the_reference():
    books = Books()
    contact = jane(books)
    books.overpayment(5, 1, "2024-01-23", "100.00")
    books.overpayment(6, 1, "2024-01-23", "100.00")
    sent = books.xero_overpayment(contact, "2024-01-23", "100.00", reference="PM-OVP-5 bank transfer")
    typed = books.xero_overpayment(contact, "2024-01-23", "100.00", reference="PM-OVP-56")  # not recon's key for 5
    matches = books.matches()
    assert [(l.petmanager_id, l.xero_id, l.how) for l in matches.links if l.kind == "overpayment"] == \
        [(5, sent, "Reference PM-OVP-5")]
    assert found(matches, "overpayment") == {6: (typed, "likely")}
