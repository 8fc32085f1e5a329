-- Each customer's receivable at the end of the period, on each side, counting records from the
-- start date (the sync's; everything when there is none): invoices less credit notes, payments
-- and overpayments, plus refunds (money paying or paying out a record from before the start left out). Xero's side is the customer's own contact (linked). Only the
-- customers whose balances differ.
WITH "pm" AS (
    SELECT p."customer_id", CASE WHEN p."kind" IN ('invoice', 'refund') THEN p."amount" ELSE -p."amount" END AS "amount"
    FROM "audit_pm" AS p
    LEFT JOIN "audit_pm" AS parent ON parent."pm_row" = p."parent_row"
    WHERE p."kind" IN ('invoice', 'credit_note', 'payment', 'overpayment', 'refund') AND p."live"
      AND p."day" <= $period_to AND (p."day" >= CAST($start_date AS DATE) OR CAST($start_date AS DATE) IS NULL)
      AND NOT coalesce(parent."day" < CAST($start_date AS DATE), false)  -- money of a record from before the start
),
"xero" AS (
    SELECT x."linked_customer_id" AS "customer_id",
           CASE WHEN x."kind" IN ('invoice', 'refund') THEN x."amount" ELSE -x."amount" END AS "amount"
    FROM "audit_xero" AS x
    WHERE x."linked_customer_id" IS NOT NULL AND x."kind" IN ('invoice', 'credit_note', 'payment', 'overpayment', 'refund') AND x."live"
      AND x."day" <= $period_to AND (x."day" >= CAST($start_date AS DATE) OR CAST($start_date AS DATE) IS NULL)
),
"sides" AS (
    SELECT "customer_id", sum("amount") AS "petmanager", 0 AS "xero" FROM "pm" GROUP BY ALL
    UNION ALL
    SELECT "customer_id", 0, sum("amount") FROM "xero" GROUP BY ALL
),
"balances" AS (
    SELECT "customer_id", CAST(sum("petmanager") AS DECIMAL(18, 2)) AS "petmanager",
           CAST(sum("xero") AS DECIMAL(18, 2)) AS "xero"
    FROM "sides" GROUP BY ALL
)
SELECT coalesce(x."name", c."contact_name", 'customer ' || b."customer_id") AS "contact",
       CAST(b."customer_id" AS VARCHAR) AS "petmanager_id", l."contact_id" AS "xero_id", b."petmanager", b."xero"
FROM "balances" AS b
LEFT JOIN "audit_customers" AS c ON c."customer_id" = b."customer_id"
LEFT JOIN (SELECT * FROM "audit_contact_links" QUALIFY row_number() OVER (PARTITION BY "customer_id" ORDER BY "contact_id") = 1)
    AS l ON l."customer_id" = b."customer_id"
LEFT JOIN "audit_xero_contacts" AS x ON x."contact_id" = l."contact_id"
WHERE b."petmanager" <> b."xero"
ORDER BY abs(b."petmanager" - b."xero") DESC, "contact";
