-- Live in Pet Manager, voided or deleted in Xero: documents and overpayments are "voided_in_xero",
-- payments and refunds "payment_removed" (deleted while reconciling the bank).
INSERT INTO "audit_found"
SELECT CASE WHEN j."kind" IN ('payment', 'refund') THEN 'payment_removed' ELSE 'voided_in_xero' END, j."kind", j."pm_id",
       j."xero_id", coalesce(x."number", p."number"), x."contact_name", j."pm_day", j."pm_amount", j."xero_amount",
       ['status'], x."status" || ' in Xero, ' || p."status" || ' in Pet Manager', NULL
FROM "audit_joined" AS j
JOIN "audit_pm" AS p ON p."pm_row" = j."pm_row"
JOIN "audit_xero" AS x ON x."x_row" = j."x_row"
WHERE j."in_period" AND j."pm_live" AND NOT j."xero_live";
