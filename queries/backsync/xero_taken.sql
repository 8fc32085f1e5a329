-- When the newest Xero snapshot of one organisation finished.
SELECT max("finished_at") FROM "snapshots" WHERE "side" = 'xero' AND "tenant_id" = $tenant_id;
