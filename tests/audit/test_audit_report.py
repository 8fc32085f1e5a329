"""The audit report rendered from hand-built audit results: what it says, what it escapes, what it
exports, and how big it gets."""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from recon.audit.result import CATEGORIES, Difference
from recon.workspace import Workspace
from reports.audit import is_new, render_audit_report, report_paths, write_audit_report
from tests.reports.audit_samples import (
    FORMULA,
    GENERATED,
    PREVIOUS,
    SCRIPT_NAME,
    audit_result,
    reconciled_result,
)

XML = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
CONFIG = """
[business]
name = "Happy Tails Boarding Kennels"
country = "AU"
currency = "AUD"
timezone = "Australia/Sydney"
"""


@pytest.fixture
def ws(tmp_path) -> Workspace:
    (tmp_path / "recon.toml").write_text(CONFIG, encoding="utf-8")
    return Workspace(tmp_path)


def render(result, currency: str = "AUD") -> str:
    return render_audit_report(result, business="Happy Tails Boarding Kennels", currency=currency,
                               paths=report_paths(Path("reports"), result.run.run_id), generated_at=GENERATED)


def row(html: str, anchor: str) -> str:
    """The HTML of the table row with this id."""
    found = re.search(rf'<tr id="{anchor}">(.*?)</tr>', html, re.S)
    assert found, anchor
    return found.group(1)


def test_the_glance_says_not_reconciled_with_counts_amount_period_and_snapshots():
    html = render(audit_result())
    assert "Audit report" in html
    assert "Not reconciled: 7 differences" in html
    assert "690.00 AUD at stake; 5 of them new since the last audit" in html  # 10 + 385 + 55 + 240
    assert "1 Oct 2026 – 31 Oct 2026" in html
    assert "Pet Manager #41 · Xero #42" in html
    assert "run 6, 1 Oct 2026 06:00 UTC" in html
    for name in CATEGORIES.values():
        assert f">{name}</a></th>" in html
    assert '<a href="#cat-missing_in_xero">Not in Xero</a></th><td class="num">1</td><td class="num">0</td><td class="num">385.00</td>' in html
    assert '<th scope="row">Payments</th><td class="num">1,480</td><td class="num">2</td><td class="num">625.00</td>' in html
    assert '<div class="figure">3,322</div>' in html  # matched and equal
    assert "2 in Pet Manager · 1 in Xero" in html


def test_totals_side_by_side_link_to_the_differences_that_explain_them():
    html = render(audit_result())
    assert html.count("<svg") == 2  # the trend across runs and the months chart
    assert "Pet Manager, Oct 2026: 51,032.15" in html and "Xero, Oct 2026: 50,677.10" in html
    month_row = re.search(r"<bdi>Oct 2026</bdi></th>(.*?)</tr>", html, re.S).group(1)
    assert "51,032.15" in month_row and "50,677.10" in month_row and "355.05" in month_row
    assert "".join(f'<a href="#d-{n}">D{n}</a>' for n in range(1, 8)) in month_row
    for n in range(1, 8):
        assert f'<tr id="d-{n}">' in html  # every link lands on a row
    assert re.search(r"<bdi>260</bdi>.*?not explained by a single record", html, re.S)
    assert '<h3 id="totals-payment_method">By payment method' in html


def test_each_difference_shows_both_sides_the_fields_that_differ_and_why():
    html = render(audit_result())
    d1 = row(html, "d-1")
    assert '<td class="num hl">120.00</td><td class="num hl">110.00</td>' in d1
    assert '<span class="field-tag">✕ amount</span><span class="field-tag">✕ lines</span>' in d1
    assert "total 120.00 in Pet Manager, 110.00 in Xero" in d1 and "i new" in d1
    d2 = row(html, "d-2")
    assert "<strong>Why:</strong> <bdi>failed write: Payment amount exceeds the amount due</bdi>" in d2
    assert "not in Xero" in d2 and "i new" not in d2  # first seen by the previous audit
    d3 = row(html, "d-3")
    assert "not in Pet Manager" in d3 and '<td class="num neg">-55.00</td>' in d3
    assert '<td class="text hl"><bdi>Joanna Papadopoulos</bdi></td>' in row(html, "d-6")
    assert html.index('id="cat-different"') < html.index('id="cat-missing_in_xero"') < html.index('id="cat-new_duplicate"')


