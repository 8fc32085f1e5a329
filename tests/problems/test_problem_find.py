"""find_problems as a whole: which organisation, and the order problems come in."""

from __future__ import annotations

import pytest

from recon.check.findings import Window
from recon.errors import BadInput
from recon.problems import find_problems
from problem_books import PM_SNAPSHOT, XERO_SNAPSHOT, day


def test_blocking_problems_come_first(books):
    books.customer(1)
    books.invoice(452, "2025-01-28", [("GST", "120.00")], number="10452")
    books.payment(8812, 452, "2025-02-03", "120.00")
    books.organisation(base_currency="NZD")

    assert [(p.kind, p.blocking) for p in books.problems()] == [("currency", True), ("payment_before_start", False)]


def test_an_organisation_recon_toml_does_not_know_is_refused(books):
    with pytest.raises(BadInput, match="organisation 0000 is not in recon.toml"):
        find_problems(books.con, config=books.config, pm_snapshot=PM_SNAPSHOT, xero_snapshot=XERO_SNAPSHOT,
                      tenant_id="0000", window=Window(day("2025-02-01")))
