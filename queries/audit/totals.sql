-- Totals side by side: sales (invoices less credit notes) by month, line amounts by account and
-- by tax type, money received (payments and overpayments) by payment method.
WITH "pm_money" AS (
    SELECT coalesce(k."key", 'unmapped method ' || p."method") AS "key", p."amount"
    FROM "audit_pm" AS p
    LEFT JOIN "audit_mapping" AS m ON m."role" = 'method' AND m."code" = p."method"
    LEFT JOIN "audit_method_keys" AS k ON k."account_code" = m."value"
    WHERE p."kind" IN ('payment', 'overpayment') AND p."live" AND p."in_period"
),
"xero_money" AS (
    SELECT coalesce(k."key", coalesce(x."account_code", 'no account')) AS "key", x."amount"
    FROM "audit_xero_scope" AS x
    LEFT JOIN "audit_method_keys" AS k ON k."account_code" = x."account_code"
    WHERE x."kind" IN ('payment', 'overpayment')
),
"sides" AS (
    SELECT 'month' AS "dimension", strftime("day", '%Y-%m') AS "key",
           CASE "kind" WHEN 'invoice' THEN "amount" ELSE -"amount" END AS "pm", 0 AS "xero"
    FROM "audit_pm" WHERE "kind" IN ('invoice', 'credit_note') AND "live" AND "in_period"
    UNION ALL
    SELECT 'month', strftime("day", '%Y-%m'), 0, CASE "kind" WHEN 'invoice' THEN "amount" ELSE -"amount" END
    FROM "audit_xero_scope" WHERE "kind" IN ('invoice', 'credit_note')
    UNION ALL SELECT 'account', "account", "amount", 0 FROM "audit_pm_lines"
    UNION ALL SELECT 'account', "account", 0, "amount" FROM "audit_xero_lines"
    UNION ALL SELECT 'tax_type', "tax_type", "amount", 0 FROM "audit_pm_lines"
    UNION ALL SELECT 'tax_type', "tax_type", 0, "amount" FROM "audit_xero_lines"
    UNION ALL SELECT 'payment_method', "key", "amount", 0 FROM "pm_money"
    UNION ALL SELECT 'payment_method', "key", 0, "amount" FROM "xero_money"
)
SELECT "dimension", "key", CAST(sum("pm") AS DECIMAL(18, 2)) AS "petmanager", CAST(sum("xero") AS DECIMAL(18, 2)) AS "xero"
FROM "sides"
GROUP BY "dimension", "key"
ORDER BY list_position(['month', 'account', 'tax_type', 'payment_method'], "dimension"), "key";
