"""Customers as Xero contacts, named the way Pet Manager names them."""

from __future__ import annotations

from payload_sample import assert_valid, by_id
from sync.payloads import contact


def test_a_person_is_named_first_last_and_customer_number(sample_export):
    jane = contact(by_id(sample_export, "customers", "customer_id")["1"])
    assert jane == {
        "Name": "Jane Smith CN1",
        "ContactNumber": "1",
        "FirstName": "Jane",
        "LastName": "Smith",
        "EmailAddress": "jane.smith@example.com",
        "Addresses": [{"AddressType": "STREET", "AddressLine1": "12 High St", "City": "Penrith", "Region": "NSW",
                       "PostalCode": "2750", "Country": "AU"}],
        "Phones": [{"PhoneType": "DEFAULT", "PhoneNumber": "(02) 4721 0001"},
                   {"PhoneType": "MOBILE", "PhoneNumber": "0412 345 678"}],
    }


def test_a_company_is_named_by_its_company_name(sample_export):
    rescue = contact(by_id(sample_export, "customers", "customer_id")["4"])
    assert rescue["Name"] == "Blue Mountains Dog Rescue Inc CN4"
    assert rescue["ContactNumber"] == "4"
    assert "FirstName" not in rescue and "LastName" not in rescue
    assert rescue["Addresses"][0]["AddressLine1"] == "PO Box 77"


def test_names_keep_apostrophes_and_accents_and_empty_cells_are_left_out(sample_export):
    customers = by_id(sample_export, "customers", "customer_id")
    assert contact(customers["2"])["Name"] == "Tom O'Brien CN2"
    assert contact(customers["5"])["Name"] == "Zoë Nguyễn CN5"
    bob = contact(customers["6"])
    assert bob == {"Name": "Bob Jones CN6", "ContactNumber": "6", "FirstName": "Bob", "LastName": "Jones",
                   "Phones": [{"PhoneType": "MOBILE", "PhoneNumber": "0411 222 333"}]}


def test_every_sample_contact_meets_the_spec(sample_export):
    contacts = [contact(customer) for customer in by_id(sample_export, "customers", "customer_id").values()]
    assert_valid("/Contacts", {"Contacts": contacts})
