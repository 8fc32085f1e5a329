-- What each candidate contact was used for: its live sales documents in Xero (invoices, credit
-- notes, overpayments; any date) and how many of them match one of the customer's Pet Manager
-- documents of the same kind by amount (to 2 cents, or the ex-tax amount either way) within 14
-- days. The accountant typed the customer's own invoices on its twin; on a namesake's contact
-- they match only by chance.
CREATE OR REPLACE TEMP TABLE "match_contact_activity" AS
WITH "ranked" AS (
    SELECT "customer_id", "contact_id", "weight",
           max("weight") OVER (PARTITION BY "contact_id") AS "best",
           nth_value("weight", 2) OVER (PARTITION BY "contact_id" ORDER BY "weight" DESC
                                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "second"
    FROM "match_contact_scores"
),
"pairs" AS (
    -- the pairs whose activity could change which customer is the contact's twin, or its tier
    SELECT "customer_id", "contact_id"
    FROM "ranked"
    WHERE "weight" + $activity_max >= $possible_bits
      AND "best" - "weight" <= $activity_max - $activity_min
      AND ("best" < $likely_bits - $activity_min
           OR "best" - coalesce("second", '-inf'::DOUBLE) < $certain_margin_bits + $activity_max - $activity_min)
),
"xero_docs" AS (
    SELECT 'invoice' AS "kind", "invoice_id" AS "doc_id", "contact_id", "date",
           [match_cents("total"), match_cents("sub_total")] AS "keys"
    FROM "xero_invoices"
    WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id AND "type" = 'ACCREC'
      AND "status" NOT IN ('VOIDED', 'DELETED') AND "contact_id" IN (SELECT "contact_id" FROM "pairs")
    UNION ALL
    SELECT 'credit_note', "credit_note_id", "contact_id", "date", [match_cents("total"), match_cents("sub_total")]
    FROM "xero_credit_notes"
    WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id AND "type" = 'ACCRECCREDIT'
      AND "status" NOT IN ('VOIDED', 'DELETED') AND "contact_id" IN (SELECT "contact_id" FROM "pairs")
    UNION ALL
    SELECT 'overpayment', "overpayment_id", "contact_id", "date", [match_cents("total")]
    FROM "xero_overpayments"
    WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id AND "type" = 'RECEIVE-OVERPAYMENT'
      AND "status" NOT IN ('VOIDED', 'DELETED') AND "contact_id" IN (SELECT "contact_id" FROM "pairs")
),
"pm_docs" AS (
    SELECT 'invoice' AS "kind", "customer_id", "invoice_date" AS "date", match_cents("total") AS "cents",
           match_cents("total" - "tax_total") AS "ex_cents"
    FROM "pm_invoices"
    WHERE "snapshot_id" = $pm_snapshot AND "status" <> 'draft' AND "customer_id" IN (SELECT "customer_id" FROM "pairs")
    UNION ALL
    SELECT 'credit_note', "customer_id", "credit_date", match_cents("total"), match_cents("total" - "tax_total")
    FROM "pm_credit_notes"
    WHERE "snapshot_id" = $pm_snapshot AND "customer_id" IN (SELECT "customer_id" FROM "pairs")
    UNION ALL
    SELECT 'overpayment', "customer_id", "payment_date", match_cents("amount"), match_cents("amount")
    FROM "pm_overpayments"
    WHERE "snapshot_id" = $pm_snapshot AND "customer_id" IN (SELECT "customer_id" FROM "pairs")
),
"pm_keys" AS (
    SELECT DISTINCT "kind", "customer_id", "date", unnest(list_distinct(["cents", "ex_cents"])) AS "key" FROM "pm_docs"
),
"xero_keys" AS (
    SELECT DISTINCT "kind", "doc_id", "contact_id", "date",
           unnest(list_distinct(list_concat(list_transform(range(-2, 3), lambda d: "keys"[1] + d), "keys"))) AS "key"
    FROM "xero_docs"
),
"hits" AS (
    SELECT p."customer_id", p."contact_id", count(DISTINCT x."doc_id") AS "hits"
    FROM "pairs" AS p
    JOIN "xero_keys" AS x ON x."contact_id" = p."contact_id"
    JOIN "pm_keys" AS k ON k."customer_id" = p."customer_id" AND k."kind" = x."kind" AND k."key" = x."key"
    WHERE abs(k."date" - x."date") <= 14
    GROUP BY ALL
),
"docs" AS (SELECT "contact_id", count(*) AS "docs" FROM "xero_docs" GROUP BY ALL)
SELECT p."customer_id", p."contact_id", coalesce(d."docs", 0) AS "docs", coalesce(h."hits", 0) AS "hits"
FROM "pairs" AS p
LEFT JOIN "docs" AS d USING ("contact_id")
LEFT JOIN "hits" AS h USING ("customer_id", "contact_id");
