-- Sales invoice totals per month in the window, each side: what Pet Manager holds and what Xero
-- already holds (live ACCREC invoices, any origin). Where Xero already has about as much as Pet
-- Manager, a back-sync would roughly double that month. Pet Manager's side: the organisation's
-- $locations only.
WITH pm AS (
    SELECT strftime(invoice_date, '%Y-%m') AS month, sum(total) AS total, count(*) AS n
    FROM pm_invoices
    WHERE snapshot_id = $pm_snapshot AND status IN ('issued', 'paid') AND list_contains($locations, location_id)
      AND invoice_date >= $start AND ($end IS NULL OR invoice_date <= $end)
    GROUP BY 1
), xero AS (
    SELECT strftime(date, '%Y-%m') AS month, sum(total) AS total, count(*) AS n
    FROM xero_invoices
    WHERE snapshot_id = $xero_snapshot AND type = 'ACCREC'
      AND status IN ('DRAFT', 'SUBMITTED', 'AUTHORISED', 'PAID')
      AND date >= $start AND ($end IS NULL OR date <= $end)
    GROUP BY 1
)
SELECT coalesce(pm.month, xero.month) AS month,
       coalesce(pm.total, 0) AS petmanager_total, coalesce(pm.n, 0) AS petmanager_count,
       coalesce(xero.total, 0) AS xero_total, coalesce(xero.n, 0) AS xero_count
FROM pm FULL OUTER JOIN xero ON pm.month = xero.month
ORDER BY month;
