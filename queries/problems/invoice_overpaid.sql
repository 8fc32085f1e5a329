-- Invoices that the payments and credit allocations the sync would push (dated in the window)
-- would pay beyond what is due: Xero refuses the payment or allocation that overpays. What is due
-- is the whole total when the sync pushes the invoice too, and Xero's AmountDue when the invoice
-- is already in Xero (linked by its number, same contact).
WITH "received" AS (
    SELECT "invoice_id", sum("amount") AS "paid", 0.00 AS "credited"
    FROM "pm_payments"
    WHERE "snapshot_id" = $pm_snapshot AND "status" = 'completed'
      AND list_contains($locations, "location_id") AND "payment_date" BETWEEN $start AND $end
    GROUP BY ALL
    UNION ALL
    SELECT "invoice_id", 0.00, sum("amount")
    FROM "pm_allocations"
    WHERE "snapshot_id" = $pm_snapshot AND "allocation_date" BETWEEN $start AND $end
    GROUP BY ALL
), "per_invoice" AS (
    SELECT r."invoice_id", i."invoice_number", i."customer_id", i."total",
           i."status" IN ('issued', 'paid') AND i."invoice_date" BETWEEN $start AND $end AS "pushed",
           r."paid", r."credited"
    FROM (SELECT "invoice_id", sum("paid") AS "paid", sum("credited") AS "credited" FROM "received" GROUP BY ALL) AS r
    JOIN "pm_invoices" AS i ON i."snapshot_id" = $pm_snapshot AND i."invoice_id" = r."invoice_id"
    WHERE list_contains($locations, i."location_id")
), "overpaid_pushed" AS (
    SELECT "invoice_id", "invoice_number", true AS "pushed", NULL AS "xero_id", NULL AS "xero_status",
           "total" AS "due", "paid", "credited"
    FROM "per_invoice"
    WHERE "pushed" AND "paid" + "credited" > "total"
), "not_pushed" AS (
    SELECT *, lower($invoice_prefix || "invoice_number") AS "xero_number",
           CAST("customer_id" AS VARCHAR) AS "contact_number"
    FROM "per_invoice"
    WHERE NOT "pushed"
), "overpaid_in_xero" AS (
    SELECT p."invoice_id", p."invoice_number", false AS "pushed", i."invoice_id" AS "xero_id",
           i."status" AS "xero_status", i."amount_due" AS "due", p."paid", p."credited"
    FROM "not_pushed" AS p
    JOIN "xero_invoices" AS i
      ON i."snapshot_id" = $xero_snapshot AND i."tenant_id" = $tenant_id AND lower(i."invoice_number") = p."xero_number"
    JOIN "xero_contacts" AS c
      ON c."snapshot_id" = i."snapshot_id" AND c."tenant_id" = i."tenant_id" AND c."contact_id" = i."contact_id"
    WHERE i."type" = 'ACCREC' AND i."status" IN ('AUTHORISED', 'PAID') AND c."contact_number" = p."contact_number"
      AND p."paid" + p."credited" > i."amount_due"
)
SELECT * FROM "overpaid_pushed"
UNION ALL
SELECT * FROM "overpaid_in_xero"
ORDER BY "invoice_id";
