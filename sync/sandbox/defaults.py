"""The state a sandbox starts with when none is given: one AU organisation, "Demo Company (AU)",
with a minimal chart of accounts and Australian GST rates, and one client connected to it."""

from __future__ import annotations

import secrets
import uuid
from decimal import Decimal

_NAMESPACE = uuid.UUID("6f1c1c52-4d8e-4d2f-9a53-2a0a5b3f0e11")
TENANT_ID = str(uuid.uuid5(_NAMESPACE, "Demo Company (AU)"))

# (Code, Name, Type, TaxType, extra fields)
_ACCOUNTS = [
    ("090", "Business Bank Account", "BANK", "BASEXCLUDED", {"BankAccountNumber": "062-000 1234 5678", "BankAccountType": "BANK"}),
    ("091", "Business Savings Account", "BANK", "BASEXCLUDED", {"BankAccountNumber": "062-000 8765 4321", "BankAccountType": "BANK"}),
    ("200", "Sales", "REVENUE", "OUTPUT", {}),
    ("260", "Other Revenue", "REVENUE", "OUTPUT", {}),
    ("270", "Interest Income", "REVENUE", "EXEMPTOUTPUT", {}),
    ("310", "Cost of Goods Sold", "DIRECTCOSTS", "INPUT", {}),
    ("400", "Advertising", "EXPENSE", "INPUT", {}),
    ("404", "Bank Fees", "EXPENSE", "EXEMPTEXPENSES", {}),
    ("408", "Cleaning", "EXPENSE", "INPUT", {}),
    ("412", "Consulting & Accounting", "EXPENSE", "INPUT", {}),
    ("429", "General Expenses", "EXPENSE", "INPUT", {}),
    ("461", "Printing & Stationery", "EXPENSE", "INPUT", {}),
    ("489", "Telephone & Internet", "EXPENSE", "INPUT", {}),
    ("610", "Accounts Receivable", "CURRENT", "BASEXCLUDED", {"SystemAccount": "DEBTORS"}),
    ("620", "Prepayments", "CURRENT", "BASEXCLUDED", {}),
    ("630", "Stripe Clearing", "CURRENT", "BASEXCLUDED", {"EnablePaymentsToAccount": True}),
    ("800", "Accounts Payable", "CURRLIAB", "BASEXCLUDED", {"SystemAccount": "CREDITORS"}),
    ("820", "GST", "CURRLIAB", "BASEXCLUDED", {"SystemAccount": "GST"}),
    ("860", "Rounding", "CURRLIAB", "BASEXCLUDED", {"SystemAccount": "ROUNDING"}),
    ("877", "Tracking Transfers", "CURRLIAB", "BASEXCLUDED", {}),
    ("960", "Retained Earnings", "EQUITY", "BASEXCLUDED", {"SystemAccount": "RETAINEDEARNINGS"}),
    ("970", "Owner A Funds Introduced", "EQUITY", "BASEXCLUDED", {}),
]

# (TaxType, Name, rate, ReportTaxType)
_TAX_RATES = [
    ("OUTPUT", "GST on Income", "10.0000", "OUTPUT"),
    ("INPUT", "GST on Expenses", "10.0000", "INPUT"),
    ("CAPEXINPUT", "GST on Capital", "10.0000", "CAPEXINPUT"),
    ("EXEMPTOUTPUT", "GST Free Income", "0.0000", "EXEMPTOUTPUT"),
    ("EXEMPTEXPENSES", "GST Free Expenses", "0.0000", "EXEMPTEXPENSES"),
    ("INPUTTAXED", "Input Taxed", "0.0000", "INPUTTAXED"),
    ("BASEXCLUDED", "BAS Excluded", "0.0000", "BASEXCLUDED"),
    ("GSTONIMPORTS", "GST on Imports", "0.0000", "GSTONIMPORTS"),
]


def default_state() -> dict:
    """A state document (the state file's format) for a fresh sandbox."""
    return {
        "format": "recon-xero-sandbox/1",
        "clients": [{
            "client_id": secrets.token_hex(16).upper(),
            "client_secret": secrets.token_urlsafe(36),
            "tenant_ids": [TENANT_ID],
        }],
        "organisations": [{
            "tenant_id": TENANT_ID,
            "tenant_name": "Demo Company (AU)",
            "Organisation": {
                "Name": "Demo Company (AU)",
                "LegalName": "Demo Company (AU) Pty Ltd",
                "CountryCode": "AU",
                "BaseCurrency": "AUD",
                "IsDemoCompany": True,
            },
            "Accounts": [_account(*row) for row in _ACCOUNTS],
            "TaxRates": [_tax_rate(*row) for row in _TAX_RATES],
        }],
    }


def _account(code: str, name: str, kind: str, tax_type: str, extra: dict) -> dict:
    return {
        "AccountID": str(uuid.uuid5(_NAMESPACE, f"account {code}")),
        "Code": code,
        "Name": name,
        "Type": kind,
        "TaxType": tax_type,
        **extra,
    }


def _tax_rate(tax_type: str, name: str, rate: str, report: str) -> dict:
    return {"Name": name, "TaxType": tax_type, "ReportTaxType": report, "EffectiveRate": Decimal(rate),
            "DisplayTaxRate": Decimal(rate), "Status": "ACTIVE",
            "TaxComponents": [{"Name": "GST", "Rate": Decimal(rate), "IsCompound": False, "IsNonRecoverable": False}]}
