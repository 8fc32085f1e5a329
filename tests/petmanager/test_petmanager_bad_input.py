"""Bad exports are refused with every error located by file, spreadsheet row and column."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from recon.errors import BadInput
from recon.petmanager import load_export

from pm_files import delete_column, delete_rows, errors_of, places, read_rows, set_cell, write_rows


def only_error(folder: Path) -> tuple[tuple[str, int | None, str | None], str]:
    errors = errors_of(folder)
    assert len(errors) == 1, errors
    return places(errors)[0], errors[0].message


# --- files and headers ---------------------------------------------------------------------------

@pytest.mark.parametrize("file", ["customers.csv", "invoices.csv", "invoice_lines.csv", "payments.csv",
                                  "credit_notes.csv", "credit_note_lines.csv", "business.json"])
def test_missing_required_file(sample_export, file):
    (sample_export / file).unlink()
    assert (file, None, None) in places(errors_of(sample_export))


def test_missing_folder(tmp_path):
    with pytest.raises(BadInput) as raised:
        load_export(tmp_path / "nowhere", duckdb.connect())
    assert "does not exist" in raised.value.errors[0].message


def test_missing_required_column(sample_export):
    delete_column(sample_export, "payments.csv", "method")
    assert only_error(sample_export)[0] == ("payments.csv", None, "method")


def test_column_named_twice(sample_export):
    rows = read_rows(sample_export / "pets.csv")
    write_rows(sample_export / "pets.csv", [rows[0] + ["name"]] + [r + ["Rex"] for r in rows[1:]])
    assert only_error(sample_export)[0] == ("pets.csv", None, "name")


def test_empty_file(sample_export):
    (sample_export / "credit_notes.csv").write_bytes(b"")
    assert ("credit_notes.csv", None, None) in places(errors_of(sample_export))


# --- business.json -------------------------------------------------------------------------------

def edit_business(folder: Path, **changes) -> None:
    path = folder / "business.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(changes)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_business_json_not_json(sample_export):
    (sample_export / "business.json").write_text('{"business_name": "Happy Tails",', encoding="utf-8")
    where, message = only_error(sample_export)
    assert where == ("business.json", None, None) and "not valid JSON" in message


def test_unsupported_export_format(sample_export):
    edit_business(sample_export, export_format=2)
    where, message = only_error(sample_export)
    assert where == ("business.json", None, "export_format") and "not supported" in message


def test_business_fields_all_reported(sample_export):
    edit_business(sample_export, country="US", currency="usd", timezone="Sydney", tax_registered="yes",
                  exported_at="2024-07-01 08:00", locations=[{"location_id": 1, "name": "A"},
                                                             {"location_id": 1, "name": ""}])
    assert places(errors_of(sample_export)) == [
        ("business.json", None, "country"), ("business.json", None, "currency"),
        ("business.json", None, "exported_at"), ("business.json", None, "locations[1].location_id"),
        ("business.json", None, "locations[1].name"), ("business.json", None, "tax_registered"),
        ("business.json", None, "timezone"),
    ]


# --- cells ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("file", "row", "column", "value", "expected"), [
    ("invoices.csv", 3, "customer_id", "abc", "positive whole number"),
    ("invoices.csv", 3, "customer_id", "0", "positive whole number"),
    ("invoices.csv", 3, "customer_id", "5.0", "positive whole number"),
    ("invoices.csv", 4, "invoice_date", "2024-02-30", "a date YYYY-MM-DD"),
    ("invoices.csv", 4, "invoice_date", "16/01/2024", "a date YYYY-MM-DD"),
    ("invoices.csv", 5, "created_at", "2024-01-23T08:00:00", "timestamp with offset"),
    ("customers.csv", 7, "is_active", "no", "true or false"),
    ("invoices.csv", 6, "status", "PAID", "one of draft, issued, paid, void"),
    ("payments.csv", 4, "method", "paypal", "one of cash"),
    ("payments.csv", 2, "amount", "100.005", "at most 2 decimals"),
    ("payments.csv", 2, "amount", "1OO.00", "at most 2 decimals"),
    ("payments.csv", 2, "amount", "1e2", "at most 2 decimals"),
    ("payments.csv", 2, "amount", " 100.00", "at most 2 decimals"),
    ("invoice_lines.csv", 11, "unit_price", "19.99901", "at most 4 decimals"),
    ("invoice_lines.csv", 11, "quantity", "three", "a quantity"),
    ("invoice_lines.csv", 11, "discount_percent", "10%", "percentage"),
    ("allocations.csv", 3, "source_type", "payment", "one of credit_note, overpayment"),
])
def test_bad_cell(sample_export, file, row, column, value, expected):
    set_cell(sample_export, file, row, column, value)
    where, message = only_error(sample_export)
    assert where == (file, row, column)
    assert expected in message and repr(value) in message


@pytest.mark.parametrize(("file", "row", "column"), [
    ("invoices.csv", 3, "invoice_number"),
    ("invoices.csv", 3, "invoice_date"),
    ("invoice_lines.csv", 5, "tax_code"),
    ("customers.csv", 3, "is_active"),
    ("stripe_payouts.csv", 2, "stripe_payout_ref"),
])
def test_required_value_missing(sample_export, file, row, column):
    set_cell(sample_export, file, row, column, "")
    where, message = only_error(sample_export)
    assert where == (file, row, column) and message == "a value is required"


@pytest.mark.parametrize(("file", "row", "column", "value"), [
    ("payments.csv", 3, "amount", "-130.00"),
    ("payments.csv", 3, "amount", "0.00"),
    ("payments.csv", 2, "stripe_fee", "-1.95"),
    ("refunds.csv", 2, "amount", "0"),
])
def test_out_of_range(sample_export, file, row, column, value):
    set_cell(sample_export, file, row, column, value)
    where, message = only_error(sample_export)
    assert where == (file, row, column) and "must be" in message


def test_discount_over_100_percent(sample_export):
    set_cell(sample_export, "invoice_lines.csv", 7, "discount_percent", "110")
    errors = errors_of(sample_export)
    assert places(errors) == [("invoice_lines.csv", 7, "discount_percent"), ("invoice_lines.csv", 7, "line_amount")]
    assert "at most 100" in errors[0].message


def test_negative_invoice_total(sample_export):
    set_cell(sample_export, "invoices.csv", 3, "tax_total", "-4.73")
    assert only_error(sample_export)[0] == ("invoices.csv", 3, "tax_total")


# --- keys and references -------------------------------------------------------------------------

def test_duplicate_id(sample_export):
    set_cell(sample_export, "customers.csv", 4, "customer_id", "2")  # customer 3 becomes a second 2
    set_cell(sample_export, "pets.csv", 4, "customer_id", "2")  # so that nothing points at 3
    set_cell(sample_export, "invoices.csv", 8, "customer_id", "2")
    set_cell(sample_export, "payments.csv", 7, "customer_id", "2")
    where, message = only_error(sample_export)
    assert where == ("customers.csv", 4, "customer_id") and "already used in row 3" in message


def test_duplicate_line_number(sample_export):
    set_cell(sample_export, "invoice_lines.csv", 3, "line_number", "1")
    assert only_error(sample_export)[0] == ("invoice_lines.csv", 3, "line_number")


def test_duplicate_invoice_number_unless_void(sample_export):
    set_cell(sample_export, "invoices.csv", 4, "invoice_number", "10002")
    set_cell(sample_export, "invoices.csv", 10, "invoice_number", "10008")  # the draft reuses the void's number
    where, message = only_error(sample_export)
    assert where == ("invoices.csv", 4, "invoice_number") and "row 3" in message


@pytest.mark.parametrize(("file", "row", "column", "value", "target"), [
    ("invoices.csv", 2, "customer_id", "99", "customers.csv"),
    ("payments.csv", 3, "invoice_id", "99", "invoices.csv"),
    ("invoice_lines.csv", 18, "invoice_id", "99", "invoices.csv"),
    ("credit_notes.csv", 3, "invoice_id", "99", "invoices.csv"),
    ("allocations.csv", 2, "source_id", "99", "credit_notes.csv"),
    ("allocations.csv", 3, "source_id", "99", "overpayments.csv"),
    ("refunds.csv", 2, "source_id", "99", "credit_notes.csv"),
    ("stripe_payouts.csv", 3, "location_id", "3", "business.json"),
    ("pets.csv", 5, "customer_id", "99", "customers.csv"),
])
def test_unknown_reference(sample_export, file, row, column, value, target):
    set_cell(sample_export, file, row, column, value)
    errors = errors_of(sample_export)
    assert (file, row, column) in places(errors)
    assert any(target in e.message for e in errors if (e.file, e.row) == (file, row))


def test_unknown_overpayment_in_refund(sample_export):
    set_cell(sample_export, "refunds.csv", 2, "source_type", "overpayment")
    set_cell(sample_export, "refunds.csv", 2, "source_id", "7")
    assert only_error(sample_export)[0] == ("refunds.csv", 2, "source_id")


# --- documents and their lines -------------------------------------------------------------------

def test_lines_do_not_add_up_to_subtotal(sample_export):
    set_cell(sample_export, "invoices.csv", 2, "subtotal", "290.00")
    set_cell(sample_export, "invoices.csv", 2, "total", "290.00")
    where, message = only_error(sample_export)
    assert where == ("invoices.csv", 2, "subtotal") and "295.00" in message


def test_credit_note_lines_do_not_add_up(sample_export):
    set_cell(sample_export, "credit_note_lines.csv", 3, "unit_price", "25.00")
    set_cell(sample_export, "credit_note_lines.csv", 3, "line_amount", "25.00")
    assert only_error(sample_export)[0] == ("credit_notes.csv", 3, "subtotal")


def test_total_inconsistent_with_tax_basis(sample_export):
    set_cell(sample_export, "invoices.csv", 12, "total", "38.85")
    where, message = only_error(sample_export)
    assert where == ("invoices.csv", 12, "total") and "38.84" in message


def test_tax_inclusive_total_must_equal_subtotal(sample_export):
    set_cell(sample_export, "credit_notes.csv", 2, "total", "70.91")
    assert only_error(sample_export)[0] == ("credit_notes.csv", 2, "total")


def test_line_amount_not_quantity_times_price(sample_export):
    set_cell(sample_export, "invoice_lines.csv", 7, "discount_percent", "0")  # 7 x 38.50 = 269.50, not 242.55
    where, message = only_error(sample_export)
    assert where == ("invoice_lines.csv", 7, "line_amount") and "242.55" in message


def test_issued_invoice_without_lines(sample_export):
    delete_rows(sample_export, "invoice_lines.csv", 12)  # invoice 7's only line
    assert places(errors_of(sample_export)) == [("invoices.csv", 8, None), ("invoices.csv", 8, "subtotal")]


def test_credit_note_without_lines(sample_export):
    delete_rows(sample_export, "credit_note_lines.csv", 3)
    assert ("credit_notes.csv", 3, None) in places(errors_of(sample_export))


def test_stripe_payment_without_charge_id(sample_export):
    set_cell(sample_export, "payments.csv", 2, "stripe_charge_id", "")
    assert only_error(sample_export)[0] == ("payments.csv", 2, "stripe_charge_id")


def test_customer_without_any_name(sample_export):
    set_cell(sample_export, "customers.csv", 5, "company_name", "")
    assert only_error(sample_export)[0] == ("customers.csv", 5, None)


def test_business_anomalies_are_not_errors(sample_export):
    set_cell(sample_export, "allocations.csv", 2, "amount", "500.00")  # more than the credit note
    set_cell(sample_export, "payments.csv", 3, "payment_date", "2023-01-01")  # before its invoice
    load_export(sample_export, duckdb.connect())


# --- CSV structure -------------------------------------------------------------------------------

def test_non_utf8_bytes_located(sample_export):
    path = sample_export / "customers.csv"
    path.write_bytes(path.read_bytes().replace("Zoë".encode(), "Zoë".encode("latin-1")))
    where, message = only_error(sample_export)
    assert where == ("customers.csv", 6, "first_name") and "UTF-8" in message


def test_non_utf8_header(sample_export):
    path = sample_export / "pets.csv"
    path.write_bytes(path.read_bytes().replace(b"species", b"sp\xe9cies"))
    assert only_error(sample_export)[0] == ("pets.csv", 1, None)


def test_ragged_rows(sample_export):
    path = sample_export / "pets.csv"
    lines = path.read_bytes().split(b"\r\n")
    lines[2] += b",extra"
    lines[4] = lines[4].rsplit(b",", 1)[0]
    path.write_bytes(b"\r\n".join(lines))
    assert places(errors_of(sample_export)) == [("pets.csv", 3, None), ("pets.csv", 5, None)]


def test_unterminated_quote(sample_export):
    set_cell(sample_export, "invoice_lines.csv", 4, "description", "PLACEHOLDER")
    path = sample_export / "invoice_lines.csv"
    path.write_bytes(path.read_bytes().replace(b"PLACEHOLDER", b'"Daycare - full day'))
    assert ("invoice_lines.csv", 4, "description") in places(errors_of(sample_export))


# --- all at once, capped, nothing left behind ----------------------------------------------------

def test_every_error_in_every_file_at_once(sample_export):
    set_cell(sample_export, "customers.csv", 3, "is_active", "maybe")
    set_cell(sample_export, "invoices.csv", 12, "total", "38.85")
    set_cell(sample_export, "invoice_lines.csv", 2, "line_amount", "260.001")
    set_cell(sample_export, "payments.csv", 9, "amount", "-50.00")
    set_cell(sample_export, "payments.csv", 5, "invoice_id", "99")
    delete_column(sample_export, "refunds.csv", "method")
    edit_business(sample_export, export_format=3)
    assert places(errors_of(sample_export)) == [
        ("business.json", None, "export_format"),
        ("customers.csv", 3, "is_active"),
        ("invoice_lines.csv", 2, "line_amount"),
        ("invoices.csv", 12, "total"),
        ("payments.csv", 5, "invoice_id"),
        ("payments.csv", 9, "amount"),
        ("refunds.csv", None, "method"),
    ]


def test_a_wholly_broken_file_gives_a_capped_list(sample_export):
    rows = read_rows(sample_export / "stripe_payouts.csv")
    write_rows(sample_export / "stripe_payouts.csv",
               rows[:1] + [[str(i), "someday", "1.0.0", "", "1", "now"] for i in range(1, 201)])
    errors = errors_of(sample_export)
    per_column = {}
    for e in errors:
        per_column.setdefault(e.column, []).append(e)
    assert len(per_column["payout_date"]) == 51
    assert any("150 more rows" in e.message for e in per_column["payout_date"])
    assert len(errors) < 300


def test_nothing_left_behind(sample_export):
    set_cell(sample_export, "invoices.csv", 12, "total", "38.85")
    con = duckdb.connect()
    with pytest.raises(BadInput):
        load_export(sample_export, con)
    assert con.execute("SELECT count(*) FROM duckdb_schemas() WHERE schema_name = 'pm_stage'").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM duckdb_tables()").fetchone() == (0,)


@pytest.mark.parametrize("line_amount", ["10.00", "10.01"])
def test_half_a_cent_rounds_either_way(sample_export, line_amount):
    set_cell(sample_export, "invoice_lines.csv", 5, "unit_price", "10.0050")  # invoice 3: 1 x 10.0050
    set_cell(sample_export, "invoice_lines.csv", 5, "line_amount", line_amount)
    for column in ("subtotal", "total"):
        set_cell(sample_export, "invoices.csv", 4, column, line_amount)
    load_export(sample_export, duckdb.connect())


def test_huge_numbers_are_errors_not_crashes(sample_export):
    set_cell(sample_export, "invoice_lines.csv", 5, "quantity", "999999999.9999")
    set_cell(sample_export, "invoice_lines.csv", 5, "unit_price", "-999999999999.9999")
    set_cell(sample_export, "invoice_lines.csv", 5, "line_amount", "9999999999999999.99")
    set_cell(sample_export, "invoice_lines.csv", 6, "quantity", "1000000000")
    assert places(errors_of(sample_export)) == [("invoice_lines.csv", 5, "line_amount"),
                                                ("invoice_lines.csv", 6, "quantity")]


def test_blank_row_is_reported_not_skipped(sample_export):
    path = sample_export / "payments.csv"
    lines = path.read_bytes().split(b"\r\n")
    path.write_bytes(b"\r\n".join([*lines[:3], b"", *lines[3:]]) + b"\r\n\r\n")
    assert only_error(sample_export)[0] == ("payments.csv", 4, None)


def test_blank_line_inside_a_quoted_cell_is_fine(sample_export):
    set_cell(sample_export, "invoice_lines.csv", 3, "description", "Departure bath\r\n\r\nwith conditioner")
    con = duckdb.connect()
    load_export(sample_export, con)
    assert con.execute('SELECT "_row" FROM pm_stage.invoice_lines WHERE invoice_id = 11 ORDER BY 1').fetchall() == [
        (16,), (17,), (18,)]
