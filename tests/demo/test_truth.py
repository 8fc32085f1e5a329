"""The labelled truth covers every hand-entry pattern and trap, and every label is true of the records."""

from collections import Counter
from decimal import Decimal

import pytest

from recon.demo import patterns

PATTERN_TABLES = {
    "contact": patterns.CONTACT_NAMES + (patterns.CREATED_TWICE,),
    "invoice": patterns.INVOICE_NUMBERS + patterns.INVOICE_DIFFERENCES,
    "credit_note": patterns.CREDIT_NOTE_NUMBERS + patterns.CREDIT_NOTE_DIFFERENCES,
    "payment": patterns.PAYMENT_DIFFERENCES,
    "overpayment": patterns.OVERPAYMENT_DIFFERENCES,
}
BANK_OF = {"cash": "092", "eftpos": "090", "credit_card": "090", "bank_transfer": "090", "cheque": "090",
           "stripe": "091"}


def by_id(rows, key):
    return {int(row[key]): row for row in rows}


@pytest.mark.parametrize("kind", sorted(PATTERN_TABLES))
def test_every_pattern_has_a_few_instances(truth, kind):
    counts = Counter(p for d in truth["duplicates"] if d["kind"] == kind for p in d["patterns"])
    for pattern in PATTERN_TABLES[kind]:
        assert counts[pattern.name] >= max(2, pattern.minimum), (kind, pattern.name, counts)


def test_every_trap_has_a_few_instances(truth):
    counts = Counter(n["trap"] for n in truth["not_duplicates"])
    for trap in patterns.TRAPS:
        assert counts[trap.name] >= trap.minimum, (trap.name, counts)


def test_problems_the_check_must_find(truth):
    kinds = Counter(p["kind"] for p in truth["problems"])
    assert kinds["payment_invoice_before_start"] >= 3 and kinds["tax_rounding"] >= 1
    collisions = [p for p in truth["problems"] if p["kind"] == "invoice_number_collision"]
    assert any(p["xero_status"] == "VOIDED" for p in collisions)
    assert any(not p["duplicate"] for p in collisions) and any(p["duplicate"] for p in collisions)


def test_duplicates_are_one_to_one_in_the_window_and_never_linked(truth, export):
    window_from, window_to = truth["window"]
    dated = {"invoice": (by_id(export["invoices"], "invoice_id"), "invoice_date"),
             "credit_note": (by_id(export["credit_notes"], "credit_note_id"), "credit_date"),
             "payment": (by_id(export["payments"], "payment_id"), "payment_date"),
             "overpayment": (by_id(export["overpayments"], "overpayment_id"), "payment_date")}
    for duplicate in truth["duplicates"]:
        if duplicate["kind"] in dated:
            rows, column = dated[duplicate["kind"]]
            assert window_from <= rows[duplicate["petmanager_id"]][column] <= window_to, duplicate
    xero_ids = [d["xero_id"] for d in truth["duplicates"]]
    assert len(xero_ids) == len(set(xero_ids))
    documents = [(d["kind"], d["petmanager_id"]) for d in truth["duplicates"] if d["kind"] != "contact"]
    assert len(documents) == len(set(documents))
    assert not set(xero_ids) & {link["xero_id"] for link in truth["linked"]}
    pairs = {(d["kind"], d["petmanager_id"], d["xero_id"]) for d in truth["duplicates"]}
    assert not pairs & {(n["kind"], n["petmanager_id"], n["xero_id"]) for n in truth["not_duplicates"]}


def test_invoice_labels_are_true(truth, export, organisation):
    invoices = {i["InvoiceID"]: i for i in organisation["Invoices"]}
    rows = by_id(export["invoices"], "invoice_id")
    line_count = Counter(int(line["invoice_id"]) for line in export["invoice_lines"])
    for duplicate in (d for d in truth["duplicates"] if d["kind"] == "invoice"):
        record, row, labels = invoices[duplicate["xero_id"]], rows[duplicate["petmanager_id"]], duplicate["patterns"]
        total, pm_total = record["Total"], Decimal(row["total"])
        assert not record["Contact"]["Name"].endswith(f"CN{row['customer_id']}")
        assert ("date_shift" in labels) == (record["Date"] != row["invoice_date"])
        if "same_number" in labels:
            assert record["InvoiceNumber"] == "INV" + row["invoice_number"]
        else:
            assert record["InvoiceNumber"].startswith("INV-")
            assert ("number_in_reference" in labels) == (row["invoice_number"] in record["Reference"])
        if "exact" in labels or "date_shift" in labels[1:2]:
            assert total == pm_total or "per_line_tax" in labels
        if "rounding_cent" in labels:
            assert Decimal("0") < abs(total - pm_total) <= Decimal("0.02")
        if "ex_gst" in labels:
            assert abs(total - pm_total / Decimal("1.1")) <= Decimal("0.05")
        if "lines_merged" in labels:
            assert len(record["LineItems"]) == 1 < line_count[duplicate["petmanager_id"]]
        assert ("other_account" in labels) == all(line["AccountCode"] == "200" for line in record["LineItems"])


