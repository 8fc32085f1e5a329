"""Contacts: Pet Manager's own (links) and hand-made twins written every way people write names."""

from books import Books, duplicate, found


def jane(books: Books, **details) -> int:
    return books.customer(1, "Jane", "Smith", email="jane.smith@example.com", phone="0412 345 678",
                          street="12 High St", suburb="Penrith", postcode="2750", **details)


def test_pet_managers_own_contact_is_a_link_not_a_duplicate():
    books = Books()
    jane(books)
    by_suffix = books.xero_contact("Jane Smith CN1")
    by_number = books.xero_contact("Jane Smith (old)", number="1")
    matches = books.matches()
    assert {(l.petmanager_id, l.xero_id) for l in matches.links if l.kind == "contact"} == {(1, by_suffix), (1, by_number)}
    assert found(matches, "contact") == {}


def test_family_name_first_with_a_comma():
    books = Books()
    jane(books)
    contact = books.xero_contact("Smith, Jane", email="Jane.Smith@example.com")
    d = duplicate(books.matches(), "contact", 1)
    assert (d.xero_id, d.tier) == (contact, "certain")
    assert any("written family name first" in r for r in d.reasons)
    assert any("same email" in r for r in d.reasons)


def test_initial_and_family_name_with_the_same_phone():
    books = Books()
    jane(books)
    contact = books.xero_contact("J Smith", phones=["+61 412 345 678"])
    d = duplicate(books.matches(), "contact", 1)
    assert d.xero_id == contact and d.tier in ("certain", "likely")
    assert any("initial" in r for r in d.reasons)


def test_typo_in_the_family_name_with_the_same_address():
    books = Books()
    jane(books)
    contact = books.xero_contact("Jane Smyth", street="12 High Street", city="Penrith", postcode="2750")
    d = duplicate(books.matches(), "contact", 1)
    assert d.xero_id == contact and d.tier == "likely"
    assert any("misspelt" in r for r in d.reasons)


def test_given_and_family_names_swapped():
    books = Books()
    books.customer(7, "Eleni", "Papadopoulos", email="eleni.p@example.com")
    contact = books.xero_contact("Papadopoulos Eleni")
    d = duplicate(books.matches(), "contact", 7)
    assert d.xero_id == contact and d.tier == "likely"
    assert any("names swapped" in r for r in d.reasons)


def test_name_without_the_cn_suffix_and_accents_dropped():
    books = Books()
    books.customer(9, "Zoë", "Lefèvre", email="zoe@example.com")
    contact = books.xero_contact("Zoe Lefevre", email="zoe@example.com")
    assert found(books.matches(), "contact") == {9: (contact, "certain")}


def test_company_written_with_an_abbreviation():
    books = Books()
    books.customer(4, company="Blue Mountains Dog Rescue Inc", email="accounts@bmdr.example.org")
    contact = books.xero_contact("Blue Mtns Dog Rescue", email="accounts@bmdr.example.org")
    d = duplicate(books.matches(), "contact", 4)
    assert d.xero_id == contact and d.tier in ("certain", "likely")


def test_contact_created_twice_both_twins_of_one_customer():
    books = Books()
    jane(books)
    first = books.xero_contact("Jane Smith", email="jane.smith@example.com")
    second = books.xero_contact("Smith, Jane", phones=["0412345678"])
    twins = {d.xero_id for d in books.matches().duplicates if d.kind == "contact" and d.petmanager_id == 1}
    assert twins == {first, second}


def test_family_sharing_an_email_is_not_confused():
    books = Books()
    books.customer(2, "Tom", "O'Brien", email="obrien.family@example.com", street="4 Mulgoa Rd", postcode="2750")
    books.customer(3, "Aisha", "O'Brien", email="obrien.family@example.com", street="4 Mulgoa Rd", postcode="2750")
    tom = books.xero_contact("Tom OBrien", email="obrien.family@example.com")
    aisha = books.xero_contact("A. O'Brien", email="obrien.family@example.com", street="4 Mulgoa Road", postcode="2750")
    matches = books.matches()
    assert found(matches, "contact")[2][0] == tom
    assert {d.xero_id: d.petmanager_id for d in matches.duplicates if d.kind == "contact"} == {tom: 2, aisha: 3}
    assert all(d.tier != "certain" for d in matches.duplicates if d.xero_id == aisha)


def test_rare_family_name_proves_more_than_a_common_one():
    books = Books()
    for n, given in enumerate(["Minh", "Lan", "Thanh", "Huy"], start=1):
        books.customer(n, given, "Nguyen")
    books.customer(10, "Eleni", "Papadopoulos")
    books.xero_contact("Minh Nguyen")
    books.xero_contact("Eleni Papadopoulos")
    matches = books.matches()
    nguyen, papadopoulos = duplicate(matches, "contact", 1), duplicate(matches, "contact", 10)
    assert papadopoulos.confidence > nguyen.confidence
    assert any("a rare one" in r for r in papadopoulos.reasons)
    assert any("a common one" in r for r in nguyen.reasons)


def test_someone_else_is_not_a_twin():
    books = Books()
    jane(books)
    books.xero_contact("Bob Jones", email="bob@example.com", postcode="2750")
    books.xero_contact("Jane Brown", email="jb@example.com")
    assert found(books.matches(), "contact") == {}


def test_archived_contact_is_not_a_live_duplicate():
    books = Books()
    jane(books)
    books.xero_contact("Jane Smith", email="jane.smith@example.com", status="ARCHIVED")
    assert found(books.matches(), "contact") == {}


def test_two_customers_of_one_name_told_apart_by_the_suburb_in_the_name():
    books = Books()
    books.customer(76, "Jane", "Brown", suburb="Dural")
    books.customer(289, "Jane", "Brown", suburb="West Pennant Hills")
    contact = books.xero_contact("Jane Brown (West Pennant Hills)")
    d = duplicate(books.matches(), "contact", 289)
    assert d.xero_id == contact and d.tier == "likely"
    assert "suburb West Pennant Hills written into the name" in d.reasons


def test_two_customers_of_one_name_and_nothing_else_is_only_possible():
    books = Books()
    books.customer(76, "Jane", "Brown")
    books.customer(289, "Jane", "Brown")
    books.xero_contact("Jane Brown")
    assert [d.tier for d in books.matches().duplicates] == ["possible"]


def test_a_family_name_of_three_words_written_before_the_given_name():
    books = Books()
    books.customer(5, "Kylie", "Van der Berg", mobile="0412 016 540")
    contact = books.xero_contact("Van der Berg Kylie", phones=["0412016540"])
    d = duplicate(books.matches(), "contact", 5)
    assert (d.xero_id, d.tier) == (contact, "certain")
    assert any("same family name" in r and "names swapped" in r for r in d.reasons)
