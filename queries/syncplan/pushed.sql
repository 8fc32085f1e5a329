-- What recon itself pushed to one organisation (done rows of every plan in the outbox), by kind
-- and Pet Manager id, with the Xero id and the plan: the newest when a record was pushed twice
-- over plans (it never is: done_elsewhere.sql guards that).
SELECT "kind", CAST("petmanager_id" AS BIGINT) AS "petmanager_id",
       arg_max("xero_id", "outbox_id") AS "xero_id", arg_max("plan_hash", "outbox_id") AS "plan_hash"
FROM "outbox"
WHERE "state" = 'done' AND "petmanager_id" IS NOT NULL AND "xero_id" IS NOT NULL
  AND "tenant_id" IS NOT DISTINCT FROM $tenant_id
GROUP BY "kind", "petmanager_id";
