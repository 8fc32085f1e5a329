-- The document updates and voids plan $plan_hash carried out, each with what it sent, the document as
-- Xero snapshot $xero_snapshot holds it (NULL: not in the snapshot) and Pet Manager's total in
-- snapshot $pm_snapshot.
SELECT o."kind", o."natural_key", CAST(o."payload" AS VARCHAR) AS "payload", CAST(r."raw" AS VARCHAR) AS "document",
       coalesce(i."total", c."total") AS "total"
FROM "outbox" AS o
LEFT JOIN "xero_records" AS r
  ON r."snapshot_id" = $xero_snapshot AND r."entity" IN ('Invoices', 'CreditNotes')
 AND lower(r."record_id") = lower(coalesce(o."payload"->>'InvoiceID', o."payload"->>'CreditNoteID'))
LEFT JOIN "pm_invoices" AS i
  ON o."kind" LIKE 'invoice%' AND i."snapshot_id" = $pm_snapshot AND i."invoice_id" = TRY_CAST(o."petmanager_id" AS BIGINT)
LEFT JOIN "pm_credit_notes" AS c
  ON o."kind" LIKE 'credit_note%' AND c."snapshot_id" = $pm_snapshot
 AND c."credit_note_id" = TRY_CAST(o."petmanager_id" AS BIGINT)
WHERE o."plan_hash" = $plan_hash AND o."state" = 'done'
  AND o."kind" IN ('invoice_update', 'invoice_void', 'credit_note_update', 'credit_note_void')
ORDER BY o."seq";
