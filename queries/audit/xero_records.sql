-- Xero's side of the same records, one row each: sales invoices (ACCREC), sales credit notes
-- (ACCRECCREDIT), payments on sales invoices, overpayments received, refunds (payments paying out
-- a credit note or an overpayment), transfers out of the Stripe clearing account (payouts) and
-- bills to Pet Manager's suppliers (the group "Pet Manager Suppliers": Stripe's and Pet Manager's fees).
-- `live`: not voided or deleted. `in_pm_group`: the contact is in Pet Manager's customer group;
-- `linked_customer_id`: the customer whose own contact it is (audit_contact_links).
-- `invoice_id`: for a payment its invoice, for a refund the credit note or overpayment it pays out.
-- `x_row`: a number of its own (the typed table's rowid × 8 + the kind's place), the cheap key the
-- later steps join on; `invoice_row`: a payment's invoice's x_row. `credited`: for invoices, the
-- credit Xero has allocated to it.
CREATE OR REPLACE TEMP TABLE "audit_xero" AS
WITH "contacts" AS (
    SELECT "contact_id", list_contains(coalesce("group_names", []), 'Pet Manager Customers') AS "in_pm_group"
    FROM "xero_contacts"
    WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id
),
"records" AS (
    SELECT 'invoice' AS "kind", "invoice_id" AS "xero_id", "invoice_number" AS "number", "reference", "contact_id",
           "contact_name", "date" AS "day", "total" AS "amount", "status",
           "status" NOT IN ('VOIDED', 'DELETED') AS "live", CAST(NULL AS VARCHAR) AS "invoice_id",
           CAST(NULL AS VARCHAR) AS "account_code", "amount_credited" AS "credited", "updated_at",
           "rowid" * 8 AS "x_row", CAST(NULL AS BIGINT) AS "invoice_row"
    FROM "xero_invoices"
    WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id AND "type" = 'ACCREC'
    UNION ALL
    SELECT 'credit_note', "credit_note_id", "credit_note_number", "reference", "contact_id", "contact_name", "date",
           "total", "status", "status" NOT IN ('VOIDED', 'DELETED'), NULL, NULL, NULL, "updated_at",
           "rowid" * 8 + 1, NULL
    FROM "xero_credit_notes"
    WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id AND "type" = 'ACCRECCREDIT'
    UNION ALL
    SELECT 'payment', p."payment_id", coalesce(p."invoice_number", i."invoice_number"), p."reference",
           coalesce(p."contact_id", i."contact_id"), i."contact_name", p."date", p."amount", p."status",
           coalesce(p."status", '') <> 'DELETED', p."invoice_id", p."account_code", NULL, p."updated_at",
           p."rowid" * 8 + 2, i."rowid" * 8
    FROM "xero_payments" AS p
    JOIN "xero_invoices" AS i
      ON i."invoice_id" = p."invoice_id" AND i."snapshot_id" = p."snapshot_id" AND i."tenant_id" = p."tenant_id"
    WHERE p."snapshot_id" = $xero_snapshot AND p."tenant_id" = $tenant_id AND i."type" = 'ACCREC'
    UNION ALL
    SELECT 'overpayment', o."overpayment_id", NULL, b."reference", o."contact_id", o."contact_name", o."date",
           o."total", o."status", coalesce(o."status", '') NOT IN ('VOIDED', 'DELETED'), NULL,
           b."bank_account_code", NULL, o."updated_at", o."rowid" * 8 + 3, NULL
    FROM "xero_overpayments" AS o
    LEFT JOIN "xero_bank_transactions" AS b
      ON b."overpayment_id" = o."overpayment_id" AND b."snapshot_id" = o."snapshot_id" AND b."tenant_id" = o."tenant_id"
    WHERE o."snapshot_id" = $xero_snapshot AND o."tenant_id" = $tenant_id AND o."type" = 'RECEIVE-OVERPAYMENT'
    QUALIFY row_number() OVER (PARTITION BY o."overpayment_id" ORDER BY b."bank_transaction_id") = 1
    UNION ALL
    SELECT 'refund', p."payment_id", p."reference", p."reference", coalesce(p."contact_id", c."contact_id", o."contact_id"),
           coalesce(c."contact_name", o."contact_name"), p."date", p."amount", p."status",
           coalesce(p."status", '') <> 'DELETED', coalesce(p."credit_note_id", p."overpayment_id"), p."account_code", NULL,
           p."updated_at", p."rowid" * 8 + 4, NULL
    FROM "xero_payments" AS p
    LEFT JOIN "xero_credit_notes" AS c
      ON c."credit_note_id" = p."credit_note_id" AND c."snapshot_id" = p."snapshot_id" AND c."tenant_id" = p."tenant_id"
    LEFT JOIN "xero_overpayments" AS o
      ON o."overpayment_id" = p."overpayment_id" AND o."snapshot_id" = p."snapshot_id" AND o."tenant_id" = p."tenant_id"
    WHERE p."snapshot_id" = $xero_snapshot AND p."tenant_id" = $tenant_id
      AND p."payment_type" IN ('ARCREDITPAYMENT', 'AROVERPAYMENTPAYMENT')
    UNION ALL
    SELECT 'payout', "bank_transfer_id", "reference", "reference", NULL, NULL, "date", "amount", 'AUTHORISED', true,
           NULL, "to_account_code", NULL, "updated_at", "rowid" * 8 + 5, NULL
    FROM "xero_bank_transfers"
    WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id AND "from_account_code" = $clearing_account
    UNION ALL
    SELECT 'stripe_fee', i."invoice_id", i."invoice_number", i."reference", i."contact_id", i."contact_name", i."date",
           i."total", i."status", i."status" NOT IN ('VOIDED', 'DELETED'), NULL, NULL, NULL, i."updated_at",
           i."rowid" * 8 + 6, NULL
    FROM "xero_invoices" AS i
    SEMI JOIN "xero_contacts" AS c
      ON c."contact_id" = i."contact_id" AND c."snapshot_id" = i."snapshot_id" AND c."tenant_id" = i."tenant_id"
     AND list_contains(coalesce(c."group_names", []), 'Pet Manager Suppliers')
    WHERE i."snapshot_id" = $xero_snapshot AND i."tenant_id" = $tenant_id AND i."type" = 'ACCPAY'
)
SELECT r.*, r."day" BETWEEN $period_from AND $period_to AS "in_period", coalesce(c."in_pm_group", false) AS "in_pm_group",
       l."customer_id" AS "linked_customer_id"
FROM "records" AS r
LEFT JOIN "contacts" AS c ON c."contact_id" = r."contact_id"
LEFT JOIN "audit_contact_links" AS l ON l."contact_id" = r."contact_id";
