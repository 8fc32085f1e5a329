-- Credit notes and overpayments whose allocations and refunds the sync would push (dated in the
-- window) add up to more than the credit left: Xero refuses the allocation or refund that
-- overdraws it. The credit left is the whole credit when the sync pushes the source too, and
-- Xero's RemainingCredit when the source is a credit note already in Xero (linked by its number).
WITH "spent" AS (
    SELECT a."source_type", a."source_id", sum(a."amount") AS "allocated", 0.00 AS "refunded"
    FROM "pm_allocations" AS a
    JOIN "pm_invoices" AS i ON i."snapshot_id" = a."snapshot_id" AND i."invoice_id" = a."invoice_id"
    WHERE a."snapshot_id" = $pm_snapshot
      AND list_contains($locations, i."location_id") AND a."allocation_date" BETWEEN $start AND $end
    GROUP BY ALL
    UNION ALL
    SELECT "source_type", "source_id", 0.00, sum("amount")
    FROM "pm_refunds"
    WHERE "snapshot_id" = $pm_snapshot
      AND list_contains($locations, "location_id") AND "refund_date" BETWEEN $start AND $end
    GROUP BY ALL
), "per_source" AS (
    SELECT "source_type", "source_id", sum("allocated") AS "allocated", sum("refunded") AS "refunded"
    FROM "spent"
    GROUP BY ALL
), "linked_credit_notes" AS (
    SELECT lower(n."credit_note_number") AS "xero_number", c."contact_number", n."credit_note_id" AS "xero_id",
           n."remaining_credit"
    FROM "xero_credit_notes" AS n
    JOIN "xero_contacts" AS c
      ON c."snapshot_id" = n."snapshot_id" AND c."tenant_id" = n."tenant_id" AND c."contact_id" = n."contact_id"
    WHERE n."snapshot_id" = $xero_snapshot AND n."tenant_id" = $tenant_id
      AND n."type" = 'ACCRECCREDIT' AND n."status" IN ('AUTHORISED', 'PAID')
), "sources" AS (
    SELECT 'credit_note' AS "source_type", n."credit_note_id" AS "source_id", n."credit_note_number" AS "source_number",
           n."total" AS "credit",
           n."status" = 'issued' AND n."credit_date" BETWEEN $start AND $end AS "pushed",
           l."xero_id", l."remaining_credit"
    FROM "pm_credit_notes" AS n
    LEFT JOIN "linked_credit_notes" AS l
      ON l."xero_number" = lower($credit_note_prefix || n."credit_note_number")
     AND l."contact_number" = CAST(n."customer_id" AS VARCHAR)
    WHERE n."snapshot_id" = $pm_snapshot
    UNION ALL
    SELECT 'overpayment', "overpayment_id", CAST("overpayment_id" AS VARCHAR), "amount",
           "payment_date" BETWEEN $start AND $end, NULL, NULL
    FROM "pm_overpayments"
    WHERE "snapshot_id" = $pm_snapshot
), "available" AS (
    SELECT s.*, p."allocated", p."refunded",
           CASE WHEN s."pushed" THEN s."credit" ELSE s."remaining_credit" END AS "left"
    FROM "per_source" AS p
    JOIN "sources" AS s USING ("source_type", "source_id")
)
SELECT "source_type", "source_id", "source_number", "pushed", "xero_id", "left", "allocated", "refunded"
FROM "available"
WHERE "allocated" + "refunded" > "left"
ORDER BY "source_type", "source_id";
