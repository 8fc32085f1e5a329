"""The post-sync report on a hand-made push of the sample business: what was created (with links into
Xero), linked, skipped, failed (Xero's message and what to do), the verification and the status;
CSV and XLSX beside it; hostile text escaped; in Chromium: offline, quiet, the hostile name as text."""

from __future__ import annotations

import csv
import datetime as dt
import shutil

import pytest

from recon.status import sync_status
from recon.syncplan.plan import Left, Plan
from recon.syncplan.write import PlannedWrite
from recon.syncrecord import record_plan
from recon.verify import verify
from reports.postsync import write_postsync_report, xero_link
from tests.conftest import shared_dir
from tests.verify.pushed_books import TENANT, make_workspace, planned_writes, push, snapshot, xero_books

HOSTILE = "<script>alert(1)</script>"
BAD_ACCOUNT = "Account code '205' is not a valid code for this document. <img src=x onerror=alert(2)>"
PLAN = Plan([PlannedWrite(1, "contact", 1, "CN1", "Contacts", "PUT", {}, (), None)],
            skipped=[Left("invoice", 9, "void in Pet Manager: not synced")],
            linked=[Left("contact", 5, "already in Xero: ContactNumber 5", "c-5"),
                    Left("invoice", 2, f"decided the same record as Xero x-2 by {HOSTILE}", "x-2")],
            held=[Left("payment", 8812, "payment 8812 waits for invoice 10452, which is dated before the start "
                                        "date: move the start date back or record that payment by hand")])


@pytest.fixture(scope="module")
def synced(tmp_path_factory):
    """After a run whose payout Xero refused and whose contact is called <script>…; verified with the
    PM-PAY-2 payment on the wrong invoice. Returns (workspace, run id, report path)."""
    root = tmp_path_factory.mktemp("postsync")
    export = root / "export"
    shutil.copytree(shared_dir() / "petmanager-export" / "sample", export)
    ws = make_workspace(root / "ws", export)
    con = ws.connect()
    try:
        run_id = record_plan(con, PLAN, tenant_id=TENANT, window_from=dt.date(2024, 1, 1), window_to=None,
                             on_duplicate="refuse")
    finally:
        con.close()
    writes = planned_writes()
    writes[0] = type(writes[0])(1, "contact", "CN1", "Contacts", {"Name": f"{HOSTILE} CN1", "ContactNumber": "1"},
                                petmanager_id="1")
    push(ws, plan_hash=PLAN.hash, writes=writes, failures={"PM-PO-1": BAD_ACCOUNT})
    books = xero_books()
    books["Organisation"][0]["ShortCode"] = "!NLglS"
    books["Contacts"][0]["Name"] = f"{HOSTILE} CN1"
    books["Payments"][0]["Invoice"] = {"InvoiceID": "i-4", "InvoiceNumber": "INV10004"}
    books["BankTransfers"] = []
    snapshot(ws, books)
    verification = verify(ws, PLAN.hash, TENANT)
    path = write_postsync_report(ws, run_id, verification, sync_status(ws, TENANT), ws.reports_dir)
    return ws, run_id, path


def test_xero_links_open_the_record_in_the_right_organisation():
    assert xero_link("invoice", "abc") == "https://go.xero.com/AccountsReceivable/View.aspx?InvoiceID=abc"
    assert xero_link("contact", "c-1") == "https://go.xero.com/Contacts/View/c-1"
    assert xero_link("credit_note", "n-1") == \
        "https://go.xero.com/AccountsReceivable/ViewCreditNote.aspx?creditNoteID=n-1"
    assert xero_link("stripe_fee_bill", "b-1") == "https://go.xero.com/AccountsPayable/Edit.aspx?InvoiceID=b-1"
    assert xero_link("payment", "p-1") == "https://go.xero.com/Dashboard/"
    assert xero_link("invoice", "abc", "!NLglS") == ("https://go.xero.com/organisationlogin/default.aspx?"
                                                     "shortcode=!NLglS&redirecturl=/AccountsReceivable/View.aspx?"
                                                     "InvoiceID=abc")
    assert xero_link("invoice", None) is None


def test_the_report_says_what_was_created_left_out_failed_and_verified(synced):
    ws, run_id, path = synced
    assert path == ws.reports_dir / f"sync-{run_id}.html"
    html = path.read_text()
    assert "After the back-sync report" in html
    assert 'href="https://go.xero.com/organisationlogin/default.aspx?shortcode=!NLglS&amp;redirecturl=' \
           '/AccountsReceivable/View.aspx?InvoiceID=i-1"' in html
    assert "Account code &#39;205&#39; is not a valid code" in html  # Xero's own message
    assert "map that code to an active Xero account with <code>" not in html  # advice is text, not markup
    assert "`recon map`" in html
    assert "payment PM-PAY-2 (Pet Manager 2) is on invoice INV10004 in Xero, but was meant for invoice INV10001" \
           in html
    assert "void in Pet Manager: not synced" in html
    assert "dated before the start date" in html
    assert HOSTILE not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; CN1" in html


def test_created_and_failed_rows_are_in_csv_and_xlsx(synced):
    ws, run_id, _ = synced
    with open(ws.reports_dir / f"sync-{run_id}-created.csv", encoding="utf-8-sig") as created:
        rows = list(csv.DictReader(created))
    assert [row["Key"] for row in rows] == ["CN1", "Stripe", "INV10001", "INV10004", "CN-0001", "PM-PAY-2",
                                            "PM-ALC-1", "PM-OVP-1", "PM-ALC-2", "PM-RFD-1", "PM-FEE-1",
                                            "PM-FEE-1 payment"]
    assert rows[0]["Name"] == f"{HOSTILE} CN1"
    assert rows[2]["Amount"] == "295.00" and rows[5]["Amount"] == "130.00"
    assert rows[2]["Open in Xero"].endswith("InvoiceID=i-1")
    with open(ws.reports_dir / f"sync-{run_id}-failed.csv", encoding="utf-8-sig") as failed:
        failures = list(csv.DictReader(failed))
    assert [(row["Key"], row["State"]) for row in failures] == [("PM-PO-1", "failed"), ("", "held")]
    assert failures[0]["Xero's message or why it is held"] == BAD_ACCOUNT
    assert (ws.reports_dir / f"sync-{run_id}.xlsx").stat().st_size > 0


def test_a_run_that_stopped_early_says_nothing_was_verified(synced, tmp_path):
    ws, run_id, _ = synced
    path = write_postsync_report(ws, run_id, None, sync_status(ws, TENANT), tmp_path)
    html = path.read_text()
    assert "not run" in html and "The next <code>recon sync</code> finishes the push and verifies" in html
    assert "passed" not in html


@pytest.mark.browser
def test_the_report_opens_offline_quietly_with_the_hostile_name_as_text(synced, open_report):
    _, _, path = synced
    report = open_report(path)
    assert report.console_problems == []
    assert report.page_errors == []
    assert report.requests == []
    assert report.dialogs == []
    page = report.page
    assert page.locator("script").count() == 1
    assert page.locator("img").count() == 0
    assert page.get_by_text(f"{HOSTILE} CN1", exact=True).count() == 1
    assert page.locator("#created tbody tr").count() == 12
    assert page.locator("#failed tbody tr").count() == 2
    assert page.locator("#verification tbody tr").first.inner_text().startswith("Payment")
    assert page.locator("#created .filter input").count() == 1  # the script ran
