"""What the matcher returns: the exact links and the suspected duplicates."""

from __future__ import annotations

from dataclasses import dataclass, field

from recon.check.findings import Duplicate
from recon.matching.links import Links


@dataclass
class Matches:
    links: Links = field(default_factory=Links)
    duplicates: list[Duplicate] = field(default_factory=list)

    def add(self, found: tuple[Links, list[Duplicate]]) -> None:
        links, duplicates = found
        self.links += links
        self.duplicates.extend(duplicates)
