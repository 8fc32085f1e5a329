"""Names as people type them: how a Xero contact's name compares with a Pet Manager customer's.

A hand-typed contact writes the same person as "Smith, Jane", "J Smith", "Jane Smth", "Smith Jane"
or "jane smith", and a company as "Blue Mtns Dog Rescue" for "Blue Mountains Dog Rescue Inc".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler
from rapidfuzz.fuzz import ratio, token_set_ratio

_CN_SUFFIX = re.compile(r"\s*\bCN\d+\s*$")
_PARENTHESES = re.compile(r"\(([^)]*)\)")
_APOSTROPHES = re.compile(r"['’`]")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")

LEGAL_WORDS = {"pty", "ltd", "limited", "inc", "incorporated", "co", "company", "the", "llc", "plc", "corp",
               "corporation", "trading", "as", "t", "a"}
ABBREVIATIONS = {"mtn": "mountain", "mtns": "mountains", "assoc": "association", "assn": "association",
                 "svc": "services", "svcs": "services", "intl": "international", "aust": "australia",
                 "bros": "brothers", "dept": "department", "vet": "veterinary", "&": "and", "n": "and",
                 "1st": "first", "2nd": "second", "3rd": "third"}


@lru_cache(maxsize=65536)
def text(value: str | None) -> str:
    """Lower case, accents and apostrophes gone, anything else not a letter or digit a space."""
    decomposed = unicodedata.normalize("NFKD", value or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower().replace("&", " and ")
    return _NOT_ALNUM.sub(" ", _APOSTROPHES.sub("", plain)).strip()


def bare(name: str | None) -> str:
    """A contact name without Pet Manager's " CN<customer_id>" suffix."""
    return _CN_SUFFIX.sub("", name or "").strip()


def aside(name: str | None) -> str:
    """What a contact name says in parentheses: "Jane Brown (West Pennant Hills)" -> "west pennant hills"."""
    found = _PARENTHESES.search(name or "")
    return text(found.group(1)) if found else ""


def company_words(name: str | None) -> str:
    words = [ABBREVIATIONS.get(w, w) for w in text(name).split()]
    return " ".join(w for w in words if w not in LEGAL_WORDS)


@dataclass(frozen=True)
class PersonMatch:
    family: str  # exact, fuzzy, differ, missing
    given: str  # exact, initial, fuzzy, differ, missing
    swapped: bool  # written family name first without a comma
    comma: bool  # written "Family, Given"
    initials: bool  # the given name written as an initial


def _similar(a: str, b: str) -> bool:
    if min(len(a), len(b)) < 3:
        return False
    return ratio(a, b) >= 80 or (min(len(a), len(b)) >= 4 and JaroWinkler.similarity(a, b) >= 0.92)


def compare_person(first: str | None, last: str | None, contact_name: str) -> PersonMatch:
    """Compare a customer's given and family names with a contact name in any of its written forms."""
    written = _PARENTHESES.sub(" ", bare(contact_name))
    comma = "," in written
    if comma:
        family_part, _, given_part = written.partition(",")
        tokens = text(given_part).split() + text(family_part).split()
    else:
        tokens = text(written).split()
    family = text(last).replace(" ", "")
    given = (text(first).split() or [""])[0]
    if not tokens:
        return PersonMatch("missing", "missing", False, comma, False)

    best_span, best_level = None, "differ"
    if family:
        for i in range(len(tokens)):
            for j in range(i + 1, min(len(tokens), i + 3) + 1):
                joined = "".join(tokens[i:j])
                if joined == family:
                    best_span, best_level = (i, j), "exact"
                    break
                if best_level == "differ" and _similar(joined, family):
                    best_span, best_level = (i, j), "fuzzy"
            if best_level == "exact":
                break
    family_level = best_level if family else "missing"

    rest = [(k, t) for k, t in enumerate(tokens) if best_span is None or not best_span[0] <= k < best_span[1]]
    given_level, given_at, initials = ("missing", None, False)
    if given and rest:
        given_level = "differ"
        for k, token in rest:
            if token == given:
                given_level, given_at = "exact", k
                break
            if len(token) <= 2 and token[0] == given[0] and given_level in ("differ", "initial"):
                given_level, given_at, initials = "initial", k, True
            elif given_level == "differ" and (_similar(token, given) or (
                    min(len(token), len(given)) >= 3 and (given.startswith(token) or token.startswith(given)))):
                given_level, given_at = "fuzzy", k
    elif not given:
        given_level = "missing"

    swapped = False
    if not comma and best_span is not None and given_at is not None:
        swapped = best_span[0] < given_at
    return PersonMatch(family_level, given_level, swapped, comma, initials)


def compare_company(company: str | None, contact_name: str) -> str:
    """exact, fuzzy or differ: legal words (Pty Ltd, Inc) and common abbreviations do not count."""
    ours, theirs = company_words(company), company_words(bare(contact_name))
    if not ours or not theirs:
        return "differ"
    if ours == theirs or token_set_ratio(ours, theirs) >= 95:
        return "exact"
    # "GAP NSW" for "Greyhound Adoption Program (NSW)": the words they left out, as initials
    left_out = [w for w in ours.split() if w not in theirs.split() and w != "and"]
    acronym = "".join(w[0] for w in left_out)
    if token_set_ratio(ours, theirs) >= 85 or (len(acronym) >= 2 and acronym in theirs.split()):
        return "fuzzy"
    return "differ"
