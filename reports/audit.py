"""The audit report: do Pet Manager and Xero still agree for a period, and where not, why.

`write_audit_report(ws, result, out_dir)` writes three files side by side:
`audit-<run_id>.html` (self-contained, printable), `audit-<run_id>-differences.csv` (every
difference) and `audit-<run_id>.xlsx` (sheets: differences, totals, balances, changes, trend,
clearing). It renders `recon.audit.result.AuditResult` as the audit engine hands it over.

Each difference gets a reference `D<n>` (its position in `result.differences`, from 1): the
totals link to the differences that explain them by it, and the CSV carries it, so a row cut
from the HTML (long lists show their first rows only, as in the pre-sync report) is still found
in the spreadsheet. With 100,000 differences the HTML stays well under 5 MB.

Unlike the other reports this one renders the engine's own dataclasses (recon/audit/result.py holds
only stdlib types), so it imports them; import this module lazily from anything that
recon/audit/__init__.py imports, or the two packages import each other.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from recon import __version__
from recon.audit.result import CATEGORIES, DIMENSIONS, AuditResult, Difference, TotalRow
from reports.charts import Series, monthly_bars, trend
from reports.exports import Column, Table, split_sheets, write_csv, write_xlsx
from reports.formatting import day, month
from reports.header import ReportHeader
from reports.presync import kind_name
from reports.render import render_html, write_report
from reports.tables import TopRows

if TYPE_CHECKING:
    from recon.workspace import Workspace

DIFFERENCES_SHOWN = 300  # per category
TOTALS_SHOWN = 200  # per dimension
BALANCES_SHOWN = 300
CHANGES_SHOWN = 300  # per side
EXPLAINED_SHOWN = 12  # links to differences per total row
EXPLAINED_IN_SHEET = 200  # references per total row in the XLSX (a cell holds at most 32,767 characters)

DIMENSION_NAMES = {"month": "Month", "account": "Account", "tax_type": "Tax type", "payment_method": "Payment method"}
SIDE_NAMES = {"petmanager": "Pet Manager", "xero": "Xero"}
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class AuditReportPaths:
    html: Path
    csv: Path
    xlsx: Path


@dataclass(frozen=True)
class DifferenceView:
    ref: str  # "D12": the difference's position in result.differences, from 1
    anchor: str  # "d-12": its row's id in the HTML
    item: Difference
    new: bool  # first found by this audit


@dataclass(frozen=True)
class ExplainedLink:
    ref: str
    anchor: str | None  # None when the difference is not shown in the HTML (it is in the CSV)


@dataclass(frozen=True)
class TotalView:
    row: TotalRow
    label: str  # the key as a person reads it: "Oct 2026" for "2026-10"
    links: tuple[ExplainedLink, ...]  # the first EXPLAINED_SHOWN
    more: int  # how many more differences explain it


@dataclass(frozen=True)
class DimensionView:
    dimension: str
    name: str  # "Tax type"
    rows: TopRows  # of TotalView
    petmanager: Decimal
    xero: Decimal
    differing: int  # rows whose sides differ
    chart: Markup | None

    @property
    def difference(self) -> Decimal:
        return self.petmanager - self.xero


@dataclass(frozen=True)
class CategoryView:
    category: str
    name: str
    rows: TopRows  # of DifferenceView
    amount: Decimal  # sum of |amount difference|
    new: int


def report_paths(out_dir: Path, run_id: int) -> AuditReportPaths:
    out_dir = Path(out_dir)
    stem = f"audit-{run_id}"
    return AuditReportPaths(out_dir / f"{stem}.html", out_dir / f"{stem}-differences.csv", out_dir / f"{stem}.xlsx")


def write_audit_report(ws: Workspace | None, result: AuditResult, out_dir: Path, *, generated_at: dt.datetime | None = None) -> Path:
    """Write the HTML report, the differences CSV and the XLSX into `out_dir`; return the HTML's path.
    `ws` (a `recon.workspace.Workspace`, or None) gives the business's name and currency."""
    business, currency = _names(ws, result)
    paths = report_paths(out_dir, result.run.run_id)
    paths.html.parent.mkdir(parents=True, exist_ok=True)
    html = render_audit_report(result, business=business, currency=currency, paths=paths,
                               generated_at=generated_at or dt.datetime.now(dt.timezone.utc))
    write_report(paths.html, html)
    differences = list(difference_rows(result))
    write_csv(paths.csv, Table("differences", DIFFERENCE_COLUMNS, differences))
    write_xlsx(paths.xlsx, [
        *split_sheets("differences", DIFFERENCE_COLUMNS, differences),
        *split_sheets("totals", TOTAL_COLUMNS, [_total_export(t) for t in result.totals]),
        *split_sheets("balances", BALANCE_COLUMNS, [_balance_export(b) for b in result.balances]),
        *split_sheets("changes", CHANGE_COLUMNS, [_change_export(c) for c in result.changes]),
        Table("trend", TREND_COLUMNS, [_trend_export(p) for p in result.trend]),
        Table("clearing", CLEARING_COLUMNS, [_clearing_export(result.clearing)] if result.clearing else []),
    ])
    for export in (paths.csv, paths.xlsx):
        os.chmod(export, 0o644)  # readable like the HTML beside them
    return paths.html


