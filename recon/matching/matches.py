"""What the matcher returns: the exact links and the suspected duplicates, both Arrow-backed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from recon.check.findings import Duplicate
from recon.matching.duplicates import Duplicates
from recon.matching.links import Links


@dataclass
class Matches:
    links: Links = field(default_factory=Links)
    duplicates: Duplicates = field(default_factory=Duplicates)

    def add(self, found: tuple[Links, Sequence[Duplicate]]) -> None:
        links, duplicates = found
        self.links += links
        self.duplicates += duplicates
