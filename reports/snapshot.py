"""The snapshot report: what `recon snapshot` holds for each side, before anything is compared.

For each side (Pet Manager, and each Xero organisation) the records per kind with their amounts;
both sides' money by month, as a chart and a table; and the data-quality notes found while reading.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from reports.charts import Series, monthly_bars
from reports.header import ReportHeader
from reports.render import render_html
from reports.tables import TopRows

SEVERITIES = {"problem": "bad", "warning": "warn", "info": "info"}  # severity → status shade


@dataclass(frozen=True)
class EntityCount:
    entity: str  # "Invoices", "Contacts", ...
    count: int
    amount: Decimal | None = None  # their total, where the records carry money


@dataclass(frozen=True)
class SideSnapshot:
    system: str  # "Pet Manager" or "Xero"
    name: str  # the business or the Xero organisation
    snapshot_id: int
    taken_at: datetime
    counts: tuple[EntityCount, ...]


@dataclass(frozen=True)
class MonthTotals:
    month: date  # the first of the month
    petmanager: Decimal
    xero: Decimal

    @property
    def difference(self) -> Decimal:
        return self.petmanager - self.xero


@dataclass(frozen=True)
class DataQualityNote:
    severity: str  # "problem", "warning" or "info"
    side: str  # "Pet Manager" or the Xero organisation
    record: str  # "invoice 10452", "contact Jane Smith CN812"
    message: str

    def __post_init__(self):
        if self.severity not in SEVERITIES:
            raise ValueError(f"severity {self.severity!r} is not one of {sorted(SEVERITIES)}")


@dataclass(frozen=True)
class SnapshotReportData:
    header: ReportHeader
    sides: tuple[SideSnapshot, ...]
    months: tuple[MonthTotals, ...]  # oldest first
    monthly_basis: str  # what the monthly figures are, e.g. "Invoice totals incl. GST, by invoice date"
    notes: TopRows  # of DataQualityNote, most serious first


def render_snapshot_report(summary: SnapshotReportData) -> str:
    months = [m.month for m in summary.months]
    chart = monthly_bars(
        months,
        [Series("Pet Manager", [m.petmanager for m in summary.months]), Series("Xero", [m.xero for m in summary.months])],
        title="Pet Manager and Xero totals by month",
        desc=f"{summary.monthly_basis}. Grouped bars, Pet Manager first, for {len(months)} months.",
    )
    petmanager = sum((m.petmanager for m in summary.months), Decimal("0.00"))
    xero = sum((m.xero for m in summary.months), Decimal("0.00"))
    totals = {"petmanager": petmanager, "xero": xero, "difference": petmanager - xero}
    return render_html(
        "snapshot.html",
        header=summary.header,
        data=summary,
        chart=chart,
        totals=totals,
        severities=SEVERITIES,
    )
