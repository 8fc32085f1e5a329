-- The records plan $plan_hash left out, in plan order of kinds then Pet Manager id.
SELECT kind, petmanager_id, category, reason, xero_id
FROM sync_left
WHERE plan_hash = $plan_hash
ORDER BY category, kind, petmanager_id;