def test_balances_clearing_changes_and_trend_are_shown():
    html = render(audit_result())
    assert re.search(r"<bdi>Jane Smith</bdi></th><td class=\"num\">120.00</td><td class=\"num\">110.00</td>"
                     r"<td class=\"num hl\">10.00</td>", html)
    clearing = html[html.index('<section id="clearing">'):html.index('<section id="changes">')]
    for figure in ("30,100.00", "526.75", "28,000.00", "1,573.25", "1,188.25", "385.00"):
        assert figure in clearing
    assert "✕ differs" in clearing
    assert "Pet Manager <span class=\"muted\">(2: 2 new)</span>" in html
    assert "Xero <span class=\"muted\">(1: 1 voided)</span>" in html
    assert "1 Nov 2026 (run 7): 7</title>" in html and "4 May 2026 (run 1): 11</title>" in html
    assert "7 (this one)" in html


def test_a_contact_named_like_a_script_is_shown_as_text_everywhere():
    html = render(audit_result(contact=SCRIPT_NAME))
    assert SCRIPT_NAME not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 5  # D1, D7, a balance, two changes
    assert html.count("<script") == 1  # the report's own script only
    assert "hand-typed copy of INV10470 (=SUM(A1))" in html  # shown as typed: neutralising is for spreadsheets


def test_a_reconciled_result_renders_a_clear_all_agree_page():
    html = render(reconciled_result())
    assert "✓ Reconciled: Pet Manager and Xero agree" in html
    assert "All 3,322 Pet Manager records in the period are in Xero and equal" in html
    assert "Nothing to do." in html
    assert "Not reconciled" not in html
    assert "No differences: every Pet Manager record in the period is in Xero and equal" in html
    assert "Every customer's balance agrees." in html
    assert "✓ agrees" in html  # the clearing account
    assert 'class="hl"' not in html and "num hl" not in html


def test_totals_that_differ_without_differences_are_not_called_nothing_to_do():
    result = reconciled_result()
    result.totals[0] = replace(result.totals[0], xero=Decimal("51032.10"))
    html = render(result)
    assert "✓ Reconciled" in html and "Nothing to do." not in html
    assert "differ with no record to explain them" in html


def test_long_lists_show_the_first_rows_and_point_to_the_csv():
    html = render(audit_result(extra=1_000))
    assert html.count("<tr id=\"d-") == 300 + 6  # 300 "different", one of each other category
    assert "Showing the first 300 of 1,001 differences of this kind." in html
    assert "<strong>701 more</strong> in <strong>audit-7-differences.csv</strong>" in html
    month_row = re.search(r"<bdi>Oct 2026</bdi></th>(.*?)</tr>", html, re.S).group(1)
    assert "<span>D1</span>" in month_row  # D1 (10.00) is not among the 300 largest: no dead link
    assert '<a href="#d-2">D2</a>' in month_row
    assert "and 995 more" in month_row  # 1,007 references, 12 shown
    assert 'data-filter' in html


def test_100_000_differences_still_make_a_report_under_5_mb():
    result = audit_result(extra=100_000, spread=True, changes=10_000, balances=10_000)
    html = render(result)
    assert len(html.encode("utf-8")) < 5_000_000
    assert html.count("<tr id=\"d-") == 7 * 300
    assert "<strong>13,987 more</strong> in <strong>audit-7-differences.csv" in html  # 14,287 "different"
    assert "9,699 more</strong> in <strong>audit-7.xlsx (sheet “changes”)" in html  # 9,999 on the Pet Manager side
    assert "9,700 more</strong> in <strong>audit-7.xlsx (sheet “balances”)" in html


def test_new_means_first_found_by_this_audit():
    result = audit_result()
    assert [is_new(result, d) for d in result.differences] == [True, False, True, True, True, False, True]
    assert is_new(result, replace(result.differences[1], first_seen=None))


def test_the_three_files_are_written_beside_each_other(ws, tmp_path):
    out = tmp_path / "reports"
    html_path = write_audit_report(ws, audit_result(), out, generated_at=GENERATED)
    assert html_path == out / "audit-7.html"
    assert sorted(p.name for p in out.iterdir()) == ["audit-7-differences.csv", "audit-7.html", "audit-7.xlsx"]
    html = html_path.read_text(encoding="utf-8")
    assert "<h1><bdi>Happy Tails Boarding Kennels</bdi></h1>" in html  # from recon.toml
    assert "Amounts in AUD" in html
    assert {oct(p.stat().st_mode & 0o777) for p in out.iterdir()} == {"0o644"}


