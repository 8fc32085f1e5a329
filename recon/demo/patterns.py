"""The hand-entry patterns and traps, as data: each with its expected share of that kind's hand
entries and a floor at size 1. Widen the evaluation set by adding rows here; the mix drawn for a
seed jitters the shares, so every seed tells a slightly different story."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Pattern:
    name: str
    share: float
    minimum: int
    description: str


CONTACT_NAMES = (
    Pattern("no_cn_suffix", 0.30, 4, "the customer's name as given, without Pet Manager's CN suffix"),
    Pattern("family_name_first", 0.14, 3, "'Smith, Jane'"),
    Pattern("initial", 0.14, 3, "'J Smith': the given name cut to an initial"),
    Pattern("typo", 0.12, 3, "one letter of the family name dropped, doubled or swapped"),
    Pattern("given_family_swapped", 0.10, 3, "'Smith Jane'"),
    Pattern("upper_case", 0.08, 3, "'JANE SMITH'"),
    Pattern("company_abbreviation", 0.12, 3, "a company or rescue under a shortened name"),
)
# More ways to write a person's name, for evaluation only (`generate_demo(contact_names="extra")`,
# `bench/eval_matching.py --contact-names extra`): the standard demo never draws them.
EXTRA_CONTACT_NAMES = CONTACT_NAMES[:-1] + (
    Pattern("title", 0.06, 2, "'Mrs Jane Smith'"),
    Pattern("nickname", 0.06, 2, "'Will Smith' for William: a short form of the given name"),
    Pattern("middle_initial", 0.05, 2, "'Jane M Smith'"),
    Pattern("given_typo", 0.06, 2, "one letter of the given name dropped, doubled or swapped"),
    Pattern("lower_case", 0.04, 2, "'jane smith'"),
    Pattern("family_then_initial", 0.05, 2, "'Smith J' or 'Smith, J.'"),
    Pattern("accents_dropped", 0.04, 2, "'Zoe Lefevre' for Zoë Lefèvre"),
    Pattern("initial_and_typo", 0.04, 2, "'J Smtih': an initial and a typo in the family name"),
    Pattern("one_family_part", 0.04, 2, "'Jane Hughes' for Jane Fitzgerald-Hughes"),
) + CONTACT_NAMES[-1:]

# Share of typed customers whose contact the accountant created a second time, under another spelling.
CREATED_TWICE = Pattern("created_twice", 0.10, 3, "the same customer's contact created twice")

INVOICE_NUMBERS = (
    Pattern("xero_number", 0.50, 4, "Xero's own numbering (INV-0042), no Pet Manager number anywhere"),
    Pattern("number_in_reference", 0.35, 4, "Xero's numbering, the Pet Manager number somewhere in Reference"),
    Pattern("same_number", 0.15, 3, "typed with the number Pet Manager would push (INV10452)"),
)
INVOICE_DIFFERENCES = (
    Pattern("exact", 0.30, 4, "same contact, date, lines and amounts"),
    Pattern("date_shift", 0.22, 4, "dated a few days off"),
    Pattern("lines_merged", 0.15, 3, "several lines typed as one"),
    Pattern("rounding_cent", 0.12, 3, "a cent off"),
    Pattern("ex_gst", 0.11, 3, "the ex-GST amount typed as the total"),
    Pattern("other_account", 0.10, 3, "typed to 200 Sales instead of the service's account"),
)
# Share of changed invoices that also got a second difference: a date a few days off.
SECOND_DATE_SHIFT = 0.2

CREDIT_NOTE_NUMBERS = (
    Pattern("same_number", 0.5, 3, "Pet Manager's own credit note number"),
    Pattern("xero_number", 0.5, 3, "Xero's own numbering (CR-0007)"),
)
CREDIT_NOTE_DIFFERENCES = (
    Pattern("exact", 0.5, 3, "same contact, date and amount"),
    Pattern("date_shift", 0.3, 3, "dated a few days off"),
    Pattern("ex_gst", 0.2, 2, "the ex-GST amount typed as the total"),
)
PAYMENT_DIFFERENCES = (
    Pattern("exact", 0.45, 4, "same date, amount and the mapped bank account"),
    Pattern("date_shift", 0.30, 4, "dated when it reached the bank, a few days later"),
    Pattern("other_bank_account", 0.25, 4, "received into another bank account"),
)
OVERPAYMENT_DIFFERENCES = (
    Pattern("exact", 0.4, 3, "same date, amount and bank account"),
    Pattern("date_shift", 0.3, 3, "dated a few days off"),
    Pattern("other_bank_account", 0.3, 3, "received into another bank account"),
)

# Traps: Xero records that look like a Pet Manager record and are not its duplicate. Counts at size 1.
TRAPS = (
    Pattern("weekly_same_amount", 0, 4, "the same customer's weekly daycare invoice of another week, same amount"),
    Pattern("same_amount_date_other_customer", 0, 4, "another customer's invoice, same amount and date"),
    Pattern("voided_hand_entry", 0, 4, "typed by hand, then voided: not a live duplicate, still holds its number"),
    Pattern("deleted_hand_entry", 0, 3, "typed as a draft, then deleted"),
    Pattern("number_collision", 0, 3, "another sale typed with a number the back-sync would push"),
    Pattern("non_customer_same_amount_date", 0, 4, "a non-customer's sale typed in Xero, same amount and date"),
    Pattern("deleted_payment", 0, 3, "a payment typed and deleted while reconciling"),
    Pattern("similar_name_other_person", 0, 4, "a Xero contact sharing a customer's family name, not them"),
)

SHARE_TYPED = {"invoice": 0.15, "credit_note": 0.7, "payment": 0.75, "overpayment": 0.75}


def draw_mix(patterns: tuple[Pattern, ...], total: int, rng: random.Random) -> dict[str, int]:
    """How many of `total` hand entries get each pattern: jittered shares, each floor met when possible."""
    weights = {p.name: p.share * rng.uniform(0.6, 1.4) for p in patterns}
    scale = total / sum(weights.values())
    counts = {name: int(weight * scale) for name, weight in weights.items()}
    by_remainder = sorted(weights, key=lambda name: weights[name] * scale - counts[name], reverse=True)
    for name in by_remainder[: total - sum(counts.values())]:
        counts[name] += 1
    for pattern in patterns:
        while counts[pattern.name] < pattern.minimum:
            richest = max(counts, key=lambda name: counts[name] - next(p.minimum for p in patterns if p.name == name))
            if counts[richest] <= next(p.minimum for p in patterns if p.name == richest):
                break
            counts[richest] -= 1
            counts[pattern.name] += 1
    return counts


def labels(counts: dict[str, int], rng: random.Random) -> list[str]:
    drawn = [name for name, count in counts.items() for _ in range(count)]
    rng.shuffle(drawn)
    return drawn
