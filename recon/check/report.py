"""The pre-sync report of one check run: `<workspace>/reports/check-<run_id>.html`, the duplicates as
`check-<run_id>-duplicates.csv`, and every finding in `check-<run_id>.xlsx` (sheets: duplicates,
problems, would send, links). A list longer than XLSX_MAX_ROWS (a large workspace has hundreds of
thousands of links: a sheet that long takes minutes to write and to open) stays out of the
workbook and only in its CSV: the duplicates CSV, and `check-<run_id>-links.csv` for the links.

The HTML shows the first rows of each long section (so a million-invoice workspace still gives a
report of a few megabytes); the CSV and XLSX hold every row. Both sides of each shown duplicate are
read with one query per kind, for the shown pairs only; every field they share is marked as
agreeing, close or differing, which is the evidence a person reads before deciding.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb

import queries
from recon import __version__
from recon.check.findings import KINDS, Duplicate, Link, Problem
from recon.check.run import CheckResult, ScopeRow
from recon.matching import Duplicates
from recon.config import Config
from recon.resolve.decision import Decision, Pair, pair_of
from recon.resolve.sheet import SUSPECT_COLUMNS, suspect_row
from recon.resolve.store import current_decisions
from recon.syncplan.plan import Plan
from recon.workspace import Workspace
from reports.exports import EXCEL_MAX_ROWS, Column, Table, write_csv, write_xlsx
from reports.header import ReportHeader
from reports.plan import plan_section
from reports.presync import (
    CardDecision,
    DuplicateCard,
    DuplicateCounts,
    DuplicateDay,
    Field,
    Line,
    LinkRow,
    MonthTotal,
    OrganisationMonths,
    PresyncReportData,
    ProblemGroup,
    ProblemRow,
    SendRow,
    render_presync_report,
)
from reports.render import write_report
from reports.tables import TopRows

DUPLICATES_SHOWN = 300
PROBLEMS_SHOWN = 100  # per kind
LINKS_SHOWN = 200
XLSX_MAX_ROWS = 100_000  # longer lists go to a CSV of their own: a sheet of a million rows takes minutes
SEND_ROWS_SHOWN = 600
CLOSE_DAYS = 7  # dates this close are "close", not "differs"
CLOSE_AMOUNT = Decimal("0.02")  # a cent or two of rounding
CENT = Decimal("0.01")

# Per kind of document or money: its query, what a person calls it, and what its "number" is.
DOCUMENTS = {
    "invoice": ("check/report_invoices", "Invoice", "Number"),
    "credit_note": ("check/report_credit_notes", "Credit note", "Number"),
    "payment": ("check/report_payments", "Payment", "Invoice paid"),
    "overpayment": ("check/report_overpayments", "Overpayment", None),
}

PROBLEM_COLUMNS = (
    Column("organisation", "Organisation"), Column("kind", "Problem"), Column("blocking", "Blocking"),
    Column("record_kind", "Record kind"), Column("petmanager_id", "Pet Manager id"), Column("xero_id", "Xero id"),
    Column("message", "Message"),
)
SEND_COLUMNS = (
    Column("kind", "Kind"), Column("month", "Month"), Column("in_scope", "In scope"), Column("linked", "Linked"),
    Column("suspected", "Suspected"), Column("to_create", "To create"), Column("to_create_total", "Total to create"),
)
LINK_COLUMNS = (
    Column("organisation", "Organisation"), Column("kind", "Kind"), Column("petmanager_id", "Pet Manager id"),
    Column("xero_id", "Xero id"), Column("how", "Linked by"),
)


@dataclass(frozen=True)
class ReportPaths:
    html: Path
    csv: Path
    xlsx: Path
    links_csv: Path | None = None  # every link, when there are more than an XLSX sheet takes (XLSX_MAX_ROWS)


def write_check_report(ws: Workspace, result: CheckResult, plan: Plan | None = None) -> ReportPaths:
    """The pre-sync report of `result`; with `plan`, also what `recon sync` would write (reports/plan.py)."""
    config = ws.config()
    ws.reports_dir.mkdir(parents=True, exist_ok=True)
    stem = f"check-{result.run_id}"
    paths = ReportPaths(ws.reports_dir / f"{stem}.html", ws.reports_dir / f"{stem}-duplicates.csv",
                        ws.reports_dir / f"{stem}.xlsx",
                        ws.reports_dir / f"{stem}-links.csv" if len(result.links) > XLSX_MAX_ROWS else None)
    con = ws.connect()
    try:
        business, currency, organisations = _names(con, config, result)
        decisions = current_decisions(con)
        cards = _cards(con, config, result, organisations, result.duplicates[:DUPLICATES_SHOWN], decisions)
        days = _duplicate_days(con, result)
    finally:
        con.close()
    by_month = _by_month(result.scope)
    header = ReportHeader(
        title="Before the back-sync", business=business, organisations=tuple(organisations.values()),
        currency=currency, generated_at=dt.datetime.now(dt.timezone.utc), recon_version=__version__,
        period_start=result.window.start, period_end=result.window.end,
    )
    data = PresyncReportData(
        header=header,
        send_by_kind=_send_by_kind(result.scope),
        send_by_month=TopRows(tuple(_send_row(row) for row in by_month[:SEND_ROWS_SHOWN]), len(by_month),
                              f"{paths.xlsx.name} (sheet “would send”)"),
        months=tuple(OrganisationMonths(organisations[tenant], tuple(_month_total(m) for m in months))
                     for tenant, months in result.months.items()),
        duplicate_counts=_duplicate_counts(result.duplicates),
        duplicate_days=days,
        duplicates=TopRows(cards, len(result.duplicates), paths.csv.name),
        problems=_problem_groups(result.problems, organisations, f"{paths.xlsx.name} (sheet “problems”)"),
        links=TopRows(tuple(_link_row(x, organisations) for x in result.links[:LINKS_SHOWN]), len(result.links),
                      paths.links_csv.name if paths.links_csv else f"{paths.xlsx.name} (sheet “links”)"),
        plan=plan_section(plan) if plan is not None else None,
    )
    write_report(paths.html, render_presync_report(data))
    duplicates = [suspect_row(d, organisations.get(d.tenant_id, d.tenant_id), decisions.get(pair_of(d)))
                  for d in result.duplicates]
    write_csv(paths.csv, Table("duplicates", SUSPECT_COLUMNS, duplicates))
    links = (_link_row(x, organisations) for x in result.links)
    if paths.links_csv:
        write_csv(paths.links_csv, Table("links", LINK_COLUMNS, links))
    write_xlsx(paths.xlsx, [
        *([] if len(duplicates) > XLSX_MAX_ROWS else _sheets("duplicates", SUSPECT_COLUMNS, duplicates)),
        *_sheets("problems", PROBLEM_COLUMNS, [_problem_row(p, organisations) for p in result.problems]),
        *_sheets("would send", SEND_COLUMNS, [_send_row(row) for row in by_month]),
        *([] if paths.links_csv else _sheets("links", LINK_COLUMNS, list(links))),
    ])
    return paths


# Names -----------------------------------------------------------------------------------------

def _names(con: duckdb.DuckDBPyConnection, config: Config, result: CheckResult) -> tuple[str, str, dict[str, str]]:
    """The business, its currency and each organisation's name (tenant id -> name): as the snapshots
    hold them, else as recon.toml has them, else the tenant id."""
    tenants = list(result.xero_snapshots)
    rows = con.execute(queries.load("check/report_names"), {
        "pm_snapshot": result.pm_snapshot, "tenant_ids": tenants,
        "xero_snapshots": [result.xero_snapshots[t] for t in tenants],
    }).fetchall()
    snapshot_names = {tenant: name for tenant, name, _ in rows if name}
    pm_currency = [currency for tenant, _, currency in rows if tenant is None and currency]
    configured = {org.tenant_id: org.name for org in config.organisations if org.name}
    organisations = {t: snapshot_names.get(t) or configured.get(t) or t for t in [*tenants, *result.months]}
    business = snapshot_names.get(None) or config.business_name
    return business, config.currency or (pm_currency[0] if pm_currency else ""), organisations


# Duplicates side by side -----------------------------------------------------------------------

def _cards(con: duckdb.DuckDBPyConnection, config: Config, result: CheckResult, organisations: dict[str, str],
           shown: Sequence[Duplicate], decisions: Mapping[Pair, Decision]) -> tuple[DuplicateCard, ...]:
    """One card per shown duplicate, in the order given, with its decision if it has one; one query per kind."""
    sides: dict[tuple[str, int, str], dict] = {}
    for kind in KINDS:
        pairs = [d for d in shown if d.kind == kind]
        if not pairs:
            continue
        query = "check/report_contacts" if kind == "contact" else DOCUMENTS[kind][0]
        cursor = con.execute(queries.load(query), {
            "pm_snapshot": result.pm_snapshot,
            "pm_ids": [d.petmanager_id for d in pairs],
            "xero_ids": [d.xero_id for d in pairs],
            "tenant_ids": [d.tenant_id for d in pairs],
            "xero_snapshots": [result.xero_snapshots[d.tenant_id] for d in pairs],
        })
        names = [c[0] for c in cursor.description]
        for values in cursor.fetchall():
            row = {name: None if value == "" else value for name, value in zip(names, values)}  # "" is missing
            sides[kind, row["pm_id"], row["xero_id"]] = row
    return tuple(_card(d, sides[d.kind, d.petmanager_id, d.xero_id], config, organisations,
                       decisions.get(pair_of(d))) for d in shown)


def _card(d: Duplicate, row: dict, config: Config, organisations: dict[str, str],
          decision: Decision | None) -> DuplicateCard:
    if d.kind == "contact":
        fields = _contact_fields(row)
        pm_label = f"Customer {d.petmanager_id} {row['pm_name'] or ''}".strip()
        xero_label = f"Contact {row['xero_name'] or '?'}"
        pm_lines = xero_lines = ()
    else:
        _, noun, number_label = DOCUMENTS[d.kind]
        fields = _document_fields(row, number_label, config.mapping.payment_methods)
        if d.kind in ("invoice", "credit_note"):
            pm_label, xero_label = f"{noun} {row['pm_number']}", f"{noun} {row['xero_number']}"
        else:  # money has no number of its own
            pm_label, xero_label = f"{noun} id {d.petmanager_id}", f"{noun} {_short_date(row['xero_date'])}"
        pm_lines, xero_lines = _lines(row["pm_lines"]), _lines(row["xero_lines"])
    return DuplicateCard(
        kind=d.kind, tier=d.tier, confidence=d.confidence, organisation=organisations.get(d.tenant_id, d.tenant_id),
        petmanager_label=pm_label, xero_label=xero_label, petmanager_id=d.petmanager_id, xero_id=d.xero_id,
        fields=tuple(f for f in fields if f.petmanager is not None or f.xero is not None),
        petmanager_lines=pm_lines, xero_lines=xero_lines, reasons=d.reasons,
        decision=CardDecision(decision.decision, decision.decided_by, decision.decided_at, decision.why)
        if decision else None,
    )


def _document_fields(row: dict, number_label: str | None, methods: Mapping[str, str]) -> list[Field]:
    pm_number, xero_number = row["pm_number"], row["xero_number"]
    fields = []
    if number_label:
        verdict = _compare_numbers(pm_number, xero_number)
        if number_label == "Invoice paid" and verdict == "differs":
            verdict = None  # a hand-typed payment pays a hand-typed invoice: its own number says nothing
        fields.append(Field(number_label, pm_number, xero_number, verdict))
    method = row["pm_paid_by"]
    paid_by = methods.get(method) if method else None  # the Xero account code recon.toml maps it to
    fields += [
        Field("Date", row["pm_date"], row["xero_date"], _compare_dates(row["pm_date"], row["xero_date"])),
        Field("Contact", row["pm_contact"], row["xero_contact"],
              _compare_names(row["pm_contact"], row["xero_contact"])),
        Field("Amount", row["pm_amount"], row["xero_amount"],
              _compare_amounts(row["pm_amount"], row["xero_amount"])),
        Field("Reference", row["pm_reference"], row["xero_reference"],
              _compare_reference(row["pm_reference"], pm_number, row["xero_reference"])),
        Field("Paid into", f"{method} → {paid_by}" if paid_by else method, row["xero_paid_by"],
              _compare_texts(paid_by, row["xero_paid_by"]) if paid_by else None),
        Field("Status", row["pm_status"], row["xero_status"]),
    ]
    return fields


def _contact_fields(row: dict) -> list[Field]:
    pm_phones, xero_phones = row["pm_phones"] or [], row["xero_phones"] or []
    return [
        Field("Name", row["pm_name"], row["xero_name"], _compare_names(row["pm_name"], row["xero_name"])),
        Field("Email", row["pm_email"], row["xero_email"], _compare_texts(row["pm_email"], row["xero_email"])),
        Field("Phone", " · ".join(pm_phones) or None, " · ".join(xero_phones) or None,
              _compare_phones(pm_phones, xero_phones)),
        Field("Street", row["pm_street"], row["xero_street"], _compare_streets(row["pm_street"], row["xero_street"])),
        Field("Suburb", row["pm_suburb"], row["xero_suburb"], _compare_texts(row["pm_suburb"], row["xero_suburb"])),
        Field("Postcode", row["pm_postcode"], row["xero_postcode"],
              _compare_texts(row["pm_postcode"], row["xero_postcode"])),
        Field("Contact number", None, row["xero_number"]),
        Field("Status", row["pm_status"], row["xero_status"]),
    ]


def _lines(lines: list[dict]) -> tuple[Line, ...]:
    return tuple(Line(x["description"], x["quantity"], _price(x["unit_price"]), x["amount"]) for x in lines)


def _price(value: Decimal | None) -> Decimal | None:
    """A unit price to the cent when that loses nothing (110.0000 → 110.00), else all 4 places."""
    if value is None or value != value.quantize(CENT):
        return value
    return value.quantize(CENT)


def _short_date(day: dt.date | None) -> str:
    return f"of {day.day} {day:%b %Y}" if day else "?"


# Evidence: does a field agree, come close or differ? None when there is nothing to compare.

def _words(text: str | None) -> list[str]:
    return re.sub(r"[^a-z0-9]+", " ", re.sub(r"['’`]", "", (text or "").lower())).split()


def _digits(text: str | None) -> str:
    return re.sub(r"[^0-9]", "", text or "").lstrip("0")


def _compare_texts(pm: str | None, xero: str | None) -> str | None:
    if not pm or not xero:
        return None
    return "agrees" if _words(pm) == _words(xero) else "differs"


def _compare_names(pm: str | None, xero: str | None) -> str | None:
    """The same words in any order agree ("Smith, Jane"); a shared family name or initials come close."""
    if not pm or not xero:
        return None
    pm_words = _words(pm)
    xero_words = _words(re.sub(r"\s*\bCN[0-9]+\s*$", "", xero))  # without Pet Manager's " CN<id>"
    if sorted(pm_words) == sorted(xero_words):
        return "agrees"
    if not pm_words or not xero_words:
        return "differs"
    same_family = pm_words[-1] in xero_words
    same_initials = sorted(w[0] for w in pm_words) == sorted(w[0] for w in xero_words)
    return "close" if same_family or same_initials else "differs"


def _compare_numbers(pm: str | None, xero: str | None) -> str | None:
    if not pm or not xero:
        return None
    return "agrees" if _digits(pm) and _digits(pm) == _digits(xero) else "differs"


def _compare_reference(pm_reference: str | None, pm_number: str | None, xero_reference: str | None) -> str | None:
    """Xero's Reference agrees when it carries Pet Manager's number or reference (its digits will do)."""
    if not xero_reference or not (pm_reference or pm_number):
        return None
    found = {run.lstrip("0") for run in re.findall(r"[0-9]{3,}", xero_reference)}
    ours = {_digits(pm_number), _digits(pm_reference)} - {""}
    if found & ours or _words(pm_reference) == _words(xero_reference):
        return "agrees"
    return "differs"


def _compare_dates(pm: dt.date | None, xero: dt.date | None) -> str | None:
    if pm is None or xero is None:
        return None
    apart = abs((xero - pm).days)
    return "agrees" if apart == 0 else "close" if apart <= CLOSE_DAYS else "differs"


def _compare_amounts(pm: Decimal | None, xero: Decimal | None) -> str | None:
    if pm is None or xero is None:
        return None
    apart = abs(xero - pm)
    return "agrees" if apart == 0 else "close" if apart <= CLOSE_AMOUNT else "differs"


def _compare_phones(pm: list[str], xero: list[str]) -> str | None:
    """Phones agree on their last 8 digits: 0412 345 678 and +61 412 345 678 are one number."""
    pm_keys = {_digits(p)[-8:] for p in pm if len(_digits(p)) >= 8}
    xero_keys = {_digits(p)[-8:] for p in xero if len(_digits(p)) >= 8}
    if not pm_keys or not xero_keys:
        return None
    return "agrees" if pm_keys & xero_keys else "differs"


def _compare_streets(pm: str | None, xero: str | None) -> str | None:
    """The same house number and first street word come close ("12 High St", "12 High Street")."""
    verdict = _compare_texts(pm, xero)
    if verdict == "differs" and _words(pm)[:2] == _words(xero)[:2]:
        return "close"
    return verdict


# Counts, days and groups -----------------------------------------------------------------------

def _duplicate_counts(duplicates: Duplicates) -> tuple[DuplicateCounts, ...]:
    return tuple(DuplicateCounts(kind, **tiers) for kind, tiers in duplicates.counts().items() if any(tiers.values()))


def _duplicate_days(con: duckdb.DuckDBPyConnection, result: CheckResult) -> tuple[DuplicateDay, ...]:
    con.register("report_duplicates", result.duplicates.table.select(["kind", "petmanager_id", "tier"]))
    try:
        rows = con.execute(queries.load("check/report_duplicate_days"), {"pm_snapshot": result.pm_snapshot}).fetchall()
    finally:
        con.unregister("report_duplicates")
    return tuple(DuplicateDay(*row) for row in rows)


def _problem_groups(problems: Sequence[Problem], organisations: dict[str, str],
                    full_file: str) -> tuple[ProblemGroup, ...]:
    """One group per kind and blocking, blocking groups first; the first rows of each."""
    grouped: dict[tuple[bool, str], list[Problem]] = {}
    for p in problems:
        grouped.setdefault((p.blocking, p.kind), []).append(p)
    groups = []
    for (blocking, kind), members in sorted(grouped.items(), key=lambda item: (not item[0][0], item[0][1])):
        rows = tuple(
            ProblemRow(_record(p), organisations.get(p.tenant_id, p.tenant_id) if p.tenant_id else None, p.message)
            for p in members[:PROBLEMS_SHOWN]
        )
        groups.append(ProblemGroup(kind, blocking, TopRows(rows, len(members), full_file)))
    return tuple(groups)


def _record(p: Problem) -> str | None:
    if p.record_kind is None:
        return None
    noun = p.record_kind.replace("_", " ")
    return f"{noun} id {p.petmanager_id}" if p.petmanager_id is not None else noun


def _send_by_kind(scope: Sequence[ScopeRow]) -> tuple[SendRow, ...]:
    totals: dict[str, list] = {}
    for row in scope:
        entry = totals.setdefault(row.kind, [0, 0, 0, 0, Decimal("0.00")])
        for i, value in enumerate((row.in_scope, row.linked, row.suspected, row.to_create, row.to_create_total)):
            entry[i] += value
    return tuple(_send_row(ScopeRow(kind, None, *entry)) for kind, entry in totals.items())


def _by_month(scope: Sequence[ScopeRow]) -> list[ScopeRow]:
    """One row per kind and month, every organisation's records together (each record goes to one)."""
    merged: dict[tuple[str, str | None], list] = {}
    for row in scope:
        entry = merged.setdefault((row.kind, row.month), [0, 0, 0, 0, Decimal("0.00")])
        for i, value in enumerate((row.in_scope, row.linked, row.suspected, row.to_create, row.to_create_total)):
            entry[i] += value
    return [ScopeRow(kind, month, *entry) for (kind, month), entry in sorted(merged.items(), key=lambda i: (i[0][0], i[0][1] or ""))]


