-- Natural key -> Xero id of the done rows of plan $plan_hash: what its placeholders resolve to.
SELECT natural_key, xero_id FROM outbox WHERE plan_hash = $plan_hash AND state = 'done' ORDER BY seq;
