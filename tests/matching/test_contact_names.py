"""Contact names as people type them: one test per name rule of the contact model (contact_scores.sql,
contact_candidates.sql, names.py), each through the whole matcher."""

from books import Books, duplicate, found


def set_person_fields(books: Books, contact_id: str, first: str, last: str) -> None:
    """Xero's own FirstName and LastName of a contact (Books.xero_contact leaves them empty)."""
    books.con.execute("UPDATE xero_contacts SET first_name = ?, last_name = ? WHERE contact_id = ?", [first, last, contact_id])


def test_a_title_is_not_part_of_the_name():
    books = Books()
    books.customer(1, "Eleni", "Papadopoulos")
    contact = books.xero_contact("Mrs Papadopoulos")  # "Mrs" is no given name, and not another one either
    d = duplicate(books.matches(), "contact", 1)
    assert (d.xero_id, d.tier) == (contact, "likely")
    assert any("no given name" in r for r in d.reasons)


def test_a_short_form_of_the_given_name():
    books = Books()
    books.customer(1, "William", "Papadopoulos")
    books.customer(2, "Robert", "Karagiannis")
    bill = books.xero_contact("Bill Papadopoulos")
    bob = books.xero_contact("Bob Karagiannis")  # another initial: Robert's short form still counts
    matches = books.matches()
    assert found(matches, "contact") == {1: (bill, "likely"), 2: (bob, "likely")}
    assert any("given name as a short form" in r for r in duplicate(matches, "contact", 2).reasons)


def test_a_misspelt_given_name():
    books = Books()
    books.customer(1, "Jane", "Papadopoulos", phone="0412 345 678")
    contact = books.xero_contact("Jnae Papadopoulos", phones=["0412345678"])
    d = duplicate(books.matches(), "contact", 1)
    assert d.xero_id == contact and d.tier in ("certain", "likely")
    assert any("given name shortened or misspelt" in r for r in d.reasons)


def test_a_family_name_misspelt_in_its_first_letters_with_nothing_else_in_common():
    books = Books()
    books.customer(1, "Eleni", "Papadopoulos")
    contact = books.xero_contact("Eleni aPpadopoulos")  # found through the family name's forms with a letter left out
    d = duplicate(books.matches(), "contact", 1)
    assert (d.xero_id, d.tier) == (contact, "likely")
    assert any("family name misspelt" in r for r in d.reasons)


def test_a_short_family_name_one_letter_short():
    books = Books()
    books.customer(1, "Zoë", "Lee", mobile="0430 548 443")
    contact = books.xero_contact("Zoë Le", phones=["0430548443"])
    d = duplicate(books.matches(), "contact", 1)
    assert d.xero_id == contact and d.tier in ("certain", "likely")
    assert any("family name misspelt" in r for r in d.reasons)


def test_family_name_first_then_an_initial():
    books = Books()
    books.customer(1, "Jane", "Papadopoulos", email="jp@example.com")
    contact = books.xero_contact("Papadopoulos, J.", email="jp@example.com")
    d = duplicate(books.matches(), "contact", 1)
    assert d.xero_id == contact and d.tier == "likely"  # an initial is not the full name: never certain
    assert any("given name as an initial" in r and "written family name first" in r for r in d.reasons)


def test_one_part_of_a_double_family_name():
    books = Books()
    books.customer(1, "Renée", "Fitzgerald-Hughes", email="renee@example.com")
    contact = books.xero_contact("Renée Hughes", email="renee@example.com")
    d = duplicate(books.matches(), "contact", 1)
    assert d.xero_id == contact and d.tier == "likely"
    assert any("one of the family names" in r for r in d.reasons)


def test_xeros_own_first_and_last_name_count():
    books = Books()
    books.customer(1, "Jane", "Papadopoulos", email="jp@example.com")
    contact = books.xero_contact("Jane Papadoplos", email="jp@example.com")
    set_person_fields(books, contact, "Jane", "Papadopoulos")
    d = duplicate(books.matches(), "contact", 1)
    assert (d.xero_id, d.tier) == (contact, "certain")
    assert any("same family name" in r for r in d.reasons)


def test_the_family_without_a_given_name():
    books = Books()
    books.customer(1, "Eleni", "Papadopoulos")
    contact = books.xero_contact("The Papadopoulos Family")
    d = duplicate(books.matches(), "contact", 1)
    assert (d.xero_id, d.tier) == (contact, "likely")
    assert any("no given name" in r for r in d.reasons)


def test_a_namesake_with_another_given_name_and_nothing_else_in_common_is_not_reported():
    books = Books()
    books.customer(1, "Eleni", "Papadopoulos", email="eleni@example.com")
    books.xero_contact("Nikos Papadopoulos", email="nikos@example.com")
    assert found(books.matches(), "contact") == {}


def test_the_contacts_invoices_tell_two_customers_of_one_name_apart():
    books = Books()
    books.customer(1, "Kate", "Walker")
    books.customer(2, "Kate", "Walker")
    books.invoice(10, 1, "2025-02-03", "52.00")
    books.invoice(20, 2, "2025-02-05", "187.50")
    contact = books.xero_contact("Kate Walker")
    books.xero_invoice(contact, "2025-02-07", "187.50")  # customer 2's invoice, typed two days late
    d = duplicate(books.matches(), "contact", 2)
    assert (d.xero_id, d.tier) == (contact, "likely")  # never certain on a name and the invoices alone
    assert any("1 of the contact's 1 documents" in r for r in d.reasons)


def test_a_company_under_the_initials_of_its_words():
    books = Books()
    books.customer(1, company="Greyhound Adoption Program (NSW) Inc")
    contact = books.xero_contact("GAP NSW")
    d = duplicate(books.matches(), "contact", 1)
    assert (d.xero_id, d.tier) == (contact, "likely")
    assert any("similar company name" in r for r in d.reasons)


def test_a_company_with_its_words_abbreviated():
    books = Books()
    books.customer(1, company="Sydney Cat Rescue Association Inc", email="info@scra.example.org")
    contact = books.xero_contact("Syd Cat Rescue Assn", email="info@scra.example.org")
    d = duplicate(books.matches(), "contact", 1)
    assert (d.xero_id, d.tier) == (contact, "certain")
    assert any("same company name" in r for r in d.reasons)


def test_two_letters_swapped_in_a_short_given_name_but_not_another_name():
    books = Books()
    books.customer(1, "Tom", "Papadopoulos", email="tom@example.com")
    books.customer(2, "Ben", "Karagiannis", email="ben@example.com")
    tom = books.xero_contact("Tmo Papadopoulos", email="tom@example.com")
    bea = books.xero_contact("Bea Karagiannis", email="bea@example.com")  # another name one letter away
    matches = books.matches()
    assert found(matches, "contact")[1] == (tom, "certain")
    assert any("given name shortened or misspelt" in r for r in duplicate(matches, "contact", 1).reasons)
    [namesake] = [d for d in matches.duplicates if d.xero_id == bea]
    assert namesake.tier == "possible" and "different given name" in namesake.reasons[0]
