-- Invoices the sync would push (non-draft, dated in the window) whose Xero InvoiceNumber
-- (prefix + number) is already held by a Xero sales invoice in any state but DELETED (a voided
-- invoice keeps its number) for another document: another contact number, or another total on a
-- voided one. The same number for the same contact is an invoice already synced: a link (one changed in
-- Pet Manager since is updated by the sync, or held when Xero has payments on it: document_updates.py).
WITH "pushed" AS (
    SELECT "invoice_id", "invoice_number", "customer_id", "invoice_date", "total",
           $invoice_prefix || "invoice_number" AS "xero_number"
    FROM "pm_invoices"
    WHERE "snapshot_id" = $pm_snapshot AND "status" <> 'draft'
      AND list_contains($locations, "location_id") AND "invoice_date" BETWEEN $start AND $end
), "held" AS (
    SELECT i."invoice_id", i."invoice_number", i."status", i."date", i."total", i."contact_name",
           c."contact_number"
    FROM "xero_invoices" AS i
    LEFT JOIN "xero_contacts" AS c
      ON c."snapshot_id" = i."snapshot_id" AND c."tenant_id" = i."tenant_id" AND c."contact_id" = i."contact_id"
    WHERE i."snapshot_id" = $xero_snapshot AND i."tenant_id" = $tenant_id
      AND i."type" = 'ACCREC' AND i."status" <> 'DELETED'
)
SELECT p."invoice_id" AS "document_id", p."invoice_number" AS "document_number", p."invoice_date" AS "document_date",
       p."customer_id", p."total", p."xero_number",
       h."invoice_id" AS "xero_id", h."invoice_number" AS "xero_number_held", h."status" AS "xero_status",
       h."date" AS "xero_date", h."total" AS "xero_total", h."contact_name" AS "xero_contact_name",
       h."contact_number" AS "xero_contact_number"
FROM "pushed" AS p
JOIN "held" AS h ON lower(h."invoice_number") = lower(p."xero_number")
WHERE h."contact_number" IS DISTINCT FROM CAST(p."customer_id" AS VARCHAR)
   OR (h."total" <> p."total" AND h."status" = 'VOIDED')
ORDER BY p."invoice_date", p."invoice_id";
