-- Payments Pet Manager already sent: a Xero payment on a linked invoice with the same amount.
-- Several payments of one amount on one invoice pair up in date order.
CREATE OR REPLACE TEMP TABLE "match_money_links" AS
WITH "linked_invoices" AS (
    SELECT "pm_id" AS "invoice_id" FROM "match_invoice_resolved" WHERE "level" = 'linked'
),
"pm" AS (
    -- only money on linked invoices can be linked (numbering within an invoice is unchanged by that)
    SELECT *, row_number() OVER (PARTITION BY "invoice_id", "cents" ORDER BY "date", "pm_id") AS "nth"
    FROM "match_pm_money" WHERE "live" AND "invoice_id" IN (SELECT "invoice_id" FROM "linked_invoices")
),
"xero" AS (
    SELECT x.*, r."pm_id" AS "pm_invoice_id",
           row_number() OVER (PARTITION BY r."pm_id", x."cents" ORDER BY x."date", x."xero_id") AS "nth"
    FROM "match_xero_money" AS x
    JOIN "match_invoice_resolved" AS r ON r."xero_id" = x."invoice_id" AND r."level" = 'linked'
    WHERE x."live"
)
SELECT pm."pm_id", xero."xero_id", xero."invoice_number", pm."in_window",
       'payment on InvoiceNumber ' || xero."invoice_number" AS "how"
FROM "pm"
JOIN "xero" ON xero."pm_invoice_id" = pm."invoice_id" AND xero."cents" = pm."cents" AND xero."nth" = pm."nth";
