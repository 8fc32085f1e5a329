"""What a successful load reports: the business and how many rows each table got."""

from __future__ import annotations

from dataclasses import dataclass

from recon.petmanager.business import Business


@dataclass(frozen=True)
class ExportSummary:
    schema: str
    business: Business
    rows: dict[str, int]  # table name -> row count, for every table written