def test_contact_labels_are_true(truth, export, organisation):
    contacts = {c["ContactID"]: c for c in organisation["Contacts"]}
    customers = by_id(export["customers"], "customer_id")
    hand_made = Counter(d["petmanager_id"] for d in truth["duplicates"] if d["kind"] == "contact")
    for duplicate in (d for d in truth["duplicates"] if d["kind"] == "contact"):
        name, row = contacts[duplicate["xero_id"]]["Name"], customers[duplicate["petmanager_id"]]
        first, last, company = row["first_name"], row["last_name"], row["company_name"]
        label = duplicate["patterns"][0]
        assert "CN" + row["customer_id"] not in name
        expected = {
            "no_cn_suffix": company or f"{first} {last}", "family_name_first": f"{last}, {first}",
            "given_family_swapped": f"{last} {first}", "upper_case": (company or f"{first} {last}").upper(),
        }
        if label in expected:
            assert name.startswith(expected[label]), (label, name, row)
        elif label == "initial":
            assert name.startswith((f"{first[0]} {last}", f"{first[0]}. {last}")), (name, row)
        elif label == "typo":
            typed_last = name[len(first) + 1:].split(" (")[0]
            assert name.startswith(f"{first} ") and typed_last != last, (name, row)
            assert abs(len(typed_last) - len(last)) <= 1, (name, row)
        elif label == "company_abbreviation":
            assert company and name != company
        if "created_twice" in duplicate["patterns"]:
            assert hand_made[duplicate["petmanager_id"]] == 2


def test_money_labels_are_true(truth, export, organisation):
    payments = {p["PaymentID"]: p for p in organisation["Payments"]}
    overpayments = {o["OverpaymentID"]: o for o in organisation["Overpayments"]}
    receipts = {t["OverpaymentID"]: t for t in organisation["BankTransactions"] if t.get("OverpaymentID")}
    pm_payments = by_id(export["payments"], "payment_id")
    pm_overpayments = by_id(export["overpayments"], "overpayment_id")
    for duplicate in truth["duplicates"]:
        if duplicate["kind"] == "payment":
            record, row = payments[duplicate["xero_id"]], pm_payments[duplicate["petmanager_id"]]
            account, day = record["Account"]["Code"], record["Date"]
        elif duplicate["kind"] == "overpayment":
            record, row = overpayments[duplicate["xero_id"]], pm_overpayments[duplicate["petmanager_id"]]
            account, day = receipts[duplicate["xero_id"]]["BankAccount"]["Code"], record["Date"]
        else:
            continue
        label = duplicate["patterns"][0]
        assert record.get("Amount", record.get("Total")) == Decimal(row["amount"])
        assert (label == "date_shift") == (day != row["payment_date"])
        assert (label == "other_bank_account") == (account != BANK_OF[row["method"]])


def test_credit_note_labels_are_true(truth, export, organisation):
    notes = {n["CreditNoteID"]: n for n in organisation["CreditNotes"]}
    rows = by_id(export["credit_notes"], "credit_note_id")
    for duplicate in (d for d in truth["duplicates"] if d["kind"] == "credit_note"):
        record, row = notes[duplicate["xero_id"]], rows[duplicate["petmanager_id"]]
        numbering, difference = duplicate["patterns"]
        assert (numbering == "same_number") == (record["CreditNoteNumber"] == row["credit_note_number"])
        assert (difference == "date_shift") == (record["Date"] != row["credit_date"])
        assert (difference == "ex_gst") == (record["Total"] != Decimal(row["total"]))


def test_traps_look_like_what_they_are_named(truth, export, organisation):
    invoices = {i["InvoiceID"]: i for i in organisation["Invoices"]}
    rows = by_id(export["invoices"], "invoice_id")
    copied = {d["xero_id"]: rows[d["petmanager_id"]] for d in truth["duplicates"] if d["kind"] == "invoice"}
    for trap in truth["not_duplicates"]:
        if trap["kind"] != "invoice":
            continue
        record, row = invoices[trap["xero_id"]], rows[trap["petmanager_id"]]
        if trap["trap"] == "weekly_same_amount":
            assert copied[trap["xero_id"]]["customer_id"] == row["customer_id"]
            assert copied[trap["xero_id"]]["total"] == row["total"]
        elif trap["trap"] == "same_amount_date_other_customer":
            original = copied[trap["xero_id"]]
            assert (original["total"], original["invoice_date"]) == (row["total"], row["invoice_date"])
            assert original["customer_id"] != row["customer_id"]
        elif trap["trap"] == "voided_hand_entry":
            assert record["Status"] == "VOIDED"
        elif trap["trap"] == "deleted_hand_entry":
            assert record["Status"] == "DELETED"
        elif trap["trap"] == "number_collision":
            assert record["InvoiceNumber"] == "INV" + row["invoice_number"] and record["Total"] != Decimal(row["total"])
        elif trap["trap"] == "non_customer_same_amount_date":
            assert (record["Total"], record["Date"]) == (Decimal(row["total"]), row["invoice_date"])


def test_the_mix_varies_with_the_seed(tmp_path):
    from recon.demo import generate_demo
    import json

    mixes = []
    for seed in (1, 2):
        summary = json.loads(generate_demo(tmp_path / str(seed), seed=seed, size=0.5).truth.read_text())["summary"]
        mixes.append(summary["patterns"]["invoice"])
    assert mixes[0] != mixes[1]
