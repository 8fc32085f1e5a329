"""The Xero organisation's setup: Organisation, AU chart of accounts, tax rates, tracking categories,
contact groups, and the Step-2 mapping of Pet Manager's codes onto them (the right answer for `recon map`)."""

from __future__ import annotations

from decimal import Decimal

from recon.demo import catalogue
from recon.demo.calendar import END_OF_YEAR_LOCK_DATE, PERIOD_LOCK_DATE
from recon.demo.guids import Guids

# (code, name, type, tax type, extra fields)
ACCOUNTS = [
    ("090", "Westpac Business One", "BANK", "BASEXCLUDED", {"BankAccountNumber": "032000123456"}),
    ("091", "Stripe Clearing", "BANK", "BASEXCLUDED", {"BankAccountNumber": "STRIPE-AUD"}),
    ("092", "Cash Drawer", "BANK", "BASEXCLUDED", {"BankAccountNumber": "CASH"}),
    ("093", "Westpac Business Saver", "BANK", "BASEXCLUDED", {"BankAccountNumber": "032000654321"}),
    ("200", "Sales", "REVENUE", "OUTPUT", {}),
    ("201", "Boarding Income", "REVENUE", "OUTPUT", {}),
    ("202", "Daycare Income", "REVENUE", "OUTPUT", {}),
    ("203", "Grooming Income", "REVENUE", "OUTPUT", {}),
    ("204", "Training Income", "REVENUE", "OUTPUT", {}),
    ("205", "Retail Sales", "REVENUE", "OUTPUT", {}),
    ("208", "Puppy Preschool (old)", "REVENUE", "OUTPUT", {"Status": "ARCHIVED"}),
    ("209", "Discounts & Adjustments", "REVENUE", "OUTPUT", {}),
    ("260", "Other Revenue", "OTHERINCOME", "OUTPUT", {}),
    ("270", "Interest Income", "OTHERINCOME", "EXEMPTOUTPUT", {}),
    ("310", "Cost of Goods Sold", "DIRECTCOSTS", "INPUT", {}),
    ("404", "Bank Fees", "EXPENSE", "EXEMPTEXPENSES", {}),
    ("405", "Merchant & Online Payment Fees", "EXPENSE", "INPUT", {}),
    ("412", "Consulting & Accounting", "EXPENSE", "INPUT", {}),
    ("433", "Insurance", "EXPENSE", "INPUT", {}),
    ("445", "Light, Power, Heating", "EXPENSE", "INPUT", {}),
    ("469", "Rent", "EXPENSE", "INPUT", {}),
    ("473", "Repairs and Maintenance", "EXPENSE", "INPUT", {}),
    ("477", "Wages and Salaries", "EXPENSE", "BASEXCLUDED", {}),
    ("485", "Subscriptions", "EXPENSE", "INPUT", {}),
    ("489", "Telephone & Internet", "EXPENSE", "INPUT", {}),
    ("610", "Accounts Receivable", "CURRENT", "BASEXCLUDED", {"SystemAccount": "DEBTORS"}),
    ("620", "Prepayments", "CURRENT", "BASEXCLUDED", {}),
    ("630", "Inventory", "INVENTORY", "BASEXCLUDED", {}),
    ("800", "Accounts Payable", "CURRLIAB", "BASEXCLUDED", {"SystemAccount": "CREDITORS"}),
    ("820", "GST", "CURRLIAB", "BASEXCLUDED", {"SystemAccount": "GST"}),
    ("835", "Gift Vouchers Outstanding", "CURRLIAB", "BASEXCLUDED", {}),
    ("860", "Rounding", "CURRLIAB", "BASEXCLUDED", {"SystemAccount": "ROUNDING"}),
    ("877", "Tracking Transfers", "CURRLIAB", "BASEXCLUDED", {"SystemAccount": "TRACKINGTRANSFERS"}),
    ("960", "Retained Earnings", "EQUITY", "BASEXCLUDED", {"SystemAccount": "RETAINEDEARNINGS"}),
    ("970", "Owner A Share Capital", "EQUITY", "BASEXCLUDED", {}),
]
CLASS_OF_TYPE = {"BANK": "ASSET", "CURRENT": "ASSET", "INVENTORY": "ASSET", "REVENUE": "REVENUE",
                 "OTHERINCOME": "REVENUE", "DIRECTCOSTS": "EXPENSE", "EXPENSE": "EXPENSE", "CURRLIAB": "LIABILITY",
                 "EQUITY": "EQUITY"}