def render_audit_report(result: AuditResult, *, business: str, currency: str, paths: AuditReportPaths,
                        generated_at: dt.datetime) -> str:
    run = result.run
    header = ReportHeader(
        title="Audit", business=business, organisations=(organisation(result),), currency=currency,
        generated_at=generated_at, recon_version=__version__, period_start=run.period_from, period_end=run.period_to,
    )
    categories = _categories(result, paths)
    shown = {view.anchor for category in categories for view in category.rows.rows}
    return render_html(
        "audit.html",
        header=header,
        result=result,
        run=run,
        files=paths,
        glance=_glance(result),
        categories=categories,
        dimensions=[d for d in _dimensions(result, shown, paths) if d.rows.total],
        balances=_balances(result, paths),
        changes=_changes(result, paths),
        trend_chart=_trend_chart(result),
        previous=_previous(result),
        kind_name=kind_name,
        record_name=record_name,
        organisation=organisation(result),
    )


def organisation(result: AuditResult) -> str:
    """The Xero organisation's name, or its tenant id when the run has no name for it."""
    return result.run.organisation or result.run.tenant_id


def record_name(kind: str) -> str:
    """`credit_note` → `Credit note`: what one record of a kind is called."""
    return kind.replace("_", " ").capitalize()


# At a glance -----------------------------------------------------------------------------------

def is_new(result: AuditResult, d: Difference) -> bool:
    """First found by this audit: no earlier run saw it (first_seen is this run's time, or unknown)."""
    return d.first_seen is None or d.first_seen >= result.run.started_at


def _glance(result: AuditResult) -> dict:
    kinds: dict[str, dict] = {}
    for kind, matched in result.matched.items():
        kinds.setdefault(kind, {"matched": 0, "differences": 0, "amount": ZERO})["matched"] += matched
    for d in result.differences:
        entry = kinds.setdefault(d.kind, {"matched": 0, "differences": 0, "amount": ZERO})
        entry["differences"] += 1
        entry["amount"] += abs(d.amount_difference)
    clearing = result.clearing
    return {
        "reconciled": result.reconciled,
        "differences": len(result.differences),
        "amount": sum((abs(d.amount_difference) for d in result.differences), ZERO),
        "new": sum(1 for d in result.differences if is_new(result, d)),
        "matched": sum(result.matched.values()),
        "kinds": sorted(kinds.items(), key=lambda item: (-item[1]["differences"], item[0])),
        "totals_differing": sum(1 for t in result.totals if t.difference),
        "balances_differing": sum(1 for b in result.balances if b.difference),
        "clearing_differs": bool(clearing and clearing.difference),
        "changes": {side: sum(1 for c in result.changes if c.side == side) for side in SIDE_NAMES},
    }


def _previous(result: AuditResult):
    """The previous audit's trend point, if the trend holds it."""
    wanted = result.run.previous_run_id
    return next((p for p in result.trend if wanted is not None and p.run_id == wanted), None)


def _trend_chart(result: AuditResult) -> Markup:
    return trend(
        [(f"{day(p.started_at)} (run {p.run_id})", p.open_differences) for p in result.trend],
        title="Open differences per audit",
        desc=f"Open differences found by each of the last {len(result.trend)} audits, oldest first.",
    )


# Differences -----------------------------------------------------------------------------------

def _view(result: AuditResult, index: int) -> DifferenceView:
    return DifferenceView(f"D{index + 1}", f"d-{index + 1}", result.differences[index],
                          is_new(result, result.differences[index]))


