"""Where a Xero contact differs from what recon sends for the customer (sync/payloads/contact.py).

Only the fields the payload carries are compared: a field Pet Manager leaves empty (no email, no
mobile) is left as Xero has it, so it is never a difference. Compared as people read them: spaces
trimmed and runs of spaces made one, emails without case, phones by their digits (Xero keeps a
number's country and area codes apart; either way of typing it is the same number), the address
by its lines, suburb, state and postcode in any of Xero's addresses (Pet Manager's own sync files
it as the POBOX address and spells the country out; recon sends STREET with the export's country).

    differences(payload, xero_contact) -> [("name", "'Jane Smyth CN17' in Xero, 'Jane Smith CN17' in Pet Manager"), ...]
"""

from __future__ import annotations

import re

NAME_FIELDS = (("Name", "name"), ("FirstName", "first name"), ("LastName", "last name"))
ADDRESS_FIELDS = ("AddressLine1", "AddressLine2", "City", "Region", "PostalCode")  # the country is not compared
PHONE_WORDS = {"DEFAULT": "phone", "MOBILE": "mobile"}


def differences(payload: dict, contact: dict) -> list[tuple[str, str]]:
    """(field in words, what each side holds) for every field of `payload` that `contact` (Xero's
    JSON of the contact) does not hold the same, in the payload's order."""
    found = []
    for field, words in NAME_FIELDS:
        if field in payload and _text(payload[field]) != _text(contact.get(field)):
            found.append((words, _sides(contact.get(field), payload[field])))
    email = payload.get("EmailAddress")
    if email is not None and _text(email).lower() != _text(contact.get("EmailAddress")).lower():
        found.append(("email", _sides(contact.get("EmailAddress"), payload["EmailAddress"])))
    for phone in payload.get("Phones", []):
        theirs = _of_type(contact.get("Phones"), "PhoneType", phone["PhoneType"])
        if _digits(phone["PhoneNumber"]) not in _phone_readings(theirs):
            found.append((PHONE_WORDS.get(phone["PhoneType"], phone["PhoneType"].lower()),
                          _sides(_phone_text(theirs), phone["PhoneNumber"])))
    for address in payload.get("Addresses", []):
        theirs = contact.get("Addresses") or []
        if not any(_same_address(address, one) for one in theirs):
            shown = _of_type(theirs, "AddressType", address["AddressType"])
            if not _address_text(shown):
                shown = next((one for one in theirs if _address_text(one)), {})
            found.append(("address", _sides(_address_text(shown), _address_text(address))))
    return found


def _text(value) -> str:
    return " ".join(str(value or "").split())


def _digits(value) -> str:
    return re.sub(r"\D", "", str(value or ""))


def _of_type(entries, type_field: str, wanted: str) -> dict:
    return next((entry for entry in entries or [] if entry.get(type_field) == wanted), {})


def _phone_readings(phone: dict) -> set[str]:
    """The number's digits with and without its country code (area code and number always)."""
    number = _digits(phone.get("PhoneAreaCode")) + _digits(phone.get("PhoneNumber"))
    return {number, _digits(phone.get("PhoneCountryCode")) + number} - {""}


def _phone_text(phone: dict) -> str:
    return _text(" ".join(str(phone.get(part) or "") for part in ("PhoneCountryCode", "PhoneAreaCode", "PhoneNumber")))


def _same_address(ours: dict, theirs: dict) -> bool:
    return all(_text(ours.get(field)) == _text(theirs.get(field)) for field in ADDRESS_FIELDS)


def _address_text(address: dict) -> str:
    return ", ".join(_text(address.get(field)) for field in ADDRESS_FIELDS if _text(address.get(field)))


def _sides(xero, petmanager) -> str:
    return f"'{_text(xero)}' in Xero, '{_text(petmanager)}' in Pet Manager" if _text(xero) else \
        f"none in Xero, '{_text(petmanager)}' in Pet Manager"
