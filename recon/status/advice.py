"""What to do about a failure, in plain words, from Xero's own message (or the reason a record is held).

Xero answers a bad element with validation messages such as "Account code '205' is not a valid
code for this document." or "The document date cannot be before the period lock date". Each rule
below matches one family of them (case-insensitive) and says what a person does next; the first
that matches wins. Whatever the fix, the next `recon sync` retries the record: no separate retry.
"""

from __future__ import annotations

import re

RETRY = "then run `recon sync` again: it retries this record"

RULES: tuple[tuple[str, str], ...] = (
    # held by the plan (recon/syncplan/build.py words these)
    (r"dated before the start date",
     "move the start date back (`recon sync --from` an earlier date) or record it by hand in Xero"),
    (r"dated after the end date", "move the end date on (`recon sync --to`), or leave it for a later run"),
    (r"which is (void|draft) in Pet Manager",
     "the document it belongs to is not sent: fix it in Pet Manager or record this one by hand in Xero"),
    (r"is more than the .* (due|credit left) on",
     "Xero already holds part of it, probably a payment or credit typed by hand: open that document in Xero; "
     "if the hand-typed entry is this one, decide the duplicate with `recon resolve` (the same record); "
     "otherwise remove it in Xero or record the rest by hand; the next `recon sync` plans this one again"),
    (r"neither in the plan nor in Xero",
     "the credit it uses is not in Xero: sync the window that holds it or record it by hand"),
    # held by the outbox: a dependency failed
    (r"^waits for (\S+) (.+?), which (failed|is held)",
     "fix the {1} {2} first (see its own line); the next `recon sync` sends it, then this one"),
    # Xero's validation messages
    (r"lock date",
     "the date is before Xero's lock date: ask the accountant to move the lock date (Xero: Settings, "
     "Advanced, Financial settings) or record it by hand in Xero; " + RETRY),
    (r"account code .* (not a valid|archived|invalid|does not exist)|account .* is archived",
     "map that code to an active Xero account with `recon map`; " + RETRY),
    (r"tax ?type|tax rate",
     "fix the tax mapping (`recon map --check` names it) so each line's tax type suits its account; " + RETRY),
    (r"tracking",
     "fix the tracking mapping with `recon map` (the option may be archived in Xero); " + RETRY),
    (r"contact (name|number) .*(already|unique)|already assigned to another contact",
     "Xero already has a contact by that name or number: run `recon check`, then `recon resolve` the pair, "
     "or rename the customer in Pet Manager; " + RETRY),
    (r"(invoice|credit note|document) ?(#|number).*(unique|already)|already (exists|been used)|must be unique",
     "Xero already holds a document with this number: run `recon check`, then `recon resolve` the pair "
     "(the same record: link it) or renumber it in Pet Manager; " + RETRY),
    (r"could not be found|does not exist",
     "a record it refers to is no longer in Xero (deleted or archived since the check): take a fresh "
     "`recon snapshot`, run `recon check`, then " + RETRY[5:]),
    (r"same contact|matching type|different contacts in xero",
     "the credit and the invoice belong to different contacts in Xero, often a contact typed twice by hand: "
     "merge or fix the contacts in Xero; " + RETRY),
    (r"archived",
     "the contact or account is archived in Xero: restore it there (or map another one); " + RETRY),
    (r"exceeds the amount outstanding|more than the amount due|amount due|overpa",
     "the invoice is already (partly) paid in Xero, perhaps by a payment typed by hand: run `recon check` and "
     "decide that payment with `recon resolve`; " + RETRY),
    (r"remaining credit|credit.*(exceed|insufficient)",
     "the credit note or overpayment has less credit left in Xero than Pet Manager applies: look for an "
     "allocation or refund typed by hand, remove it or record this one by hand; " + RETRY),
    (r"enable payments|payments? (are|is) not allowed|invalid for making a payment|bank account",
     "allow payments to that account in Xero (Chart of accounts, edit the account, tick Enable payments) or "
     "map the payment method to a bank account with `recon map`; " + RETRY),
    (r"currency", "enable the currency in Xero (Settings, Currencies) or keep this record in the base currency; "
     + RETRY),
    (r"status|voided|deleted|not of valid|authori[sz]ed",
     "the document it touches was voided, deleted or paid in Xero meanwhile: check it in Xero; " + RETRY),
)


def advice(message: str) -> str:
    """What to do about `message` (Xero's words, or why a record is held)."""
    for pattern, words in RULES:
        found = re.search(pattern, message, flags=re.IGNORECASE)
        if found:
            return words.format(*[group.replace("_", " ") if group else "" for group in (found.group(0),
                                                                                            *found.groups())])
    return "read Xero's message, fix the record at its source (Pet Manager, the mapping or Xero); " + RETRY
