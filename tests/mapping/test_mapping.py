"""Step 2: suggestions from names, and every fault listed by the check."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from recon.config import CodeMapping, Config, _frozen
from recon.mapping.check import check_mapping
from recon.mapping.facts import Account, Chart, PetManagerCodes, TaxRate, UsedCode
from recon.mapping.suggest import suggest


def account(code, name, type_="REVENUE", klass="REVENUE", status="ACTIVE", system=None, payments=False):
    return Account(code, name, type_, klass, status, system, payments)


CHART = Chart(
    tenant_id="t1",
    name="Happy Tails",
    country="AU",
    currency="AUD",
    accounts=(
        account("090", "Business Cheque Account", "BANK", "ASSET"),
        account("091", "Stripe Clearing", "BANK", "ASSET"),
        account("200", "Sales", "SALES"),
        account("201", "Boarding Income"),
        account("202", "Daycare Income"),
        account("203", "Grooming Income"),
        account("204", "Retail Sales"),
        account("205", "Old Training Income", status="ARCHIVED"),
        account("404", "Stripe Fees", "EXPENSE", "EXPENSE"),
        account("610", "Accounts Receivable", "CURRENT", "ASSET", system="DEBTORS"),
        account("860", "Rounding", "EXPENSE", "EXPENSE", system="ROUNDING"),
    ),
    tax_rates=(
        TaxRate("OUTPUT", "GST on Income", "ACTIVE", Decimal("10"), True),
        TaxRate("EXEMPTOUTPUT", "GST Free Income", "ACTIVE", Decimal("0"), True),
        TaxRate("INPUT", "GST on Expenses", "ACTIVE", Decimal("10"), False),
        TaxRate("BASEXCLUDED", "BAS Excluded", "ACTIVE", Decimal("0"), True),
    ),
    tracking={"Locations": ("Happy Tails Penrith", "Happy Tails Richmond"), "Area Types": ("Boarding", "Daycare")},
)

CODES = PetManagerCodes(
    used=(
        UsedCode("items", "BOARD-DOG", 10, "Boarding - large dog"),
        UsedCode("items", "DAYCARE", 30, "Daycare - full day"),
        UsedCode("items", "GROOM-NAIL", 3, "Nail clip"),
        UsedCode("items", "RETAIL", 5, "Lead"),
        UsedCode("area_types", "boarding", 10, None),
        UsedCode("area_types", "daycare", 30, None),
        UsedCode("area_types", "grooming", 3, None),
        UsedCode("tax", "GST", 40, None),
        UsedCode("tax", "GST_FREE", 1, None),
        UsedCode("payment_methods", "eftpos", 4, None),
        UsedCode("payment_methods", "stripe", 2, None),
    ),
    item_area_types={"BOARD-DOG": "boarding", "DAYCARE": "daycare", "GROOM-NAIL": "grooming"},
    locations={1: "Happy Tails Penrith", 2: "Happy Tails Richmond"},
)


def config(mapping: CodeMapping, invoice_prefix="INV") -> Config:
    return Config(Path("/ws"), None, "Happy Tails", "AU", "AUD", "Australia/Sydney", (), invoice_prefix, "",
                  dt.date(2025, 1, 1), mapping)


def as_mapping(suggestions) -> CodeMapping:
    return CodeMapping(**{t: _frozen({k: s.xero_code for k, s in v.items()}) for t, v in suggestions.items()})


def test_suggestions_follow_account_names_and_country_defaults():
    s = suggest(CODES, CHART)
    assert {k: v.xero_code for k, v in s["items"].items()} == {
        "BOARD-DOG": "201", "DAYCARE": "202", "GROOM-NAIL": "203", "RETAIL": "204"}
    assert s["tax"]["GST"].xero_code == "OUTPUT" and s["tax"]["GST_FREE"].xero_code == "EXEMPTOUTPUT"
    assert s["payment_methods"]["stripe"].xero_code == "091"
    assert s["payment_methods"]["eftpos"].xero_code == "090"
    assert {k: v.xero_code for k, v in s["accounts"].items()} == {
        "stripe_clearing": "091", "stripe_payout_bank": "090", "stripe_fees": "404", "platform_fees": "404",
        "overpayments": "610", "rounding": "860"}
    assert s["tracking"]["locations"].xero_code == "Locations"
    assert "Boarding Income" in s["items"]["BOARD-DOG"].reason


def test_suggested_mapping_is_clean_except_missing_tracking_options():
    problems = check_mapping(config(as_mapping(suggest(CODES, CHART))), CODES, [CHART])
    assert [(p.column, p.message) for p in problems] == [
        ("mapping.tracking.area_types", "tracking category 'Area Types' has no option for: grooming")]


def test_broken_mapping_lists_every_fault_at_once():
    broken = CodeMapping(
        items=_frozen({"BOARD-DOG": "999", "DAYCARE": "205", "RETAIL": "090"}),
        tax=_frozen({"GST": "INPUT", "GST_FREE": "ZERORATED"}),
        payment_methods=_frozen({"eftpos": "200"}),
        accounts=_frozen({"stripe_clearing": "404", "overpayments": "200", "rounding": "860"}),
        tracking=_frozen({"locations": "Branches"}),
    )
    problems = {(p.column, p.message) for p in check_mapping(config(broken, invoice_prefix=None), CODES, [CHART])}
    assert problems == {
        ("numbering.invoice_prefix", "missing: set Pet Manager's invoice number prefix (Step 1), e.g. \"INV\""),
        ("mapping.items.BOARD-DOG", "account 999 does not exist"),
        ("mapping.items.DAYCARE", "account 205 'Old Training Income' is archived"),
        ("mapping.items.GROOM-NAIL", "no account for item code GROOM-NAIL (nor for its area type grooming)"),
        ("mapping.items.RETAIL", "account 090 'Business Cheque Account' is BANK, not a sales (revenue) account"),
        ("mapping.tax.GST", "tax type INPUT 'GST on Expenses' cannot be used on sales"),
        ("mapping.tax.GST_FREE", "tax type ZERORATED does not exist for a AU organisation"),
        ("mapping.payment_methods.eftpos", "account 200 'Sales' is SALES, not a bank account (or one with payments enabled)"),
        ("mapping.payment_methods.stripe", "no bank account for payment method stripe"),
        ("mapping.accounts.stripe_clearing", "account 404 'Stripe Fees' is EXPENSE, not a bank account"),
        ("mapping.accounts.stripe_payout_bank", "no account set for stripe payout bank"),
        ("mapping.accounts.stripe_fees", "no account set for stripe fees"),
        ("mapping.accounts.platform_fees", "no account set for platform fees"),
        ("mapping.accounts.overpayments", "account 200 'Sales' is SALES, not Accounts Receivable"),
        ("mapping.tracking.locations", "tracking category 'Branches' does not exist or is archived"),
    }
