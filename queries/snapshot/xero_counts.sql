-- What one Xero snapshot holds: records per kind (live ones), with their money where they carry it.
SELECT 'Contacts (active)' AS entity, count(*) AS n, NULL::DECIMAL(18, 2) AS amount
FROM xero_contacts WHERE snapshot_id = $snapshot_id AND contact_status = 'ACTIVE'
UNION ALL SELECT 'Sales invoices (live)', count(*), sum(total) FROM xero_invoices
          WHERE snapshot_id = $snapshot_id AND type = 'ACCREC' AND status IN ('DRAFT', 'SUBMITTED', 'AUTHORISED', 'PAID')
UNION ALL SELECT 'Bills (live)', count(*), sum(total) FROM xero_invoices
          WHERE snapshot_id = $snapshot_id AND type = 'ACCPAY' AND status IN ('DRAFT', 'SUBMITTED', 'AUTHORISED', 'PAID')
UNION ALL SELECT 'Credit notes (live)', count(*), sum(total) FROM xero_credit_notes
          WHERE snapshot_id = $snapshot_id AND status IN ('DRAFT', 'SUBMITTED', 'AUTHORISED', 'PAID')
UNION ALL SELECT 'Payments (live)', count(*), sum(amount) FROM xero_payments
          WHERE snapshot_id = $snapshot_id AND status = 'AUTHORISED'
UNION ALL SELECT 'Overpayments (live)', count(*), sum(total) FROM xero_overpayments
          WHERE snapshot_id = $snapshot_id AND status NOT IN ('VOIDED', 'DELETED')
UNION ALL SELECT 'Bank transactions (live)', count(*), sum(total) FROM xero_bank_transactions
          WHERE snapshot_id = $snapshot_id AND status = 'AUTHORISED'
UNION ALL SELECT 'Bank transfers', count(*), sum(amount) FROM xero_bank_transfers WHERE snapshot_id = $snapshot_id;
