-- Invoices and credit notes the sync would push whose total, as Xero computes it, misses Pet
-- Manager's total. Xero taxes each line (rounded to the cent, half away from zero) and sums; Pet
-- Manager taxes the summed amounts. With tax-exclusive amounts Xero's total is the line amounts
-- plus the per-line tax at the mapped TaxType's effective rate, which can miss by a cent or two.
-- With tax-inclusive amounts Xero's total is the line amounts, which the export guarantees equal
-- Pet Manager's total (the reader refuses lines that do not sum to the subtotal), so only
-- tax-exclusive documents are computed. The per-line arithmetic mirrors line_tax in
-- recon/problems/xero_tax.py. Documents with a line whose tax code has no mapped, existing
-- TaxType are left to the mapping check; documents already in Xero (same number and contact)
-- are not pushed again.
WITH "mapping" AS (
    SELECT unnest($tax_codes) AS "tax_code", unnest($tax_types) AS "tax_type"
), "rates" AS (
    SELECT m."tax_code", r."effective_rate"
    FROM "mapping" AS m
    JOIN "xero_tax_rates" AS r ON r."tax_type" = m."tax_type"
    WHERE r."snapshot_id" = $xero_snapshot AND r."tenant_id" = $tenant_id
), "invoices" AS (
    SELECT "invoice_id", "invoice_number", "invoice_date", "total", "customer_id"
    FROM "pm_invoices"
    WHERE "snapshot_id" = $pm_snapshot AND "status" IN ('issued', 'paid') AND NOT "amounts_include_tax"
      AND list_contains($locations, "location_id") AND "invoice_date" BETWEEN $start AND $end
), "credit_notes" AS (
    SELECT "credit_note_id", "credit_note_number", "credit_date", "total", "customer_id"
    FROM "pm_credit_notes"
    WHERE "snapshot_id" = $pm_snapshot AND "status" = 'issued' AND NOT "amounts_include_tax"
      AND list_contains($locations, "location_id") AND "credit_date" BETWEEN $start AND $end
), "in_xero" AS (
    SELECT 'invoice' AS "document_kind", lower(x."invoice_number") AS "xero_number", c."contact_number"
    FROM "xero_invoices" AS x
    JOIN "xero_contacts" AS c
      ON c."snapshot_id" = x."snapshot_id" AND c."tenant_id" = x."tenant_id" AND c."contact_id" = x."contact_id"
    WHERE x."snapshot_id" = $xero_snapshot AND x."tenant_id" = $tenant_id AND x."type" = 'ACCREC'
      AND x."status" <> 'DELETED'
    UNION ALL
    SELECT 'credit_note', lower(x."credit_note_number"), c."contact_number"
    FROM "xero_credit_notes" AS x
    JOIN "xero_contacts" AS c
      ON c."snapshot_id" = x."snapshot_id" AND c."tenant_id" = x."tenant_id" AND c."contact_id" = x."contact_id"
    WHERE x."snapshot_id" = $xero_snapshot AND x."tenant_id" = $tenant_id AND x."type" = 'ACCRECCREDIT'
      AND x."status" <> 'DELETED'
), "invoice_totals" AS (
    SELECT l."invoice_id",
           sum(l."line_amount" + round(CAST(l."line_amount" AS DECIMAL(38, 2)) * r."effective_rate" * 0.01, 2))
               AS "xero_total",
           count(r."effective_rate") = count(*) AS "all_rated"
    FROM "pm_invoice_lines" AS l
    LEFT JOIN "rates" AS r USING ("tax_code")
    WHERE l."snapshot_id" = $pm_snapshot AND l."invoice_id" IN (SELECT "invoice_id" FROM "invoices")
    GROUP BY l."invoice_id"
), "credit_note_totals" AS (
    SELECT l."credit_note_id",
           sum(l."line_amount" + round(CAST(l."line_amount" AS DECIMAL(38, 2)) * r."effective_rate" * 0.01, 2))
               AS "xero_total",
           count(r."effective_rate") = count(*) AS "all_rated"
    FROM "pm_credit_note_lines" AS l
    LEFT JOIN "rates" AS r USING ("tax_code")
    WHERE l."snapshot_id" = $pm_snapshot AND l."credit_note_id" IN (SELECT "credit_note_id" FROM "credit_notes")
    GROUP BY l."credit_note_id"
)
SELECT 'invoice' AS "document_kind", i."invoice_id" AS "document_id", i."invoice_number" AS "document_number",
       i."invoice_date" AS "document_date", i."total", CAST(t."xero_total" AS DECIMAL(18, 2)) AS "xero_total"
FROM "invoices" AS i
JOIN "invoice_totals" AS t USING ("invoice_id")
WHERE t."all_rated" AND t."xero_total" <> i."total"
  AND NOT EXISTS (SELECT 1 FROM "in_xero" AS x
                  WHERE x."document_kind" = 'invoice' AND x."xero_number" = lower($invoice_prefix || i."invoice_number")
                    AND x."contact_number" = CAST(i."customer_id" AS VARCHAR))
UNION ALL
SELECT 'credit_note', n."credit_note_id", n."credit_note_number", n."credit_date", n."total",
       CAST(t."xero_total" AS DECIMAL(18, 2))
FROM "credit_notes" AS n
JOIN "credit_note_totals" AS t USING ("credit_note_id")
WHERE t."all_rated" AND t."xero_total" <> n."total"
  AND NOT EXISTS (SELECT 1 FROM "in_xero" AS x
                  WHERE x."document_kind" = 'credit_note'
                    AND x."xero_number" = lower($credit_note_prefix || n."credit_note_number")
                    AND x."contact_number" = CAST(n."customer_id" AS VARCHAR))
ORDER BY "document_date", "document_kind", "document_id";