def _send_row(row: ScopeRow) -> SendRow:
    """Contacts carry no amount: their total is left empty rather than shown as 0.00."""
    return SendRow(row.kind, _first_of(row.month) if row.month else None, row.in_scope, row.linked, row.suspected,
                   row.to_create, None if row.kind == "contact" else row.to_create_total)


def _month_total(m) -> MonthTotal:
    return MonthTotal(_first_of(m.month), m.petmanager_total, m.petmanager_count, m.xero_total, m.xero_count)


def _first_of(month: str) -> dt.date:
    """`"2025-07"` → `date(2025, 7, 1)`."""
    return dt.date.fromisoformat(f"{month}-01")


# Exports ---------------------------------------------------------------------------------------

def _link_row(x: Link, organisations: dict[str, str]) -> LinkRow:
    return LinkRow(x.kind, x.petmanager_id, x.xero_id, organisations.get(x.tenant_id, x.tenant_id), x.how)


def _problem_row(p: Problem, organisations: dict[str, str]) -> dict:
    return {"organisation": organisations.get(p.tenant_id, p.tenant_id) if p.tenant_id else None, "kind": p.kind,
            "blocking": p.blocking, "record_kind": p.record_kind, "petmanager_id": p.petmanager_id,
            "xero_id": p.xero_id, "message": p.message}


def _sheets(name: str, columns: Sequence[Column], rows: list) -> Iterator[Table]:
    """One sheet, or several ("links", "links 2", ...) when the rows pass Excel's row limit."""
    per_sheet = EXCEL_MAX_ROWS - 1  # the header takes a row
    for n, first in enumerate(range(0, max(len(rows), 1), per_sheet), start=1):
        yield Table(name if n == 1 else f"{name} {n}", columns, rows[first:first + per_sheet])
