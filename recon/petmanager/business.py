"""business.json: the business's identity, currency, tax basis, time zone and locations."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import duckdb

from recon.petmanager import sql
from recon.petmanager.problems import Problems

FILE = "business.json"
EXPORT_FORMAT = 1
COUNTRIES = ("AU", "NZ", "GB")
CURRENCIES = ("AUD", "NZD", "GBP")
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})")


@dataclass(frozen=True)
class Location:
    location_id: int
    name: str


@dataclass(frozen=True)
class Business:
    business_name: str
    country: str
    currency: str
    timezone: str
    tax_registered: bool
    export_format: int
    exported_at: datetime
    locations: tuple[Location, ...]


def read_business(path: Path, problems: Problems) -> Business | None:
    """The checked content of business.json, or None with every fault recorded."""
    if not path.is_file():
        problems.add(FILE, None, None, "required file is missing")
        return None
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        problems.add(FILE, None, None, "holds bytes that are not UTF-8 (the export must be UTF-8)")
        return None
    except json.JSONDecodeError as e:
        problems.add(FILE, None, None, f"is not valid JSON: {e}")
        return None
    if not isinstance(data, dict):
        problems.add(FILE, None, None, "must hold one JSON object")
        return None

    faults: list[tuple[str, str]] = []

    def bad(key: str, message: str) -> None:
        faults.append((key, message))

    def text(key: str, allowed: tuple[str, ...] = ()) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            bad(key, "must be a non-empty string")
        elif allowed and value not in allowed:
            bad(key, f"{value!r} is not one of {', '.join(allowed)}")
        return value

    name = text("business_name")
    country = text("country", COUNTRIES)
    currency = text("currency", CURRENCIES)
    timezone = text("timezone")
    if isinstance(timezone, str) and timezone.strip():
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            bad("timezone", f"{timezone!r} is not an IANA time zone name")
    tax_registered = data.get("tax_registered")
    if not isinstance(tax_registered, bool):
        bad("tax_registered", "must be true or false")
    export_format = data.get("export_format")
    if export_format != EXPORT_FORMAT or isinstance(export_format, bool):
        bad("export_format", f"export format {export_format!r} is not supported: recon reads format {EXPORT_FORMAT}")
    exported_at = _timestamp(data.get("exported_at"))
    if exported_at is None:
        bad("exported_at", "must be an ISO 8601 timestamp with offset, e.g. 2024-07-01T08:00:00+10:00")
    locations = _locations(data.get("locations"), bad)

    for key, message in faults:
        problems.add(FILE, None, key, message)
    if faults:
        return None
    return Business(name, country, currency, timezone, tax_registered, export_format, exported_at, locations)


def _timestamp(value: object) -> datetime | None:
    if not isinstance(value, str) or not _TIMESTAMP.fullmatch(value):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _locations(value: object, bad: Callable[[str, str], None]) -> tuple[Location, ...]:
    if not isinstance(value, list) or not value:
        bad("locations", "must be a non-empty list of {location_id, name}")
        return ()
    locations = []
    seen: set[int] = set()
    for index, item in enumerate(value):
        where = f"locations[{index}]"
        item = item if isinstance(item, dict) else {}
        location_id, name = item.get("location_id"), item.get("name")
        if not isinstance(location_id, int) or isinstance(location_id, bool) or location_id <= 0:
            bad(f"{where}.location_id", "must be a positive whole number")
        elif location_id in seen:
            bad(f"{where}.location_id", f"duplicate location_id {location_id}")
        if not isinstance(name, str) or not name.strip():
            bad(f"{where}.name", "must be a non-empty string")
        if isinstance(location_id, int):
            seen.add(location_id)
        locations.append(Location(location_id, name))
    return tuple(locations)


def write_business(con: duckdb.DuckDBPyConnection, schema: str, business: Business) -> None:
    """`{schema}.business` (one row) and `{schema}.locations`."""
    con.execute(sql.render("create_business", business=sql.table(schema, "business")), {
        "business_name": business.business_name,
        "country": business.country,
        "currency": business.currency,
        "timezone": business.timezone,
        "tax_registered": business.tax_registered,
        "export_format": business.export_format,
        "exported_at": business.exported_at.isoformat(),
    })
    con.execute(sql.render("create_locations", locations=sql.table(schema, "locations")), {
        "rows": list(range(1, len(business.locations) + 1)),
        "location_ids": [location.location_id for location in business.locations],
        "names": [location.name for location in business.locations],
    })
