"""What the sandbox knows about each Xero collection: its ID field, whether Xero pages it,
which of its fields are dates, and which number identifies it to people."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entity:
    name: str  # the collection key and URL segment: "Invoices"
    id_field: str  # "InvoiceID"
    paged: bool = False  # Xero pages it when `page` is given
    has_lines: bool = False  # listed without `page`, it comes without LineItems
    number_field: str | None = None  # GET /Invoices/{InvoiceNumber} works too
    date_strings: tuple[str, ...] = ()  # date fields Xero echoes again as "<field>String"
    default_status_filter: tuple[str, ...] = ()  # hidden unless includeArchived


ENTITIES: dict[str, Entity] = {
    entity.name: entity
    for entity in (
        Entity("Accounts", "AccountID", number_field="Code"),
        Entity("TaxRates", "TaxType"),
        Entity("TrackingCategories", "TrackingCategoryID", default_status_filter=("ACTIVE",)),
        Entity("Items", "ItemID", number_field="Code"),
        Entity("ContactGroups", "ContactGroupID", default_status_filter=("ACTIVE",)),
        Entity("Contacts", "ContactID", paged=True, number_field="ContactNumber", default_status_filter=("ACTIVE",)),
        Entity("Invoices", "InvoiceID", paged=True, has_lines=True, number_field="InvoiceNumber",
               date_strings=("Date", "DueDate")),
        Entity("CreditNotes", "CreditNoteID", paged=True, has_lines=True, number_field="CreditNoteNumber",
               date_strings=("Date", "DueDate")),
        Entity("Payments", "PaymentID", paged=True),
        Entity("Overpayments", "OverpaymentID", paged=True, has_lines=True, date_strings=("Date",)),
        Entity("BankTransactions", "BankTransactionID", paged=True, date_strings=("Date",)),  # spec: lines required
        Entity("BankTransfers", "BankTransferID", date_strings=("Date",)),
    )
}

# Field names whose values are calendar dates or UTC timestamps, wherever they appear.
DATE_FIELDS = frozenset({
    "Date", "DueDate", "FullyPaidOnDate", "ExpectedPaymentDate", "PlannedPaymentDate",
    "PeriodLockDate", "EndOfYearLockDate",
})
TIMESTAMP_FIELDS = frozenset({"UpdatedDateUTC", "CreatedDateUTC"})
