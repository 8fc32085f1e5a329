-- How many suspected duplicates of each tier fall on each day, by the Pet Manager record's date
-- (invoices and credit notes by their date, payments and overpayments by the date paid; contacts
-- are not dated). "report_duplicates" (kind, petmanager_id, tier) holds every duplicate of the
-- check: the caller registers it as a frame, as a list of that length is slow to bind.
WITH "dated" AS (
    SELECT 'invoice' AS "kind", "invoice_id" AS "id", "invoice_date" AS "day"
    FROM "pm_invoices" WHERE "snapshot_id" = $pm_snapshot
    UNION ALL
    SELECT 'credit_note', "credit_note_id", "credit_date" FROM "pm_credit_notes" WHERE "snapshot_id" = $pm_snapshot
    UNION ALL
    SELECT 'payment', "payment_id", "payment_date" FROM "pm_payments" WHERE "snapshot_id" = $pm_snapshot
    UNION ALL
    SELECT 'overpayment', "overpayment_id", "payment_date" FROM "pm_overpayments" WHERE "snapshot_id" = $pm_snapshot
)
SELECT d."day", r."tier", count(*) AS "count"
FROM "report_duplicates" AS r
JOIN "dated" AS d ON d."kind" = r."kind" AND d."id" = r."petmanager_id"
GROUP BY d."day", r."tier"
ORDER BY d."day", r."tier";
