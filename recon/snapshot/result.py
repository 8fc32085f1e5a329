"""What one snapshot brought in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping


@dataclass(frozen=True)
class SnapshotResult:
    snapshot_id: int
    side: str  # "petmanager" | "xero"
    mode: str  # "full" | "incremental"
    tenant_id: str | None
    started_at: dt.datetime
    finished_at: dt.datetime
    counts: Mapping[str, int]  # rows per table in this snapshot
    fetched: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))  # Xero: records that came over the wire per entity
    requests: int = 0  # Xero: requests this snapshot took
