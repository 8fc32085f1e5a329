"""JSON with money as Decimal: parsed without floats, written from Decimal digit for digit."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any


def loads(data: bytes | str) -> Any:
    return json.loads(data, parse_float=Decimal)


def dumps(value: Any) -> bytes:
    """Compact JSON; Decimal as a JSON number, date as `YYYY-MM-DD`, datetime as ISO 8601."""
    parts: list[str] = []
    _write(value, parts)
    return "".join(parts).encode()


def _write(value: Any, parts: list[str]) -> None:
    if isinstance(value, dict):
        parts.append("{")
        for index, (key, item) in enumerate(value.items()):
            if index:
                parts.append(",")
            parts.append(json.dumps(str(key)))
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
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"cannot send {value} to Xero")
        parts.append(format(value, "f"))
    elif isinstance(value, float):
        raise TypeError("money must be Decimal, never float")
    elif isinstance(value, datetime):
        parts.append(json.dumps(value.isoformat()))
    elif isinstance(value, date):
        parts.append(json.dumps(value.isoformat()))
    else:
        parts.append(json.dumps(value))
