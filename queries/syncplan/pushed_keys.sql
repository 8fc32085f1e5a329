-- Natural key -> Xero id of every record recon pushed to one organisation (done rows of any plan).
SELECT "natural_key", arg_max("xero_id", "outbox_id") AS "xero_id"
FROM "outbox"
WHERE "state" = 'done' AND "xero_id" IS NOT NULL AND "tenant_id" IS NOT DISTINCT FROM $tenant_id
GROUP BY "natural_key";
