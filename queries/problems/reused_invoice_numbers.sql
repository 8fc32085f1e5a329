-- Pet Manager invoice numbers are unique only while not void, but Xero keeps a voided invoice's
-- number: two invoices in the window that would be pushed under one InvoiceNumber.
WITH "pushed" AS (
    SELECT "invoice_id", "status", $invoice_prefix || "invoice_number" AS "xero_number"
    FROM "pm_invoices"
    WHERE "snapshot_id" = $pm_snapshot AND "status" <> 'draft'
      AND list_contains($locations, "location_id") AND "invoice_date" BETWEEN $start AND $end
), "reused" AS (
    SELECT lower("xero_number") AS "key"
    FROM "pushed"
    GROUP BY 1
    HAVING count(*) > 1
)
SELECT min(p."xero_number") AS "xero_number",
       list(p."invoice_id" ORDER BY p."invoice_id") AS "invoice_ids",
       list(p."status" ORDER BY p."invoice_id") AS "statuses"
FROM "pushed" AS p
JOIN "reused" AS r ON r."key" = lower(p."xero_number")
GROUP BY r."key"
ORDER BY 1;
