-- Live Xero records of the period that stand for no Pet Manager record, and whose customer each
-- one's contact is: Pet Manager's own contact (linked), else a hand-made contact with exactly one
-- customer's name (audit_xero_contacts.name_text, without the CN suffix). `in_pm_scope`: the
-- record is Pet Manager's kind of record — its number prefix, its customer group, its contacts,
-- a payment on one of its invoices, a refund of one of its credits, a transfer out of its
-- Stripe clearing account, a bill to one of its suppliers.
CREATE OR REPLACE TEMP TABLE "audit_loose" AS
WITH "unique_names" AS (
    SELECT "customer_id", "name_text" FROM "audit_customers"
    QUALIFY count(*) OVER (PARTITION BY "name_text") = 1
),
"whose" AS (
    SELECT "contact_id", "customer_id" FROM "audit_contact_links"
    UNION ALL
    SELECT x."contact_id", n."customer_id"
    FROM "audit_xero_contacts" AS x
    JOIN "unique_names" AS n ON n."name_text" = x."name_text"
    ANTI JOIN "audit_contact_links" AS l ON l."contact_id" = x."contact_id"
),
"paired_parents" AS (
    SELECT "xero_id" FROM "audit_pairs" WHERE "kind" IN ('invoice', 'credit_note', 'overpayment')
)
SELECT x.*, w."customer_id",
       x."linked_customer_id" IS NOT NULL OR x."in_pm_group"
       OR (x."kind" = 'invoice' AND $invoice_prefix <> '' AND starts_with(x."number", $invoice_prefix)
           AND TRY_CAST(substr(x."number", length($invoice_prefix) + 1) AS UBIGINT) IS NOT NULL)
       OR (x."kind" = 'credit_note' AND $credit_note_prefix <> '' AND starts_with(x."number", $credit_note_prefix))
       OR (x."kind" IN ('payment', 'refund') AND x."invoice_id" IN (SELECT "xero_id" FROM "paired_parents"))
       OR x."kind" IN ('payout', 'stripe_fee') AS "in_pm_scope"
FROM "audit_xero" AS x
ANTI JOIN "audit_pairs" AS a ON a."x_row" = x."x_row"
LEFT JOIN "whose" AS w ON w."contact_id" = x."contact_id"
WHERE x."live" AND x."in_period";
