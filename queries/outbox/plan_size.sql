SELECT count(*) FROM outbox WHERE plan_hash = $plan_hash;
