"""How a person typing into Xero spells a customer's name: one function per contact-name pattern."""

from __future__ import annotations

import random

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


def spell(pattern: str, customer: Customer, rng: random.Random) -> str:
    row = customer.row
    if row["company_name"]:
        company = row["company_name"]
        return {"company_abbreviation": _abbreviation(company), "upper_case": company.upper()}.get(pattern, company)
    first, last = row["first_name"], row["last_name"]
    return {
        "no_cn_suffix": f"{first} {last}",
        "family_name_first": f"{last}, {first}",
        "initial": f"{first[0]}{rng.choice(['', '.'])} {last}",
        "typo": f"{first} {_typo(rng, last)}",
        "given_family_swapped": f"{last} {first}",
        "upper_case": f"{first} {last}".upper(),
    }[pattern]
