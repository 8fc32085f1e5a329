-- Pet Manager's money records of the organisation's locations, one row each, in the form the
-- audit compares: invoices and credit notes (drafts are never synced), payments, overpayments,
-- refunds, Stripe payouts and the Stripe and Pet Manager fees on each Stripe charge (kind
-- stripe_fee; `reference` names the supplier, `number` the charge). `live`: not void. `in_period`: dated in the audited period (money by
-- the date paid). `pm_row`: a number of its own (id × 8 + `code`, one per kind and fee), the
-- cheap key the later steps join on; `parent_row`: the pm_row of what a payment pays (its
-- invoice) a refund pays out (its credit note or overpayment) or a fee is charged on (its payment). `credited`: for invoices, the
-- credit allocated to it (allocations.csv).
CREATE OR REPLACE TEMP TABLE "audit_pm" AS
WITH "records" AS (
    SELECT 'invoice' AS "kind", i."invoice_id" AS "pm_id", i."invoice_number" AS "number", i."customer_id",
           i."invoice_date" AS "day", i."total" AS "amount", i."status", i."status" <> 'void' AS "live",
           CAST(NULL AS BIGINT) AS "invoice_id", CAST(NULL AS BIGINT) AS "parent_row", CAST(NULL AS VARCHAR) AS "method",
           CAST(NULL AS VARCHAR) AS "reference", i."updated_at", 0 AS "code"
    FROM "pm_invoices" AS i
    WHERE i."snapshot_id" = $pm_snapshot AND i."status" <> 'draft' AND list_contains($locations, i."location_id")
    UNION ALL
    SELECT 'credit_note', c."credit_note_id", c."credit_note_number", c."customer_id", c."credit_date", c."total",
           c."status", c."status" <> 'void', NULL, NULL, NULL, NULL, c."updated_at", 1
    FROM "pm_credit_notes" AS c
    WHERE c."snapshot_id" = $pm_snapshot AND list_contains($locations, c."location_id")
    UNION ALL
    SELECT 'payment', p."payment_id", p."reference", p."customer_id", p."payment_date", p."amount", p."status",
           p."status" = 'completed', p."invoice_id", p."invoice_id" * 8, p."method", p."reference", p."updated_at", 2
    FROM "pm_payments" AS p
    WHERE p."snapshot_id" = $pm_snapshot AND list_contains($locations, p."location_id")
    UNION ALL
    SELECT 'overpayment', o."overpayment_id", o."reference", o."customer_id", o."payment_date", o."amount",
           'completed', true, NULL, NULL, o."method", o."reference", o."updated_at", 3
    FROM "pm_overpayments" AS o
    WHERE o."snapshot_id" = $pm_snapshot AND list_contains($locations, o."location_id")
    UNION ALL
    SELECT 'refund', r."refund_id", r."reference", r."customer_id", r."refund_date", r."amount", 'completed', true,
           NULL, r."source_id" * 8 + CASE r."source_type" WHEN 'credit_note' THEN 1 ELSE 3 END, r."method",
           r."reference", r."updated_at", 4
    FROM "pm_refunds" AS r
    WHERE r."snapshot_id" = $pm_snapshot AND list_contains($locations, r."location_id")
    UNION ALL
    SELECT 'payout', s."payout_id", s."stripe_payout_ref", NULL, s."payout_date", s."amount", 'completed', true,
           NULL, NULL, NULL, s."stripe_payout_ref", s."created_at", 5
    FROM "pm_stripe_payouts" AS s
    WHERE s."snapshot_id" = $pm_snapshot AND list_contains($locations, s."location_id")
    UNION ALL
    -- each Stripe charge's fees: Stripe's and Pet Manager's own, each a bill to that supplier
    SELECT 'stripe_fee', p."payment_id", p."stripe_charge_id", NULL, p."payment_date", f."fee", p."status",
           p."status" = 'completed', NULL, p."payment_id" * 8 + 2, NULL, f."supplier", p."updated_at", f."code"
    FROM "pm_payments" AS p,
         (SELECT 'Stripe' AS "supplier", 6 AS "code" UNION ALL SELECT 'Pet Manager', 7) AS s,
         LATERAL (SELECT CASE s."code" WHEN 6 THEN p."stripe_fee" ELSE p."platform_fee" END AS "fee",
                         s."supplier", s."code") AS f
    WHERE p."snapshot_id" = $pm_snapshot AND list_contains($locations, p."location_id") AND p."method" = 'stripe'
      AND coalesce(f."fee", 0) > 0
),
"credited" AS (
    SELECT "invoice_id", sum("amount") AS "credited"
    FROM "pm_allocations"
    WHERE "snapshot_id" = $pm_snapshot
    GROUP BY ALL
)
SELECT r.*,
       r."pm_id" * 8 + r."code" AS "pm_row",
       r."day" BETWEEN $period_from AND $period_to AS "in_period",
       CASE WHEN r."kind" = 'invoice' THEN coalesce(c."credited", 0) END AS "credited"
FROM "records" AS r
LEFT JOIN "credited" AS c ON r."kind" = 'invoice' AND c."invoice_id" = r."pm_id";
