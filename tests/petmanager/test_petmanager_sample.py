"""The sample business loads exactly: types, values, row numbers, and the variants FORMAT.md allows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from recon.petmanager import ExportSummary, Location, load_export
from recon.petmanager.columns import FILES

from pm_files import delete_rows, read_rows, set_cell, write_rows


def load(folder: Path) -> tuple[duckdb.DuckDBPyConnection, ExportSummary]:
    con = duckdb.connect()
    return con, load_export(folder, con)


def one(con: duckdb.DuckDBPyConnection, query: str) -> tuple:
    return con.execute(query).fetchone()


def test_sample_summary(sample_export):
    _, summary = load(sample_export)
    assert summary.rows == {
        "business": 1, "locations": 2, "customers": 6, "pets": 4, "invoices": 11, "invoice_lines": 17,
        "payments": 8, "credit_notes": 2, "credit_note_lines": 2, "overpayments": 1, "allocations": 2,
        "refunds": 1, "stripe_payouts": 2,
    }
    business = summary.business
    assert (business.business_name, business.country, business.currency, business.timezone) == (
        "Happy Tails Boarding Kennels", "AU", "AUD", "Australia/Sydney")
    assert business.tax_registered is True and business.export_format == 1
    assert business.exported_at.isoformat() == "2024-07-01T08:00:00+10:00"
    assert business.locations == (Location(1, "Happy Tails Penrith"), Location(2, "Happy Tails Richmond"))


def test_invoice_10011_money_is_exact(sample_export):
    con, _ = load(sample_export)
    row = one(con, """SELECT "_row", subtotal, tax_total, total, amounts_include_tax, invoice_date, status
                      FROM pm_stage.invoices WHERE invoice_number = '10011'""")
    assert row == (12, Decimal("35.31"), Decimal("3.53"), Decimal("38.84"), False, date(2024, 4, 15), "issued")


def test_unit_price_keeps_four_decimals(sample_export):
    con, _ = load(sample_export)
    assert one(con, """SELECT unit_price, quantity, line_amount, "_row" FROM pm_stage.invoice_lines
                       WHERE invoice_id = 6 AND line_number = 2""") == (
        Decimal("19.9990"), Decimal("3"), Decimal("60.00"), 11)


def test_formula_looking_text_is_kept_verbatim(sample_export):
    set_cell(sample_export, "payments.csv", 3, "reference", "@SUM(1)")
    set_cell(sample_export, "customers.csv", 7, "address_line1", "-2+3")
    con, _ = load(sample_export)
    assert one(con, "SELECT description FROM pm_stage.invoice_lines WHERE invoice_id = 10") == (
        "=SUM(A1:A9) chew toy (as typed by staff)",)
    assert one(con, "SELECT mobile FROM pm_stage.customers WHERE customer_id = 2") == ("+61 423 111 222",)
    assert one(con, "SELECT reference FROM pm_stage.payments WHERE payment_id = 2") == ("@SUM(1)",)
    assert one(con, "SELECT address_line1 FROM pm_stage.customers WHERE customer_id = 6") == ("-2+3",)


def test_accents_and_apostrophes(sample_export):
    con, _ = load(sample_export)
    assert one(con, "SELECT first_name, last_name FROM pm_stage.customers WHERE customer_id = 5") == ("Zoë", "Nguyễn")
    assert one(con, "SELECT last_name FROM pm_stage.customers WHERE customer_id = 2") == ("O'Brien",)


def test_empty_cells_are_null_and_company_customer_loads(sample_export):
    con, _ = load(sample_export)
    assert one(con, """SELECT first_name, last_name, company_name, customer_type FROM pm_stage.customers
                       WHERE customer_id = 4""") == (None, None, "Blue Mountains Dog Rescue Inc", None)
    assert one(con, "SELECT invoice_id FROM pm_stage.credit_notes WHERE credit_note_id = 2") == (None,)


def test_column_types(sample_export):
    con, _ = load(sample_export)
    types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                             "WHERE table_schema = 'pm_stage' AND table_name = 'payments'").fetchall())
    assert types == {
        "_row": "INTEGER", "payment_id": "BIGINT", "invoice_id": "BIGINT", "customer_id": "BIGINT",
        "payment_date": "DATE", "amount": "DECIMAL(18,2)", "method": "VARCHAR", "reference": "VARCHAR",
        "stripe_charge_id": "VARCHAR", "stripe_fee": "DECIMAL(18,2)", "platform_fee": "DECIMAL(18,2)",
        "status": "VARCHAR", "location_id": "BIGINT", "created_at": "TIMESTAMP WITH TIME ZONE",
        "updated_at": "TIMESTAMP WITH TIME ZONE",
    }
    assert one(con, "SELECT typeof(unit_price), typeof(quantity) FROM pm_stage.invoice_lines LIMIT 1") == (
        "DECIMAL(18,4)", "DECIMAL(18,4)")
    assert one(con, "SELECT typeof(tax_registered), typeof(exported_at) FROM pm_stage.business") == (
        "BOOLEAN", "TIMESTAMP WITH TIME ZONE")


def test_timestamps_keep_their_instant(sample_export):
    con, _ = load(sample_export)
    assert one(con, """SELECT epoch(created_at) = epoch(TIMESTAMPTZ '2024-04-14 21:00:00+00')
                       FROM pm_stage.invoices WHERE invoice_id = 11""") == (True,)


def test_byte_order_mark_and_lf_line_endings(sample_export):
    for path in sample_export.glob("*.csv"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\r\n", b"\n"))
    con, summary = load(sample_export)
    assert summary.rows["invoice_lines"] == 17
    assert one(con, "SELECT customer_id, \"_row\" FROM pm_stage.customers ORDER BY customer_id LIMIT 1") == (1, 2)


def test_columns_reordered_and_extra_column_ignored(sample_export):
    rows = read_rows(sample_export / "invoices.csv")
    write_rows(sample_export / "invoices.csv", [[*reversed(r), "x"] for r in rows[:1]]
               + [[*reversed(r), "ignored"] for r in rows[1:]])
    rows = read_rows(sample_export / "invoices.csv")
    rows[0][-1] = "internal_note"
    write_rows(sample_export / "invoices.csv", rows)
    con, _ = load(sample_export)
    assert one(con, "SELECT total, customer_id, \"_row\" FROM pm_stage.invoices WHERE invoice_id = 11") == (
        Decimal("38.84"), 4, 12)
    assert "internal_note" not in [c[0] for c in con.execute("DESCRIBE pm_stage.invoices").fetchall()]


def test_quoted_newlines_do_not_shift_rows(sample_export):
    set_cell(sample_export, "invoice_lines.csv", 2, "description", "Boarding\r\nlarge dog,\n4 nights")
    con, _ = load(sample_export)
    assert one(con, "SELECT description FROM pm_stage.invoice_lines WHERE \"_row\" = 2") == (
        "Boarding\r\nlarge dog,\n4 nights",)
    assert con.execute("SELECT \"_row\" FROM pm_stage.invoice_lines WHERE invoice_id = 11 ORDER BY 1").fetchall() == [
        (16,), (17,), (18,)]


def test_optional_columns_when_present(sample_export):
    rows = read_rows(sample_export / "invoice_lines.csv")
    write_rows(sample_export / "invoice_lines.csv", [rows[0] + ["line_type"]] + [r + ["booking"] for r in rows[1:]])
    con, _ = load(sample_export)
    assert one(con, "SELECT count(*) FROM pm_stage.invoice_lines WHERE line_type = 'booking'") == (17,)


def test_absent_optional_files_give_empty_tables(sample_export):
    for stem in ("pets", "overpayments", "allocations", "refunds", "stripe_payouts"):
        (sample_export / f"{stem}.csv").unlink()
    con, summary = load(sample_export)
    for stem in ("pets", "overpayments", "allocations", "refunds", "stripe_payouts"):
        assert summary.rows[stem] == 0
        columns = [c[0] for c in con.execute(f"DESCRIBE pm_stage.{stem}").fetchall()]
        spec = next(s for s in FILES if s.stem == stem)
        assert columns == ["_row", *(c.name for c in spec.columns)]


def test_header_only_file_is_empty_table(sample_export):
    rows = read_rows(sample_export / "pets.csv")
    write_rows(sample_export / "pets.csv", rows[:1])
    _, summary = load(sample_export)
    assert summary.rows["pets"] == 0


def test_draft_invoice_may_have_no_lines(sample_export):
    delete_rows(sample_export, "invoice_lines.csv", 14)  # invoice 9, the draft
    for column in ("subtotal", "tax_total", "total"):
        set_cell(sample_export, "invoices.csv", 10, column, "0.00")
    _, summary = load(sample_export)
    assert summary.rows["invoice_lines"] == 16


def test_reload_replaces_the_schema_and_uses_named_schema(sample_export):
    con = duckdb.connect()
    load_export(sample_export, con, schema="other stage")
    load_export(sample_export, con, schema="other stage")
    assert one(con, 'SELECT count(*) FROM "other stage".invoices') == (11,)
    assert con.execute("SELECT table_name FROM duckdb_tables() WHERE temporary").fetchall() == []


def test_business_and_locations_tables(sample_export):
    con, _ = load(sample_export)
    assert one(con, "SELECT business_name, country, currency, timezone, tax_registered, export_format "
                    "FROM pm_stage.business") == (
        "Happy Tails Boarding Kennels", "AU", "AUD", "Australia/Sydney", True, 1)
    assert con.execute('SELECT "_row", location_id, name FROM pm_stage.locations ORDER BY 1').fetchall() == [
        (1, 1, "Happy Tails Penrith"), (2, 2, "Happy Tails Richmond")]


@pytest.mark.parametrize("quantity", ["1.5", "0.25"])
def test_fractional_quantity(sample_export, quantity):
    set_cell(sample_export, "invoice_lines.csv", 4, "quantity", quantity)  # invoice 2, 52.00 a day
    amount = str((Decimal(quantity) * 52).quantize(Decimal("0.01")))
    set_cell(sample_export, "invoice_lines.csv", 4, "line_amount", amount)
    for column in ("subtotal", "total"):
        set_cell(sample_export, "invoices.csv", 3, column, amount)
    con, _ = load(sample_export)
    assert one(con, "SELECT quantity FROM pm_stage.invoice_lines WHERE invoice_id = 2") == (Decimal(quantity),)


def test_refuses_a_connection_that_does_not_keep_row_order(sample_export):
    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = false")
    with pytest.raises(ValueError, match="preserve_insertion_order"):
        load_export(sample_export, con)


@pytest.mark.parametrize("stamp", ["2024-04-14T21:00:00Z", "2024-04-15T08:00:00.000+11:00", "2024-04-15T08:00+11:00"])
def test_timestamp_variants_with_offset(sample_export, stamp):
    set_cell(sample_export, "invoices.csv", 12, "created_at", stamp)
    con, _ = load(sample_export)
    assert one(con, """SELECT epoch(created_at) = epoch(TIMESTAMPTZ '2024-04-14 21:00:00+00')
                       FROM pm_stage.invoices WHERE invoice_id = 11""") == (True,)
