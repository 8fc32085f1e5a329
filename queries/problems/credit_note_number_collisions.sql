-- Credit notes the sync would push (dated in the window) whose Xero CreditNoteNumber (prefix +
-- number) is already held by a Xero sales credit note in any state but DELETED for another
-- document: another contact number, or another total on a voided one. Same contact is a link (one
-- changed in Pet Manager since is updated by the sync, or held: recon/syncplan/document_updates.py).
WITH "pushed" AS (
    SELECT "credit_note_id", "credit_note_number", "customer_id", "credit_date", "total",
           $credit_note_prefix || "credit_note_number" AS "xero_number"
    FROM "pm_credit_notes"
    WHERE "snapshot_id" = $pm_snapshot
      AND list_contains($locations, "location_id") AND "credit_date" BETWEEN $start AND $end
), "held" AS (
    SELECT n."credit_note_id", n."credit_note_number", n."status", n."date", n."total", n."contact_name",
           c."contact_number"
    FROM "xero_credit_notes" AS n
    LEFT JOIN "xero_contacts" AS c
      ON c."snapshot_id" = n."snapshot_id" AND c."tenant_id" = n."tenant_id" AND c."contact_id" = n."contact_id"
    WHERE n."snapshot_id" = $xero_snapshot AND n."tenant_id" = $tenant_id
      AND n."type" = 'ACCRECCREDIT' AND n."status" <> 'DELETED'
)
SELECT p."credit_note_id" AS "document_id", p."credit_note_number" AS "document_number", p."credit_date" AS "document_date",
       p."customer_id", p."total", p."xero_number",
       h."credit_note_id" AS "xero_id", h."credit_note_number" AS "xero_number_held", h."status" AS "xero_status",
       h."date" AS "xero_date", h."total" AS "xero_total", h."contact_name" AS "xero_contact_name",
       h."contact_number" AS "xero_contact_number"
FROM "pushed" AS p
JOIN "held" AS h ON lower(h."credit_note_number") = lower(p."xero_number")
WHERE h."contact_number" IS DISTINCT FROM CAST(p."customer_id" AS VARCHAR)
   OR (h."total" <> p."total" AND h."status" = 'VOIDED')
ORDER BY p."credit_date", p."credit_note_id";
