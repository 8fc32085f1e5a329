-- Which Xero record is which Pet Manager record, by Pet Manager's own keys:
--   contacts: audit_contact_links (the pre-sync check's rule);
--   invoices and credit notes: Xero's number is the prefix + Pet Manager's number (the one on
--     Pet Manager's own contact first, then a live one): after the sync the number is unique, so
--     an invoice moved to another contact is still found, and shown as different;
--   payments: Reference "PM-PAY-<id>", else on the paired invoice with the same amount, paired in
--     date order (live ones first on both sides, so a deleted payment pairs only when no live one is left);
--   overpayments: Reference "PM-OVP-<id>", else on the customer's contact, same amount and day;
--   refunds: Reference "PM-RFD-<id>", else on the paired credit note or overpayment, same amount;
--   payouts: Reference "PM-PO-<id>", else Stripe's payout reference and amount, else day and amount;
--   fees: the bill's InvoiceNumber "PM-FEE-<id>"/"PM-PFEE-<id>", else the charge id on that supplier's bill;
--   and every pair the accountant decided is the same record (`recon resolve`).
-- One-to-one: a Xero record stands for one Pet Manager record at most. Rows carry `pm_row` and
-- `x_row` (NULL for contacts) so that later steps join on integers.
CREATE OR REPLACE TEMP TABLE "audit_pairs" AS
WITH "doc_candidates" AS (
    SELECT p."pm_row", p."live" AS "pm_live", x."x_row",
           -- Pet Manager's own contact first, then live, then the first stored (2^50 > any x_row)
           (CAST(coalesce(x."linked_customer_id" = p."customer_id", false) AS BIGINT) * 2 + CAST(x."live" AS BIGINT))
               * 1125899906842624 - x."x_row"
               AS "preference"
    FROM "audit_pm" AS p
    JOIN "audit_xero" AS x
      ON x."kind" = p."kind"
     AND x."number" = CASE p."kind" WHEN 'invoice' THEN $invoice_prefix ELSE $credit_note_prefix END || p."number"
    WHERE p."kind" IN ('invoice', 'credit_note') AND x."kind" IN ('invoice', 'credit_note')
),
-- per Pet Manager document its best Xero document, then per Xero document one Pet Manager
-- document (a live one first): integer aggregates, not window sorts
"best_xero" AS (
    SELECT "pm_row", arg_max("x_row", "preference") AS "x_row", bool_or("pm_live") AS "pm_live"
    FROM "doc_candidates" GROUP BY "pm_row"
),
"best_pm" AS (
    SELECT "x_row", arg_max("pm_row", CAST("pm_live" AS BIGINT) * 1125899906842624 - "pm_row") AS "pm_row"
    FROM "best_xero" GROUP BY "x_row"
),
"docs" AS (
    SELECT CASE b."pm_row" % 8 WHEN 0 THEN 'invoice' ELSE 'credit_note' END AS "kind", b."pm_row" // 8 AS "pm_id",
           x."xero_id", b."pm_row", b."x_row"
    FROM "best_pm" AS b
    JOIN "audit_xero" AS x ON x."x_row" = b."x_row"
),
"by_reference" AS (
    SELECT p."kind", p."pm_id", x."xero_id", p."pm_row", x."x_row"
    FROM "audit_pm" AS p
    JOIN "audit_xero" AS x
      ON x."kind" = p."kind"
     AND x."reference" = CASE p."kind" WHEN 'payment' THEN 'PM-PAY-' WHEN 'overpayment' THEN 'PM-OVP-'
                              WHEN 'refund' THEN 'PM-RFD-' ELSE 'PM-PO-' END || p."pm_id"
    WHERE p."kind" IN ('payment', 'overpayment', 'refund', 'payout')
      AND x."kind" IN ('payment', 'overpayment', 'refund', 'payout')
      AND starts_with(x."reference", 'PM-')
    QUALIFY row_number() OVER (PARTITION BY x."x_row" ORDER BY p."pm_id") = 1
),
"pm_payments" AS (
    SELECT p."pm_id", p."pm_row", p."amount", d."x_row" AS "invoice_row",
           row_number() OVER (PARTITION BY p."invoice_id", p."amount" ORDER BY p."live" DESC, p."day", p."pm_id") AS "nth"
    FROM "audit_pm" AS p
    JOIN "docs" AS d ON d."pm_row" = p."invoice_id" * 8
    ANTI JOIN "by_reference" AS r ON r."pm_row" = p."pm_row"
    WHERE p."kind" = 'payment'
),
"xero_payments" AS (
    SELECT x."xero_id", x."x_row", x."invoice_row", x."amount",
           row_number() OVER (PARTITION BY x."invoice_row", x."amount" ORDER BY x."live" DESC, x."day", x."x_row") AS "nth"
    FROM "audit_xero" AS x
    ANTI JOIN "by_reference" AS r ON r."x_row" = x."x_row"
    WHERE x."kind" = 'payment'
),
"payments" AS (
    SELECT 'payment' AS "kind", p."pm_id", x."xero_id", p."pm_row", x."x_row"
    FROM "pm_payments" AS p
    JOIN "xero_payments" AS x ON x."invoice_row" = p."invoice_row" AND x."amount" = p."amount" AND x."nth" = p."nth"
),
"pm_overpayments" AS (
    SELECT p."pm_id", p."pm_row", p."customer_id", p."amount", p."day",
           row_number() OVER (PARTITION BY p."customer_id", p."amount", p."day" ORDER BY p."pm_id") AS "nth"
    FROM "audit_pm" AS p
    ANTI JOIN "by_reference" AS r ON r."pm_row" = p."pm_row"
    WHERE p."kind" = 'overpayment'
),
"xero_overpayments" AS (
    SELECT x."xero_id", x."x_row", x."linked_customer_id" AS "customer_id", x."amount", x."day",
           row_number() OVER (PARTITION BY x."linked_customer_id", x."amount", x."day"
                              ORDER BY x."live" DESC, x."xero_id") AS "nth"
    FROM "audit_xero" AS x
    ANTI JOIN "by_reference" AS r ON r."x_row" = x."x_row"
    WHERE x."kind" = 'overpayment' AND x."linked_customer_id" IS NOT NULL
),
"overpayments" AS (
    SELECT 'overpayment' AS "kind", p."pm_id", x."xero_id", p."pm_row", x."x_row"
    FROM "pm_overpayments" AS p
    JOIN "xero_overpayments" AS x
      ON x."customer_id" = p."customer_id" AND x."amount" = p."amount" AND x."day" = p."day" AND x."nth" = p."nth"
),
"paired_credits" AS (
    SELECT * FROM "docs" WHERE "kind" = 'credit_note'
    UNION ALL
    SELECT * FROM "by_reference" WHERE "kind" = 'overpayment'
    UNION ALL
    SELECT * FROM "overpayments"
),
"pm_refunds" AS (
    SELECT p."pm_id", p."pm_row", p."amount", c."xero_id" AS "xero_credit_id",
           row_number() OVER (PARTITION BY p."parent_row", p."amount" ORDER BY p."day", p."pm_id") AS "nth"
    FROM "audit_pm" AS p
    JOIN "paired_credits" AS c ON c."pm_row" = p."parent_row"
    ANTI JOIN "by_reference" AS r ON r."pm_row" = p."pm_row"
    WHERE p."kind" = 'refund'
),
"xero_refunds" AS (
    SELECT x."xero_id", x."x_row", x."invoice_id", x."amount",
           row_number() OVER (PARTITION BY x."invoice_id", x."amount" ORDER BY x."live" DESC, x."day", x."x_row") AS "nth"
    FROM "audit_xero" AS x
    ANTI JOIN "by_reference" AS r ON r."x_row" = x."x_row"
    WHERE x."kind" = 'refund'
),
"refunds" AS (
    SELECT 'refund' AS "kind", p."pm_id", x."xero_id", p."pm_row", x."x_row"
    FROM "pm_refunds" AS p
    JOIN "xero_refunds" AS x ON x."invoice_id" = p."xero_credit_id" AND x."amount" = p."amount" AND x."nth" = p."nth"
),
-- payouts: Stripe's payout reference in Reference, else the same day and amount
"pm_payouts" AS (
    SELECT p.*, row_number() OVER (PARTITION BY p."day", p."amount" ORDER BY p."pm_id") AS "nth"
    FROM "audit_pm" AS p
    ANTI JOIN "by_reference" AS r ON r."pm_row" = p."pm_row"
    WHERE p."kind" = 'payout'
),
"xero_payouts" AS (
    SELECT x.*, row_number() OVER (PARTITION BY x."day", x."amount" ORDER BY x."x_row") AS "nth"
    FROM "audit_xero" AS x
    ANTI JOIN "by_reference" AS r ON r."x_row" = x."x_row"
    WHERE x."kind" = 'payout'
),
"payouts_by_stripe_reference" AS (
    SELECT 'payout' AS "kind", p."pm_id", x."xero_id", p."pm_row", x."x_row"
    FROM "pm_payouts" AS p
    JOIN "xero_payouts" AS x ON x."reference" = p."reference" AND x."amount" = p."amount"
    QUALIFY row_number() OVER (PARTITION BY x."x_row" ORDER BY p."pm_id") = 1
),
"payouts" AS (
    SELECT * FROM "payouts_by_stripe_reference"
    UNION ALL
    SELECT 'payout', p."pm_id", x."xero_id", p."pm_row", x."x_row"
    FROM (SELECT * FROM "pm_payouts" ANTI JOIN "payouts_by_stripe_reference" AS s USING ("pm_row")) AS p
    JOIN (SELECT * FROM "xero_payouts" ANTI JOIN "payouts_by_stripe_reference" AS s USING ("x_row")) AS x
      ON x."day" = p."day" AND x."amount" = p."amount" AND x."nth" = p."nth"
),
-- fee bills: InvoiceNumber "PM-FEE-<payment id>" (Stripe) or "PM-PFEE-<payment id>" (Pet Manager),
-- else the Stripe charge id as InvoiceNumber on that supplier's bill
"fees_by_key" AS (
    SELECT 'stripe_fee' AS "kind", p."pm_id", x."xero_id", p."pm_row", x."x_row"
    FROM "audit_pm" AS p
    JOIN "audit_xero" AS x
      ON x."kind" = 'stripe_fee'
     AND x."number" = CASE p."reference" WHEN 'Stripe' THEN 'PM-FEE-' ELSE 'PM-PFEE-' END || p."pm_id"
    WHERE p."kind" = 'stripe_fee'
    QUALIFY row_number() OVER (PARTITION BY x."x_row" ORDER BY p."pm_row") = 1
),
"fees" AS (
    SELECT * FROM "fees_by_key"
    UNION ALL
    SELECT 'stripe_fee', p."pm_id", x."xero_id", p."pm_row", x."x_row"
    FROM "audit_pm" AS p
    JOIN "audit_xero" AS x ON x."kind" = 'stripe_fee' AND x."number" = p."number" AND x."contact_name" = p."reference"
    ANTI JOIN "fees_by_key" AS k ON k."pm_row" = p."pm_row"
    WHERE p."kind" = 'stripe_fee' AND x."x_row" NOT IN (SELECT "x_row" FROM "fees_by_key")
    QUALIFY row_number() OVER (PARTITION BY x."x_row" ORDER BY x."live" DESC, p."pm_row") = 1
        AND row_number() OVER (PARTITION BY p."pm_row" ORDER BY x."live" DESC, x."x_row") = 1
),
"keyed" AS (
    SELECT 'contact' AS "kind", "customer_id" AS "pm_id", "contact_id" AS "xero_id", CAST(NULL AS BIGINT) AS "pm_row",
           CAST(NULL AS BIGINT) AS "x_row"
    FROM "audit_contact_links"
    UNION ALL SELECT * FROM "docs"
    UNION ALL SELECT * FROM "by_reference"
    UNION ALL SELECT * FROM "payments"
    UNION ALL SELECT * FROM "overpayments"
    UNION ALL SELECT * FROM "refunds"
    UNION ALL SELECT * FROM "payouts"
    UNION ALL SELECT * FROM "fees"
),
"decided" AS (
    SELECT d."kind", d."petmanager_id" AS "pm_id", d."xero_id", p."pm_row", x."x_row"
    FROM "duplicate_decisions" AS d
    JOIN "audit_pm" AS p ON p."kind" = d."kind" AND p."pm_id" = d."petmanager_id"
    JOIN "audit_xero" AS x ON x."kind" = d."kind" AND x."xero_id" = d."xero_id"
    WHERE d."tenant_id" = $tenant_id
    QUALIFY row_number() OVER (PARTITION BY d."kind", d."petmanager_id", d."xero_id" ORDER BY d."decision_id" DESC) = 1
        AND d."decision" = 'same'
)
SELECT * FROM "keyed"
UNION ALL
SELECT d.* FROM "decided" AS d
ANTI JOIN "keyed" AS k ON k."kind" = d."kind" AND (k."pm_id" = d."pm_id" OR k."xero_id" = d."xero_id");
