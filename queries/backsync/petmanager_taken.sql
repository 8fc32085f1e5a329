-- When the newest Pet Manager snapshot was taken.
SELECT max("started_at") FROM "snapshots" WHERE "side" = 'petmanager';
