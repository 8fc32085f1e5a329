-- Xero snapshot tables. xero_records keeps every record exactly as Xero sent it (raw JSON), one
-- row per snapshot, entity and record; the typed tables below are derived from it per snapshot
-- (typed_*.sql) so queries can use columns, while a later query can still reach any raw field.

-- Xero writes dates as /Date(1573755038314+0000)/ (milliseconds since the epoch, UTC) and
-- sometimes as ISO text; both become a TIMESTAMP (UTC, no zone).
CREATE MACRO IF NOT EXISTS xero_ts(s) AS
    CASE WHEN s LIKE '/Date(%'
         THEN epoch_ms(CAST(regexp_extract(s, '/Date\((-?\d+)', 1) AS BIGINT))
         ELSE TRY_CAST(s AS TIMESTAMP) END;
CREATE MACRO IF NOT EXISTS xero_date(s) AS CAST(xero_ts(s) AS DATE);
CREATE MACRO IF NOT EXISTS xero_money(j, path) AS CAST(json_extract_string(j, path) AS DECIMAL(18, 2));

CREATE TABLE IF NOT EXISTS xero_records (
    snapshot_id  INTEGER NOT NULL,
    tenant_id    VARCHAR NOT NULL,
    entity       VARCHAR NOT NULL,
    record_id    VARCHAR NOT NULL,
    updated_at   TIMESTAMP,
    raw          JSON NOT NULL
);

CREATE TABLE IF NOT EXISTS xero_organisation (
    snapshot_id INTEGER, tenant_id VARCHAR, organisation_id VARCHAR, name VARCHAR, legal_name VARCHAR,
    short_code VARCHAR, country_code VARCHAR, base_currency VARCHAR, organisation_status VARCHAR,
    period_lock_date DATE, end_of_year_lock_date DATE
);

CREATE TABLE IF NOT EXISTS xero_accounts (
    snapshot_id INTEGER, tenant_id VARCHAR, account_id VARCHAR, code VARCHAR, name VARCHAR, type VARCHAR,
    class VARCHAR, status VARCHAR, tax_type VARCHAR, enable_payments_to_account BOOLEAN,
    bank_account_number VARCHAR, system_account VARCHAR, currency_code VARCHAR
);

CREATE TABLE IF NOT EXISTS xero_tax_rates (
    snapshot_id INTEGER, tenant_id VARCHAR, tax_type VARCHAR, name VARCHAR, status VARCHAR,
    effective_rate DECIMAL(9, 4), can_apply_to_revenue BOOLEAN, can_apply_to_expenses BOOLEAN
);

CREATE TABLE IF NOT EXISTS xero_tracking_options (
    snapshot_id INTEGER, tenant_id VARCHAR, tracking_category_id VARCHAR, category_name VARCHAR,
    category_status VARCHAR, tracking_option_id VARCHAR, option_name VARCHAR, option_status VARCHAR
);

CREATE TABLE IF NOT EXISTS xero_contact_groups (
    snapshot_id INTEGER, tenant_id VARCHAR, contact_group_id VARCHAR, name VARCHAR, status VARCHAR
);

CREATE TABLE IF NOT EXISTS xero_contacts (
    snapshot_id INTEGER, tenant_id VARCHAR, contact_id VARCHAR, name VARCHAR, first_name VARCHAR,
    last_name VARCHAR, contact_number VARCHAR, account_number VARCHAR, contact_status VARCHAR,
    email VARCHAR, phones VARCHAR[], address_line1 VARCHAR, city VARCHAR, region VARCHAR,
    postal_code VARCHAR, is_customer BOOLEAN, is_supplier BOOLEAN, group_names VARCHAR[],
    updated_at TIMESTAMP
);

CREATE TABLE IF NOT EXISTS xero_invoices (
    snapshot_id INTEGER, tenant_id VARCHAR, invoice_id VARCHAR, type VARCHAR, invoice_number VARCHAR,
    reference VARCHAR, contact_id VARCHAR, contact_name VARCHAR, date DATE, due_date DATE,
    status VARCHAR, line_amount_types VARCHAR, sub_total DECIMAL(18, 2), total_tax DECIMAL(18, 2),
    total DECIMAL(18, 2), amount_due DECIMAL(18, 2), amount_paid DECIMAL(18, 2),
    amount_credited DECIMAL(18, 2), currency_code VARCHAR, updated_at TIMESTAMP
);

