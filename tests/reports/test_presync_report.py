"""The pre-sync report rendered from hand-built data: a kennel business about to back-sync a year."""

import tempfile
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from reports.header import ReportHeader
from reports.presync import (
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

SCRIPT_NAME = "<script>alert(1)</script>"
FORMULA = "=SUM(A1)"
ORG = "Happy Tails Pty Ltd"
SCREENSHOTS = Path(tempfile.gettempdir()) / "recon-report-screenshots"  # for a person to look at
PNG = b"\x89PNG\r\n\x1a\n"


def invoice_card(n: int, *, customer: str = "Jane Smith", description: str = "Boarding, 3 nights (Rex)") -> DuplicateCard:
    day = date(2025, 7, 1) + timedelta(days=n % 360)
    return DuplicateCard(
        kind="invoice", tier=("certain", "likely", "possible")[n % 3], confidence=0.999 - (n % 3) * 0.1,
        organisation=ORG, petmanager_label=f"Invoice {10452 + n}", xero_label=f"Invoice INV-{42 + n:04d}",
        petmanager_id=452 + n, xero_id=f"9b2c6a1e-0000-4000-8000-{n:012d}",
        fields=(
            Field("Number", str(10452 + n), f"INV-{42 + n:04d}", "differs"),
            Field("Date", day, day + timedelta(days=2), "close"),
            Field("Contact", customer, f"Smith, Jane", "agrees"),
            Field("Amount", Decimal("385.00"), Decimal("385.00"), "agrees"),
            Field("Reference", "BK-88213", f"PM {10452 + n}", "agrees"),
            Field("Status", "paid", "AUTHORISED"),
        ),
        petmanager_lines=(
            Line(description, Decimal("3.0000"), Decimal("110.0000"), Decimal("330.00")),
            Line("Bath on departure", Decimal("1.0000"), Decimal("55.0000"), Decimal("55.00")),
        ),
        xero_lines=(Line("Rex boarding + bath", Decimal("1.0000"), Decimal("385.0000"), Decimal("385.00")),),
        reasons=(f"Pet Manager number {10452 + n} in Xero's Reference", "same amount 385.00",
                 "dated 2 days later", f"contact 'Smith, Jane' is a hand-made twin of {customer} CN812 (likely)"),
    )


def contact_card() -> DuplicateCard:
    return DuplicateCard(
        kind="contact", tier="likely", confidence=0.97, organisation=ORG,
        petmanager_label="Customer 812", xero_label="Contact J Papadopoulos", petmanager_id=812,
        xero_id="0d5e7f3a-1111-4000-8000-000000000812",
        fields=(
            Field("Name", "Joanna Papadopoulos", "J Papadopoulos", "close"),
            Field("Email", "jo@example.com", "jo@example.com", "agrees"),
            Field("Phone", "0412 345 678", "+61412345678", "agrees"),
            Field("Street", "12 High St", "12 High Street", "close"),
            Field("Postcode", "2000", None),
        ),
        petmanager_lines=(), xero_lines=(),
        reasons=("family name Papadopoulos (rare)", "same email", "same phone"),
    )


def presync_data(*, customer: str = "Jane Smith", description: str = "Boarding, 3 nights (Rex)",
                 duplicates: int = 6, shown: int = 6, links: int = 3) -> PresyncReportData:
    months = tuple(date(2025 + (m + 6) // 12, (m + 6) % 12 + 1, 1) for m in range(12))
    cards = (contact_card(),) + tuple(invoice_card(n, customer=customer, description=description) for n in range(shown - 1))
    return PresyncReportData(
        header=ReportHeader(
            title="Before the back-sync", business="Happy Tails Boarding Kennels", organisations=(ORG,),
            currency="AUD", generated_at=datetime(2026, 11, 25, 19, 40, tzinfo=timezone.utc), recon_version="0.1.0",
            period_start=date(2025, 7, 1), period_end=date(2026, 6, 30),
        ),
        send_by_kind=(
            SendRow("contact", None, 1842, 1700, 3, 139, Decimal("0")),
            SendRow("invoice", None, 21406, 19870, 4, 1532, Decimal("52311.45")),
            SendRow("payment", None, 20977, 19440, 1, 1536, Decimal("50102.10")),
        ),
        send_by_month=TopRows(
            tuple(SendRow("invoice", m, 1780, 1650, 1, 129, Decimal("4359.30")) for m in months), 12, "check-7.xlsx"),
        months=(OrganisationMonths(ORG, tuple(
            MonthTotal(m, Decimal("48210.50") + i, 1700 + i, Decimal("44120.10") if i != 5 else Decimal("91000.00"), 1650)
            for i, m in enumerate(months))),),
        duplicate_counts=(DuplicateCounts("contact", 0, 1, 0), DuplicateCounts("invoice", 2, 2, 1)),
        duplicate_days=tuple(DuplicateDay(date(2025, 7, 1) + timedelta(days=n % 360), ("certain", "likely", "possible")[n % 3], 1)
                             for n in range(duplicates)),
        duplicates=TopRows(cards, duplicates, "check-7-duplicates.csv"),
        problems=(
            ProblemGroup("payment_before_start", True, TopRows((
                ProblemRow("payment id 8812", ORG, "Pays invoice 10011, dated 28 Jun 2025, before the start date. "
                                                   "Move the start date back or leave the payment out."),), 1)),
            ProblemGroup("tax_rounding", False, TopRows(tuple(
                ProblemRow(f"invoice id {11 + n}", ORG, f"Xero's per-line tax lands 38.85 instead of 38.84 ({customer}).")
                for n in range(3)), 40, "check-7.xlsx")),
        ),
        links=TopRows(tuple(LinkRow("invoice", 100 + n, f"aa00-{n}", ORG, f"InvoiceNumber INV{10100 + n}")
                            for n in range(links)), links, "check-7.xlsx"),
    )


def test_the_report_shows_the_glance_the_send_table_and_each_duplicate_side_by_side():
    html = render_presync_report(presync_data())
    assert "Before the back-sync report" in html
    assert "1,532" in html and "52,311.45" in html  # invoices it would create, and their total
    assert "1 Jul 2025 – 30 Jun 2026" in html
    assert html.count('<article class="dup-card') == 6
    assert "Invoice 10452</bdi> ↔ <bdi>Invoice INV-0042" in html
    assert '<tr class="differs"><th scope="row">Number</th>' in html
    assert '<tr class="agrees"><th scope="row">Amount</th><td class="side">385.00</td><td class="side">385.00</td>' in html
    assert "✓ agrees" in html and "≈ close" in html and "✕ differs" in html
    assert "confidence 99.9%" in html
    assert "Pet Manager number 10452 in Xero&#39;s Reference" in html
    assert "<td class=\"num\">3</td>" in html  # a quantity of 3.0000 reads as 3
    assert "Payment before start" in html and "Tax rounding" in html
    assert html.index("Payment before start") < html.index("Tax rounding")  # blocking first
    assert "<strong>37 more</strong> in <strong>check-7.xlsx</strong>" in html
    assert html.count("<svg") == 2  # the months chart and the duplicates timeline


def test_a_customer_named_like_a_script_and_a_formula_description_are_shown_as_text():
    html = render_presync_report(presync_data(customer=SCRIPT_NAME, description=FORMULA))
    assert SCRIPT_NAME not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<script") == 1  # the report's own script only
    assert f"<td><bdi>{FORMULA}</bdi></td>" in html  # shown as typed: escaping is for spreadsheets


def test_a_long_list_of_duplicates_shows_the_first_ones_and_says_how_many_more():
    html = render_presync_report(presync_data(duplicates=1_000, shown=300))
    assert html.count('<article class="dup-card') == 300
    assert "Showing the first 300 of 1,000 suspected duplicates." in html
    assert "<strong>700 more</strong> in <strong>check-7-duplicates.csv</strong>" in html


def test_100_000_duplicates_still_make_a_report_under_5_mb():
    data = presync_data(duplicates=100_000, shown=300, links=500)
    data = replace(data, links=TopRows(data.links.rows, 1_000_000, "check-7.xlsx"))
    html = render_presync_report(data)
    assert len(html.encode("utf-8")) < 5_000_000
    assert "99,700 more" in html and "999,500 more" in html


def test_empty_sections_read_as_such():
    data = replace(presync_data(), duplicate_counts=(), duplicate_days=(), duplicates=TopRows((), 0), problems=(),
                   links=TopRows((), 0), months=(OrganisationMonths(ORG, ()),))
    html = render_presync_report(data)
    assert "No suspected duplicates" in html
    assert "No problems: nothing found" in html
    assert "Neither side has invoices in the window." in html
    assert "Showing the first" not in html


def test_inputs_are_checked():
    with pytest.raises(ValueError):
        Field("Amount", Decimal("1.00"), Decimal("1.00"), "same")
    with pytest.raises(ValueError):
        replace(contact_card(), tier="maybe")


@pytest.mark.browser
def test_the_report_opens_offline_quietly_and_shows_the_script_name_as_text(open_report, tmp_path):
    path = tmp_path / "check-7.html"
    write_report(path, render_presync_report(presync_data(customer=SCRIPT_NAME, description=FORMULA,
                                                          duplicates=1_000, shown=300)))
    report = open_report(path)
    assert report.console_problems == []
    assert report.page_errors == []
    assert report.requests == []
    assert report.dialogs == []
    page = report.page
    assert page.locator("script").count() == 1
    assert page.get_by_text(SCRIPT_NAME, exact=True).count() > 0
    assert page.get_by_text(FORMULA, exact=True).count() == 299  # one line on every invoice card
    assert page.locator("article.dup-card").count() == 300
    assert "700 more in check-7-duplicates.csv" in page.locator("#duplicates .more").inner_text()


@pytest.mark.browser
def test_a_screenshot_for_a_person_to_look_at(open_report, tmp_path):
    path = tmp_path / "check-7.html"
    write_report(path, render_presync_report(presync_data(customer=SCRIPT_NAME, description=FORMULA)))
    report = open_report(path)
    assert report.console_problems == [] and report.requests == []
    SCREENSHOTS.mkdir(exist_ok=True)
    assert report.screenshot(SCREENSHOTS / "presync.png").read_bytes().startswith(PNG)


@pytest.mark.browser
def test_the_report_prints_without_splitting_a_duplicate(open_report, tmp_path):
    path = tmp_path / "check-7.html"
    write_report(path, render_presync_report(presync_data()))
    report = open_report(path)
    page = report.page
    page.emulate_media(media="print")
    assert page.locator("article.dup-card").first.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    assert not page.locator("nav.toc").is_visible()
    assert page.pdf(path=str(tmp_path / "check-7.pdf"), format="A4").startswith(b"%PDF")
    SCREENSHOTS.mkdir(exist_ok=True)
    report.screenshot(SCREENSHOTS / "presync-print.png")
    assert report.console_problems == []
