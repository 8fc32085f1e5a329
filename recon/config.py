"""`recon.toml`: the workspace's configuration, read into frozen dataclasses and written with tomlkit
(so a person's comments and layout survive `recon map` rewriting the mapping).

Layout:

    [petmanager]
    export = "exports/happy-tails"         # the Pet Manager export folder (relative to the workspace)

    [business]                             # read from business.json at `recon init`
    name = "Happy Tails Boarding Kennels"
    country = "AU"
    currency = "AUD"
    timezone = "Australia/Sydney"

    [[organisations]]                      # one Xero organisation per group of locations
    tenant_id = "…"
    name = "Happy Tails Boarding Kennels"
    locations = [1, 2]

    [numbering]                            # Pet Manager's Step 1
    invoice_prefix = "INV"
    credit_note_prefix = ""

    [sync]
    start_date = "2025-01-01"

    [mapping.items]  / [mapping.area_types] / [mapping.tax] / [mapping.payment_methods]
    [mapping.accounts]   stripe_clearing, stripe_payout_bank, stripe_fees, platform_fees, overpayments, rounding
    [mapping.tracking]   area_types = "Area Types", locations = "Locations"
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import tomlkit

from recon.errors import BadInput, Located

CONFIG_NAME = "recon.toml"

ACCOUNT_ROLES = ("stripe_clearing", "stripe_payout_bank", "stripe_fees", "platform_fees", "overpayments", "rounding")
MAPPING_TABLES = ("items", "area_types", "tax", "payment_methods", "accounts", "tracking")


def _frozen(d: Mapping[str, str] | None = None) -> Mapping[str, str]:
    return MappingProxyType(dict(d or {}))


@dataclass(frozen=True)
class Organisation:
    tenant_id: str
    name: str
    locations: tuple[int, ...]


@dataclass(frozen=True)
class CodeMapping:
    """Step 2: Pet Manager codes to Xero codes. Every table maps a Pet Manager code to a Xero code."""

    items: Mapping[str, str] = field(default_factory=_frozen)
    area_types: Mapping[str, str] = field(default_factory=_frozen)
    tax: Mapping[str, str] = field(default_factory=_frozen)
    payment_methods: Mapping[str, str] = field(default_factory=_frozen)
    accounts: Mapping[str, str] = field(default_factory=_frozen)
    tracking: Mapping[str, str] = field(default_factory=_frozen)


@dataclass(frozen=True)
class Config:
    root: Path
    export: Path | None
    business_name: str
    country: str
    currency: str
    timezone: str
    organisations: tuple[Organisation, ...]
    invoice_prefix: str | None
    credit_note_prefix: str | None
    start_date: dt.date | None
    mapping: CodeMapping

    def organisation_for_location(self, location_id: int) -> Organisation | None:
        for org in self.organisations:
            if location_id in org.locations:
                return org
        return None


def read_config(root: Path) -> Config:
    path = root / CONFIG_NAME
    if not path.exists():
        raise BadInput([Located(str(path), None, None, "no recon.toml here: run `recon init` first")])
    try:
        doc = tomlkit.parse(path.read_text(encoding="utf-8")).unwrap()
    except Exception as exc:  # tomlkit raises several parse error types
        raise BadInput([Located(str(path), None, None, f"not valid TOML: {exc}")]) from exc
    return _config_from(root, path, doc)


def _config_from(root: Path, path: Path, doc: dict[str, Any]) -> Config:
    errors: list[Located] = []

    def fault(section: str, message: str) -> None:
        errors.append(Located(str(path), None, section, message))

    pm = doc.get("petmanager", {})
    export = Path(pm["export"]) if pm.get("export") else None
    if export is not None and not export.is_absolute():
        export = root / export
    business = doc.get("business", {})
    orgs = []
    for n, org in enumerate(doc.get("organisations", []), start=1):
        if not org.get("tenant_id"):
            fault(f"organisations[{n}].tenant_id", "missing")
            continue
        locations = org.get("locations", [])
        if not all(isinstance(x, int) for x in locations):
            fault(f"organisations[{n}].locations", "must be a list of location ids")
            continue
        orgs.append(Organisation(str(org["tenant_id"]), str(org.get("name", "")), tuple(locations)))
    numbering = doc.get("numbering", {})
    start = doc.get("sync", {}).get("start_date")
    start_date = None
    if start is not None:
        try:
            start_date = start if isinstance(start, dt.date) else dt.date.fromisoformat(str(start))
        except ValueError:
            fault("sync.start_date", f"{start!r} is not a date (YYYY-MM-DD)")
    raw_mapping = doc.get("mapping", {})
    tables = {}
    for name in MAPPING_TABLES:
        table = raw_mapping.get(name, {})
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            fault(f"mapping.{name}", "must be a table of code = \"Xero code\"")
            table = {}
        tables[name] = _frozen({str(k): v for k, v in table.items()})
    if errors:
        raise BadInput(errors)
    return Config(
        root=root,
        export=export,
        business_name=str(business.get("name", "")),
        country=str(business.get("country", "")),
        currency=str(business.get("currency", "")),
        timezone=str(business.get("timezone", "")),
        organisations=tuple(orgs),
        invoice_prefix=numbering.get("invoice_prefix"),
        credit_note_prefix=numbering.get("credit_note_prefix"),
        start_date=start_date,
        mapping=CodeMapping(**tables),
    )


def load_document(root: Path) -> tomlkit.TOMLDocument:
    """The editable document, for commands that change recon.toml (init, map, connect)."""
    return tomlkit.parse((root / CONFIG_NAME).read_text(encoding="utf-8"))


def save_document(root: Path, doc: tomlkit.TOMLDocument) -> None:
    """Write recon.toml atomically, after checking it still reads as a valid Config."""
    _config_from(root, root / CONFIG_NAME, doc.unwrap())
    tmp = root / (CONFIG_NAME + ".tmp")
    tmp.write_text(tomlkit.dumps(doc), encoding="utf-8")
    tmp.replace(root / CONFIG_NAME)
