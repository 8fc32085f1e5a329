-- Plans with rows still to send or to look up.
SELECT DISTINCT plan_hash
FROM outbox
WHERE state IN ('planned', 'sending', 'unknown')
ORDER BY plan_hash;
