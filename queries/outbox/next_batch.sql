-- The planned rows whose dependencies are all done that share kind, entity and method with the
-- first of them (by seq): at most $max_size, in seq order.
WITH waiting AS (
    SELECT DISTINCT planned.outbox_id
    FROM (SELECT outbox_id, unnest(depends_on) AS dependency_id FROM outbox WHERE state = 'planned') AS planned
    JOIN outbox AS dependency ON dependency.outbox_id = planned.dependency_id
    WHERE dependency.state <> 'done'
),
ready AS (
    SELECT * FROM outbox
    WHERE state = 'planned' AND outbox_id NOT IN (SELECT outbox_id FROM waiting)
),
first AS (
    SELECT kind, entity, method FROM ready ORDER BY seq LIMIT 1
)
SELECT ready.*
FROM ready
JOIN first USING (kind, entity, method)
ORDER BY seq
LIMIT $max_size;
