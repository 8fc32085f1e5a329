-- Every code the Pet Manager snapshot uses and Step 2 must map: (kind, code, uses, example).
-- Drafts are never synced, so their codes do not count; void documents still do (they are synced as voided).
WITH live_invoice_lines AS (
    SELECT l.item_code, l.area_type, l.tax_code, l.description
    FROM pm_invoice_lines AS l
    JOIN pm_invoices AS i ON i.snapshot_id = l.snapshot_id AND i.invoice_id = l.invoice_id
    WHERE l.snapshot_id = $snapshot_id AND i.status <> 'draft'
), lines AS (
    SELECT item_code, area_type, tax_code, description FROM live_invoice_lines
    UNION ALL
    SELECT item_code, area_type, tax_code, description FROM pm_credit_note_lines WHERE snapshot_id = $snapshot_id
), methods AS (
    SELECT method FROM pm_payments WHERE snapshot_id = $snapshot_id AND status = 'completed'
    UNION ALL SELECT method FROM pm_overpayments WHERE snapshot_id = $snapshot_id
    UNION ALL SELECT method FROM pm_refunds WHERE snapshot_id = $snapshot_id
)
SELECT 'items' AS kind, item_code AS code, count(*) AS uses, min(description) AS example
FROM lines WHERE item_code IS NOT NULL GROUP BY item_code
UNION ALL
SELECT 'area_types', area_type, count(*), min(description) FROM lines WHERE area_type IS NOT NULL GROUP BY area_type
UNION ALL
SELECT 'tax', tax_code, count(*), min(description) FROM lines WHERE tax_code IS NOT NULL GROUP BY tax_code
UNION ALL
SELECT 'payment_methods', method, count(*), NULL FROM methods WHERE method IS NOT NULL GROUP BY method
ORDER BY kind, code;