def test_without_a_workspace_the_organisation_names_the_report(tmp_path):
    html = write_audit_report(None, audit_result(), tmp_path, generated_at=GENERATED).read_text(encoding="utf-8")
    assert "<h1><bdi>Happy Tails Pty Ltd</bdi></h1>" in html
    assert "690.00 at stake" in html


def test_a_run_without_an_organisation_name_is_named_by_its_tenant_id(tmp_path):
    result = audit_result()
    result.run = replace(result.run, organisation="")
    html = write_audit_report(None, result, tmp_path, generated_at=GENERATED).read_text(encoding="utf-8")
    assert "<h1><bdi>6f1c0f5e-8a43-4b6e-9d0a-3c3f6d1b2a11</bdi></h1>" in html
    assert "(<bdi>6f1c0f5e-8a43-4b6e-9d0a-3c3f6d1b2a11</bdi>) still agree" in html


def test_the_csv_holds_every_difference_with_its_reference_and_neutralised_text(ws, tmp_path):
    result = audit_result(contact=FORMULA, extra=1_000)
    write_audit_report(ws, result, tmp_path, generated_at=GENERATED)
    with open(tmp_path / "audit-7-differences.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 1_007
    first = rows[0]
    assert first["Ref"] == "D1" and first["Category"] == "different" and first["What"] == "In Xero but different"
    assert first["Contact"] == "'=SUM(A1)"
    assert (first["Pet Manager amount"], first["Xero amount"], first["Difference"]) == ("120.00", "110.00", "10.00")
    assert first["Fields that differ"] == "amount, lines"
    assert first["Explains totals"] == "Month 2026-10; Account 200; Tax type OUTPUT"
    assert first["New since last audit"] == "true" and first["Date"] == "2026-10-03"
    assert rows[1]["Why"] == "failed write: Payment amount exceeds the amount due"
    assert rows[1]["Xero amount"] == "" and rows[1]["New since last audit"] == "false"
    assert rows[1]["First seen"] == PREVIOUS.isoformat()
    assert rows[-1]["Ref"] == "D1007"


def read_sheets(path: Path) -> dict[str, list[list[str | None]]]:
    """Every sheet of an XLSX as rows of cell texts, read from the raw XML (inline strings, as xlsxwriter
    writes them in constant-memory mode)."""
    with zipfile.ZipFile(path) as z:
        names = [s.get("name") for s in ET.fromstring(z.read("xl/workbook.xml")).iter(f"{XML}sheet")]
        sheets = {}
        for n, name in enumerate(names, start=1):
            rows = []
            for r in ET.fromstring(z.read(f"xl/worksheets/sheet{n}.xml")).iter(f"{XML}row"):
                cells = []
                for c in r.iter(f"{XML}c"):
                    if c.get("t") == "inlineStr":
                        cells.append("".join(c.find(f"{XML}is").itertext()))
                    else:
                        v = c.find(f"{XML}v")
                        cells.append(None if v is None else v.text)
                    assert c.find(f"{XML}f") is None  # never a formula
                rows.append(cells)
            sheets[name] = rows
    return sheets


def test_the_xlsx_has_a_sheet_for_each_part_of_the_audit(ws, tmp_path):
    write_audit_report(ws, audit_result(contact=FORMULA), tmp_path, generated_at=GENERATED)
    sheets = read_sheets(tmp_path / "audit-7.xlsx")
    assert list(sheets) == ["differences", "totals", "balances", "changes", "trend", "clearing"]
    differences = sheets["differences"]
    assert differences[0][:3] == ["Ref", "Category", "What"]
    assert len(differences) == 8
    assert differences[1][0] == "D1" and "'=SUM(A1)" in differences[1]
    assert "120" in differences[1] and "110" in differences[1]  # money as numbers
    totals = sheets["totals"]
    assert totals[2][:2] == ["month", "2026-10"] and totals[2][-1] == "D1 D2 D3 D4 D5 D6 D7"
    assert sheets["clearing"][1] == ["801", "30100", "526.75", "28000", "1573.25", "1188.25", "385"]
    assert len(sheets["trend"]) == 8 and len(sheets["changes"]) == 4 and len(sheets["balances"]) == 3


def test_an_unknown_category_or_dimension_still_renders():
    result = audit_result()
    result.differences.append(Difference("something_new", "refund", "5", None, None, None, None,
                                         Decimal("1.00"), None))
    html = render(result)
    assert "Something new" in html and '<tr id="d-8">' in html
