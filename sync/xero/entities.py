"""What each Accounting API endpoint accepts, as Xero's OpenAPI spec declares it.

Reads: whether the list is paged (`page`, and `pageSize` up to 1000), and which of
`If-Modified-Since`, `IDs` and `includeArchived` it takes. Writes: whether the endpoint takes
`summarizeErrors`; without it one bad element fails the whole request, so such endpoints are
written one element per request — except adding contacts to a contact group, which takes many
contacts in one call (up to 50 here, like every other batch): there the whole call succeeds or
fails, and adding a contact that is already a member again is harmless. tests/xero_client/test_entities.py
checks this table against the spec.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_PAGE_SIZE = 1000
DEFAULT_PAGE_SIZE = 100  # what a paged endpoint returns when it takes no pageSize


@dataclass(frozen=True)
class Entity:
    name: str
    key: str
    paged: bool = False
    page_size: bool = False
    modified_since: bool = False
    ids: bool = False
    include_archived: bool = False


def _paged(name: str, **options: bool) -> Entity:
    return Entity(name, name, paged=True, page_size=True, modified_since=True, **options)


ENTITIES: dict[str, Entity] = {
    entity.name: entity
    for entity in (
        _paged("Invoices", ids=True, include_archived=True),
        _paged("Contacts", ids=True, include_archived=True),
        _paged("CreditNotes"),
        _paged("Payments"),
        _paged("Overpayments"),
        _paged("Prepayments"),
        _paged("BankTransactions"),
        _paged("ManualJournals"),
        _paged("PurchaseOrders"),
        Entity("Quotes", "Quotes", paged=True, modified_since=True),
        Entity("BankTransfers", "BankTransfers", modified_since=True),
        Entity("BatchPayments", "BatchPayments", modified_since=True),
        Entity("Accounts", "Accounts", modified_since=True),
        Entity("Items", "Items", modified_since=True),
        Entity("Users", "Users", modified_since=True),
        Entity("TaxRates", "TaxRates"),
        Entity("TrackingCategories", "TrackingCategories", include_archived=True),
        Entity("ContactGroups", "ContactGroups"),
        Entity("Currencies", "Currencies"),
        Entity("BrandingThemes", "BrandingThemes"),
        Entity("RepeatingInvoices", "RepeatingInvoices"),
        Entity("Organisation", "Organisations"),
    )
}

# (path with `{id}` for each identifier, method) -> takes summarizeErrors
WRITES: dict[tuple[str, str], bool] = {
    ("Invoices", "PUT"): True,
    ("Invoices", "POST"): True,
    ("Contacts", "PUT"): True,
    ("Contacts", "POST"): True,
    ("CreditNotes", "PUT"): True,
    ("CreditNotes", "POST"): True,
    ("BankTransactions", "PUT"): True,
    ("BankTransactions", "POST"): True,
    ("Items", "PUT"): True,
    ("Items", "POST"): True,
    ("ManualJournals", "PUT"): True,
    ("ManualJournals", "POST"): True,
    ("Payments", "PUT"): True,
    ("BatchPayments", "PUT"): True,
    ("BankTransfers", "PUT"): False,
    ("ContactGroups", "PUT"): False,
    ("ContactGroups/{id}/Contacts", "PUT"): False,
    ("CreditNotes/{id}/Allocations", "PUT"): True,
    ("Overpayments/{id}/Allocations", "PUT"): True,
    ("Prepayments/{id}/Allocations", "PUT"): True,
}


MAX_BATCH = 50  # elements per call where Xero answers element by element
# Endpoints without summarizeErrors that still take a batch: the whole call succeeds or fails, so
# it carries only what cannot fail on its own. Adding contacts to a group names each by ContactID
# alone (about 60 bytes; Xero documents no count limit, only 3.5 MB a request): 1,000 to a call
# keeps 5,000 new contacts at 106 requests (21 per 1,000) instead of 200 at 50 to a call.
BATCHED_WITHOUT_SUMMARY = {("ContactGroups/{id}/Contacts", "PUT"): 1000}


def entity(name: str) -> Entity:
    try:
        return ENTITIES[name]
    except KeyError:
        raise ValueError(f"unknown Xero entity {name!r}; known: {', '.join(sorted(ENTITIES))}") from None


def write_template(path: str) -> str:
    """`CreditNotes/<guid>/Allocations` -> `CreditNotes/{id}/Allocations`."""
    parts = path.strip("/").split("/")
    return "/".join("{id}" if index % 2 else part for index, part in enumerate(parts))


def write_key(path: str) -> str:
    """The JSON key of the element list: the path's last name (`Invoices`, `Allocations`, `Contacts`)."""
    return write_template(path).split("/")[-1]


def takes_summarize_errors(path: str, method: str) -> bool:
    try:
        return WRITES[(write_template(path), method)]
    except KeyError:
        raise ValueError(f"recon does not write {method} {path}") from None


def batch_limit(path: str, method: str) -> int:
    """How many elements one call may carry: 50 where Xero answers element by element, the
    endpoint's own number where the whole call is one change (contact-group membership), else 1."""
    if takes_summarize_errors(path, method):
        return MAX_BATCH
    return BATCHED_WITHOUT_SUMMARY.get((write_template(path), method), 1)