def _categories(result: AuditResult, paths: AuditReportPaths) -> list[CategoryView]:
    """One group per category present, in CATEGORIES order; the largest amounts first within each."""
    grouped: dict[str, list[int]] = {}
    for i, d in enumerate(result.differences):
        grouped.setdefault(d.category, []).append(i)
    order = [*CATEGORIES, *sorted(set(grouped) - set(CATEGORIES))]
    views = []
    for category in order:
        members = grouped.get(category)
        if not members:
            continue
        members.sort(key=lambda i: (-abs(result.differences[i].amount_difference), i))
        rows = tuple(_view(result, i) for i in members[:DIFFERENCES_SHOWN])
        views.append(CategoryView(
            category, CATEGORIES.get(category, category.replace("_", " ").capitalize()),
            TopRows(rows, len(members), paths.csv.name),
            sum((abs(result.differences[i].amount_difference) for i in members), ZERO),
            sum(1 for i in members if is_new(result, result.differences[i])),
        ))
    return views


# Totals ----------------------------------------------------------------------------------------

def _dimensions(result: AuditResult, shown: set[str], paths: AuditReportPaths) -> Iterator[DimensionView]:
    for dimension in [*DIMENSIONS, *sorted({t.dimension for t in result.totals} - set(DIMENSIONS))]:
        rows = [t for t in result.totals if t.dimension == dimension]
        if dimension == "month":
            rows.sort(key=lambda t: t.key)
        else:  # the largest differences first
            rows.sort(key=lambda t: (-abs(t.difference), t.key))
        views = tuple(_total_view(t, dimension, shown) for t in rows[:TOTALS_SHOWN])
        yield DimensionView(
            dimension, DIMENSION_NAMES.get(dimension, dimension.replace("_", " ").capitalize()),
            TopRows(views, len(rows), f"{paths.xlsx.name} (sheet “totals”)"),
            sum((t.petmanager for t in rows), ZERO), sum((t.xero for t in rows), ZERO),
            sum(1 for t in rows if t.difference), _month_chart(rows) if dimension == "month" else None,
        )


def _total_view(t: TotalRow, dimension: str, shown: set[str]) -> TotalView:
    links = []
    for index in t.explained_by[:EXPLAINED_SHOWN]:
        anchor = f"d-{index + 1}"
        links.append(ExplainedLink(f"D{index + 1}", anchor if anchor in shown else None))
    label = t.key
    if dimension == "month":
        try:
            label = month(dt.date.fromisoformat(f"{t.key}-01"))
        except ValueError:
            pass  # not a "YYYY-MM" key: shown as it is
    return TotalView(t, label, tuple(links), max(0, len(t.explained_by) - EXPLAINED_SHOWN))


def _month_chart(rows: Sequence[TotalRow]) -> Markup | None:
    """Grouped bars, Pet Manager against Xero; None when a key is not a month ("2026-10")."""
    try:
        months = [dt.date.fromisoformat(f"{t.key}-01") for t in rows]
    except ValueError:
        return None
    if not months:
        return None
    return monthly_bars(
        months, [Series("Pet Manager", [t.petmanager for t in rows]), Series("Xero", [t.xero for t in rows])],
        title="Pet Manager and Xero totals by month",
        desc=f"Totals in the audited period by month, Pet Manager first, for {len(months)} months.",
    )


# Balances and changes --------------------------------------------------------------------------

def _balances(result: AuditResult, paths: AuditReportPaths) -> dict:
    rows = sorted(result.balances, key=lambda b: (-abs(b.difference), b.contact))
    return {
        "rows": TopRows(tuple(rows[:BALANCES_SHOWN]), len(rows), f"{paths.xlsx.name} (sheet “balances”)"),
        "differing": sum(1 for b in rows if b.difference),
        "petmanager": sum((b.petmanager for b in rows), ZERO),
        "xero": sum((b.xero for b in rows), ZERO),
        "difference": sum((b.difference for b in rows), ZERO),
    }


def _changes(result: AuditResult, paths: AuditReportPaths) -> list[dict]:
    sides = []
    for side, name in SIDE_NAMES.items():
        rows = [c for c in result.changes if c.side == side]
        counts: dict[str, int] = {}
        for c in rows:
            counts[c.what] = counts.get(c.what, 0) + 1
        sides.append({
            "side": side, "name": name, "counts": sorted(counts.items()),
            "rows": TopRows(tuple(rows[:CHANGES_SHOWN]), len(rows), f"{paths.xlsx.name} (sheet “changes”)"),
        })
    return sides


# Exports ---------------------------------------------------------------------------------------

