-- In Xero but different: amount, date, status (void in Pet Manager, live in Xero), contact, lines
-- (the line amounts, Xero's rounding line left out) and allocations (credit applied to an invoice).
-- A record voided or deleted in Xero while live in Pet Manager is found_voided.sql's.
-- Lines are compared by count, sum and sum of squares (cheap for a million documents); the lines
-- are written out in words only for the documents whose lines differ.
INSERT INTO "audit_found"
WITH "compared" AS (
    SELECT * FROM "audit_joined"
    WHERE "in_period" AND ("pm_live" = "xero_live" OR NOT "pm_live") AND ("pm_live" OR "xero_live")
),
"pm_line_rows" AS (
    SELECT "invoice_id" * 8 AS "pm_row", "line_amount"  -- pm_row as audit_pm numbers it
    FROM "pm_invoice_lines" WHERE "snapshot_id" = $pm_snapshot
    UNION ALL
    SELECT "credit_note_id" * 8 + 1, "line_amount"
    FROM "pm_credit_note_lines" WHERE "snapshot_id" = $pm_snapshot
),
"xero_line_rows" AS (
    SELECT 'invoice' AS "kind", "invoice_id" AS "xero_id", "line_amount"
    FROM "xero_invoice_lines"
    WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id
      AND coalesce("account_code", '') <> coalesce($rounding_account, '')
    UNION ALL
    SELECT 'credit_note', "credit_note_id", "line_amount"
    FROM "xero_credit_note_lines"
    WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id
      AND coalesce("account_code", '') <> coalesce($rounding_account, '')
),
"pm_lines" AS (
    SELECT "pm_row", count(*) AS "n", sum("line_amount") AS "total",
           sum(CAST("line_amount" AS DECIMAL(38, 2)) * "line_amount") AS "squares"
    FROM "pm_line_rows" GROUP BY ALL
),
"xero_lines" AS (
    SELECT "kind", "xero_id", count(*) AS "n", sum("line_amount") AS "total",
           sum(CAST("line_amount" AS DECIMAL(38, 2)) * "line_amount") AS "squares"
    FROM "xero_line_rows" GROUP BY ALL
),
"checked" AS (
    SELECT c.*,
           c."pm_amount" <> c."xero_amount" AS "amount_differs",
           c."pm_day" <> c."xero_day" AS "date_differs",
           NOT c."pm_live" AND c."xero_live" AS "status_differs",
           c."kind" IN ('invoice', 'credit_note', 'overpayment')
               AND c."xero_customer_id" IS DISTINCT FROM c."customer_id" AS "contact_differs",
           c."kind" IN ('invoice', 'credit_note')
               AND (pl."n" IS DISTINCT FROM xl."n" OR pl."total" IS DISTINCT FROM xl."total"
                    OR pl."squares" IS DISTINCT FROM xl."squares") AS "lines_differ",
           c."kind" = 'invoice' AND c."pm_credited" <> coalesce(c."xero_credited", 0) AS "allocations_differ"
    FROM "compared" AS c
    LEFT JOIN "pm_lines" AS pl ON pl."pm_row" = c."pm_row"
    LEFT JOIN "xero_lines" AS xl ON xl."kind" = c."kind" AND xl."xero_id" = c."xero_id"
),
"differing" AS (
    SELECT * FROM "checked"
    WHERE "amount_differs" OR "date_differs" OR "status_differs" OR "contact_differs" OR "lines_differ"
       OR "allocations_differ"
),
"pm_words" AS (
    SELECT l."pm_row", string_agg(CAST(l."line_amount" AS VARCHAR), ', ' ORDER BY l."line_amount") AS "lines"
    FROM "pm_line_rows" AS l
    SEMI JOIN "differing" AS d ON d."lines_differ" AND d."pm_row" = l."pm_row"
    GROUP BY ALL
),
"xero_words" AS (
    SELECT l."kind", l."xero_id", string_agg(CAST(l."line_amount" AS VARCHAR), ', ' ORDER BY l."line_amount") AS "lines"
    FROM "xero_line_rows" AS l
    SEMI JOIN "differing" AS d ON d."lines_differ" AND d."kind" = l."kind" AND d."xero_id" = l."xero_id"
    GROUP BY ALL
)
SELECT 'different', d."kind", d."pm_id", d."xero_id", coalesce(x."number", p."number"), x."contact_name",
       d."pm_day", d."pm_amount", d."xero_amount",
       list_filter([CASE WHEN "amount_differs" THEN 'amount' END, CASE WHEN "status_differs" THEN 'status' END,
                    CASE WHEN "date_differs" THEN 'date' END, CASE WHEN "contact_differs" THEN 'contact' END,
                    CASE WHEN "lines_differ" THEN 'lines' END, CASE WHEN "allocations_differ" THEN 'allocations' END],
                   lambda f: f IS NOT NULL),
       concat_ws('; ',
           CASE WHEN "amount_differs" THEN 'total ' || d."pm_amount" || ' in Pet Manager, ' || d."xero_amount" || ' in Xero' END,
           CASE WHEN "status_differs" THEN 'void in Pet Manager, ' || x."status" || ' in Xero' END,
           CASE WHEN "date_differs" THEN 'dated ' || d."pm_day" || ' in Pet Manager, ' || d."xero_day" || ' in Xero' END,
           CASE WHEN "contact_differs" THEN 'on contact ''' || coalesce(x."contact_name", '') || ''' in Xero, not customer '
                                            || d."customer_id" || '''s contact' END,
           CASE WHEN "lines_differ" THEN 'lines ' || coalesce(pw."lines", 'none') || ' in Pet Manager, '
                                         || coalesce(xw."lines", 'none') || ' in Xero' END,
           CASE WHEN "allocations_differ" THEN 'credit allocated ' || d."pm_credited" || ' in Pet Manager, '
                                               || coalesce(d."xero_credited", 0) || ' in Xero' END),
       NULL
FROM "differing" AS d
JOIN "audit_pm" AS p ON p."pm_row" = d."pm_row"
JOIN "audit_xero" AS x ON x."x_row" = d."x_row"
LEFT JOIN "pm_words" AS pw ON pw."pm_row" = d."pm_row"
LEFT JOIN "xero_words" AS xw ON xw."kind" = d."kind" AND xw."xero_id" = d."xero_id";
