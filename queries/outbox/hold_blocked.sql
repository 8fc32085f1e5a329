-- Planned rows waiting on a failed or held row can never be sent: hold them, naming the first
-- such dependency (by seq). Run until it holds nothing more, so holds pass down the chain.
UPDATE outbox
SET state = 'held', error = blocked.reason, updated_at = now()
FROM (
    SELECT waiting.outbox_id,
           arg_min(
               'waits for ' || dependency.kind || ' ' || dependency.natural_key || CASE dependency.state
                   WHEN 'failed' THEN ', which failed: ' || coalesce(dependency.error, 'no message')
                   ELSE ', which is held' END,
               dependency.seq
           ) AS reason
    FROM (SELECT outbox_id, unnest(depends_on) AS dependency_id FROM outbox WHERE state = 'planned') AS waiting
    JOIN outbox AS dependency ON dependency.outbox_id = waiting.dependency_id
    WHERE dependency.state IN ('failed', 'held')
    GROUP BY waiting.outbox_id
) AS blocked
WHERE outbox.outbox_id = blocked.outbox_id
RETURNING outbox.outbox_id;
