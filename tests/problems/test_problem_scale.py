"""1,000,000 invoices a side: the problem checks stay set-based and take a few seconds (about 4 CPU
seconds here, so 2 to 4 s on 2 idle cores). Run with `.venv/bin/pytest -n 0 -m slow tests/problems/test_problem_scale.py`."""

from __future__ import annotations

import time

import pytest

from problem_books import TENANT, Books

N = 1_000_000
CUSTOMERS = N // 5


def build(books: Books) -> None:
    """Pet Manager: N invoices of three lines over 1,000 days, one in ten tax-exclusive (and then a cent
    off in Xero), a payment each (some a few days later, some a deposit before), credit notes allocated
    to every third invoice, overpayments and refunds. Xero: the
    customers as CN contacts, half the invoices already synced under their INV number and half typed
    by hand under Xero's own numbers, a period lock date."""
    sql = books.con.execute
    sql("DELETE FROM pm_customers")
    sql(f"""INSERT INTO pm_customers BY NAME
        SELECT 1 AS snapshot_id, i AS customer_id, 'First' || i AS first_name, 'Last' || (i % 5000) AS last_name,
               true AS is_active
        FROM range(1, {CUSTOMERS} + 1) AS t(i)""")
    sql(f"""INSERT INTO pm_invoices BY NAME
        SELECT 1 AS snapshot_id, i AS invoice_id, CAST(10000 + i AS VARCHAR) AS invoice_number,
               1 + i % {CUSTOMERS} AS customer_id, DATE '2023-01-01' + CAST(i % 1000 AS INTEGER) AS invoice_date,
               DATE '2023-01-01' + CAST(i % 1000 AS INTEGER) AS due_date,
               CASE WHEN i % 50 = 0 THEN 'draft' WHEN i % 70 = 0 THEN 'void' ELSE 'paid' END AS status,
               i % 10 <> 0 AS amounts_include_tax, 35.31 AS subtotal, 3.53 AS tax_total,
               CASE WHEN i % 10 <> 0 THEN 35.31 ELSE 38.84 END AS total, 1 + i % 2 AS location_id
        FROM range(1, {N} + 1) AS t(i)""")
    sql(f"""INSERT INTO pm_invoice_lines BY NAME
        SELECT 1 AS snapshot_id, i AS invoice_id, n AS line_number, 'BOARD-DOG' AS item_code, 'GST' AS tax_code,
               1 AS quantity, 11.77 AS unit_price, 11.77 AS line_amount
        FROM range(1, {N} + 1) AS t(i), range(1, 4) AS u(n)""")
    sql(f"""INSERT INTO pm_payments BY NAME
        SELECT 1 AS snapshot_id, i AS payment_id, i AS invoice_id, 1 + i % {CUSTOMERS} AS customer_id,
               DATE '2023-01-01' + CAST(i % 1000 + CASE WHEN i % 100 = 2 THEN -5 ELSE i % 7 END AS INTEGER)
                   AS payment_date,
               CASE WHEN i % 10 <> 0 THEN 35.31 ELSE 38.84 END
                   - CASE WHEN i % 3 = 0 AND i <= {3 * (N // 20)} THEN 5.00 ELSE 0.00 END AS amount,
               'eftpos' AS method,
               CASE WHEN i % 50 = 0 OR i % 70 = 0 THEN 'void' ELSE 'completed' END AS status, 1 + i % 2 AS location_id
        FROM range(1, {N} + 1) AS t(i)""")
    sql(f"""INSERT INTO pm_credit_notes BY NAME
        SELECT 1 AS snapshot_id, i AS credit_note_id, 'CN-' || i AS credit_note_number,
               1 + (i * 3) % {CUSTOMERS} AS customer_id, DATE '2023-01-01' + CAST((i * 3) % 1000 AS INTEGER) AS credit_date,
               'issued' AS status, true AS amounts_include_tax, 5.00 AS subtotal, 0.45 AS tax_total, 5.00 AS total,
               1 + (i * 3) % 2 AS location_id
        FROM range(1, {N // 20} + 1) AS t(i)""")
    sql(f"""INSERT INTO pm_credit_note_lines BY NAME
        SELECT 1 AS snapshot_id, i AS credit_note_id, 1 AS line_number, 'BOARD-DOG' AS item_code, 'GST' AS tax_code,
               1 AS quantity, 5.00 AS unit_price, 5.00 AS line_amount
        FROM range(1, {N // 20} + 1) AS t(i)""")
    sql(f"""INSERT INTO pm_allocations BY NAME
        SELECT 1 AS snapshot_id, i AS allocation_id, 'credit_note' AS source_type, i AS source_id, i * 3 AS invoice_id,
               5.00 AS amount, DATE '2023-01-01' + CAST((i * 3) % 1000 AS INTEGER) AS allocation_date
        FROM range(1, {N // 20} + 1) AS t(i)""")
    sql(f"""INSERT INTO pm_overpayments BY NAME
        SELECT 1 AS snapshot_id, i AS overpayment_id, 1 + i % {CUSTOMERS} AS customer_id,
               DATE '2023-01-01' + CAST(i % 1000 AS INTEGER) AS payment_date, 100.00 AS amount, 'cash' AS method,
               1 AS location_id
        FROM range(1, {N // 50} + 1) AS t(i)""")
    sql(f"""INSERT INTO pm_refunds BY NAME
        SELECT 1 AS snapshot_id, i AS refund_id, 'overpayment' AS source_type, i AS source_id,
               1 + i % {CUSTOMERS} AS customer_id, DATE '2023-01-01' + CAST(i % 1000 AS INTEGER) AS refund_date,
               50.00 AS amount, 'cash' AS method, 1 AS location_id
        FROM range(1, {N // 50} + 1) AS t(i)""")
    sql(f"""INSERT INTO xero_contacts BY NAME
        SELECT 2 AS snapshot_id, '{TENANT}' AS tenant_id, 'c' || i AS contact_id,
               'First' || i || ' Last' || (i % 5000) || ' CN' || i AS name, CAST(i AS VARCHAR) AS contact_number,
               'ACTIVE' AS contact_status
        FROM range(1, {CUSTOMERS} + 1) AS t(i)""")
    sql(f"""INSERT INTO xero_invoices BY NAME
        SELECT 2 AS snapshot_id, '{TENANT}' AS tenant_id, 'x' || i AS invoice_id, 'ACCREC' AS type,
               CASE WHEN i % 2 = 1 THEN 'INV' || (10000 + i) ELSE 'INV-' || i END AS invoice_number,
               'c' || (1 + i % {CUSTOMERS}) AS contact_id, DATE '2023-01-01' + CAST(i % 1000 AS INTEGER) AS date,
               'PAID' AS status, CASE WHEN i % 10 <> 0 THEN 35.31 ELSE 38.84 END AS total, 0.00 AS amount_due
        FROM range(1, {N} + 1) AS t(i)""")
    books.organisation(period_lock="2023-12-31")


@pytest.mark.slow
def test_a_million_invoices_a_side(books):
    build(books)

    cpu_started = time.process_time()  # DuckDB's threads included; on a shared machine wall time is not ours
    problems = books.problems(start="2024-08-23")
    cpu_seconds = time.process_time() - cpu_started

    assert {p.kind for p in problems} == {"tax_rounding", "paid_before_start", "payment_before_start", "payment_on_draft",
                                          "payment_on_void", "overpaid_invoice"}
    assert not any(p.blocking for p in problems)
    assert cpu_seconds < 8, f"{cpu_seconds:.1f} CPU seconds for {len(problems)} problems"