# (name, tax type, rate, report tax type)
TAX_RATES = [
    ("GST on Income", "OUTPUT", Decimal("10.0000"), "OUTPUT"),
    ("GST on Expenses", "INPUT", Decimal("10.0000"), "INPUT"),
    ("GST Free Income", "EXEMPTOUTPUT", Decimal("0.0000"), "OUTPUT"),
    ("GST Free Expenses", "EXEMPTEXPENSES", Decimal("0.0000"), "INPUT"),
    ("BAS Excluded", "BASEXCLUDED", Decimal("0.0000"), "BASEXCLUDED"),
    ("GST on Imports", "GSTONIMPORTS", Decimal("0.0000"), "GSTONIMPORTS"),
    ("GST on Capital", "CAPEXINPUT", Decimal("10.0000"), "INPUT"),
    ("GST Free Capital", "EXEMPTCAPITAL", Decimal("0.0000"), "INPUT"),
    ("GST Free Exports", "EXEMPTEXPORT", Decimal("0.0000"), "OUTPUT"),
    ("Input Taxed", "INPUTTAXED", Decimal("0.0000"), "INPUT"),
]
RATE_OF_TAX_TYPE = {tax_type: rate / 100 for _, tax_type, rate, _ in TAX_RATES}

AREA_TYPE_OPTIONS = {"boarding": "Boarding", "daycare": "Daycare", "grooming": "Grooming",
                     "training": "Training", "retail": "Retail"}

MAPPING = {
    "item_codes": {
        "BOARD-DOG": "201", "BOARD-DOG-LG": "201", "BOARD-CAT": "201", "MEDS": "201", "TRANSPORT": "201",
        "DAYCARE": "202", "DAYCARE-HALF": "202", "GROOM-FULL": "203", "GROOM-MINI": "203", "BATH": "203",
        "GROOM-NAIL": "203", "TRAIN-PUPPY": "204", "TRAIN-PRIVATE": "204", "RETAIL": "205", "VOUCHER": "835",
        "ADJUST": "209",
    },
    "area_types": {"boarding": "201", "daycare": "202", "grooming": "203", "training": "204", "retail": "205"},
    "tax_codes": {"GST": "OUTPUT", "GST_FREE": "EXEMPTOUTPUT", "NO_TAX": "BASEXCLUDED"},
    "payment_methods": {"cash": "092", "eftpos": "090", "credit_card": "090", "bank_transfer": "090",
                        "cheque": "090", "stripe": "091"},
    "stripe": {"clearing_account": "091", "payout_account": "090", "fee_account": "405",
               "platform_fee_account": "405"},
    "overpayments_account": "610",
    "rounding_account": "860",
    "tracking": {
        "location": {"category": "Locations", "options": dict(catalogue.LOCATIONS)},
        "area_type": {"category": "Area Types", "options": AREA_TYPE_OPTIONS},
    },
    "number_prefixes": {"invoice": "INV", "credit_note": ""},
}
# Pet Manager tax code -> rate, through the mapping, for computing what Xero computes.
PM_TAX_TYPE = MAPPING["tax_codes"]


