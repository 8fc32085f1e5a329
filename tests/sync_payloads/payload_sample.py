"""The sample business's rows (read with the csv module, as the export's contract says), a Step 2
mapping onto the sandbox's default AU organisation, and spec validation of what the builders make."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from contract.xero_spec import validate_request
from sync.xero.jsonio import dumps

MAPPING = {
    "items": {"BOARD-DOG": "200", "BOARD-CAT": "200", "DAYCARE": "200", "BATH": "200", "GROOM-NAIL": "200",
              "MEDS": "200", "RETAIL": "260", "ADJUST": "260"},
    "area_types": {"boarding": "200", "daycare": "200", "grooming": "200", "retail": "260"},
    "tax": {"GST": "OUTPUT", "GST_FREE": "EXEMPTOUTPUT", "NO_TAX": "BASEXCLUDED"},
    "payment_methods": {"cash": "090", "eftpos": "090", "credit_card": "090", "bank_transfer": "090",
                        "cheque": "090", "stripe": "630"},
    "accounts": {"stripe_clearing": "630", "stripe_payout_bank": "090", "stripe_fees": "404",
                 "platform_fees": "404", "overpayments": "610", "rounding": "860"},
    "tracking": {},
}
# The sandbox's default organisation (sync/sandbox/defaults.py): TaxType -> EffectiveRate
TAX_RATES = {"OUTPUT": Decimal("10.0000"), "INPUT": Decimal("10.0000"), "EXEMPTOUTPUT": Decimal("0.0000"),
             "EXEMPTEXPENSES": Decimal("0.0000"), "BASEXCLUDED": Decimal("0.0000")}
LOCATIONS = {"1": "Happy Tails Penrith", "2": "Happy Tails Richmond"}
PREFIX = "INV"
SPEC_URL = "https://api.xero.com/api.xro/2.0"
HEADERS = {"Authorization": "Bearer token", "xero-tenant-id": "00000000-0000-0000-0000-000000000001",
           "Accept": "application/json", "Content-Type": "application/json"}


def rows(export: Path, name: str) -> list[dict]:
    with open(export / f"{name}.csv", encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def by_id(export: Path, name: str, id_column: str) -> dict[str, dict]:
    return {row[id_column]: row for row in rows(export, name)}


def lines_of(export: Path, name: str, id_column: str, document_id: str) -> list[dict]:
    return [line for line in rows(export, name) if line[id_column] == document_id]


def document_options(row: dict) -> dict:
    """The keyword arguments invoice() and credit_note() share, for the sample on the sandbox."""
    return {"mapping": MAPPING, "tax_rates": TAX_RATES, "location_name": LOCATIONS[row["location_id"]],
            "rounding_tax_type": "BASEXCLUDED"}


def assert_valid(path: str, envelope: dict, query: str = "summarizeErrors=false") -> None:
    """The request PUT {path}?{query} with this body passes Xero's OpenAPI spec."""
    url = f"{SPEC_URL}{path}?{query}" if query else f"{SPEC_URL}{path}"
    validate_request("PUT", url, HEADERS, dumps(envelope))

