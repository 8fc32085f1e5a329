-- Pet Manager records of the period (live) with no Xero counterpart, and the customers of those
-- records with no contact, each with why: before the start date, paying an invoice from before
-- it, a failed write (and Xero's message) or a write still queued in the outbox, an unresolved
-- suspected duplicate of the latest check, an invoice that is itself not in Xero.
INSERT INTO "audit_found"
WITH "missing" AS (
    SELECT p."kind", p."pm_id", p."number", p."customer_id", p."day", p."amount", p."parent_row"
    FROM "audit_pm" AS p
    ANTI JOIN "audit_pairs" AS a ON a."pm_row" = p."pm_row"
    WHERE p."in_period" AND p."live"
    UNION ALL
    SELECT DISTINCT 'contact', p."customer_id", CAST(p."customer_id" AS VARCHAR), p."customer_id", CAST(NULL AS DATE),
           CAST(NULL AS DECIMAL(18, 2)), CAST(NULL AS BIGINT)
    FROM "audit_pm" AS p
    ANTI JOIN "audit_pairs" AS a ON a."kind" = 'contact' AND a."pm_id" = p."customer_id"
    WHERE p."in_period" AND p."live" AND p."customer_id" IS NOT NULL
),
"outbox_latest" AS (
    SELECT "kind", "petmanager_id", "state", "error"
    FROM "outbox"
    QUALIFY row_number() OVER (PARTITION BY "kind", "petmanager_id" ORDER BY "outbox_id" DESC) = 1
),
"latest_check" AS (
    SELECT max("run_id") AS "run_id" FROM "check_runs"
),
"unresolved" AS (
    SELECT d."kind", d."petmanager_id", d."xero_id", d."tier"
    FROM "check_duplicates" AS d
    JOIN "latest_check" AS c ON c."run_id" = d."run_id"
    ANTI JOIN "duplicate_decisions" AS r
      ON r."tenant_id" = d."tenant_id" AND r."kind" = d."kind" AND r."petmanager_id" = d."petmanager_id"
     AND r."xero_id" = d."xero_id"
    WHERE d."tenant_id" = $tenant_id
    QUALIFY row_number() OVER (PARTITION BY d."kind", d."petmanager_id" ORDER BY d."confidence" DESC) = 1
),
"explained" AS (
    SELECT m.*, c."contact_name",
           CASE
               WHEN CAST($start_date AS DATE) IS NOT NULL AND m."day" < CAST($start_date AS DATE)
                   THEN 'before the start date ' || CAST($start_date AS DATE)
               WHEN CAST($start_date AS DATE) IS NOT NULL AND i."day" < CAST($start_date AS DATE)
                   THEN CASE m."kind" WHEN 'payment' THEN 'pays ' WHEN 'refund' THEN 'refunds ' ELSE 'is charged on ' END || replace(i."kind", '_', ' ')
                        || ' ' || coalesce(i."number", CAST(i."pm_id" AS VARCHAR)) || ' dated ' || i."day"
                        || ', before the start date ' || CAST($start_date AS DATE)
               WHEN o."state" = 'failed' THEN 'failed write: ' || coalesce(o."error", 'Xero gave no message')
               WHEN o."state" IS NOT NULL AND o."state" <> 'done' THEN 'still queued (' || o."state" || ')'
               WHEN u."xero_id" IS NOT NULL
                   THEN 'unresolved duplicate: Xero ' || replace(u."kind", '_', ' ') || ' ' || u."xero_id" || ' ('
                        || u."tier" || ') awaits `recon resolve`'
               WHEN i."pm_row" IS NOT NULL AND ip."xero_id" IS NULL
                   THEN 'its ' || replace(i."kind", '_', ' ') || ' ' || coalesce(i."number", CAST(i."pm_id" AS VARCHAR))
                        || ' is not in Xero either'
               ELSE 'not sent to Xero'
           END AS "why"
    FROM "missing" AS m
    LEFT JOIN "audit_customers" AS c ON c."customer_id" = m."customer_id"
    LEFT JOIN "audit_pm" AS i ON i."pm_row" = m."parent_row"
    LEFT JOIN "audit_pairs" AS ip ON ip."pm_row" = i."pm_row"
    LEFT JOIN "outbox_latest" AS o ON o."kind" = m."kind" AND o."petmanager_id" = CAST(m."pm_id" AS VARCHAR)
    LEFT JOIN "unresolved" AS u ON u."kind" = m."kind" AND u."petmanager_id" = m."pm_id"
)
SELECT 'missing_in_xero', "kind", "pm_id", NULL,
       CASE "kind" WHEN 'invoice' THEN $invoice_prefix || "number" WHEN 'credit_note' THEN $credit_note_prefix || "number"
                   WHEN 'contact' THEN "contact_name" ELSE "number" END,
       "contact_name", "day", "amount", NULL, [], 'not in Xero: ' || "why", "why"
FROM "explained";
