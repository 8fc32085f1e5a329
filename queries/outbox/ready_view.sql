-- The planned rows whose dependencies are all done (this connection's view of the outbox).
CREATE OR REPLACE TEMP VIEW outbox_ready AS
WITH waiting AS (
    SELECT DISTINCT planned.outbox_id
    FROM (SELECT outbox_id, unnest(depends_on) AS dependency_id FROM outbox WHERE state = 'planned') AS planned
    JOIN outbox AS dependency ON dependency.outbox_id = planned.dependency_id
    WHERE dependency.state <> 'done'
)
SELECT * FROM outbox
WHERE state = 'planned' AND outbox_id NOT IN (SELECT outbox_id FROM waiting);
