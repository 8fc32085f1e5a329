"""The labelled truth, known by construction: which Xero records duplicate which Pet Manager records,
which only look like it (traps), which are already linked, and what the check must flag as problems."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from recon.demo.calendar import SYNC_START, WINDOW_FROM, WINDOW_TO
from recon.demo.chart import MAPPING


class Truth:
    def __init__(self) -> None:
        self.duplicates: list[dict] = []
        self.not_duplicates: list[dict] = []
        self.linked: list[dict] = []
        self.problems: list[dict] = []

    def duplicate(self, kind: str, petmanager_id: int, xero_id: str, patterns: list[str]) -> None:
        self.duplicates.append({"kind": kind, "petmanager_id": petmanager_id, "xero_id": xero_id,
                                "patterns": patterns})

    def not_duplicate(self, kind: str, petmanager_id: int | None, xero_id: str, trap: str) -> None:
        self.not_duplicates.append({"kind": kind, "petmanager_id": petmanager_id, "xero_id": xero_id, "trap": trap})

    def link(self, kind: str, petmanager_id: int, xero_id: str) -> None:
        self.linked.append({"kind": kind, "petmanager_id": petmanager_id, "xero_id": xero_id})

    def problem(self, kind: str, **details) -> None:
        self.problems.append({"kind": kind, **details})

    def pattern_counts(self) -> dict[str, dict[str, int]]:
        counts: dict[str, Counter] = {}
        for duplicate in self.duplicates:
            counts.setdefault(duplicate["kind"], Counter()).update(duplicate["patterns"])
        return {kind: dict(sorted(counter.items())) for kind, counter in sorted(counts.items())}

    def document(self) -> dict:
        return {
            "format": "recon-demo-truth/1",
            "start_date": SYNC_START.isoformat(),
            "window": [WINDOW_FROM.isoformat(), WINDOW_TO.isoformat()],
            "mapping": MAPPING,
            "summary": {
                "duplicates": dict(Counter(d["kind"] for d in self.duplicates)),
                "patterns": self.pattern_counts(),
                "not_duplicates": dict(Counter(n["trap"] for n in self.not_duplicates)),
                "linked": dict(Counter(link["kind"] for link in self.linked)),
                "problems": dict(Counter(p["kind"] for p in self.problems)),
            },
            "duplicates": self.duplicates,
            "not_duplicates": self.not_duplicates,
            "linked": self.linked,
            "problems": self.problems,
        }

    def write(self, path: Path) -> None:
        """JSON with one record per line, so that a person can read and grep it."""
        parts = []
        for key, value in self.document().items():
            if isinstance(value, list):
                items = ",\n  ".join(json.dumps(item, ensure_ascii=False) for item in value)
                parts.append(f'"{key}": [\n  {items}\n ]' if value else f'"{key}": []')
            else:
                parts.append(f'"{key}": {json.dumps(value, ensure_ascii=False, indent=2)}')
        path.write_text("{\n " + ",\n ".join(parts) + "\n}\n", encoding="utf-8")
