-- The guard against double pushes across plans: a row of plan $plan_hash whose record (kind and
-- natural key) an earlier plan for the same organisation already pushed is done with that
-- record's Xero id, never sent again.
UPDATE outbox
SET state = 'done', xero_id = earlier.xero_id, error = 'already pushed by plan ' || left(earlier.plan_hash, 12),
    updated_at = now()
FROM (
    SELECT kind, natural_key, arg_max(xero_id, outbox_id) AS xero_id, arg_max(plan_hash, outbox_id) AS plan_hash
    FROM outbox
    WHERE state = 'done' AND plan_hash <> $plan_hash AND tenant_id IS NOT DISTINCT FROM $tenant_id
    GROUP BY kind, natural_key
) AS earlier
WHERE outbox.plan_hash = $plan_hash AND outbox.state = 'planned'
  AND outbox.kind = earlier.kind AND outbox.natural_key = earlier.natural_key
RETURNING outbox.outbox_id;
