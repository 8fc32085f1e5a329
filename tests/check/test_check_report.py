"""`write_check_report` on a small workspace: a kennel whose bookkeeper typed a few of Pet Manager's
records into Xero by hand, written straight into the snapshot tables, with a hand-made check result."""

from __future__ import annotations

import csv
import datetime as dt
import re
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal

import pytest

import queries
import recon.check.report as check_report
from recon.check.findings import Duplicate, Link, Problem, Window
from recon.check.report import write_check_report
from recon.check.run import CheckResult, MonthTotals, ScopeRow
from recon.petmanager.columns import FILES
from recon.workspace import Workspace

PM, XERO = 1, 2
TENANT = "6f1c0f5e-8a43-4b6e-9d0a-3c3f6d1b2a11"
SCRIPT_NAME = "<script>alert(1)</script>"
FORMULA = "=SUM(A1)"
XML = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

CONFIG = f"""
[business]
name = "Happy Tails (from recon.toml)"
country = "AU"
currency = "AUD"
timezone = "Australia/Sydney"

[[organisations]]
tenant_id = "{TENANT}"
name = "Happy Tails (configured)"
locations = [1]

[numbering]
invoice_prefix = "INV"

[mapping.payment_methods]
eftpos = "090"
"""


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.fixture
def ws(tmp_path) -> Workspace:
    (tmp_path / "recon.toml").write_text(CONFIG, encoding="utf-8")
    ws = Workspace(tmp_path)
    con = ws.connect()
    con.execute(queries.load("xero/schema"))
    for spec in FILES:
        columns = ", ".join(f'"{c.name}" {c.kind.sql_type}' for c in spec.columns)
        con.execute(f'CREATE TABLE "pm_{spec.stem}" ("snapshot_id" INTEGER, "_row" INTEGER, {columns})')
    con.execute('CREATE TABLE "pm_business" ("snapshot_id" INTEGER, "_row" INTEGER, "business_name" VARCHAR, '
                '"currency" VARCHAR)')

    def insert(table: str, **values) -> None:
        names = ", ".join(f'"{k}"' for k in values)
        con.execute(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" for _ in values)})', list(values.values()))

    def pm(table: str, **values) -> None:
        insert(f"pm_{table}", snapshot_id=PM, _row=2, **values)

    def xero(table: str, **values) -> None:
        insert(f"xero_{table}", snapshot_id=XERO, tenant_id=TENANT, **values)

    pm("business", business_name="Happy Tails Boarding Kennels", currency="AUD")
    xero("organisation", name="Happy Tails Pty Ltd", base_currency="AUD")
    # Pet Manager: a customer with a hostile name, her invoice (a line that looks like a formula),
    # its payment, an overpayment and a credit note; and a second customer
    pm("customers", customer_id=812, first_name=SCRIPT_NAME, last_name="Smith", email="jane@example.com",
       phone="0412 345 678", address_line1="12 High St", suburb="Newtown", postcode="2042", is_active=True)
    pm("customers", customer_id=813, first_name="Ari", last_name="Papadopoulos", is_active=True)
    pm("invoices", invoice_id=452, invoice_number="10452", customer_id=812, invoice_date=day("2025-07-03"),
       due_date=day("2025-07-03"), status="paid", amounts_include_tax=True, subtotal=Decimal("385.00"),
       tax_total=Decimal("35.00"), total=Decimal("385.00"), booking_ref="BK-88213", location_id=1)
    pm("invoice_lines", invoice_id=452, line_number=1, item_code="BOARD-DOG", description=FORMULA,
       quantity=Decimal("3"), unit_price=Decimal("110"), tax_code="GST", line_amount=Decimal("330.00"))
    pm("invoice_lines", invoice_id=452, line_number=2, item_code="GROOM", description="Bath on departure",
       quantity=Decimal("1"), unit_price=Decimal("55"), tax_code="GST", line_amount=Decimal("55.00"))
    pm("payments", payment_id=8812, invoice_id=452, customer_id=812, payment_date=day("2025-07-05"),
       amount=Decimal("385.00"), method="eftpos", status="completed", location_id=1)
    pm("overpayments", overpayment_id=31, customer_id=813, payment_date=day("2025-08-01"), amount=Decimal("100.00"),
       method="bank_transfer", location_id=1)
    pm("credit_notes", credit_note_id=213, credit_note_number="CN-0213", customer_id=813,
       credit_date=day("2025-09-10"), status="issued", amounts_include_tax=True, subtotal=Decimal("55.00"),
       tax_total=Decimal("5.00"), total=Decimal("55.00"), reason="Bath not done", location_id=1)
    pm("credit_note_lines", credit_note_id=213, line_number=1, item_code="GROOM", description="Bath refunded",
       quantity=Decimal("1"), unit_price=Decimal("55"), tax_code="GST", line_amount=Decimal("55.00"))
    # Xero, typed by hand: the customer without her CN suffix, the invoice as one line two days
    # later with Pet Manager's number in Reference, its payment, the overpayment, the credit note
    xero("contacts", contact_id="c-jane", name=f"Smith, {SCRIPT_NAME}", email="JANE@example.com",
         phones=["+61412345678"], address_line1="12 High Street", city="Newtown", postal_code="2042",
         contact_status="ACTIVE")
    xero("contacts", contact_id="c-ari", name="A Papadopoulos", contact_status="ACTIVE")
    xero("invoices", invoice_id="x-inv", type="ACCREC", invoice_number="INV-0042", reference="PM 10452",
         contact_id="c-jane", contact_name=f"Smith, {SCRIPT_NAME}", date=day("2025-07-05"), status="PAID",
         total=Decimal("385.00"))
    xero("invoice_lines", invoice_id="x-inv", line_no=1, description="Rex boarding + bath", quantity=Decimal("1"),
         unit_amount=Decimal("385"), line_amount=Decimal("385.00"))
    xero("payments", payment_id="x-pay", date=day("2025-07-05"), amount=Decimal("385.00"), status="AUTHORISED",
         invoice_id="x-inv", contact_id="c-jane", account_code="091")
    xero("overpayments", overpayment_id="x-over", type="RECEIVE-OVERPAYMENT", contact_id="c-ari",
         contact_name="A Papadopoulos", date=day("2025-08-02"), status="AUTHORISED", total=Decimal("100.01"))
    xero("bank_transactions", bank_transaction_id="x-bank", overpayment_id="x-over", bank_account_code="092",
         reference="Ari credit")
    xero("credit_notes", credit_note_id="x-cn", type="ACCRECCREDIT", credit_note_number="CN-7", reference="CN-0213",
         contact_id="c-ari", contact_name="A Papadopoulos", date=day("2025-09-30"), status="AUTHORISED",
         total=Decimal("50.00"))
    xero("credit_note_lines", credit_note_id="x-cn", line_no=1, description="Refund", quantity=Decimal("1"),
         unit_amount=Decimal("50"), line_amount=Decimal("50.00"))
    con.close()
    return ws


def duplicate(kind: str, pm_id: int, xero_id: str, tier: str, *reasons: str) -> Duplicate:
    return Duplicate(kind, pm_id, xero_id, TENANT, {"certain": 0.999, "likely": 0.97, "possible": 0.6}[tier], tier,
                     reasons or ("same amount",))


def check_result(duplicates: list[Duplicate]) -> CheckResult:
    return CheckResult(
        run_id=7, ran_at=dt.datetime(2026, 11, 25, 20, 0, tzinfo=dt.timezone.utc), window=Window(day("2025-07-01")),
        pm_snapshot=PM, xero_snapshots={TENANT: XERO},
        links=[Link("invoice", 400 + n, f"x-linked-{n}", TENANT, f"InvoiceNumber INV{10400 + n}") for n in range(3)],
        duplicates=duplicates,
        problems=[
            Problem("tax_rounding", False, "Invoice 10011: Xero's per-line tax lands 38.85, not 38.84.", "invoice", 11,
                    tenant_id=TENANT),
            Problem("payment_before_start", True, f"{FORMULA} pays invoice 10001 from before the start date.",
                    "payment", 8001, tenant_id=TENANT),
        ],
        scope=[
            ScopeRow("contact", None, 2, 0, 1, 1, Decimal("0")),
            ScopeRow("invoice", "2025-07", 40, 30, 1, 9, Decimal("1250.50")),
            ScopeRow("invoice", "2025-08", 42, 35, 0, 7, Decimal("990.00")),
            ScopeRow("payment", "2025-07", 38, 30, 1, 7, Decimal("1100.00")),
        ],
        months={TENANT: [MonthTotals("2025-07", Decimal("5120.50"), 40, Decimal("4255.00"), 31),
                         MonthTotals("2025-08", Decimal("4990.00"), 42, Decimal("4000.00"), 35)]},
    )


ALL = [
    duplicate("invoice", 452, "x-inv", "certain", "Pet Manager number 10452 in Xero's Reference", "dated 2 days later"),
    duplicate("contact", 812, "c-jane", "likely", "same email", "same phone"),
    duplicate("payment", 8812, "x-pay", "likely"),
    duplicate("overpayment", 31, "x-over", "possible", "amount 100.01, 1 cent from 100.00"),
    duplicate("credit_note", 213, "x-cn", "possible", f"{FORMULA} looks like a formula"),
]


def card(html: str, title: str) -> str:
    start = html.index(title)
    return html[start:html.index("</article>", start)]


def read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def read_sheets(path) -> dict[str, list[list[str]]]:
    """Every sheet of the workbook as rows of cell texts (numbers as written)."""
    with zipfile.ZipFile(path) as z:
        names = [s.get("name") for s in ET.fromstring(z.read("xl/workbook.xml")).iter(f"{XML}sheet")]
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            shared = ["".join(si.itertext()) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(f"{XML}si")]
        sheets = {}
        for n, name in enumerate(names, start=1):
            rows = []
            for row in ET.fromstring(z.read(f"xl/worksheets/sheet{n}.xml")).iter(f"{XML}row"):
                cells = []
                for c in row.iter(f"{XML}c"):
                    if c.get("t") == "s":
                        cells.append(shared[int(c.find(f"{XML}v").text)])
                    elif c.get("t") == "inlineStr":
                        cells.append("".join(c.find(f"{XML}is").itertext()))
                    else:
                        cells.append(c.find(f"{XML}v").text)
                rows.append(cells)
            sheets[name] = rows
    return sheets


def test_the_report_files_are_written_beside_each_other_in_the_reports_folder(ws):
    paths = write_check_report(ws, check_result(ALL))
    assert paths.html == ws.root / "reports" / "check-7.html"
    assert paths.csv == ws.root / "reports" / "check-7-duplicates.csv"
    assert paths.xlsx == ws.root / "reports" / "check-7.xlsx"
    assert all(p.is_file() for p in (paths.html, paths.csv, paths.xlsx))


def test_the_header_names_come_from_the_snapshots(ws):
    html = write_check_report(ws, check_result(ALL)).html.read_text(encoding="utf-8")
    assert "<h1><bdi>Happy Tails Boarding Kennels</bdi></h1>" in html
    assert "Happy Tails Pty Ltd" in html and "(configured)" not in html
    assert "1 Jul 2025 – to the last record" in html


def test_each_duplicate_shows_both_sides_with_its_evidence(ws):
    html = write_check_report(ws, check_result(ALL)).html.read_text(encoding="utf-8")
    assert html.count('<article class="dup-card') == 5
    invoice = card(html, "Invoice 10452</bdi> ↔ <bdi>Invoice INV-0042")
    assert '<tr class="differs"><th scope="row">Number</th><td class="side"><bdi>10452</bdi></td>' in invoice
    assert '<tr class="close"><th scope="row">Date</th><td class="side">3 Jul 2025</td><td class="side">5 Jul 2025</td>' in invoice
    assert '<tr class="agrees"><th scope="row">Contact</th>' in invoice  # "Smith, Jane" is "Jane Smith"
    assert '<tr class="agrees"><th scope="row">Amount</th>' in invoice
    assert '<tr class="agrees"><th scope="row">Reference</th><td class="side"><bdi>BK-88213</bdi></td><td class="side"><bdi>PM 10452</bdi></td>' in invoice
    assert f"<td><bdi>{FORMULA}</bdi></td>" in invoice and "Rex boarding + bath" in invoice  # the lines
    assert '<td class="num">3</td><td class="num">110.00</td><td class="num">330.00</td>' in invoice
    assert "Pet Manager number 10452 in Xero&#39;s Reference" in invoice
    contact = card(html, "Customer 812 &lt;script&gt;alert(1)&lt;/script&gt; Smith</bdi> ↔ <bdi>Contact Smith, ")
    for label in ("Email", "Phone", "Postcode"):
        assert f'<tr class="agrees"><th scope="row">{label}</th>' in contact
    assert '<tr class="close"><th scope="row">Street</th>' in contact
    payment = card(html, "Payment id 8812")
    assert '<tr class="differs"><th scope="row">Paid into</th><td class="side"><bdi>eftpos → 090</bdi></td><td class="side"><bdi>091</bdi></td>' in payment
    assert '<tr class="unscored"><th scope="row">Invoice paid</th>' in payment  # 10452 vs INV-0042 says nothing
    overpayment = card(html, "Overpayment id 31")
    assert '<tr class="close"><th scope="row">Amount</th><td class="side">100.00</td><td class="side">100.01</td>' in overpayment
    assert '<tr class="close"><th scope="row">Contact</th>' in overpayment  # A Papadopoulos
    credit = card(html, "Credit note CN-0213</bdi> ↔ <bdi>Credit note CN-7")
    assert '<tr class="differs"><th scope="row">Amount</th>' in credit
    assert '<tr class="differs"><th scope="row">Date</th>' in credit  # 20 days apart


def test_a_customer_named_like_a_script_is_escaped_everywhere(ws):
    html = write_check_report(ws, check_result(ALL)).html.read_text(encoding="utf-8")
    assert SCRIPT_NAME not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Smith" in html
    assert html.count("<script") == 1


def test_the_sections_summarise_the_result(ws):
    html = write_check_report(ws, check_result(ALL)).html.read_text(encoding="utf-8")
    assert "totalling 1,250.50 AUD" not in html  # two months of invoices: 16 to create, 2,240.50
    assert "totalling 2,240.50 AUD" in html
    assert html.index("Payment before start") < html.index("Tax rounding")  # blocking first
    assert "InvoiceNumber INV10400" in html
    assert html.count("<svg") == 2  # months, and where the duplicates sit in time
    assert "certain (1)" in html and "likely (1)" in html and "possible (2)" in html  # the contact is not dated


def test_the_report_shows_the_first_duplicates_but_the_exports_hold_every_finding(ws, monkeypatch):
    monkeypatch.setattr(check_report, "DUPLICATES_SHOWN", 2)
    paths = write_check_report(ws, check_result(ALL))
    html = paths.html.read_text(encoding="utf-8")
    assert html.count('<article class="dup-card') == 2
    assert "<strong>3 more</strong> in <strong>check-7-duplicates.csv</strong>" in html
    rows = read_csv(paths.csv)
    assert [(r["Kind"], r["Pet Manager id"], r["Tier"]) for r in rows] == [
        ("invoice", "452", "certain"), ("contact", "812", "likely"), ("payment", "8812", "likely"),
        ("overpayment", "31", "possible"), ("credit_note", "213", "possible")]
    assert rows[0]["Organisation"] == "Happy Tails Pty Ltd"
    assert rows[0]["Reasons"] == "Pet Manager number 10452 in Xero's Reference; dated 2 days later"
    assert rows[4]["Reasons"] == f"'{FORMULA} looks like a formula"  # neutralised: text, never a formula
    sheets = read_sheets(paths.xlsx)
    assert list(sheets) == ["duplicates", "problems", "would send", "links"]
    assert len(sheets["duplicates"]) == 1 + 5 and len(sheets["links"]) == 1 + 3 and len(sheets["would send"]) == 1 + 4
    problems = sheets["problems"]
    assert problems[0] == ["Organisation", "Problem", "Blocking", "Record kind", "Pet Manager id", "Xero id", "Message"]
    assert f"'{FORMULA} pays invoice 10001 from before the start date." in problems[2]


def test_a_clean_check_gives_a_clean_report(ws):
    result = check_result([])
    result = CheckResult(result.run_id, result.ran_at, result.window, PM, {TENANT: XERO}, [], [], [], [], {TENANT: []})
    paths = write_check_report(ws, result)
    html = paths.html.read_text(encoding="utf-8")
    assert "No suspected duplicates" in html and "No problems: nothing found" in html
    assert read_csv(paths.csv) == []
    assert re.search(r"Suspected duplicates \(0\)", html)


def test_a_sheet_longer_than_excel_allows_continues_on_the_next_sheet(ws, monkeypatch):
    monkeypatch.setattr(check_report, "EXCEL_MAX_ROWS", 3)  # a header and two rows a sheet
    sheets = read_sheets(write_check_report(ws, check_result(ALL)).xlsx)
    assert list(sheets) == ["duplicates", "duplicates 2", "duplicates 3", "problems", "would send", "would send 2",
                            "links", "links 2"]
    assert [len(sheets[name]) for name in ("duplicates", "duplicates 2", "duplicates 3", "links", "links 2")] == [3, 3, 2, 3, 2]
    assert sheets["links 2"][1][1:] == ["invoice", "402", "x-linked-2", "InvoiceNumber INV10402"]


def test_more_links_than_a_sheet_should_hold_go_to_a_csv_of_their_own(ws, monkeypatch):
    monkeypatch.setattr(check_report, "XLSX_MAX_ROWS", 2)
    monkeypatch.setattr(check_report, "LINKS_SHOWN", 1)
    paths = write_check_report(ws, check_result(ALL))
    assert paths.links_csv == ws.root / "reports" / "check-7-links.csv"
    rows = read_csv(paths.links_csv)
    assert [(r["Kind"], r["Pet Manager id"], r["Linked by"]) for r in rows] == [
        ("invoice", str(400 + n), f"InvoiceNumber INV{10400 + n}") for n in range(3)]
    assert list(read_sheets(paths.xlsx)) == ["problems", "would send"]  # the 5 duplicates are over 2 as well
    assert "<strong>2 more</strong> in <strong>check-7-links.csv</strong>" in paths.html.read_text(encoding="utf-8")


def test_more_duplicates_than_a_sheet_should_hold_are_in_their_csv_only(ws, monkeypatch):
    monkeypatch.setattr(check_report, "XLSX_MAX_ROWS", 4)
    paths = write_check_report(ws, check_result(ALL))
    assert len(read_csv(paths.csv)) == 5
    assert list(read_sheets(paths.xlsx)) == ["problems", "would send", "links"]


def test_a_few_links_stay_in_the_workbook(ws):
    paths = write_check_report(ws, check_result(ALL))
    assert paths.links_csv is None
    assert not (ws.root / "reports" / "check-7-links.csv").exists()


def test_what_two_organisations_would_be_sent_is_shown_month_by_month_together(ws):
    result = check_result(ALL)
    other = "00000000-0000-4000-8000-0000000000b2"
    scope = [*result.scope, ScopeRow("invoice", "2025-07", 5, 1, 0, 4, Decimal("200.00"), other)]
    paths = write_check_report(ws, CheckResult(result.run_id, result.ran_at, result.window, PM, result.xero_snapshots,
                                               result.links, ALL, result.problems, scope, result.months))
    sent = read_sheets(paths.xlsx)["would send"]
    assert len(sent) == 1 + 4  # the other organisation's July invoices join North's row
    july = [row for row in sent[1:] if row[0] == "invoice"][0]  # by kind, then month
    assert july[2:6] == ["45", "31", "1", "13"]
