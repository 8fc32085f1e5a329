-- The plan's left-out records, from the registered table "left_rows".
INSERT INTO sync_left (plan_hash, kind, petmanager_id, category, reason, xero_id)
SELECT plan_hash, kind, petmanager_id, category, reason, xero_id FROM left_rows;
