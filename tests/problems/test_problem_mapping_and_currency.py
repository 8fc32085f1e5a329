"""Step 2 mapping faults (from recon.mapping's own check) and a currency the organisation does not keep."""

from __future__ import annotations

from decimal import Decimal

from recon.check.findings import Problem
from problem_books import TENANT


def test_an_unmapped_tax_code(books):
    books.customer(1)
    books.invoice(1, "2025-02-03", [("GST", "110.00")])
    books.map(tax={"GST_FREE": "EXEMPTOUTPUT"})

    assert books.problems() == [Problem(
        "mapping", True,
        "mapping.tax.GST in recon.toml: no Xero tax type for tax code GST. Correct the mapping before the sync.",
        tenant_id=TENANT,
    )]


def test_a_tax_type_the_organisation_cannot_use_on_sales(books):
    books.customer(1)
    books.invoice(1, "2025-02-03", [("GST", "110.00")])
    books.tax_rate("INPUT", Decimal("10.0000"))
    books.con.execute("UPDATE xero_tax_rates SET can_apply_to_revenue = false WHERE tax_type = 'INPUT'")
    books.map(tax={"GST": "INPUT", "GST_FREE": "EXEMPTOUTPUT"})

    [problem] = books.problems()

    assert (problem.kind, problem.blocking) == ("mapping", True)
    assert problem.message == (
        "mapping.tax.GST in recon.toml: tax type INPUT 'INPUT' cannot be used on sales. "
        "Correct the mapping before the sync.")


def test_a_tax_type_that_does_not_exist_in_the_organisation(books):
    books.customer(1)
    books.invoice(1, "2025-02-03", [("GST", "110.00")])
    books.map(tax={"GST": "OUTPUT9", "GST_FREE": "EXEMPTOUTPUT"})

    assert [p.message for p in books.problems()] == [
        "mapping.tax.GST in recon.toml: tax type OUTPUT9 does not exist for a AU organisation. "
        "Correct the mapping before the sync."]


def test_an_organisation_in_another_currency(books):
    books.organisation(base_currency="NZD")

    assert books.problems() == [Problem(
        "currency", True,
        "Pet Manager's business 'Happy Tails Boarding Kennels' works in AUD but the Xero organisation "
        "'Happy Tails Boarding Kennels' keeps its books in NZD: every document would be pushed in a foreign currency. "
        "Connect the organisation that keeps the books in AUD.",
        tenant_id=TENANT,
    )]


def test_the_currency_is_taken_from_the_snapshot_not_from_recon_toml(books):
    books.business(currency="GBP")

    [problem] = books.problems()

    assert problem.kind == "currency"
    assert "works in GBP" in problem.message
