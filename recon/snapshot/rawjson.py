"""Xero records back to JSON text for the workspace's raw columns: Decimal money stays exact."""

from __future__ import annotations

from typing import Any

import simplejson


def dumps(record: dict[str, Any]) -> str:
    return simplejson.dumps(record, use_decimal=True, ensure_ascii=False)
