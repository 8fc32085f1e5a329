-- Both sides of the suspected duplicate invoices the pre-sync report shows, one row per pair:
-- Pet Manager invoice $pm_ids[i] against Xero invoice $xero_ids[i] of organisation $tenant_ids[i]
-- in Xero snapshot $xero_snapshots[i]. Lines as lists, in their order. Only the shown pairs.
WITH "pairs" AS (
    SELECT unnest($pm_ids) AS "pm_id", unnest($xero_ids) AS "xero_id",
           unnest($tenant_ids) AS "tenant_id", unnest($xero_snapshots) AS "xero_snapshot"
), "pm_lines" AS (
    SELECT "invoice_id", list({'description': "description", 'quantity': "quantity", 'unit_price': "unit_price",
                               'amount': "line_amount"} ORDER BY "line_number") AS "lines"
    FROM "pm_invoice_lines"
    WHERE "snapshot_id" = $pm_snapshot AND "invoice_id" IN (SELECT "pm_id" FROM "pairs")
    GROUP BY "invoice_id"
), "xero_lines" AS (
    SELECT l."tenant_id", l."invoice_id",
           list({'description': l."description", 'quantity': l."quantity", 'unit_price': l."unit_amount",
                 'amount': l."line_amount"} ORDER BY l."line_no") AS "lines"
    FROM "xero_invoice_lines" AS l
    SEMI JOIN "pairs" AS p
      ON l."snapshot_id" = p."xero_snapshot" AND l."tenant_id" = p."tenant_id" AND l."invoice_id" = p."xero_id"
    GROUP BY l."tenant_id", l."invoice_id"
)
SELECT p."pm_id", p."xero_id", p."tenant_id",
       i."invoice_number" AS "pm_number", i."invoice_date" AS "pm_date",
       coalesce(nullif(trim(concat_ws(' ', c."first_name", c."last_name")), ''), c."company_name") AS "pm_contact",
       i."total" AS "pm_amount", i."booking_ref" AS "pm_reference", i."status" AS "pm_status",
       CAST(NULL AS VARCHAR) AS "pm_paid_by", coalesce(pl."lines", []) AS "pm_lines",
       x."invoice_number" AS "xero_number", x."date" AS "xero_date", x."contact_name" AS "xero_contact",
       x."total" AS "xero_amount", x."reference" AS "xero_reference", x."status" AS "xero_status",
       CAST(NULL AS VARCHAR) AS "xero_paid_by", coalesce(xl."lines", []) AS "xero_lines"
FROM "pairs" AS p
LEFT JOIN "pm_invoices" AS i ON i."snapshot_id" = $pm_snapshot AND i."invoice_id" = p."pm_id"
LEFT JOIN "pm_customers" AS c ON c."snapshot_id" = $pm_snapshot AND c."customer_id" = i."customer_id"
LEFT JOIN "pm_lines" AS pl ON pl."invoice_id" = p."pm_id"
LEFT JOIN "xero_invoices" AS x
  ON x."snapshot_id" = p."xero_snapshot" AND x."tenant_id" = p."tenant_id" AND x."invoice_id" = p."xero_id"
LEFT JOIN "xero_lines" AS xl ON xl."tenant_id" = p."tenant_id" AND xl."invoice_id" = p."xero_id";