CREATE TABLE IF NOT EXISTS xero_invoice_lines (
    snapshot_id INTEGER, tenant_id VARCHAR, invoice_id VARCHAR, line_no INTEGER, line_item_id VARCHAR,
    item_code VARCHAR, description VARCHAR, quantity DECIMAL(18, 4), unit_amount DECIMAL(18, 4),
    account_code VARCHAR, tax_type VARCHAR, tax_amount DECIMAL(18, 2), line_amount DECIMAL(18, 2),
    tracking JSON
);

CREATE TABLE IF NOT EXISTS xero_credit_notes (
    snapshot_id INTEGER, tenant_id VARCHAR, credit_note_id VARCHAR, type VARCHAR,
    credit_note_number VARCHAR, reference VARCHAR, contact_id VARCHAR, contact_name VARCHAR, date DATE,
    status VARCHAR, line_amount_types VARCHAR, sub_total DECIMAL(18, 2), total_tax DECIMAL(18, 2),
    total DECIMAL(18, 2), remaining_credit DECIMAL(18, 2), currency_code VARCHAR, updated_at TIMESTAMP
);

CREATE TABLE IF NOT EXISTS xero_credit_note_lines (
    snapshot_id INTEGER, tenant_id VARCHAR, credit_note_id VARCHAR, line_no INTEGER,
    item_code VARCHAR, description VARCHAR, quantity DECIMAL(18, 4), unit_amount DECIMAL(18, 4),
    account_code VARCHAR, tax_type VARCHAR, tax_amount DECIMAL(18, 2), line_amount DECIMAL(18, 2),
    tracking JSON
);

CREATE TABLE IF NOT EXISTS xero_payments (
    snapshot_id INTEGER, tenant_id VARCHAR, payment_id VARCHAR, date DATE, amount DECIMAL(18, 2),
    reference VARCHAR, status VARCHAR, payment_type VARCHAR, is_reconciled BOOLEAN,
    invoice_id VARCHAR, invoice_number VARCHAR, credit_note_id VARCHAR, overpayment_id VARCHAR,
    contact_id VARCHAR, account_id VARCHAR, account_code VARCHAR, updated_at TIMESTAMP
);

CREATE TABLE IF NOT EXISTS xero_overpayments (
    snapshot_id INTEGER, tenant_id VARCHAR, overpayment_id VARCHAR, type VARCHAR, contact_id VARCHAR,
    contact_name VARCHAR, date DATE, status VARCHAR, sub_total DECIMAL(18, 2),
    total_tax DECIMAL(18, 2), total DECIMAL(18, 2), remaining_credit DECIMAL(18, 2),
    currency_code VARCHAR, updated_at TIMESTAMP
);

-- Credit applied to invoices, from CreditNotes[].Allocations and Overpayments[].Allocations.
CREATE TABLE IF NOT EXISTS xero_allocations (
    snapshot_id INTEGER, tenant_id VARCHAR, source_type VARCHAR, source_id VARCHAR,
    allocation_id VARCHAR, invoice_id VARCHAR, amount DECIMAL(18, 2), date DATE
);

CREATE TABLE IF NOT EXISTS xero_bank_transactions (
    snapshot_id INTEGER, tenant_id VARCHAR, bank_transaction_id VARCHAR, type VARCHAR,
    contact_id VARCHAR, contact_name VARCHAR, date DATE, status VARCHAR, reference VARCHAR,
    bank_account_id VARCHAR, bank_account_code VARCHAR, line_amount_types VARCHAR,
    sub_total DECIMAL(18, 2), total_tax DECIMAL(18, 2), total DECIMAL(18, 2),
    is_reconciled BOOLEAN, overpayment_id VARCHAR, updated_at TIMESTAMP
);

CREATE TABLE IF NOT EXISTS xero_bank_transfers (
    snapshot_id INTEGER, tenant_id VARCHAR, bank_transfer_id VARCHAR, date DATE,
    amount DECIMAL(18, 2), reference VARCHAR, from_account_id VARCHAR, from_account_code VARCHAR,
    to_account_id VARCHAR, to_account_code VARCHAR, updated_at TIMESTAMP
);