class Chart:
    """The organisation's setup records with their GUIDs, and look-ups by code and name."""

    def __init__(self, guids: Guids, tenant_id: str):
        self.organisation = {
            "OrganisationID": tenant_id, "APIKey": "", "Name": catalogue.BUSINESS_NAME,
            "LegalName": "Paws & Claws Pet Resort Pty Ltd", "PaysTax": True, "Version": "AU",
            "OrganisationType": "COMPANY", "BaseCurrency": "AUD", "CountryCode": "AU", "IsDemoCompany": False,
            "OrganisationStatus": "ACTIVE", "TaxNumber": "51 824 753 556", "FinancialYearEndDay": 30,
            "FinancialYearEndMonth": 6, "SalesTaxBasis": "ACCRUALS", "SalesTaxPeriod": "QUARTERLY1",
            "DefaultSalesTax": "Tax Inclusive", "DefaultPurchasesTax": "Tax Inclusive",
            "PeriodLockDate": PERIOD_LOCK_DATE.isoformat(), "EndOfYearLockDate": END_OF_YEAR_LOCK_DATE.isoformat(),
            "CreatedDateUTC": "/Date(1530403200000+0000)/", "Timezone": "AUSEASTERNSTANDARDTIME",
            "OrganisationEntityType": "COMPANY", "ShortCode": "!pC7x2", "Class": "STANDARD", "Edition": "BUSINESS",
            "LineOfBusiness": "Pet boarding, daycare and grooming",
        }
        self.accounts = [self._account(guids, *row) for row in ACCOUNTS]
        self.by_code = {account["Code"]: account for account in self.accounts}
        self.tax_rates = [{
            "Name": name, "TaxType": tax_type, "ReportTaxType": report, "Status": "ACTIVE",
            # As Xero's AU defaults: income rates apply to sales, expense rates to purchases.
            "CanApplyToAssets": True, "CanApplyToEquity": True,
            "CanApplyToExpenses": report in ("INPUT", "BASEXCLUDED", "GSTONIMPORTS"),
            "CanApplyToLiabilities": True, "CanApplyToRevenue": report in ("OUTPUT", "BASEXCLUDED"),
            "DisplayTaxRate": rate, "EffectiveRate": rate,
            "TaxComponents": [{"Name": "GST", "Rate": rate, "IsCompound": False, "IsNonRecoverable": False}],
        } for name, tax_type, rate, report in TAX_RATES]
        self.tracking = [
            self._tracking(guids, "Locations", list(catalogue.LOCATIONS.values())),
            self._tracking(guids, "Area Types", list(AREA_TYPE_OPTIONS.values())),
        ]
        self.tracking_option = {
            (category["Name"], option["Name"]): {
                "TrackingCategoryID": category["TrackingCategoryID"], "Name": category["Name"],
                "TrackingOptionID": option["TrackingOptionID"], "Option": option["Name"],
            }
            for category in self.tracking for option in category["Options"]
        }
        self.groups = {name: {"ContactGroupID": guids(), "Name": name, "Status": "ACTIVE", "Contacts": []}
                       for name in ("Pet Manager Customers", "Pet Manager Suppliers", "Suppliers", "Trade Customers")}

    @staticmethod
    def _account(guids: Guids, code: str, name: str, account_type: str, tax_type: str, extra: dict) -> dict:
        account = {
            "AccountID": guids(), "Code": code, "Name": name, "Type": account_type, "TaxType": tax_type,
            "Status": "ACTIVE", "Class": CLASS_OF_TYPE[account_type], "EnablePaymentsToAccount": False,
            "ShowInExpenseClaims": account_type == "EXPENSE", "ReportingCode": "", "HasAttachments": False,
            **extra,
        }
        if account_type == "BANK":
            account.update({"BankAccountType": "BANK", "CurrencyCode": "AUD", "EnablePaymentsToAccount": True})
        return account

    @staticmethod
    def _tracking(guids: Guids, name: str, options: list[str]) -> dict:
        category_id = guids()
        return {"TrackingCategoryID": category_id, "Name": name, "Status": "ACTIVE",
                "Options": [{"TrackingOptionID": guids(), "Name": option, "Status": "ACTIVE",
                             "TrackingCategoryID": category_id} for option in options]}

    def account_ref(self, code: str) -> dict:
        account = self.by_code[code]
        return {"AccountID": account["AccountID"], "Code": code, "Name": account["Name"]}

    def group_ref(self, name: str) -> dict:
        group = self.groups[name]
        return {"ContactGroupID": group["ContactGroupID"], "Name": name, "Status": "ACTIVE"}
