-- Rows per kind and state in the latest plan, kinds in plan order.
SELECT kind, state, count(*) AS rows
FROM outbox
WHERE plan_hash = (SELECT plan_hash FROM outbox ORDER BY outbox_id DESC LIMIT 1)
GROUP BY kind, state
ORDER BY min(seq), state;
