"""The pre-sync report written by `recon sync`: the plan — what it writes by kind, the irreversible
part in words, requests and time at Xero's limits, what it leaves out — opened in Chromium."""

import pytest

from recon.check.report import write_check_report
from recon.check.run import run_check
from recon.syncplan import build_plan
from recon.workspace import Workspace
from recon.check.findings import Window
import datetime as dt

WINDOW = Window(dt.date(2025, 1, 1), dt.date(2025, 6, 30))


@pytest.mark.browser
def test_the_report_shows_the_plan(workspace, open_report):
    ws = Workspace(workspace)
    check = run_check(ws, WINDOW)
    plan = build_plan(ws, WINDOW, check, on_duplicate="skip")
    summary = plan.summary()
    assert summary["writes"] > 0 and summary["linked"] > 0

    report = open_report(write_check_report(ws, check, plan=plan).html)
    assert report.console_problems == [] and report.page_errors == [] and report.requests == []
    section = report.page.locator("#plan").inner_text()
    assert "This cannot be undone." in section
    assert f"creates {summary['writes']:,} record(s)" in section
    assert f"takes {summary['requests']:,} request(s)" in section
    invoices = summary["kinds"]["invoice"]
    assert f"{invoices['count']:,}" in section and f"{invoices['total']:,.2f}" in section
    assert f"{summary['linked']:,} already in Xero (linked)" in section
    assert "linked by --on-duplicate skip" in section  # each suspected duplicate left out says why
    assert plan.hash[:16] in section
    assert report.page.locator("nav a[href='#plan'], a[href='#plan']").count() == 1


def test_the_check_report_alone_has_no_plan(workspace):
    ws = Workspace(workspace)
    html = write_check_report(ws, run_check(ws, WINDOW)).html.read_text(encoding="utf-8")
    assert 'id="plan"' not in html
