"""The post-sync report: what a `recon sync` run created in Xero (each with a link to open it), what it
linked or skipped and why, what failed with Xero's own message and what to do about it, the
verification against a fresh Xero snapshot, and the status dashboard (`recon status`).

`<out_dir>/sync-<run_id>.html`, one self-contained file like the pre-sync report (base.html, no
network, everything escaped), with every row in `sync-<run_id>-created.csv`,
`sync-<run_id>-failed.csv` and `sync-<run_id>.xlsx` beside it.

Links into Xero follow Xero's deep-link rules (developer.xero.com, "Deep link to Xero"): sales
invoices `/AccountsReceivable/View.aspx?InvoiceID=`, bills `/AccountsPayable/Edit.aspx?InvoiceID=`,
credit notes `/AccountsReceivable/ViewCreditNote.aspx?creditNoteID=`, contacts `/Contacts/View/<id>`;
payments, allocations, overpayments, refunds and transfers open the organisation's dashboard. With the
organisation's ShortCode the link also picks the right organisation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

from recon import __version__
from recon.status import COUNTS, Status
from recon.syncrecord import CreatedRow, LeftRow, SyncRun, created_of, get_run, left_of, short_code
from recon.verify import Verification
from recon.workspace import Workspace
from reports.exports import Column, Table, write_csv, write_xlsx
from reports.header import ReportHeader
from reports.render import render_html, write_report
from reports.tables import TopRows

XERO = "https://go.xero.com"
PATHS = {
    "contact": "/Contacts/View/{id}",
    "invoice": "/AccountsReceivable/View.aspx?InvoiceID={id}",
    "stripe_fee_bill": "/AccountsPayable/Edit.aspx?InvoiceID={id}",
    "credit_note": "/AccountsReceivable/ViewCreditNote.aspx?creditNoteID={id}",
}
DASHBOARD = "/Dashboard/"
KIND_WORDS = {
    "contact": "Contact", "invoice": "Invoice", "credit_note": "Credit note", "payment": "Payment",
    "credit_note_allocation": "Credit note allocation", "overpayment": "Overpayment",
    "overpayment_allocation": "Overpayment allocation", "refund": "Refund", "stripe_fee_bill": "Stripe fee bill",
    "stripe_fee_payment": "Stripe fee payment", "payout": "Stripe payout",
}
CREATED_SHOWN = 500
LEFT_SHOWN = 300
FAILURES_SHOWN = 300
FINDINGS_SHOWN = 300
COUNT_WORDS = {"synced": "Synced", "queued": "Queued", "failed": "Failed", "held": "Held",
               "linked": "Linked to a twin", "skipped": "Skipped (void)", "waiting": "Waiting for the start date"}

CREATED_COLUMNS = (Column("kind", "Kind"), Column("petmanager_id", "Pet Manager id"), Column("natural_key", "Key"),
                   Column("name", "Name"), Column("amount", "Amount"), Column("xero_id", "Xero id"), Column("link", "Open in Xero"))
FAILED_COLUMNS = (Column("kind", "Kind"), Column("petmanager_id", "Pet Manager id"), Column("natural_key", "Key"),
                  Column("state", "State"), Column("message", "Xero's message or why it is held"),
                  Column("advice", "What to do"))
LEFT_COLUMNS = (Column("category", "Left out"), Column("kind", "Kind"), Column("petmanager_id", "Pet Manager id"),
                Column("reason", "Why"), Column("xero_id", "Xero id"), Column("link", "Open in Xero"))
FINDING_COLUMNS = (Column("kind", "Kind"), Column("petmanager_id", "Pet Manager id"), Column("xero_id", "Xero id"),
                   Column("problem", "Problem"), Column("words", "What is wrong"))


@dataclass(frozen=True)
class LinkedRecord:
    """A row of a table with its link into Xero (None when there is no Xero id)."""

    kind: str
    petmanager_id: int | None
    natural_key: str | None
    xero_id: str | None
    link: str | None
    amount: Decimal | None = None
    name: str | None = None
    category: str | None = None  # left-out rows: skipped | linked | held
    reason: str | None = None


@dataclass(frozen=True)
class PostsyncReportData:
    header: ReportHeader
    run: SyncRun
    created: TopRows  # of LinkedRecord
    created_by_kind: tuple[tuple[str, int, Decimal | None], ...]  # kind, count, total (None for contacts)
    left: TopRows  # of LinkedRecord (category and reason set)
    left_counts: dict[str, int]  # category -> rows
    failures: TopRows  # of recon.status.FailureRow
    verification: Verification | None  # None: the push stopped before the end, nothing verified yet
    findings: TopRows  # of recon.verify.Finding
    status: Status
    files: tuple[str, ...]  # the CSV and XLSX beside the report


def xero_link(kind: str, xero_id: str | None, code: str | None = None) -> str | None:
    """Where a person opens the record in Xero; the organisation's dashboard for kinds Xero has no page for."""
    if not xero_id:
        return None
    path = PATHS.get(kind, DASHBOARD).format(id=quote(xero_id, safe=""))
    if code:
        return f"{XERO}/organisationlogin/default.aspx?shortcode={quote(code, safe='!')}&redirecturl={path}"
    return XERO + path


