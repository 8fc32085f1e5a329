"""`recon map --check`: every reason the mapping is not ready, all at once.

Each problem names its place in recon.toml (`mapping.items.BOARD-DOG`) and says what is wrong
in the organisation's own terms.
"""

from __future__ import annotations

from recon.config import ACCOUNT_ROLES, CONFIG_NAME, Config
from recon.errors import Located
from recon.mapping.facts import Account, Chart, PetManagerCodes
from recon.mapping.suggest import is_voucher

REVENUE = "REVENUE"


def check_mapping(config: Config, codes: PetManagerCodes, charts: list[Chart]) -> list[Located]:
    where = str(config.root / CONFIG_NAME)
    problems: list[Located] = []

    def fault(key: str, message: str) -> None:
        problems.append(Located(where, None, key, message))

    m = config.mapping
    if config.invoice_prefix is None:
        fault("numbering.invoice_prefix", "missing: set Pet Manager's invoice number prefix (Step 1), e.g. \"INV\"")
    if config.credit_note_prefix is None:
        fault("numbering.credit_note_prefix", "missing: set Pet Manager's credit note prefix (Step 1), \"\" for none")

    for chart in charts:
        org = f"in '{chart.name}'" if len(charts) > 1 else ""
        if chart.currency and config.currency and chart.currency != config.currency:
            fault("business.currency", f"Pet Manager works in {config.currency} but Xero's base currency is {chart.currency}")

        def account_fault(key: str, code: str, expect: str, ok) -> None:
            account = chart.account(code)
            if account is None:
                fault(key, f"account {code} does not exist {org}".rstrip())
            elif not account.active:
                fault(key, f"account {code} '{account.name}' is archived {org}".rstrip())
            elif not ok(account):
                fault(key, f"account {code} '{account.name}' is {account.type}, not {expect} {org}".rstrip())

        for item in codes.codes("items"):
            area = codes.item_area_types.get(item)
            code = m.items.get(item) or (m.area_types.get(area) if area else None)
            if code is None:
                fault(f"mapping.items.{item}", f"no account for item code {item} (nor for its area type {area})"
                      if area else f"no account for item code {item}")
            else:
                key = f"mapping.items.{item}" if item in m.items else f"mapping.area_types.{area}"
                if is_voucher(item):
                    account_fault(key, code, "a sales or liability (unearned revenue) account",
                                  lambda a: a.klass in (REVENUE, "LIABILITY"))
                else:
                    account_fault(key, code, "a sales (revenue) account", lambda a: a.klass == REVENUE)
        for area, code in m.area_types.items():
            account_fault(f"mapping.area_types.{area}", code, "a sales (revenue) account", lambda a: a.klass == REVENUE)

        for tax_code in codes.codes("tax"):
            tax_type = m.tax.get(tax_code)
            if tax_type is None:
                fault(f"mapping.tax.{tax_code}", f"no Xero tax type for tax code {tax_code}")
                continue
            rate = chart.tax_rate(tax_type)
            if rate is None:
                fault(f"mapping.tax.{tax_code}", f"tax type {tax_type} does not exist for a {chart.country} organisation {org}".rstrip())
            elif rate.status != "ACTIVE":
                fault(f"mapping.tax.{tax_code}", f"tax type {tax_type} '{rate.name}' is not active {org}".rstrip())
            elif not rate.for_revenue:
                fault(f"mapping.tax.{tax_code}", f"tax type {tax_type} '{rate.name}' cannot be used on sales {org}".rstrip())

        for method in codes.codes("payment_methods"):
            code = m.payment_methods.get(method)
            if code is None:
                fault(f"mapping.payment_methods.{method}", f"no bank account for payment method {method}")
            else:
                account_fault(f"mapping.payment_methods.{method}", code, "a bank account (or one with payments enabled)",
                              lambda a: a.is_bank or a.enable_payments)

        needs_stripe = "stripe" in codes.codes("payment_methods")
        expected = {
            "stripe_clearing": ("a bank account", Account.is_bank.fget),
            "stripe_payout_bank": ("a bank account", Account.is_bank.fget),
            "stripe_fees": ("an expense account", lambda a: a.klass == "EXPENSE"),
            "platform_fees": ("an expense account", lambda a: a.klass == "EXPENSE"),
            "overpayments": ("Accounts Receivable", lambda a: a.system_account == "DEBTORS"),
            "rounding": ("an account", lambda a: True),
        }
        for role in ACCOUNT_ROLES:
            code = m.accounts.get(role)
            stripe_role = role.startswith("stripe") or role == "platform_fees"
            if code is None:
                if needs_stripe or not stripe_role:
                    fault(f"mapping.accounts.{role}", f"no account set for {role.replace('_', ' ')}")
                continue
            expect, ok = expected[role]
            account_fault(f"mapping.accounts.{role}", code, expect, ok)

        for role, wanted in (("area_types", codes.codes("area_types")), ("locations", list(codes.locations.values()))):
            category = m.tracking.get(role)
            if not category:
                continue  # tracking is optional
            options = chart.tracking.get(category)
            if options is None:
                fault(f"mapping.tracking.{role}", f"tracking category '{category}' does not exist or is archived {org}".rstrip())
                continue
            have = {o.lower() for o in options}
            missing = sorted((w for w in set(wanted) if w.lower() not in have), key=str.lower)
            if missing:
                fault(f"mapping.tracking.{role}", f"tracking category '{category}' has no option for: {', '.join(missing)}")
    return problems
