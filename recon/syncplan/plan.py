"""The plan: the writes in dependency order, what is left out and why, its hash and its summary."""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from recon.syncplan.write import KINDS, PlannedWrite
from sync.xero.entities import batch_limit

REQUESTS_PER_MINUTE = 60  # Xero's per-minute limit


@dataclass(frozen=True)
class Left:
    """A Pet Manager record the plan does not write, and why."""

    kind: str
    petmanager_id: int
    reason: str
    xero_id: str | None = None  # for linked records: the Xero record it is


@dataclass(frozen=True)
class Plan:
    writes: list[PlannedWrite]
    skipped: list[Left] = field(default_factory=list)  # void in Pet Manager
    linked: list[Left] = field(default_factory=list)  # already in Xero: linked by the check, decided 'same', or skipped
    held: list[Left] = field(default_factory=list)  # waits for a record the plan cannot write
    # Pet Manager's own contacts changed in Xero: overwritten by this plan's contact_update writes (reason: the fields)
    overwritten: list[Left] = field(default_factory=list)

    @property
    def hash(self) -> str:
        """sha256 over the canonical JSON of every write (Decimal as its string, keys sorted)."""
        text = json.dumps([asdict(write) for write in self.writes], sort_keys=True, separators=(",", ":"),
                          default=_canonical)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def summary(self) -> dict:
        """Counts and totals by kind and by month (the write's date), the requests (a batch holds one
        kind to one endpoint: up to 50 elements, or one where the endpoint takes one per call) and the
        seconds they take at Xero's rate."""
        kinds: dict[str, dict] = {}
        batches: dict[tuple[str, str, str], int] = {}
        for write in self.writes:
            entry = kinds.setdefault(write.kind, {"count": 0, "total": Decimal(0), "months": {}})
            month = entry["months"].setdefault(write.payload.get("Date", "")[:7] or None,
                                               {"count": 0, "total": Decimal(0)})
            for bucket in (entry, month):
                bucket["count"] += 1
                bucket["total"] += write.amount or Decimal(0)
            endpoint = (write.kind, write.entity, write.method)
            batches[endpoint] = batches.get(endpoint, 0) + 1
        requests = sum(math.ceil(count / batch_limit(entity, method))
                       for (_, entity, method), count in batches.items())
        return {
            "kinds": {kind: kinds[kind] for kind in KINDS if kind in kinds},
            "writes": len(self.writes),
            "requests": requests,
            "seconds": math.ceil(requests * 60 / REQUESTS_PER_MINUTE),
            "skipped": len(self.skipped),
            "linked": len(self.linked),
            "held": len(self.held),
            "overwritten": len(self.overwritten),
        }


def _canonical(value):
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} has no canonical JSON form")
