"""How a person typing into Xero spells a customer's name: one function per contact-name pattern."""

from __future__ import annotations

import random
import unicodedata

from recon.demo import catalogue
from recon.demo.customers import Customer


def _typo(rng: random.Random, word: str) -> str:
    letters = [i for i, ch in enumerate(word) if ch.isalpha()]
    while True:
        i = rng.choice(letters[1:] or letters)
        operation = rng.choice(["drop", "double", "swap"])
        if operation == "drop":
            typed = word[:i] + word[i + 1:]
        elif operation == "double":
            typed = word[:i] + word[i] + word[i:]
        else:
            j = i - 1 if i > 0 else i + 1
            chars = list(word)
            chars[i], chars[j] = chars[j], chars[i]
            typed = "".join(chars)
        if typed != word:
            return typed


def _abbreviation(name: str) -> str:
    for company, _, short in catalogue.COMPANIES:
        if company == name:
            return short
    return name


SHORT_FORMS = {"William": "Will", "Thomas": "Tommy", "Michael": "Mike", "Daniel": "Dan", "Matthew": "Matt",
               "Jessica": "Jess", "Rebecca": "Bec", "Isabella": "Izzy", "Charlotte": "Charlie", "Olivia": "Liv",
               "James": "Jim", "David": "Dave", "Samuel": "Sam", "Benjamin": "Ben", "Sophie": "Soph",
               "Hannah": "Han", "Emily": "Em", "Kate": "Katie", "Bronwyn": "Bron", "Angus": "Gus"}


def _plain(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def spell(pattern: str, customer: Customer, rng: random.Random) -> str:
    row = customer.row
    if row["company_name"]:
        company = row["company_name"]
        return {"company_abbreviation": _abbreviation(company), "upper_case": company.upper()}.get(pattern, company)
    first, last = row["first_name"], row["last_name"]
    if pattern in EXTRA_SPELLINGS:
        return EXTRA_SPELLINGS[pattern](first, last, rng)
    return {
        "no_cn_suffix": f"{first} {last}",
        "family_name_first": f"{last}, {first}",
        "initial": f"{first[0]}{rng.choice(['', '.'])} {last}",
        "typo": f"{first} {_typo(rng, last)}",
        "given_family_swapped": f"{last} {first}",
        "upper_case": f"{first} {last}".upper(),
    }[pattern]


# Evaluation only (patterns.EXTRA_CONTACT_NAMES), each drawn lazily so the standard demo's random
# draws stay what they were.
EXTRA_SPELLINGS = {
    "title": lambda first, last, rng: f"{rng.choice(['Mr', 'Mrs', 'Ms', 'Dr'])} {first} {last}",
    "nickname": lambda first, last, rng: f"{SHORT_FORMS.get(first, first)} {last}",
    "middle_initial": lambda first, last, rng: f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')} {last}",
    "given_typo": lambda first, last, rng: f"{_typo(rng, first) if len(first) >= 4 else first} {last}",
    "lower_case": lambda first, last, rng: f"{first} {last}".lower(),
    "family_then_initial": lambda first, last, rng: rng.choice([f"{last} {first[0]}", f"{last}, {first[0]}."]),
    "accents_dropped": lambda first, last, rng: _plain(f"{first} {last}"),
    "initial_and_typo": lambda first, last, rng: f"{first[0]} {_typo(rng, last)}",
    "one_family_part": lambda first, last, rng: f"{first} {last.replace('-', ' ').split()[-1]}",
}
