-- What needs a person in the current plans: outbox rows failed (Xero's message), held (the
-- dependency that failed) or unknown after a look-up, and records the plan held back (why).
-- Records synced in any plan since are left out.
WITH synced AS (
    SELECT DISTINCT o.kind || ':' || coalesce(o.petmanager_id, o.natural_key) AS record
    FROM outbox AS o JOIN status_plans USING (plan_hash)
    WHERE o.state = 'done'
)
SELECT kind, petmanager_id, natural_key, state, message
FROM (
    SELECT o.kind, TRY_CAST(o.petmanager_id AS BIGINT) AS petmanager_id, o.natural_key, o.state,
           coalesce(o.error, 'no message') AS message, 0 AS source, o.seq AS position
    FROM outbox AS o JOIN status_plans AS p USING (plan_hash)
    WHERE p.current AND o.state IN ('failed', 'held')
      AND o.kind || ':' || coalesce(o.petmanager_id, o.natural_key) NOT IN (SELECT record FROM synced)
    UNION ALL
    SELECT l.kind, l.petmanager_id, NULL, 'held', l.reason, 1, l.petmanager_id
    FROM sync_left AS l JOIN status_plans AS p USING (plan_hash)
    WHERE p.current AND l.category = 'held'
      AND l.kind || ':' || l.petmanager_id NOT IN (SELECT record FROM synced)
)
ORDER BY source, position, kind;
