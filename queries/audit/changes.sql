-- What changed on each side between the previous audit's snapshots and this one's: records new,
-- edited, voided, or deleted (gone, or DELETED in Xero). A narrow join finds the changed records;
-- only those are read again, both versions, for the words.
WITH "pm_versions" AS (
    SELECT "snapshot_id", 'invoice' AS "kind", "invoice_id" AS "id", "invoice_number" AS "number",
           "status", "total" AS "amount", "updated_at" AS "stamp"
    FROM "pm_invoices" WHERE "snapshot_id" IN ($pm_snapshot, $previous_pm) AND list_contains($locations, "location_id")
    UNION ALL
    SELECT "snapshot_id", 'credit_note', "credit_note_id", "credit_note_number", "status", "total",
           "updated_at"
    FROM "pm_credit_notes" WHERE "snapshot_id" IN ($pm_snapshot, $previous_pm) AND list_contains($locations, "location_id")
    UNION ALL
    SELECT "snapshot_id", 'payment', "payment_id", "reference", "status", "amount", "updated_at"
    FROM "pm_payments" WHERE "snapshot_id" IN ($pm_snapshot, $previous_pm) AND list_contains($locations, "location_id")
    UNION ALL
    SELECT "snapshot_id", 'overpayment', "overpayment_id", "reference", 'completed', "amount",
           "updated_at"
    FROM "pm_overpayments" WHERE "snapshot_id" IN ($pm_snapshot, $previous_pm) AND list_contains($locations, "location_id")
    UNION ALL
    SELECT "snapshot_id", 'contact', "customer_id", CAST("customer_id" AS VARCHAR),
           CASE WHEN "is_active" THEN 'active' ELSE 'archived' END, NULL, "updated_at"
    FROM "pm_customers" WHERE "snapshot_id" IN ($pm_snapshot, $previous_pm)
),
"xero_versions" AS (
    SELECT "snapshot_id", 'contact' AS "kind", "contact_id" AS "id", "name" AS "number", "contact_status" AS "status",
           CAST(NULL AS DECIMAL(18, 2)) AS "amount", "updated_at" AS "stamp"
    FROM "xero_contacts" WHERE "snapshot_id" IN ($xero_snapshot, $previous_xero) AND "tenant_id" = $tenant_id
    UNION ALL
    SELECT "snapshot_id", CASE "type" WHEN 'ACCREC' THEN 'invoice' ELSE 'bill' END, "invoice_id", "invoice_number",
           "status", "total", "updated_at"
    FROM "xero_invoices" WHERE "snapshot_id" IN ($xero_snapshot, $previous_xero) AND "tenant_id" = $tenant_id
    UNION ALL
    SELECT "snapshot_id", 'credit_note', "credit_note_id", "credit_note_number", "status", "total", "updated_at"
    FROM "xero_credit_notes" WHERE "snapshot_id" IN ($xero_snapshot, $previous_xero) AND "tenant_id" = $tenant_id
    UNION ALL
    SELECT "snapshot_id", 'payment', "payment_id", coalesce("reference", "invoice_number"), "status", "amount",
           "updated_at"
    FROM "xero_payments" WHERE "snapshot_id" IN ($xero_snapshot, $previous_xero) AND "tenant_id" = $tenant_id
    UNION ALL
    SELECT "snapshot_id", 'overpayment', "overpayment_id", NULL, "status", "total", "updated_at"
    FROM "xero_overpayments" WHERE "snapshot_id" IN ($xero_snapshot, $previous_xero) AND "tenant_id" = $tenant_id
),
-- Pet Manager's updated_at and Xero's UpdatedDateUTC move with every change, so the narrow join
-- compares them alone (Pet Manager's ids as numbers); status and amount are compared as well.
"pm_changed" AS (
    SELECT 'petmanager' AS "side", coalesce(c."kind", p."kind") AS "kind", coalesce(c."id", p."id") AS "id"
    FROM (SELECT "kind", "id", "stamp", "status", "amount" FROM "pm_versions" WHERE "snapshot_id" = $pm_snapshot) AS c
    FULL JOIN (SELECT "kind", "id", "stamp", "status", "amount" FROM "pm_versions" WHERE "snapshot_id" = $previous_pm) AS p
      ON p."kind" = c."kind" AND p."id" = c."id"
    WHERE c."id" IS NULL OR p."id" IS NULL OR c."stamp" IS DISTINCT FROM p."stamp"
       OR c."status" IS DISTINCT FROM p."status" OR c."amount" IS DISTINCT FROM p."amount"
),
"xero_changed" AS (
    SELECT 'xero' AS "side", coalesce(c."kind", p."kind") AS "kind", coalesce(c."id", p."id") AS "id"
    FROM (SELECT "kind", "id", "stamp", "status", "amount" FROM "xero_versions" WHERE "snapshot_id" = $xero_snapshot) AS c
    FULL JOIN (SELECT "kind", "id", "stamp", "status", "amount" FROM "xero_versions" WHERE "snapshot_id" = $previous_xero) AS p
      ON p."kind" = c."kind" AND p."id" = c."id"
    WHERE c."id" IS NULL OR p."id" IS NULL OR c."stamp" IS DISTINCT FROM p."stamp"
       OR c."status" IS DISTINCT FROM p."status" OR c."amount" IS DISTINCT FROM p."amount"
),
"changed" AS (
    SELECT * FROM "pm_changed" UNION ALL SELECT * FROM "xero_changed"
),
"versions" AS (
    SELECT 'petmanager' AS "side", v."snapshot_id" = $pm_snapshot AS "now", v.*
    FROM "pm_versions" AS v SEMI JOIN "pm_changed" AS g ON g."kind" = v."kind" AND g."id" = v."id"
    UNION ALL
    SELECT 'xero', v."snapshot_id" = $xero_snapshot, v.*
    FROM "xero_versions" AS v SEMI JOIN "xero_changed" AS g ON g."kind" = v."kind" AND g."id" = v."id"
),
"sides" AS (
    SELECT g."side", g."kind", g."id", c."id" AS "now_id", p."id" AS "was_id", c."number" AS "now_number",
           p."number" AS "was_number", c."status" AS "now_status", p."status" AS "was_status",
           c."amount" AS "now_amount", p."amount" AS "was_amount"
    FROM "changed" AS g
    LEFT JOIN (SELECT * FROM "versions" WHERE "now") AS c ON c."side" = g."side" AND c."kind" = g."kind" AND c."id" = g."id"
    LEFT JOIN (SELECT * FROM "versions" WHERE NOT "now") AS p ON p."side" = g."side" AND p."kind" = g."kind" AND p."id" = g."id"
)
SELECT "side", "kind", CAST("id" AS VARCHAR) AS "record_id", coalesce("now_number", "was_number") AS "number",
       CASE WHEN "was_id" IS NULL THEN 'new'
            WHEN "now_id" IS NULL OR ("now_status" = 'DELETED' AND "was_status" <> 'DELETED') THEN 'deleted'
            WHEN "now_status" IN ('void', 'VOIDED') AND "was_status" NOT IN ('void', 'VOIDED') THEN 'voided'
            ELSE 'edited' END AS "what",
       concat_ws('; ',
           CASE WHEN "was_id" IS NOT NULL AND "now_id" IS NOT NULL AND "now_status" IS DISTINCT FROM "was_status"
                THEN 'status ' || coalesce("was_status", '-') || ' → ' || coalesce("now_status", '-') END,
           CASE WHEN "was_id" IS NOT NULL AND "now_id" IS NOT NULL AND "now_amount" IS DISTINCT FROM "was_amount"
                THEN 'amount ' || coalesce(CAST("was_amount" AS VARCHAR), '-') || ' → ' || coalesce(CAST("now_amount" AS VARCHAR), '-') END,
           CASE WHEN "was_id" IS NOT NULL AND "now_id" IS NOT NULL AND "now_number" IS DISTINCT FROM "was_number"
                THEN coalesce("was_number", '-') || ' → ' || coalesce("now_number", '-') END,
           CASE WHEN "was_id" IS NULL AND "now_amount" IS NOT NULL THEN 'amount ' || "now_amount" END) AS "detail"
FROM "sides"
ORDER BY "side", "kind", "what", "number", "record_id";
