"""The match model: how much each piece of evidence counts, and where the tiers start.

Weights are in bits, as splink's Fellegi-Sunter model writes them: log2 of how much more often
the comparison comes out this way for a true twin (m) than for a candidate pair that is not one
(u). A pair's match weight is the sum over its comparisons; agreement on something rare counts
more than agreement on something common (the amount, the family and the given name carry
term-frequency weights). Negative weights are evidence against.

Every weight below is a value bound into the scoring queries (`$name`), so this table is the
whole model.
"""

from __future__ import annotations


# Prior: log2 odds that a candidate pair (one that shares an amount, a customer or a number within
# the date window) is a twin before any comparison is read.
PRIOR_BITS = -4.0

# Tiers are read from the match weight (prior included); `certain` also needs all of its evidence
# (`certain_evidence` in doc_scores.sql and money_scores.sql; name and contact details for
# contacts) and no rival within CERTAIN_MARGIN_BITS.
LIKELY_BITS = 4.0
POSSIBLE_BITS = 0.0
CERTAIN_MARGIN_BITS = 6.0  # a certain pair's nearest rival scores at least this much less

# Term frequency: u = occurrences / max(population, FREQUENCY_FLOOR), so a small business does not
# make every amount look rare; weights are clamped into [min, max].
FREQUENCY_FLOOR = 1000
AMOUNT_M = 0.9
AMOUNT_MIN_BITS, AMOUNT_MAX_BITS = 2.0, 12.0

DOCUMENT_BITS = {
    # amount (exact carries the term-frequency weight; the others are that weight less a penalty)
    "amount_cent_penalty": 2.0,  # one or two cents off
    "amount_ex_tax_penalty": 2.0,  # the ex-tax amount typed as the total
    "amount_tax_added_penalty": 4.0,  # the total typed as ex-tax, so Xero added tax on top
    "amount_other": -10.0,
    # date distance in days
    "date_0": 4.0, "date_1": 3.0, "date_3": 2.0, "date_7": 0.5, "date_14": -1.5, "date_31": -4.0, "date_far": -8.0,
    # contact: the Xero contact resolved to this customer (linked or its twin), to another, or not at all
    "contact_same": 6.0, "contact_same_possible": 2.0, "contact_other": -15.0,
    "contact_similar_name": 1.0, "contact_unrelated": -16.0,
    # Xero's number is exactly what Pet Manager would push (but not on its contact, else a link);
    # Pet Manager's number in Xero's Reference / InvoiceNumber, its booking reference, another doc's number
    "same_number": 10.0, "reference_number": 8.0, "xero_number": 4.0, "reference_booking": 6.0, "reference_other": -8.0,
    # lines: the same several line amounts
    "lines_same": 1.0,
}

MONEY_BITS = {
    "amount_cent_penalty": 3.0, "amount_other": -10.0,
    "date_0": 4.0, "date_1": 3.0, "date_3": 2.0, "date_7": 0.5, "date_14": -1.5, "date_31": -4.0, "date_far": -8.0,
    # the Xero payment's invoice is Pet Manager's invoice (linked or twin), another one's, or unknown
    "invoice_same": 8.0, "invoice_same_possible": 3.0, "invoice_other": -15.0,
    # only read when the invoice says nothing (overpayments, payments on unknown invoices)
    "contact_same": 6.0, "contact_same_possible": 2.0, "contact_other": -15.0,
    "contact_similar_name": 1.0, "contact_unrelated": -16.0,
}

CONTACT_BITS = {
    # family name: exact carries a term-frequency weight in [min, max]; misspelt (one typo) or one
    # part of a double name ("Smith" for "Smith-Jones") that weight less a penalty, and less again
    # for a short name (four letters or fewer: one typo turns "Lee" into "Le", another real name)
    "family_m": 0.95, "family_min": 3.0, "family_max": 11.0,
    "family_fuzzy_penalty": 3.0, "family_short_penalty": 2.0, "family_part_penalty": 3.0, "family_fuzzy_min": 1.0,
    "family_differ": -6.0,
    # given name: exact carries a term-frequency weight in [min, max]
    "given_m": 0.9, "given_min": 2.0, "given_max": 6.0,
    "given_nickname": 2.0, "given_initial": 1.5, "given_fuzzy": 1.5, "given_differ": -5.0,
    "company_exact": 11.0, "company_fuzzy": 8.0, "company_differ": -6.0,
    # contact details: agreement less log2 of how many customers share the value
    "email_same": 7.0, "email_differ": -1.0,
    "phone_same": 6.0, "phone_differ": -1.0,
    "street_same": 4.0, "postcode_same": 0.5, "street_differ": -1.0,
    # the suburb: written into the name ("Jane Brown (West Pennant Hills)", made to keep the name
    # unique in Xero) or as the contact's city
    "suburb_in_name": 3.0, "suburb_same": 1.5,
    # activity: per document of the contact's that has the amount and date of one of the customer's
    # (hit) or not (miss), within [min, max]
    "activity_hit": 2.0, "activity_miss": -1.0, "activity_min": -4.0, "activity_max": 6.0,
}
# Prior for a (customer, unlinked Xero contact) candidate pair: most hand-made contacts in a Pet
# Manager business's Xero are customers, but a contact is only one customer's twin.
CONTACT_PRIOR_BITS = -3.0


def confidence(weight: float) -> float:
    """splink's match probability: 2^w / (1 + 2^w), w the match weight with the prior included."""
    return 1.0 / (1.0 + 2.0 ** (-weight))


def tier(weight: float, certain: bool) -> str | None:
    if certain and weight >= LIKELY_BITS:
        return "certain"
    if weight >= LIKELY_BITS:
        return "likely"
    if weight >= POSSIBLE_BITS:
        return "possible"
    return None
