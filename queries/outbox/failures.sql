-- Failed and held rows of the latest plan, with Xero's message or the dependency they wait for.
SELECT *
FROM outbox
WHERE plan_hash = (SELECT plan_hash FROM outbox ORDER BY outbox_id DESC LIMIT 1)
  AND state IN ('failed', 'held')
ORDER BY seq;
