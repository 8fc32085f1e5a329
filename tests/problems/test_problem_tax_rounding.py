"""Xero taxes each line and rounds; Pet Manager taxes the total: the totals can miss by a cent."""

from __future__ import annotations

import random
from decimal import Decimal

from recon.check.findings import Problem, Window
from recon.problems.scope import Scope
from recon.problems.sql import fetch
from recon.problems.xero_tax import line_tax, xero_total
from problem_books import CONFIG, PM_SNAPSHOT, TAX, TENANT, XERO_SNAPSHOT, Books, day

D = Decimal
TEN = D("10.0000")


def test_line_tax_rounds_each_line_half_away_from_zero():
    assert line_tax(D("11.77"), TEN, amounts_include_tax=False) == D("1.18")
    assert line_tax(D("0.05"), TEN, amounts_include_tax=False) == D("0.01")
    assert line_tax(D("-0.05"), TEN, amounts_include_tax=False) == D("-0.01")
    assert line_tax(D("0.04"), TEN, amounts_include_tax=False) == D("0.00")
    assert line_tax(D("110.00"), TEN, amounts_include_tax=True) == D("10.00")
    assert line_tax(D("0.03"), D("20.0000"), amounts_include_tax=True) == D("0.01")  # 0.005 exactly


def test_xero_total_of_invoice_10011_is_a_cent_more_than_pet_managers():
    lines = [(D("11.77"), TEN)] * 3
    assert xero_total(lines, amounts_include_tax=False) == D("38.85")
    assert xero_total(lines, amounts_include_tax=True) == D("35.31")


def test_a_document_that_needs_a_rounding_line(books):
    books.customer(4)
    books.invoice(11, "2025-02-15", [("GST", "11.77")] * 3, number="10011", customer=4, inclusive=False)

    assert books.problems() == [Problem(
        "tax_rounding", False,
        "invoice 10011 of 2025-02-15 totals 38.84 in Pet Manager but Xero, taxing each line, would total 38.85: "
        "it needs a rounding adjustment of -0.01 to account 860.",
        record_kind="invoice", petmanager_id=11, tenant_id=TENANT,
    )]


def test_without_a_rounding_account_it_blocks(books):
    books.customer(4)
    books.invoice(11, "2025-02-15", [("GST", "11.77")] * 3, number="10011", customer=4, inclusive=False)
    books.map(accounts={"overpayments": "610"})

    rounding = [p for p in books.problems() if p.kind == "tax_rounding"]

    assert rounding == [Problem(
        "tax_rounding", True,
        "invoice 10011 of 2025-02-15 totals 38.84 in Pet Manager but Xero, taxing each line, would total 38.85: "
        "it needs a rounding adjustment of -0.01, but no rounding account is mapped. "
        "Set mapping.accounts.rounding in recon.toml.",
        record_kind="invoice", petmanager_id=11, tenant_id=TENANT,
    )]


def test_a_credit_note_that_needs_a_rounding_line(books):
    books.customer(4)
    books.credit_note(3, "2025-02-15", [("GST", "0.05")] * 2, number="CN-0003", customer=4, inclusive=False)

    [problem] = books.problems()

    assert (problem.kind, problem.record_kind, problem.petmanager_id) == ("tax_rounding", "credit_note", 3)
    assert problem.message == (
        "credit note CN-0003 of 2025-02-15 totals 0.11 in Pet Manager but Xero, taxing each line, would total 0.12: "
        "it needs a rounding adjustment of -0.01 to account 860.")


def test_tax_inclusive_lines_always_land_the_total(books):
    books.customer(4)
    books.invoice(11, "2025-02-15", [("GST", "11.77")] * 3, customer=4, inclusive=True)

    assert books.problems() == []


def test_drafts_and_documents_outside_the_window_are_not_checked(books):
    books.customer(4)
    books.invoice(11, "2025-02-15", [("GST", "11.77")] * 3, customer=4, inclusive=False, status="draft")
    books.invoice(12, "2025-01-15", [("GST", "11.77")] * 3, customer=4, inclusive=False)

    assert books.problems() == []


def test_a_document_with_an_unmapped_tax_code_is_left_to_the_mapping_check(books):
    books.customer(4)
    books.invoice(11, "2025-02-15", [("GST", "11.77")] * 3, customer=4, inclusive=False)
    books.map(tax={"GST_FREE": "EXEMPTOUTPUT"})

    assert [p.kind for p in books.problems()] == ["mapping"]


def test_the_sql_mirror_agrees_with_line_tax():
    """queries/problems/tax_rounding.sql computes what xero_total computes for tax-exclusive documents
    (tax-inclusive ones always total their line amounts): random lines at every rate, negative lines,
    and exact half cents."""
    rng = random.Random(20250201)
    books = Books()
    codes = list(TAX)
    expected = {}
    for invoice_id in range(1, 101):
        lines = [(rng.choice(codes), f"{D(rng.randint(-50_000, 500_000)) / 100:.2f}") for _ in range(rng.randint(1, 6))]
        if invoice_id <= 20:  # exact half cents at 10%
            lines = [("GST", f"{D(rng.randint(-200, 2000) * 10 + 5) / 100:.2f}") for _ in range(3)]
        books.invoice(invoice_id, "2025-02-15", lines, inclusive=False, total="-1.00")
        expected[invoice_id] = xero_total([(D(amount), TAX[code][1]) for code, amount in lines], False)
    scope = Scope.of(CONFIG, PM_SNAPSHOT, XERO_SNAPSHOT, TENANT, Window(day("2025-02-01")))
    params = {**scope.params(), "tax_codes": list(TAX), "tax_types": [t for t, _ in TAX.values()]}

    rows = fetch(books.con, "tax_rounding", params)

    assert {row.document_id: row.xero_total for row in rows} == expected
    books.con.close()


def test_a_document_already_in_xero_is_not_pushed_again(books):
    books.customer(4)
    books.invoice(11, "2025-02-15", [("GST", "11.77")] * 3, number="10011", customer=4, inclusive=False)
    books.xero_contact("c-4", "Jane Smith CN4", number="4")
    books.xero_invoice("x-11", "INV10011", "c-4", "2025-02-15", "38.84")

    assert books.problems() == []
