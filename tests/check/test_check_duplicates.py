"""`Duplicates`: the suspected duplicates as an Arrow table, read as a sequence of `Duplicate`."""

from __future__ import annotations

from recon.check.findings import Duplicate
from recon.matching import Duplicates

TENANT = "6f1c0f5e-8a43-4b6e-9d0a-3c3f6d1b2a11"


def duplicate(kind: str, pm_id: int, tier: str, confidence: float, *reasons: str) -> Duplicate:
    return Duplicate(kind, pm_id, f"x-{kind}-{pm_id}", TENANT, confidence, tier, reasons)


FOUND = [  # as the matcher finds them: kind by kind, each kind in no particular order
    duplicate("contact", 7, "likely", 0.95, "same email"),
    duplicate("invoice", 30, "likely", 0.97, "same amount 52.00", "dated 1 day later"),
    duplicate("invoice", 12, "certain", 0.999, "Reference '10012' holds Pet Manager number 10012"),
    duplicate("invoice", 11, "likely", 0.97),
    duplicate("payment", 5, "possible", 0.6, "same amount 20.00 (a common amount)"),
    duplicate("payment", 4, "certain", 0.999),
]


def test_read_back_as_found_reasons_and_all():
    assert list(Duplicates.of(FOUND)) == FOUND


def test_report_order_is_certain_first_then_kind_then_most_confident_then_id():
    ordered = Duplicates.of(FOUND).in_report_order()

    assert [(d.tier, d.kind, d.petmanager_id) for d in ordered] == [
        ("certain", "invoice", 12), ("certain", "payment", 4),
        ("likely", "contact", 7), ("likely", "invoice", 11), ("likely", "invoice", 30),
        ("possible", "payment", 5)]


def test_indexing_and_slicing_follow_the_report_order():
    ordered = Duplicates.of(FOUND).in_report_order()

    assert ordered[0] == FOUND[2]
    assert ordered[-1] == FOUND[4]
    assert ordered[3:5] == [FOUND[3], FOUND[1]]
    assert ordered[10:] == []
    assert len(ordered) == 6


def test_counts_by_kind_and_tier_include_the_kinds_found_none_of():
    counts = Duplicates.of(FOUND).counts()

    assert counts["invoice"] == {"certain": 1, "likely": 2, "possible": 0}
    assert counts["payment"] == {"certain": 1, "likely": 0, "possible": 1}
    assert counts["overpayment"] == {"certain": 0, "likely": 0, "possible": 0}


def test_adding_keeps_both_in_the_order_found():
    both = Duplicates.of(FOUND[:2]) + FOUND[2:]

    assert list(both) == FOUND
    assert list(Duplicates() + []) == []
