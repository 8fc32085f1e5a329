"""Xero's JSON dialect: Decimal money (never float) and `/Date(ms+0000)/` timestamps.

Records are kept as plain dicts whose values may be `Decimal`, `date` and `datetime`;
`dumps` writes them the way Xero does, `loads` reads request bodies with Decimal numbers.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MILLISECOND = timedelta(milliseconds=1)
_MSDATE = re.compile(r"^/Date\((-?\d+)([+-]\d{4})?\)/$")
_encode_string = json.encoder.encode_basestring


def loads(data: bytes | str):
    return json.loads(data, parse_float=Decimal)


def msdate(value: date | datetime, offset: bool = True) -> str:
    """`/Date(1573755038314+0000)/` for a date (midnight UTC) or an aware datetime."""
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    millis = (value - _EPOCH) // _MILLISECOND
    return f"/Date({millis}+0000)/" if offset else f"/Date({millis})/"


def parse_msdate(text: str) -> datetime | None:
    match = _MSDATE.match(text)
    if not match:
        return None
    return _EPOCH + int(match.group(1)) * _MILLISECOND


def dumps(value) -> bytes:
    parts: list[str] = []
    _write(value, parts)
    return "".join(parts).encode()


def _write(value, parts: list[str]) -> None:
    if isinstance(value, str):
        parts.append(_encode_string(value))
    elif isinstance(value, dict):
        parts.append("{")
        first = True
        for key, item in value.items():
            if not first:
                parts.append(",")
            first = False
            parts.append(_encode_string(key))
            parts.append(":")
            _write(item, parts)
        parts.append("}")
    elif isinstance(value, (list, tuple)):
        parts.append("[")
        for index, item in enumerate(value):
            if index:
                parts.append(",")
            _write(item, parts)
        parts.append("]")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif value is None:
        parts.append("null")
    elif isinstance(value, Decimal):
        parts.append(format(value, "f"))
    elif isinstance(value, int):
        parts.append(str(value))
    elif isinstance(value, (date, datetime)):
        parts.append(_encode_string(msdate(value)))
    elif isinstance(value, RawJson):
        parts.append(value.text)
    else:
        raise TypeError(f"cannot write {type(value).__name__} as Xero JSON")


class RawJson:
    """Already-encoded JSON spliced in as is (cached record renderings)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def parse_date(value) -> date:
    """A date as Xero accepts it: `2024-01-15`, `2024-01-15T00:00:00` or `/Date(ms+0000)/`."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a date")
    moment = parse_msdate(value)
    if moment is not None:
        return moment.date()
    return datetime.fromisoformat(value[:19] if "T" in value else value[:10]).date()


def parse_timestamp(value) -> datetime:
    """A UTC timestamp: `/Date(ms+0000)/` or ISO 8601 (naive means UTC)."""
    if isinstance(value, datetime):
        return value
    moment = parse_msdate(value)
    if moment is not None:
        return moment
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
