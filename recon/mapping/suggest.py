"""Suggestions for Step 2, each with its reason. A suggestion is only a starting point: `recon map`
writes it into recon.toml marked as suggested, and the person confirms or changes it.

Sales codes are matched to revenue accounts by name (Pet Manager codes such as `BOARD-DOG` or
`GROOM-NAIL` are expanded to the words an accountant would use for the account); tax codes by the
organisation's country and the tax rates it has; payment methods and Stripe by bank account names;
the rest by Xero's system accounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz import fuzz

from recon.mapping.facts import Account, Chart, PetManagerCodes

# Words that Pet Manager codes abbreviate, as accounts tend to be named.
_WORDS = {
    "board": "boarding accommodation kennel", "cat": "cattery boarding", "dog": "boarding",
    "daycare": "daycare day care", "groom": "grooming", "bath": "grooming bath", "nail": "grooming",
    "wash": "grooming", "train": "training", "training": "training", "retail": "retail sales products merchandise",
    "meds": "medication", "med": "medication", "voucher": "voucher gift card", "adjust": "adjustment discount",
    "transport": "transport pet taxi", "taxi": "transport pet taxi", "food": "retail products", "extra": "extras",
}

# Pet Manager tax code -> Xero TaxType, by organisation country (Xero's default tax rates).
_TAX = {
    "AU": {"GST": "OUTPUT", "GST_FREE": "EXEMPTOUTPUT", "NO_TAX": "BASEXCLUDED"},
    "NZ": {"GST15": "OUTPUT2", "GST": "OUTPUT2", "GST_FREE": "NONE", "ZERO": "ZERORATED", "NO_TAX": "NONE"},
    "GB": {"VAT20": "OUTPUT2", "VAT5": "RROUTPUT", "VAT0": "ZERORATEDOUTPUT", "EXEMPT": "EXEMPTOUTPUT", "NO_TAX": "NONE"},
}
_TAX_RATE = {"GST": Decimal(10), "GST15": Decimal(15), "VAT20": Decimal(20), "VAT5": Decimal(5)}

MIN_SCORE = 80


@dataclass(frozen=True)
class Suggestion:
    xero_code: str
    reason: str


def _words(code: str) -> str:
    tokens = [t for t in re.split(r"[^a-z0-9]+", code.lower()) if t]
    return " ".join(_WORDS.get(t, t) for t in tokens)


# Words that say only "this is income": they tell one revenue account from another not at all.
_GENERIC = {"income", "sales", "sale", "revenue", "fees", "fee", "other", "and", "&"}


def _best(text: str, accounts: list[Account]) -> tuple[Account, float] | None:
    """The account whose distinctive name words best match one of `text`'s words."""
    words = text.split()
    scored = []
    for a in accounts:
        tokens = [t for t in re.split(r"[^a-z0-9]+", a.name.lower()) if t and t not in _GENERIC]
        if a.code and tokens and words:
            scored.append((a, max(fuzz.ratio(w, t) for w in words for t in tokens)))
    scored.sort(key=lambda pair: (-pair[1], pair[0].code))
    return scored[0] if scored and scored[0][1] >= MIN_SCORE else None


def _revenue(chart: Chart) -> list[Account]:
    return [a for a in chart.accounts if a.active and a.klass == "REVENUE"]


def _banks(chart: Chart) -> list[Account]:
    return [a for a in chart.accounts if a.active and a.is_bank and a.code]


def _named(accounts: list[Account], *words: str) -> Account | None:
    """The first account whose name holds the first word that any account holds (words in order of preference)."""
    for word in words:
        found = next((a for a in accounts if word in a.name.lower()), None)
        if found:
            return found
    return None


def is_voucher(code: str) -> bool:
    """Vouchers and gift cards are sold into a liability (unearned revenue), not into sales."""
    return any(word in code.lower() for word in ("voucher", "gift"))


def _voucher_accounts(chart: Chart) -> list[Account]:
    return [a for a in chart.accounts if a.active and a.klass == "LIABILITY" and not a.system_account]


def suggest(codes: PetManagerCodes, chart: Chart) -> dict[str, dict[str, Suggestion]]:
    """Suggestions per mapping table; a code with no good candidate is left out (and `--check` flags it)."""
    out: dict[str, dict[str, Suggestion]] = {t: {} for t in ("items", "area_types", "tax", "payment_methods", "accounts", "tracking")}
    revenue = _revenue(chart)
    for table in ("area_types", "items"):
        for code in codes.codes(table):
            text = _words(code)
            if table == "items" and code in codes.item_area_types:
                text += " " + _words(codes.item_area_types[code])
            best = _best(text, revenue + (_voucher_accounts(chart) if is_voucher(code) else []))
            if best:
                account, score = best
                out[table][code] = Suggestion(account.code, f"name match {score:.0f}% with '{account.name}'")

    for code in codes.codes("tax"):
        tax_type = _TAX.get(chart.country, {}).get(code)
        rate = chart.tax_rate(tax_type) if tax_type else None
        if rate and rate.status == "ACTIVE":
            out["tax"][code] = Suggestion(tax_type, f"{chart.country} default for {code}: '{rate.name}'")
        elif code in _TAX_RATE:
            same = [t for t in chart.tax_rates if t.status == "ACTIVE" and t.for_revenue and t.rate == _TAX_RATE[code]]
            if same:
                out["tax"][code] = Suggestion(same[0].tax_type, f"the organisation's {same[0].rate}% rate on income")

    banks = _banks(chart)
    stripe = _named(banks, "stripe")
    main = next((a for a in banks if a is not stripe), None)
    for method in codes.codes("payment_methods"):
        if method == "stripe":
            if stripe:
                out["payment_methods"][method] = Suggestion(stripe.code, f"bank account '{stripe.name}'")
            continue
        named = _named([a for a in banks if a is not stripe], method.replace("_", " "), method.split("_")[0])
        account = named or main
        if account:
            out["payment_methods"][method] = Suggestion(account.code, f"bank account '{account.name}'")

    active = [a for a in chart.accounts if a.active and a.code]
    expenses = [a for a in active if a.klass == "EXPENSE"]
    roles = {
        "stripe_clearing": (stripe, "the Stripe bank (clearing) account"),
        "stripe_payout_bank": (main, "the bank Stripe pays out to"),
        "stripe_fees": (_named(expenses, "stripe", "merchant", "card fee", "online payment", "bank fee"),
                        "fees expense account"),
        "platform_fees": (_named(expenses, "pet manager", "platform", "stripe", "merchant", "online payment"),
                          "platform fees expense account"),
        "overpayments": (next((a for a in active if a.system_account == "DEBTORS"), None), "Xero's Accounts Receivable"),
        "rounding": (next((a for a in active if a.system_account == "ROUNDING"), None) or _named(active, "rounding"), "Xero's Rounding account"),
    }
    for role, (account, why) in roles.items():
        if account:
            out["accounts"][role] = Suggestion(account.code, f"{why}: '{account.name}'")

    for role, names in (("area_types", ("area types", "area type")), ("locations", ("locations", "location"))):
        category = next((c for c in chart.tracking if c.lower() in names), None)
        if category:
            out["tracking"][role] = Suggestion(category, "tracking category of that name")
    return out
