"""What the top of every report says: whose books, which period, made when and by which recon."""

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class ReportHeader:
    title: str  # "Snapshot", "Before the back-sync", "Audit"
    business: str  # Pet Manager's business_name
    organisations: tuple[str, ...]  # Xero organisation names
    currency: str  # "AUD"
    generated_at: datetime  # aware
    recon_version: str
    period_start: date | None = None  # None: from the first record
    period_end: date | None = None  # None: to the last record
