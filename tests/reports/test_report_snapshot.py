from dataclasses import replace

import pytest
from report_samples import hostile_notes, snapshot_data

from reports.snapshot import DataQualityNote, render_snapshot_report
from reports.tables import TopRows


def test_the_report_shows_both_sides_and_the_months_to_the_cent():
    html = render_snapshot_report(snapshot_data())
    assert "Happy Tails Boarding Kennels" in html and "Happy Tails Pty Ltd" in html
    assert "44,488" in html and "43,729" in html  # records per side
    assert "691,480.15" in html and "629,499.09" in html and "61,981.06" in html  # totals and difference
    assert '<td class="num neg">-670.00</td>' in html  # December: Xero holds more
    assert "<td class=\"num\">0.01</td>" in html  # April: one cent apart
    assert "snapshot #3" in html and "snapshot #4" in html
    assert "1 Jul 2025 – 30 Jun 2026" in html


def test_a_long_list_of_notes_shows_its_first_rows_and_points_to_the_file():
    notes = hostile_notes(10_000)
    html = render_snapshot_report(snapshot_data(notes=notes[:500], notes_total=10_000))
    section = html[html.index('id="notes"'):]
    assert section.count("<tr><td><span class=\"status") == 500
    assert "Showing the first 500 of 10,000 notes." in html
    assert "<strong>9,500 more</strong> in <strong>notes.csv</strong>" in html
    assert len(html.encode()) < 600_000  # 500 rows a section keeps a many-section report under 5 MB


def test_no_notes_and_no_months_read_as_such():
    data = replace(snapshot_data(), months=(), notes=TopRows((), 0))
    html = render_snapshot_report(data)
    assert "Neither side has amounts in this period." in html
    assert "No data-quality notes: both sides read cleanly." in html
    assert "Showing the first" not in html


def test_inputs_are_checked():
    with pytest.raises(ValueError):
        TopRows(hostile_notes(3), 2)
    with pytest.raises(ValueError):
        DataQualityNote("fatal", "Pet Manager", "invoice 1", "?")
