"""The audit report in headless Chromium: offline, quiet, hostile names shown as text, links that
land, and a PDF when printed."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from reports.audit import write_audit_report
from tests.reports.audit_samples import FORMULA, GENERATED, SCRIPT_NAME, audit_result, reconciled_result

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(tempfile.gettempdir()) / "recon-report-screenshots"  # for a person to look at
PNG = b"\x89PNG\r\n\x1a\n"


def assert_quiet(report) -> None:
    assert report.console_problems == []
    assert report.page_errors == []
    assert report.requests == []
    assert report.dialogs == []


def test_the_audit_report_opens_offline_and_shows_a_script_name_as_text(open_report, tmp_path):
    path = write_audit_report(None, audit_result(contact=SCRIPT_NAME, extra=1_000), tmp_path, generated_at=GENERATED)
    report = open_report(path)
    assert_quiet(report)
    page = report.page
    assert page.locator("script").count() == 1
    assert page.get_by_text(SCRIPT_NAME, exact=True).count() == 2  # D7's contact and the balance (D1 is cut)
    assert page.locator("#d-7 td").nth(3).inner_text() == SCRIPT_NAME
    assert page.locator("#differences tbody tr").count() == 306
    assert "701 more in audit-7-differences.csv" in page.locator("#differences .more").first.inner_text()
    assert page.locator("#cat-different + .filter input").count() == 1  # a long table gets a filter box
    page.locator('#totals a[href="#d-2"]').first.click()
    assert page.evaluate("location.hash") == "#d-2"
    assert page.locator("#d-2").is_visible()
    SCREENSHOTS.mkdir(exist_ok=True)
    assert report.screenshot(SCREENSHOTS / "audit.png").read_bytes().startswith(PNG)
    assert_quiet(report)


def test_the_audit_report_prints_to_pdf(open_report, tmp_path):
    path = write_audit_report(None, audit_result(contact=FORMULA), tmp_path, generated_at=GENERATED)
    report = open_report(path)
    page = report.page
    page.emulate_media(media="print")
    assert not page.locator("nav.toc").is_visible()
    assert page.locator("#totals").evaluate("e => getComputedStyle(e).breakBefore") == "page"
    assert page.pdf(path=str(tmp_path / "audit-7.pdf"), format="A4").startswith(b"%PDF")
    SCREENSHOTS.mkdir(exist_ok=True)
    report.screenshot(SCREENSHOTS / "audit-print.png")
    assert_quiet(report)


def test_a_reconciled_audit_reads_as_all_agree(open_report, tmp_path):
    path = write_audit_report(None, reconciled_result(), tmp_path, generated_at=GENERATED)
    report = open_report(path, javascript=False)
    assert_quiet(report)
    page = report.page
    assert page.locator(".verdict-box.ok .headline").inner_text() == "✓ Reconciled: Pet Manager and Xero agree"
    assert page.locator(".verdict-box.bad").count() == 0
    assert page.locator("#differences tbody tr").count() == 0
    SCREENSHOTS.mkdir(exist_ok=True)
    assert report.screenshot(SCREENSHOTS / "audit-reconciled.png").read_bytes().startswith(PNG)
