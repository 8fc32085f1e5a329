"""The pre-sync report: what a back-sync would create, what Xero already holds that looks typed by
hand (suspected duplicates, side by side with their evidence), and what would make the sync fail.

Every long section arrives cut (`TopRows`) with the full list in the CSV or XLSX beside the
report, so a workspace of a million invoices still gives a report of a few megabytes.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from markupsafe import Markup

from reports.charts import Series, monthly_bars, timeline
from reports.header import ReportHeader
from reports.plan import PlanSection
from reports.render import render_html
from reports.tables import TopRows

TIERS = ("certain", "likely", "possible")
EVIDENCE = {"agrees": "✓", "close": "≈", "differs": "✕"}  # a field's verdict and its mark
KIND_NAMES = {
    "contact": "Contacts",
    "invoice": "Invoices",
    "credit_note": "Credit notes",
    "payment": "Payments",
    "overpayment": "Overpayments",
    "allocation": "Allocations",
    "refund": "Refunds",
    "stripe_fee": "Stripe fees",
    "payout": "Stripe payouts",
}


@dataclass(frozen=True)
class SendRow:
    """What the sync would send of one kind (in one month, or in all when `month` is None)."""

    kind: str
    month: date | None  # the first of the month; None for a kind's total and for contacts (not dated)
    in_scope: int
    linked: int  # already in Xero, carrying Pet Manager's key
    suspected: int  # held back as suspected duplicates
    to_create: int
    to_create_total: Decimal | None  # None where the records carry no amount (contacts)


@dataclass(frozen=True)
class MonthTotal:
    month: date  # the first of the month
    petmanager: Decimal
    petmanager_count: int
    xero: Decimal
    xero_count: int

    @property
    def difference(self) -> Decimal:
        return self.petmanager - self.xero


@dataclass(frozen=True)
class OrganisationMonths:
    organisation: str  # the Xero organisation's name
    months: tuple[MonthTotal, ...]  # oldest first


@dataclass(frozen=True)
class DuplicateCounts:
    kind: str
    certain: int
    likely: int
    possible: int

    @property
    def total(self) -> int:
        return self.certain + self.likely + self.possible


@dataclass(frozen=True)
class DuplicateDay:
    """How many suspected duplicates of one tier the Pet Manager side dates on one day."""

    day: date
    tier: str
    count: int


@dataclass(frozen=True)
class Field:
    """One line of a side-by-side comparison. `evidence`: "agrees", "close" or "differs";
    None when the field is shown but not compared (or one side has no value)."""

    label: str
    petmanager: str | Decimal | date | None
    xero: str | Decimal | date | None
    evidence: str | None = None

    def __post_init__(self):
        if self.evidence is not None and self.evidence not in EVIDENCE:
            raise ValueError(f"evidence {self.evidence!r} is not one of {sorted(EVIDENCE)}")


@dataclass(frozen=True)
class Line:
    description: str | None
    quantity: Decimal | None
    unit_price: Decimal | None
    amount: Decimal | None


@dataclass(frozen=True)
class CardDecision:
    """What the accountant decided about a suspected duplicate (`recon resolve`)."""

    decision: str  # "same" (link it, never push it) or "different" (push it)
    decided_by: str
    decided_at: datetime  # aware
    why: str  # may be empty


@dataclass(frozen=True)
class DuplicateCard:
    kind: str
    tier: str
    confidence: float  # 0..1
    organisation: str
    petmanager_label: str  # "Invoice 10452"
    xero_label: str  # "Invoice INV-0042"
    petmanager_id: int
    xero_id: str
    fields: tuple[Field, ...]
    petmanager_lines: tuple[Line, ...]
    xero_lines: tuple[Line, ...]
    reasons: tuple[str, ...]  # strongest first
    decision: CardDecision | None = None  # None while undecided

    def __post_init__(self):
        if self.tier not in TIERS:
            raise ValueError(f"tier {self.tier!r} is not one of {list(TIERS)}")


@dataclass(frozen=True)
class ProblemRow:
    record: str | None  # "invoice id 10452", or None when the problem is not about one record
    organisation: str | None
    message: str


@dataclass(frozen=True)
class ProblemGroup:
    kind: str  # "payment_before_start", "number_collision", ...
    blocking: bool
    problems: TopRows  # of ProblemRow


@dataclass(frozen=True)
class LinkRow:
    kind: str
    petmanager_id: int
    xero_id: str
    organisation: str
    how: str  # "InvoiceNumber INV10452"


@dataclass(frozen=True)
class PresyncReportData:
    header: ReportHeader  # period_start and period_end are the back-sync window
    send_by_kind: tuple[SendRow, ...]  # one per kind, month None
    send_by_month: TopRows  # of SendRow, by kind then month
    months: tuple[OrganisationMonths, ...]
    duplicate_counts: tuple[DuplicateCounts, ...]  # one per kind
    duplicate_days: tuple[DuplicateDay, ...]  # dated duplicates only (contacts are not dated)
    duplicates: TopRows  # of DuplicateCard, certain first
    problems: tuple[ProblemGroup, ...]  # blocking groups first
    links: TopRows  # of LinkRow
    plan: PlanSection | None = None  # when written by `recon sync`: what it would write


def render_presync_report(data: PresyncReportData) -> str:
    return render_html(
        "presync.html",
        header=data.header,
        data=data,
        plan=data.plan,
        glance=_glance(data),
        month_charts=[_month_chart(one) for one in data.months],
        duplicate_timeline=_duplicate_timeline(data),
        tiers=TIERS,
        evidence_marks=EVIDENCE,
        kind_name=kind_name,
        problem_name=problem_name,
        quantity=quantity,
    )


def kind_name(kind: str) -> str:
    """`credit_note` → `Credit notes`."""
    return KIND_NAMES.get(kind, kind.replace("_", " ").capitalize())


def quantity(value: Decimal | None) -> str:
    """`Decimal("2.5000")` → `"2.5"`, `Decimal("10.0000")` → `"10"`."""
    return "—" if value is None else f"{value.normalize():f}"


def problem_name(kind: str) -> str:
    """`payment_before_start` → `Payment before start`."""
    return kind.replace("_", " ").capitalize()


def _glance(data: PresyncReportData) -> dict:
    invoices = [row for row in data.send_by_kind if row.kind == "invoice"]
    tiers = {tier: sum(getattr(c, tier) for c in data.duplicate_counts) for tier in TIERS}
    return {
        "invoices": invoices[0] if invoices else None,
        "duplicates": sum(tiers.values()),
        "tiers": tiers,
        "blocking": sum(group.problems.total for group in data.problems if group.blocking),
        "other_problems": sum(group.problems.total for group in data.problems if not group.blocking),
    }


def _month_chart(one: OrganisationMonths) -> Markup:
    return monthly_bars(
        [m.month for m in one.months],
        [Series("Pet Manager", [m.petmanager for m in one.months]), Series("Xero", [m.xero for m in one.months])],
        title=f"Pet Manager and Xero invoice totals by month: {one.organisation}",
        desc=f"Sales invoice totals in the back-sync window, by invoice date. Grouped bars, Pet Manager first, "
        f"for {len(one.months)} months.",
    )


def _duplicate_timeline(data: PresyncReportData) -> Markup | None:
    if not data.duplicate_days:
        return None
    days = [d.day for d in data.duplicate_days]
    start = min([data.header.period_start, *days] if data.header.period_start else days)
    end = max([data.header.period_end, *days] if data.header.period_end else days)
    return timeline(
        start,
        end,
        _events(data.duplicate_days),
        TIERS,
        title="Where the suspected duplicates sit in time",
        desc="Suspected duplicates by the Pet Manager record's date, stacked by tier: certain, likely, possible.",
    )


def _events(days: tuple[DuplicateDay, ...]) -> Iterator[tuple[date, str]]:
    for one in days:
        for _ in range(one.count):
            yield one.day, one.tier
