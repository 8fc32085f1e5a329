-- Xero's JSON of the sales invoices and credit notes $xero_ids in one Xero snapshot: the documents the
-- check linked to Pet Manager's own (its prefixed number on its own contact), compared with what
-- Pet Manager holds now (recon/syncplan/document_updates.py).
SELECT lower(r."record_id") AS "xero_id", CAST(r."raw" AS VARCHAR) AS "raw"
FROM "xero_records" AS r
WHERE r."snapshot_id" = $xero_snapshot AND r."tenant_id" = $tenant_id AND r."entity" IN ('Invoices', 'CreditNotes')
  AND list_contains(CAST($xero_ids AS VARCHAR[]), lower(r."record_id"))
ORDER BY "xero_id";