def kind_words(kind: str) -> str:
    return KIND_WORDS.get(kind, kind.replace("_", " ").capitalize())


def write_postsync_report(ws: Workspace, run_id: int, verification: Verification | None, status: Status,
                          out_dir: Path) -> Path:
    """Write the report of sync run `run_id` (and its CSV and XLSX) into `out_dir`; the HTML file's path."""
    config = ws.config()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"sync-{run_id}"
    paths = {"html": out_dir / f"{stem}.html", "created": out_dir / f"{stem}-created.csv",
             "failed": out_dir / f"{stem}-failed.csv", "xlsx": out_dir / f"{stem}.xlsx"}
    con = ws.connect()
    try:
        run = get_run(con, run_id)
        code = short_code(con, run.tenant_id)
        created = [_created(row, code) for row in created_of(con, run.plan_hash, run.tenant_id)]
        left = [_left(row, code) for row in left_of(con, run.plan_hash)]
        names = dict(con.execute("SELECT tenant_id, name FROM xero_organisation WHERE tenant_id = ? "
                                 "ORDER BY snapshot_id DESC LIMIT 1", [run.tenant_id]).fetchall())
    finally:
        con.close()
    organisation = names.get(run.tenant_id) or next(
        (one.name for one in config.organisations if one.tenant_id == run.tenant_id and one.name), run.tenant_id)
    failures = list(status.failures)
    findings = list(verification.findings) if verification else []
    xlsx = paths["xlsx"].name
    data = PostsyncReportData(
        header=ReportHeader(title="After the back-sync", business=config.business_name,
                            organisations=(organisation,), currency=config.currency,
                            generated_at=dt.datetime.now(dt.timezone.utc), recon_version=__version__,
                            period_start=run.window_from, period_end=run.window_to),
        run=run,
        created=TopRows(tuple(created[:CREATED_SHOWN]), len(created), paths["created"].name),
        created_by_kind=_by_kind(created),
        left=TopRows(tuple(left[:LEFT_SHOWN]), len(left), f"{xlsx} (sheet “left out”)"),
        left_counts={category: sum(1 for row in left if row.category == category)
                     for category in ("linked", "skipped", "held")},
        failures=TopRows(tuple(failures[:FAILURES_SHOWN]), len(failures), paths["failed"].name),
        verification=verification,
        findings=TopRows(tuple(findings[:FINDINGS_SHOWN]), len(findings), f"{xlsx} (sheet “verification”)"),
        status=status,
        files=tuple(paths[name].name for name in ("created", "failed", "xlsx")),
    )
    write_csv(paths["created"], Table("created", CREATED_COLUMNS, created))
    failed_rows = [_failure_row(one) for one in failures]
    write_csv(paths["failed"], Table("failed", FAILED_COLUMNS, failed_rows))
    write_xlsx(paths["xlsx"], [
        Table("created", CREATED_COLUMNS, created),
        Table("failed", FAILED_COLUMNS, failed_rows),
        Table("left out", LEFT_COLUMNS, left),
        Table("verification", FINDING_COLUMNS, findings),
    ])
    write_report(paths["html"], render_postsync_report(data))
    return paths["html"]


def render_postsync_report(data: PostsyncReportData) -> str:
    return render_html("postsync.html", header=data.header, data=data, kind_words=kind_words,
                       counts=COUNTS, count_words=COUNT_WORDS)


def _created(row: CreatedRow, code: str | None) -> LinkedRecord:
    return LinkedRecord(row.kind, row.petmanager_id, row.natural_key, row.xero_id, xero_link(row.kind, row.xero_id, code),
                        amount=row.amount, name=row.name)


def _left(row: LeftRow, code: str | None) -> LinkedRecord:
    return LinkedRecord(row.kind, row.petmanager_id, None, row.xero_id, xero_link(row.kind, row.xero_id, code),
                        category=row.category, reason=row.reason)


def _failure_row(failure) -> dict:
    return {"kind": failure.kind, "petmanager_id": failure.petmanager_id, "natural_key": failure.natural_key,
            "state": failure.state, "message": failure.message, "advice": failure.advice}


def _by_kind(created: list[LinkedRecord]) -> tuple[tuple[str, int, Decimal | None], ...]:
    kinds: dict[str, tuple[int, Decimal | None]] = {}
    for row in created:
        count, total = kinds.get(row.kind, (0, None))
        if row.amount is not None:
            total = (total or Decimal(0)) + row.amount
        kinds[row.kind] = (count + 1, total)
    return tuple((kind, count, total) for kind, (count, total) in kinds.items())
