-- Which differences touch which total (dimension, key): a document by its month and its lines'
-- accounts and tax types on either side, money by its payment method on either side.
WITH "pm_method" AS (
    SELECT p."kind", p."pm_id", k."key"
    FROM "audit_pm" AS p
    JOIN "audit_mapping" AS m ON m."role" = 'method' AND m."code" = p."method"
    JOIN "audit_method_keys" AS k ON k."account_code" = m."value"
),
"touches" AS (
    SELECT f."position", 'month' AS "dimension", strftime(p."day", '%Y-%m') AS "key"
    FROM "audit_found_ordered" AS f JOIN "audit_pm" AS p ON p."kind" = f."kind" AND p."pm_id" = f."pm_id"
    WHERE f."kind" IN ('invoice', 'credit_note')
    UNION ALL
    SELECT f."position", 'month', strftime(x."day", '%Y-%m')
    FROM "audit_found_ordered" AS f JOIN "audit_xero" AS x ON x."kind" = f."kind" AND x."xero_id" = f."xero_id"
    WHERE f."kind" IN ('invoice', 'credit_note')
    UNION ALL
    SELECT f."position", 'account', l."account" FROM "audit_found_ordered" AS f
    JOIN "audit_pm_lines" AS l ON l."kind" = f."kind" AND l."pm_id" = f."pm_id"
    UNION ALL
    SELECT f."position", 'account', l."account" FROM "audit_found_ordered" AS f
    JOIN "audit_xero_lines" AS l ON l."kind" = f."kind" AND l."xero_id" = f."xero_id"
    UNION ALL
    SELECT f."position", 'tax_type', l."tax_type" FROM "audit_found_ordered" AS f
    JOIN "audit_pm_lines" AS l ON l."kind" = f."kind" AND l."pm_id" = f."pm_id"
    UNION ALL
    SELECT f."position", 'tax_type', l."tax_type" FROM "audit_found_ordered" AS f
    JOIN "audit_xero_lines" AS l ON l."kind" = f."kind" AND l."xero_id" = f."xero_id"
    UNION ALL
    SELECT f."position", 'payment_method', m."key" FROM "audit_found_ordered" AS f
    JOIN "pm_method" AS m ON m."kind" = f."kind" AND m."pm_id" = f."pm_id"
    UNION ALL
    SELECT f."position", 'payment_method', coalesce(k."key", x."account_code") FROM "audit_found_ordered" AS f
    JOIN "audit_xero" AS x ON x."kind" = f."kind" AND x."xero_id" = f."xero_id"
    LEFT JOIN "audit_method_keys" AS k ON k."account_code" = x."account_code"
    WHERE f."kind" IN ('payment', 'overpayment')
)
SELECT DISTINCT "dimension", "key", "position" FROM "touches" ORDER BY ALL;
