"""The snapshot report in headless Chromium: offline, quiet, hostile text shown as text."""

import tempfile
from pathlib import Path

import pytest
from report_samples import HOSTILE, hostile_notes, snapshot_data

from reports.render import write_report
from reports.snapshot import render_snapshot_report

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(tempfile.gettempdir()) / "recon-report-screenshots"  # for a person to look at
PNG = b"\x89PNG\r\n\x1a\n"


def write(tmp_path: Path, data) -> Path:
    path = tmp_path / "snapshot.html"
    write_report(path, render_snapshot_report(data))
    return path


def hostile_report(tmp_path: Path) -> Path:
    notes = hostile_notes(10_000)
    return write(tmp_path, snapshot_data(business=HOSTILE[0], notes=notes[:500], notes_total=len(notes)))


def assert_quiet(report) -> None:
    assert report.console_problems == []
    assert report.page_errors == []
    assert report.requests == []
    assert report.dialogs == []


def test_the_snapshot_report_opens_offline_without_a_single_error(open_report, tmp_path):
    report = open_report(write(tmp_path, snapshot_data()))
    assert_quiet(report)
    assert report.page.locator("h1").inner_text() == "Happy Tails Boarding Kennels"
    SCREENSHOTS.mkdir(exist_ok=True)
    assert report.screenshot(SCREENSHOTS / "snapshot.png").read_bytes().startswith(PNG)


def test_hostile_names_are_shown_as_literal_text(open_report, tmp_path):
    report = open_report(hostile_report(tmp_path))
    assert_quiet(report)  # no alert, no image fetched, no broken markup
    page = report.page
    assert page.locator("h1").inner_text() == "<script>alert(1)</script>"
    assert page.locator("script").count() == 1
    assert page.locator("img").count() == 0
    rows = page.locator("#notes tbody tr")
    assert rows.count() == 500
    first = [rows.nth(0).locator("td").nth(i).inner_text() for i in (1, 2, 3)]
    assert first == [HOSTILE[0], f"customer 1 {HOSTILE[1]}", HOSTILE[2]]
    for text in HOSTILE:
        assert page.get_by_text(text, exact=True).count() > 0, text
    assert "9,500 more in notes.csv" in page.locator("#notes .more").inner_text()
    SCREENSHOTS.mkdir(exist_ok=True)
    assert report.screenshot(SCREENSHOTS / "snapshot-hostile.png").read_bytes().startswith(PNG)


def test_the_filter_box_narrows_a_long_table(open_report, tmp_path):
    report = open_report(hostile_report(tmp_path))
    page = report.page
    page.locator("#notes .filter input").fill("O'Brien")
    expected = sum(1 for note in hostile_notes(500) if "O'Brien" in f"{note.severity}{note.side}{note.record}{note.message}")
    assert page.locator("#notes tbody tr:visible").count() == expected
    assert page.locator("#notes .filter-status").inner_text() == f"{expected} of 500 rows match"
    assert_quiet(report)


def test_without_script_the_report_reads_the_same(open_report, tmp_path):
    report = open_report(hostile_report(tmp_path), javascript=False)
    assert_quiet(report)
    assert report.page.locator(".filter").count() == 0  # the script would have added it
    assert report.page.locator("#notes tbody tr:visible").count() == 500
    assert report.page.locator("svg.chart rect").count() > 24


def test_print_hides_the_screen_chrome_and_makes_a_pdf(open_report, tmp_path):
    report = open_report(write(tmp_path, snapshot_data()))
    page = report.page
    page.emulate_media(media="print")
    assert not page.locator("nav.toc").is_visible()
    assert not page.locator(".filter").is_visible()
    pdf = page.pdf(path=str(tmp_path / "snapshot.pdf"), format="A4")
    assert pdf.startswith(b"%PDF")
    SCREENSHOTS.mkdir(exist_ok=True)
    report.screenshot(SCREENSHOTS / "snapshot-print.png")
    assert_quiet(report)


def test_the_harness_catches_network_requests_console_errors_and_dialogs(open_report, tmp_path):
    path = tmp_path / "leaky.html"
    path.write_text(
        '<img src="http://example.com/pixel.png">'
        '<script>console.error("boom"); alert("hi"); fetch("https://example.org/x").catch(() => {});</script>',
        encoding="utf-8",
    )
    report = open_report(path)
    assert "http://example.com/pixel.png" in report.requests
    assert "https://example.org/x" in report.requests
    assert ("error", "boom") in report.console
    assert report.dialogs == ["hi"]
