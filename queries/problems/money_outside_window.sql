-- Payments, credit allocations and refunds the sync would push (dated in the window) whose
-- document it will not push: dated outside the window, a draft, or void in Pet Manager. Such a
-- record fails in Xero unless its document is already there: an invoice or credit note linked
-- by its number, for the same contact, in a state Xero takes money against (AUTHORISED or PAID).
-- Overpayments carry no number Xero keeps, so they are never linked here.
WITH "money" AS (
    SELECT 'payment' AS "record_kind", "payment_id" AS "record_id", "payment_date" AS "record_date", "amount",
           'invoice' AS "document_kind", "invoice_id" AS "document_id"
    FROM "pm_payments"
    WHERE "snapshot_id" = $pm_snapshot AND "status" = 'completed'
      AND list_contains($locations, "location_id") AND "payment_date" BETWEEN $start AND $end
    UNION ALL
    SELECT 'refund', "refund_id", "refund_date", "amount", "source_type", "source_id"
    FROM "pm_refunds"
    WHERE "snapshot_id" = $pm_snapshot
      AND list_contains($locations, "location_id") AND "refund_date" BETWEEN $start AND $end
    UNION ALL
    SELECT 'allocation', a."allocation_id", a."allocation_date", a."amount", d."document_kind", d."document_id"
    FROM "pm_allocations" AS a
    JOIN "pm_invoices" AS i ON i."snapshot_id" = a."snapshot_id" AND i."invoice_id" = a."invoice_id"
    CROSS JOIN LATERAL (VALUES (a."source_type", a."source_id"), ('invoice', a."invoice_id"))
        AS d("document_kind", "document_id")
    WHERE a."snapshot_id" = $pm_snapshot
      AND list_contains($locations, i."location_id") AND a."allocation_date" BETWEEN $start AND $end
), "documents" AS (
    SELECT 'invoice' AS "document_kind", "invoice_id" AS "document_id", "invoice_number" AS "document_number",
           "customer_id", "invoice_date" AS "document_date", "status" AS "document_status"
    FROM "pm_invoices"
    WHERE "snapshot_id" = $pm_snapshot
    UNION ALL
    SELECT 'credit_note', "credit_note_id", "credit_note_number", "customer_id", "credit_date", "status"
    FROM "pm_credit_notes"
    WHERE "snapshot_id" = $pm_snapshot
    UNION ALL
    SELECT 'overpayment', "overpayment_id", CAST("overpayment_id" AS VARCHAR), "customer_id", "payment_date", 'received'
    FROM "pm_overpayments"
    WHERE "snapshot_id" = $pm_snapshot
), "stranded" AS (
    SELECT m.*, d."document_number", d."document_date", CAST(d."customer_id" AS VARCHAR) AS "contact_number",
           CASE
               WHEN d."document_status" = 'draft' THEN 'draft'
               WHEN d."document_status" = 'void' THEN 'void'
               WHEN d."document_date" < $start THEN 'before_start'
               ELSE 'after_end'
           END AS "reason",
           lower(CASE d."document_kind" WHEN 'invoice' THEN $invoice_prefix || d."document_number"
                                        WHEN 'credit_note' THEN $credit_note_prefix || d."document_number" END)
               AS "xero_number"
    FROM "money" AS m
    JOIN "documents" AS d USING ("document_kind", "document_id")
    WHERE d."document_status" IN ('draft', 'void') OR d."document_date" NOT BETWEEN $start AND $end
), "in_xero" AS (
    SELECT 'invoice' AS "document_kind", lower(i."invoice_number") AS "xero_number", c."contact_number"
    FROM "xero_invoices" AS i
    JOIN "xero_contacts" AS c
      ON c."snapshot_id" = i."snapshot_id" AND c."tenant_id" = i."tenant_id" AND c."contact_id" = i."contact_id"
    WHERE i."snapshot_id" = $xero_snapshot AND i."tenant_id" = $tenant_id
      AND i."type" = 'ACCREC' AND i."status" IN ('AUTHORISED', 'PAID')
      AND lower(i."invoice_number") IN (SELECT "xero_number" FROM "stranded")
    UNION ALL
    SELECT 'credit_note', lower(n."credit_note_number"), c."contact_number"
    FROM "xero_credit_notes" AS n
    JOIN "xero_contacts" AS c
      ON c."snapshot_id" = n."snapshot_id" AND c."tenant_id" = n."tenant_id" AND c."contact_id" = n."contact_id"
    WHERE n."snapshot_id" = $xero_snapshot AND n."tenant_id" = $tenant_id
      AND n."type" = 'ACCRECCREDIT' AND n."status" IN ('AUTHORISED', 'PAID')
      AND lower(n."credit_note_number") IN (SELECT "xero_number" FROM "stranded")
)
SELECT s."record_kind", s."record_id", s."record_date", s."amount",
       s."document_kind", s."document_id", s."document_number", s."document_date", s."reason"
FROM "stranded" AS s
WHERE NOT EXISTS (
    SELECT 1 FROM "in_xero" AS x
    WHERE x."document_kind" = s."document_kind" AND x."xero_number" = s."xero_number"
      AND x."contact_number" = s."contact_number"
)
ORDER BY s."record_date", s."record_kind", s."record_id", s."document_kind";
