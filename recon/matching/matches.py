"""What the matcher returns: the exact links and the suspected duplicates."""

from __future__ import annotations

from dataclasses import dataclass, field

from recon.check.findings import Duplicate, Link


@dataclass
class Matches:
    links: list[Link] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)

    def add(self, found: tuple[list[Link], list[Duplicate]]) -> None:
        links, duplicates = found
        self.links.extend(links)
        self.duplicates.extend(duplicates)
