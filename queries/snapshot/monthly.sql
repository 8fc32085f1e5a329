-- Sales invoice totals by month on each side (Pet Manager: issued and paid; Xero: live ACCREC
-- invoices of the organisation, whoever entered them).
WITH pm AS (
    SELECT date_trunc('month', invoice_date) AS month, sum(total) AS total
    FROM pm_invoices WHERE snapshot_id = $pm_snapshot AND status IN ('issued', 'paid') GROUP BY 1
), xero AS (
    SELECT date_trunc('month', date) AS month, sum(total) AS total
    FROM xero_invoices
    WHERE snapshot_id = $xero_snapshot AND type = 'ACCREC' AND status IN ('DRAFT', 'SUBMITTED', 'AUTHORISED', 'PAID')
    GROUP BY 1
)
SELECT CAST(coalesce(pm.month, xero.month) AS DATE) AS month,
       coalesce(pm.total, 0) AS petmanager, coalesce(xero.total, 0) AS xero
FROM pm FULL OUTER JOIN xero ON pm.month = xero.month
ORDER BY month;
