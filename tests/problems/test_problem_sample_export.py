"""The real sample export (../shared/petmanager-export/sample), read by recon.petmanager.load_export."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from recon.config import CodeMapping
from recon.petmanager import load_export
from problem_books import CONFIG, PM_SNAPSHOT, Books

SAMPLE = Path("/work/shared/petmanager-export/sample")
ITEMS = ("BATH", "BOARD-CAT", "BOARD-DOG", "DAYCARE", "GROOM-NAIL", "MEDS", "RETAIL", "ADJUST")

pytestmark = pytest.mark.skipif(not SAMPLE.is_dir(), reason="the shared sample export is not here")


@pytest.fixture
def sample(books: Books) -> Books:
    books.con.execute('DELETE FROM "pm_business"')
    books.con.execute('DELETE FROM "pm_locations"')
    load_export(SAMPLE, books.con, schema="pm_stage")
    tables = books.con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'pm_stage'").fetchall()
    for (table,) in tables:
        books.con.execute(f'INSERT INTO "pm_{table}" BY NAME SELECT ? AS snapshot_id, * FROM "pm_stage"."{table}"',
                          [PM_SNAPSHOT])
    books.config = replace(CONFIG, mapping=CodeMapping(
        items={item: "200" for item in ITEMS},
        tax={"GST": "OUTPUT", "GST_FREE": "EXEMPTOUTPUT"},
        payment_methods={method: "090" for method in ("cash", "eftpos", "credit_card", "bank_transfer", "stripe")},
        accounts={"overpayments": "610", "rounding": "860", "stripe_clearing": "090", "stripe_payout_bank": "090",
                  "stripe_fees": "860", "platform_fees": "860"},
    ))
    return books


def test_invoice_10011_needs_a_rounding_line(sample):
    problems = sample.problems(start="2024-01-01")

    rounding = [p for p in problems if p.kind == "tax_rounding"]
    assert [(p.petmanager_id, p.blocking, p.message) for p in rounding] == [(
        11, False,
        "invoice 10011 of 2024-04-15 totals 38.84 in Pet Manager but Xero, taxing each line, would total 38.85: "
        "it needs a rounding adjustment of -0.01 to account 860.",
    )]


def test_the_stripe_deposit_paid_before_the_start_date(sample):
    problems = sample.problems(start="2024-01-01")

    assert [(p.kind, p.record_kind, p.petmanager_id) for p in problems if p.kind != "tax_rounding"] == [
        ("paid_before_start", "payment", 1),
    ]


def test_a_later_start_date_strands_the_money_of_earlier_invoices(sample):
    problems = sample.problems(start="2024-01-10")

    assert [p.message for p in problems if p.kind != "tax_rounding"] == [
        "payment 2 of 2024-01-12 pays invoice 10001, dated 2024-01-08, before the start date 2024-01-10: "
        "move the start date back or record that payment by hand in Xero",
        "allocation 1 of 2024-01-13 applies 65.00 to invoice 10001, dated 2024-01-08, before the start date "
        "2024-01-10: move the start date back or make that allocation by hand in Xero",
    ]
