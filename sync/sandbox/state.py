"""The in-memory Xero: organisations, their records (dicts in Xero's shape, indexed by ID and by
the keys Xero keeps unique). Loading and saving them is statefile.py."""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field

from sync.sandbox import xerojson
from sync.sandbox.entities import DATE_FIELDS, ENTITIES, TIMESTAMP_FIELDS, Entity

FORMAT = "recon-xero-sandbox/1"
# The order records are loaded in: what a record refers to is loaded before it.
LOAD_ORDER = ("TaxRates", "Accounts", "TrackingCategories", "Items", "ContactGroups", "Contacts", "Invoices",
              "CreditNotes", "Overpayments", "BankTransactions", "Payments", "BankTransfers")


def new_id() -> str:
    return str(uuid.uuid4())


class Table:
    """One collection of one organisation, in insertion order, with cached JSON renderings."""

    def __init__(self, entity: Entity) -> None:
        self.entity = entity
        self.records: dict[str, dict] = {}
        self.version = 0
        self._rendered: dict[tuple[str, bool], str] = {}
        self.queries: dict = {}  # reads.py: query -> (version, matching records)

    def get(self, record_id: str) -> dict | None:
        return self.records.get(str(record_id).lower())

    def put(self, record: dict) -> None:
        key = str(record[self.entity.id_field]).lower()
        self.records[key] = record
        self.version += 1
        self._rendered.pop((key, True), None)
        self._rendered.pop((key, False), None)

    def rendered(self, record: dict, with_lines: bool = True) -> xerojson.RawJson:
        """The record as Xero writes it, cached until the record changes."""
        key = (str(record[self.entity.id_field]).lower(), with_lines)
        text = self._rendered.get(key)
        if text is None:
            text = xerojson.dumps(render(self.entity, record, with_lines)).decode()
            self._rendered[key] = text
        return xerojson.RawJson(text)


def render(entity: Entity, record: dict, with_lines: bool = True) -> dict:
    """A record as Xero returns it: dates also as `DateString`, lines left out of plain lists."""
    shown = dict(record)
    for name in entity.date_strings:
        if shown.get(name) is not None:
            shown[f"{name}String"] = shown[name].isoformat() + "T00:00:00"
    if not with_lines:
        shown.pop("LineItems", None)
    return shown


@dataclass
class Client:
    client_id: str
    client_secret: str
    tenant_ids: list[str]


class Organisation:
    """One Xero organisation (tenant) and its records."""

    def __init__(self, tenant_id: str, tenant_name: str, organisation: dict) -> None:
        self.tenant_id = tenant_id
        self.tenant_name = tenant_name
        self.organisation = organisation
        self.tables = {name: Table(entity) for name, entity in ENTITIES.items()}
        # index name -> key -> record ID; see _index_keys for what each one holds
        self.indexes: dict[str, dict[str, str]] = {name: {} for name in INDEXES}
        # (index, prefix) -> highest number used with that prefix, kept up to date by put()
        self._highest: dict[tuple[str, str], int] = {}

    def table(self, name: str) -> Table:
        return self.tables[name]

    def get(self, entity_name: str, record_id) -> dict | None:
        return self.tables[entity_name].get(record_id) if record_id else None

    def find(self, index: str, key) -> str | None:
        """The ID held by an index under a key (keys are compared case-insensitively)."""
        return self.indexes[index].get(str(key).strip().lower()) if key else None

    def put(self, entity_name: str, record: dict) -> None:
        table = self.tables[entity_name]
        old = table.get(record[table.entity.id_field])
        if old is not None:
            for index, key in _index_keys(entity_name, old):
                self.indexes[index].pop(key, None)
        for index, key in _index_keys(entity_name, record):
            self.indexes[index][key] = str(record[table.entity.id_field])
            for (numbered, prefix), highest in self._highest.items():
                if numbered == index:
                    self._highest[(numbered, prefix)] = max(highest, _number_after(prefix, key))
        table.put(record)

    def tax_rates(self) -> dict:
        return {rate["TaxType"]: rate["EffectiveRate"] for rate in self.tables["TaxRates"].records.values()
                if rate.get("Status", "ACTIVE") == "ACTIVE"}

    def next_number(self, prefix: str, index: str) -> str:
        """The next `INV-0001`-style number after the highest one ever used (a deleted draft's
        number is free for a person to reuse, but Xero's counter does not go back)."""
        if (index, prefix) not in self._highest:
            self._highest[(index, prefix)] = max((_number_after(prefix, key) for key in self.indexes[index]),
                                                 default=0)
        return f"{prefix}{self._highest[(index, prefix)] + 1:04d}"


def _number_after(prefix: str, key: str) -> int:
    """1 for `inv-0001` with prefix `INV-`; 0 when the key is not prefix + digits."""
    rest = key[len(prefix):] if key.startswith(prefix.lower()) else ""
    return int(rest) if rest.isdigit() else 0


INDEXES = ("contact_name", "contact_number", "sales_invoice_number", "sales_credit_number",
           "account_code", "item_code", "contact_group_name")


def _index_keys(entity_name: str, record: dict) -> list[tuple[str, str]]:
    """What a record holds in the unique indexes. A deleted draft frees its number; a voided
    invoice keeps it; an archived contact frees its name but keeps its number."""
    keys: list[tuple[str, str]] = []
    status = record.get("Status")
    if entity_name == "Contacts":
        if record.get("ContactStatus", "ACTIVE") == "ACTIVE" and record.get("Name"):
            keys.append(("contact_name", record["Name"].strip().lower()))
        if record.get("ContactNumber"):
            keys.append(("contact_number", record["ContactNumber"].strip().lower()))
    elif entity_name == "Invoices" and record.get("Type") == "ACCREC" and status != "DELETED":
        if record.get("InvoiceNumber"):
            keys.append(("sales_invoice_number", record["InvoiceNumber"].strip().lower()))
    elif entity_name == "CreditNotes" and record.get("Type") == "ACCRECCREDIT" and status != "DELETED":
        if record.get("CreditNoteNumber"):
            keys.append(("sales_credit_number", record["CreditNoteNumber"].strip().lower()))
    elif entity_name == "Accounts" and record.get("Code") and status != "DELETED":
        keys.append(("account_code", record["Code"].strip().lower()))
    elif entity_name == "Items" and record.get("Code"):
        keys.append(("item_code", record["Code"].strip().lower()))
    elif entity_name == "ContactGroups" and status == "ACTIVE":
        keys.append(("contact_group_name", record["Name"].strip().lower()))
    return keys


@dataclass
class SandboxState:
    clients: dict[str, Client] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    lock: threading.RLock = field(default_factory=threading.RLock)


def parse_dates(value):
    """Turn the date fields of a record (at any depth) into `date` / `datetime` values."""
    if isinstance(value, dict):
        parsed = {}
        for key, item in value.items():
            if key.endswith("DateString") or key == "UpdatedDateUTCString":
                continue
            if key in DATE_FIELDS and isinstance(item, str):
                parsed[key] = xerojson.parse_date(item)
            elif key in TIMESTAMP_FIELDS and isinstance(item, str):
                parsed[key] = xerojson.parse_timestamp(item)
            else:
                parsed[key] = parse_dates(item)
        return parsed
    if isinstance(value, list):
        return [parse_dates(item) for item in value]
    return value

