-- Both sides of the suspected duplicate payments the pre-sync report shows, one row per pair
-- ($pm_ids[i] against $xero_ids[i] of organisation $tenant_ids[i] in Xero snapshot
-- $xero_snapshots[i]). The "number" of a payment is the number of the invoice it pays; "paid by"
-- is Pet Manager's method and the Xero bank account's code. Only the shown pairs.
WITH "pairs" AS (
    SELECT unnest($pm_ids) AS "pm_id", unnest($xero_ids) AS "xero_id",
           unnest($tenant_ids) AS "tenant_id", unnest($xero_snapshots) AS "xero_snapshot"
)
SELECT p."pm_id", p."xero_id", p."tenant_id",
       i."invoice_number" AS "pm_number", m."payment_date" AS "pm_date",
       coalesce(nullif(trim(concat_ws(' ', c."first_name", c."last_name")), ''), c."company_name") AS "pm_contact",
       m."amount" AS "pm_amount", m."reference" AS "pm_reference", m."status" AS "pm_status",
       m."method" AS "pm_paid_by", [] AS "pm_lines",
       coalesce(x."invoice_number", xi."invoice_number") AS "xero_number", x."date" AS "xero_date",
       coalesce(xc."name", xi."contact_name") AS "xero_contact", x."amount" AS "xero_amount",
       x."reference" AS "xero_reference", x."status" AS "xero_status", x."account_code" AS "xero_paid_by",
       [] AS "xero_lines"
FROM "pairs" AS p
LEFT JOIN "pm_payments" AS m ON m."snapshot_id" = $pm_snapshot AND m."payment_id" = p."pm_id"
LEFT JOIN "pm_invoices" AS i ON i."snapshot_id" = $pm_snapshot AND i."invoice_id" = m."invoice_id"
LEFT JOIN "pm_customers" AS c ON c."snapshot_id" = $pm_snapshot AND c."customer_id" = m."customer_id"
LEFT JOIN "xero_payments" AS x
  ON x."snapshot_id" = p."xero_snapshot" AND x."tenant_id" = p."tenant_id" AND x."payment_id" = p."xero_id"
LEFT JOIN "xero_invoices" AS xi
  ON xi."snapshot_id" = x."snapshot_id" AND xi."tenant_id" = x."tenant_id" AND xi."invoice_id" = x."invoice_id"
LEFT JOIN "xero_contacts" AS xc
  ON xc."snapshot_id" = x."snapshot_id" AND xc."tenant_id" = x."tenant_id" AND xc."contact_id" = x."contact_id";
