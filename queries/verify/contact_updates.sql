-- The contact updates plan $plan_hash carried out, each with what it sent and the contact as Xero
-- snapshot $xero_snapshot holds it (NULL: no such contact in the snapshot).
SELECT o."natural_key", CAST(o."payload" AS VARCHAR) AS "payload", CAST(r."raw" AS VARCHAR) AS "contact"
FROM "outbox" AS o
LEFT JOIN "xero_records" AS r
  ON r."snapshot_id" = $xero_snapshot AND r."entity" = 'Contacts'
 AND lower(r."record_id") = lower(o."payload"->>'ContactID')
WHERE o."plan_hash" = $plan_hash AND o."state" = 'done' AND o."kind" = 'contact_update'
ORDER BY o."seq";
