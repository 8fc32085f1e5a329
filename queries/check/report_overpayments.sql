-- Both sides of the suspected duplicate overpayments the pre-sync report shows, one row per pair
-- ($pm_ids[i] against $xero_ids[i] of organisation $tenant_ids[i] in Xero snapshot
-- $xero_snapshots[i]). Overpayments have no number; "paid by" is Pet Manager's method and the
-- bank account of the Xero transaction that brought the money in. Only the shown pairs.
WITH "pairs" AS (
    SELECT unnest($pm_ids) AS "pm_id", unnest($xero_ids) AS "xero_id",
           unnest($tenant_ids) AS "tenant_id", unnest($xero_snapshots) AS "xero_snapshot"
), "banked" AS (
    SELECT b."tenant_id", b."overpayment_id", min(b."bank_account_code") AS "account_code", min(b."reference") AS "reference"
    FROM "xero_bank_transactions" AS b
    SEMI JOIN "pairs" AS p
      ON b."snapshot_id" = p."xero_snapshot" AND b."tenant_id" = p."tenant_id" AND b."overpayment_id" = p."xero_id"
    GROUP BY b."tenant_id", b."overpayment_id"
)
SELECT p."pm_id", p."xero_id", p."tenant_id",
       CAST(NULL AS VARCHAR) AS "pm_number", o."payment_date" AS "pm_date",
       coalesce(nullif(trim(concat_ws(' ', c."first_name", c."last_name")), ''), c."company_name") AS "pm_contact",
       o."amount" AS "pm_amount", o."reference" AS "pm_reference", CAST(NULL AS VARCHAR) AS "pm_status",
       o."method" AS "pm_paid_by", [] AS "pm_lines",
       CAST(NULL AS VARCHAR) AS "xero_number", x."date" AS "xero_date", x."contact_name" AS "xero_contact",
       x."total" AS "xero_amount", b."reference" AS "xero_reference", x."status" AS "xero_status",
       b."account_code" AS "xero_paid_by", [] AS "xero_lines"
FROM "pairs" AS p
LEFT JOIN "pm_overpayments" AS o ON o."snapshot_id" = $pm_snapshot AND o."overpayment_id" = p."pm_id"
LEFT JOIN "pm_customers" AS c ON c."snapshot_id" = $pm_snapshot AND c."customer_id" = o."customer_id"
LEFT JOIN "xero_overpayments" AS x
  ON x."snapshot_id" = p."xero_snapshot" AND x."tenant_id" = p."tenant_id" AND x."overpayment_id" = p."xero_id"
LEFT JOIN "banked" AS b ON b."tenant_id" = p."tenant_id" AND b."overpayment_id" = p."xero_id";
