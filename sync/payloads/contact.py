"""A Pet Manager customer as a Xero contact, named as Pet Manager names it: `first last CN<id>` or
`company CN<id>`, with the customer id as ContactNumber."""

from __future__ import annotations

ADDRESS_FIELDS = (("AddressLine1", "address_line1"), ("AddressLine2", "address_line2"), ("City", "suburb"),
                  ("Region", "state"), ("PostalCode", "postcode"))
PHONE_FIELDS = (("DEFAULT", "phone"), ("MOBILE", "mobile"))


def contact(customer: dict) -> dict:
    number = customer["customer_id"]
    first = customer.get("first_name", "")
    last = customer.get("last_name", "")
    payload = {
        "Name": f"{customer.get('company_name') or f'{first} {last}'.strip()} CN{number}",
        "ContactNumber": number,
    }
    if first:
        payload["FirstName"] = first
    if last:
        payload["LastName"] = last
    if customer.get("email"):
        payload["EmailAddress"] = customer["email"]
    address = {field: customer[column] for field, column in ADDRESS_FIELDS if customer.get(column)}
    if address:
        if customer.get("country"):
            address["Country"] = customer["country"]
        payload["Addresses"] = [{"AddressType": "STREET", **address}]
    phones = [{"PhoneType": kind, "PhoneNumber": customer[column]}
              for kind, column in PHONE_FIELDS if customer.get(column)]
    if phones:
        payload["Phones"] = phones
    return payload
