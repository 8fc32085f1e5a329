-- Xero payments received on sales invoices (not bills). Deleted payments are not live.
CREATE OR REPLACE TEMP TABLE "match_xero_money" AS
SELECT p."payment_id" AS "xero_id", coalesce(p."contact_id", i."contact_id") AS "contact_id", i."contact_name",
       p."invoice_id", coalesce(p."invoice_number", i."invoice_number") AS "invoice_number",
       p."date", match_cents(p."amount") AS "cents", p."account_code", p."reference",
       coalesce(p."status", '') <> 'DELETED' AS "live"
FROM "xero_payments" AS p
JOIN "xero_invoices" AS i
  ON i."invoice_id" = p."invoice_id" AND i."snapshot_id" = p."snapshot_id" AND i."tenant_id" = p."tenant_id"
WHERE p."snapshot_id" = $xero_snapshot AND p."tenant_id" = $tenant_id AND i."type" = 'ACCREC';
