"""Fill in what Xero computes or defaults on a record: classes, statuses, totals, timestamps.

Used when a state file is loaded and after a write has passed validation."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sync.sandbox import documents
from sync.sandbox.state import Organisation, new_id

ACCOUNT_CLASSES = {
    "BANK": "ASSET", "CURRENT": "ASSET", "FIXED": "ASSET", "INVENTORY": "ASSET", "NONCURRENT": "ASSET",
    "PREPAYMENT": "ASSET", "CURRLIAB": "LIABILITY", "LIABILITY": "LIABILITY", "TERMLIAB": "LIABILITY",
    "EQUITY": "EQUITY", "DEPRECIATN": "EXPENSE", "DIRECTCOSTS": "EXPENSE", "EXPENSE": "EXPENSE",
    "OVERHEADS": "EXPENSE", "OTHERINCOME": "REVENUE", "REVENUE": "REVENUE", "SALES": "REVENUE",
}


def _give_id(record: dict, id_field: str) -> None:
    if not record.get(id_field):
        record[id_field] = new_id()


def complete_organisation(org: dict, tenant_id: str, tenant_name: str, now: datetime) -> dict:
    defaults = {
        "OrganisationID": tenant_id, "APIKey": "", "Name": tenant_name, "LegalName": tenant_name,
        "PaysTax": True, "Version": org.get("CountryCode", "AU"), "OrganisationType": "COMPANY",
        "BaseCurrency": "AUD", "CountryCode": "AU", "IsDemoCompany": False, "OrganisationStatus": "ACTIVE",
        "FinancialYearEndDay": 30, "FinancialYearEndMonth": 6, "SalesTaxBasis": "ACCRUALS",
        "SalesTaxPeriod": "QUARTERLY1", "DefaultSalesTax": "Tax Exclusive", "DefaultPurchasesTax": "Tax Inclusive",
        "CreatedDateUTC": now, "Timezone": "AUSEASTERNSTANDARDTIME", "OrganisationEntityType": "COMPANY",
        "ShortCode": "!" + tenant_id[:5], "Class": "PREMIUM", "Edition": "BUSINESS",
        "Addresses": [], "Phones": [], "ExternalLinks": [], "PaymentTerms": {},
    }
    return {**defaults, **org}


def complete_tax_rate(rate: dict, now: datetime) -> None:
    rate.setdefault("Status", "ACTIVE")
    rate["EffectiveRate"] = Decimal(rate.get("EffectiveRate", rate.get("DisplayTaxRate", 0)))
    rate.setdefault("DisplayTaxRate", rate["EffectiveRate"])
    rate.setdefault("ReportTaxType", rate["TaxType"])
    rate.setdefault("TaxComponents", [{"Name": rate.get("Name", rate["TaxType"]), "Rate": rate["EffectiveRate"],
                                       "IsCompound": False, "IsNonRecoverable": False}])
    # Where the state does not say, follow Xero's defaults: income rates (reported as OUTPUT) apply to
    # sales only, expense rates (INPUT) to purchases only, the rest to both.
    report = rate["ReportTaxType"]
    rate.setdefault("CanApplyToRevenue", report not in ("INPUT", "GSTONIMPORTS"))
    rate.setdefault("CanApplyToExpenses", report != "OUTPUT")
    for flag in ("CanApplyToAssets", "CanApplyToEquity", "CanApplyToLiabilities"):
        rate.setdefault(flag, True)


def complete_account(account: dict, now: datetime) -> None:
    _give_id(account, "AccountID")
    account.setdefault("Status", "ACTIVE")
    account.setdefault("Description", "")
    account.setdefault("Class", ACCOUNT_CLASSES.get(account.get("Type", ""), "ASSET"))
    account.setdefault("EnablePaymentsToAccount", False)
    account.setdefault("ShowInExpenseClaims", False)
    account.setdefault("ReportingCode", account["Class"][:3])
    account.setdefault("ReportingCodeName", account["Class"].title())
    account.setdefault("HasAttachments", False)
    account.setdefault("AddToWatchlist", False)
    if account.get("Type") == "BANK":
        account.setdefault("CurrencyCode", "AUD")
        account.setdefault("BankAccountType", "BANK")
    account.setdefault("UpdatedDateUTC", now)


def complete_tracking_category(category: dict, now: datetime) -> None:
    _give_id(category, "TrackingCategoryID")
    category.setdefault("Status", "ACTIVE")
    for option in category.setdefault("Options", []):
        _give_id(option, "TrackingOptionID")
        option.setdefault("Status", "ACTIVE")


def complete_item(item: dict, now: datetime) -> None:
    _give_id(item, "ItemID")
    item.setdefault("Name", item.get("Code", ""))
    item.setdefault("IsSold", "SalesDetails" in item)
    item.setdefault("IsPurchased", "PurchaseDetails" in item)
    item.setdefault("IsTrackedAsInventory", False)
    item.setdefault("UpdatedDateUTC", now)


def complete_contact_group(group: dict, now: datetime) -> None:
    _give_id(group, "ContactGroupID")
    group.setdefault("Status", "ACTIVE")
    group.setdefault("Contacts", [])


def complete_contact(contact: dict, now: datetime) -> None:
    _give_id(contact, "ContactID")
    contact.setdefault("ContactStatus", "ACTIVE")
    for key in ("Addresses", "Phones", "ContactGroups", "ContactPersons"):
        contact.setdefault(key, [])
    contact.setdefault("IsSupplier", False)
    contact.setdefault("IsCustomer", False)
    contact.setdefault("HasAttachments", False)
    contact.setdefault("HasValidationErrors", False)
    contact.setdefault("UpdatedDateUTC", now)


def complete_document(org: Organisation, entity_name: str, document: dict, now: datetime,
                      unit_places: int = 2) -> None:
    """Invoices, credit notes, overpayments and bank transactions: IDs, lines, totals, settlement."""
    id_field = org.table(entity_name).entity.id_field
    _give_id(document, id_field)
    document.setdefault("Status", "AUTHORISED" if entity_name in ("BankTransactions", "Overpayments") else "DRAFT")
    document.setdefault("LineAmountTypes", "Exclusive")
    document.setdefault("CurrencyCode", org.organisation.get("BaseCurrency", "AUD"))
    document.setdefault("CurrencyRate", Decimal("1.000000"))
    document.setdefault("HasAttachments", False)
    if entity_name in ("Invoices", "CreditNotes"):
        document.setdefault("DueDate", document.get("Date"))
        document.setdefault("Reference", "")
        document.setdefault("SentToContact", False)
    if "Contact" in document:
        document["Contact"] = contact_summary(org, document["Contact"])
    for line in document.setdefault("LineItems", []):
        _give_id(line, "LineItemID")
        line.setdefault("Tracking", [])
        if document["LineAmountTypes"] == "NoTax":
            line.setdefault("TaxType", "NONE")
        elif "TaxType" not in line and line.get("AccountCode"):
            account = org.get("Accounts", org.find("account_code", line["AccountCode"]))
            if account and account.get("TaxType"):
                line["TaxType"] = account["TaxType"]
    discount = documents.compute_lines(document, org.tax_rates(), unit_places)
    if entity_name == "Invoices":  # Xero's spec has TotalDiscount and IsDiscounted on invoices only
        document["TotalDiscount"] = discount
        document["IsDiscounted"] = discount != documents.ZERO
        for key in ("Payments", "CreditNotes", "Prepayments", "Overpayments"):
            document.setdefault(key, [])
        documents.settle_invoice(document)
    elif entity_name in ("CreditNotes", "Overpayments"):
        document.setdefault("Allocations", [])
        document.setdefault("Payments", [])
        documents.settle_credit(document)
    document.setdefault("UpdatedDateUTC", now)


def contact_summary(org: Organisation, reference: dict) -> dict:
    """How a document shows its contact: the contact's current ID, name and status."""
    contact = org.get("Contacts", reference.get("ContactID"))
    if contact is None:
        return dict(reference)
    summary = {"ContactID": contact["ContactID"], "Name": contact["Name"], "ContactStatus": contact["ContactStatus"]}
    for key in ("ContactNumber", "EmailAddress", "FirstName", "LastName"):
        if contact.get(key):
            summary[key] = contact[key]
    return summary


def complete_payment(org: Organisation, payment: dict, now: datetime) -> None:
    _give_id(payment, "PaymentID")
    payment.setdefault("Status", "AUTHORISED")
    payment.setdefault("Reference", "")
    payment.setdefault("CurrencyRate", Decimal("1.000000"))
    payment.setdefault("BankAmount", payment.get("Amount"))
    payment.setdefault("IsReconciled", False)
    payment.setdefault("HasAccount", True)
    payment.setdefault("HasValidationErrors", False)
    payment.setdefault("UpdatedDateUTC", now)


def complete_bank_transfer(transfer: dict, now: datetime) -> None:
    _give_id(transfer, "BankTransferID")
    _give_id(transfer, "FromBankTransactionID")
    _give_id(transfer, "ToBankTransactionID")
    transfer.setdefault("CurrencyRate", Decimal("1.000000"))
    transfer.setdefault("FromIsReconciled", False)
    transfer.setdefault("ToIsReconciled", False)
    transfer.setdefault("Reference", "")
    transfer.setdefault("HasAttachments", False)
    transfer.setdefault("CreatedDateUTC", now)
