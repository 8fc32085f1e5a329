-- The done rows of plan $plan_hash written to the entity path $entity (as planned, placeholders and all).
SELECT * FROM outbox WHERE plan_hash = $plan_hash AND entity = $entity AND state = 'done' ORDER BY seq;