DIFFERENCE_COLUMNS = (
    Column("ref", "Ref"), Column("category", "Category"), Column("category_name", "What"),
    Column("kind", "Kind"), Column("petmanager_id", "Pet Manager id"), Column("xero_id", "Xero id"),
    Column("number", "Number"), Column("contact", "Contact"), Column("day", "Date"),
    Column("petmanager_amount", "Pet Manager amount"), Column("xero_amount", "Xero amount"),
    Column("amount_difference", "Difference"), Column("fields", "Fields that differ"), Column("detail", "Detail"),
    Column("why", "Why"), Column("explains", "Explains totals"), Column("first_seen", "First seen"),
    Column("new", "New since last audit"),
)
TOTAL_COLUMNS = (
    Column("dimension", "Dimension"), Column("key", "Key"), Column("petmanager", "Pet Manager"),
    Column("xero", "Xero"), Column("difference", "Difference"), Column("explained_count", "Explained by (count)"),
    Column("explained_by", "Explained by"),
)
BALANCE_COLUMNS = (
    Column("contact", "Contact"), Column("petmanager_id", "Pet Manager id"), Column("xero_id", "Xero id"),
    Column("petmanager", "Pet Manager balance"), Column("xero", "Xero balance"), Column("difference", "Difference"),
)
CHANGE_COLUMNS = (
    Column("side", "Side"), Column("kind", "Kind"), Column("record_id", "Record id"), Column("number", "Number"),
    Column("what", "What"), Column("detail", "Detail"),
)
TREND_COLUMNS = (
    Column("run_id", "Audit run"), Column("started_at", "Started at"), Column("open_differences", "Open differences"),
    Column("amount", "Amount at stake"),
)
CLEARING_COLUMNS = (
    Column("account_code", "Account"), Column("charges", "Charges"), Column("fees", "Fees"),
    Column("payouts", "Payouts"), Column("in_transit", "In transit (Pet Manager)"),
    Column("xero_balance", "Xero balance"), Column("difference", "Difference"),
)


def difference_rows(result: AuditResult) -> Iterator[dict]:
    """Every difference as a row of the CSV and of the XLSX sheet "differences", in result order."""
    explains: dict[int, list[str]] = {}
    for t in result.totals:
        for index in t.explained_by:
            explains.setdefault(index, []).append(f"{DIMENSION_NAMES.get(t.dimension, t.dimension)} {t.key}")
    for i, d in enumerate(result.differences):
        yield {
            "ref": f"D{i + 1}", "category": d.category, "category_name": CATEGORIES.get(d.category, d.category),
            "kind": d.kind, "petmanager_id": d.petmanager_id, "xero_id": d.xero_id, "number": d.number,
            "contact": d.contact, "day": d.day, "petmanager_amount": d.petmanager_amount,
            "xero_amount": d.xero_amount, "amount_difference": d.amount_difference, "fields": ", ".join(d.fields),
            "detail": d.detail, "why": d.why, "explains": "; ".join(explains.get(i, ())),
            "first_seen": d.first_seen, "new": is_new(result, d),
        }


def _total_export(t: TotalRow) -> dict:
    refs = " ".join(f"D{i + 1}" for i in t.explained_by[:EXPLAINED_IN_SHEET])
    if len(t.explained_by) > EXPLAINED_IN_SHEET:
        refs += f" and {len(t.explained_by) - EXPLAINED_IN_SHEET:,} more (column “Explains totals” of the differences)"
    return {"dimension": t.dimension, "key": t.key, "petmanager": t.petmanager, "xero": t.xero,
            "difference": t.difference, "explained_count": len(t.explained_by), "explained_by": refs}


def _balance_export(b) -> dict:
    return {"contact": b.contact, "petmanager_id": b.petmanager_id, "xero_id": b.xero_id,
            "petmanager": b.petmanager, "xero": b.xero, "difference": b.difference}


def _change_export(c) -> dict:
    return {"side": SIDE_NAMES.get(c.side, c.side), "kind": c.kind, "record_id": c.record_id, "number": c.number,
            "what": c.what, "detail": c.detail}


def _trend_export(p) -> dict:
    return {"run_id": p.run_id, "started_at": p.started_at, "open_differences": p.open_differences,
            "amount": p.amount}


def _clearing_export(c) -> dict:
    return {"account_code": c.account_code, "charges": c.charges, "fees": c.fees, "payouts": c.payouts,
            "in_transit": c.in_transit, "xero_balance": c.xero_balance, "difference": c.difference}


def _names(ws: Workspace | None, result: AuditResult) -> tuple[str, str]:
    """The business's name and currency from recon.toml; without a workspace, the organisation's name."""
    if ws is None:
        return organisation(result), ""
    config = ws.config()
    return config.business_name or organisation(result), config.currency
