-- One row per Pet Manager record recon knows about for the plans in status_plans, with where it
-- stands: synced (done in any plan, or linked by the check as already in Xero with Pet Manager's
-- key), queued (planned, sending or unknown), failed, held, linked (to a twin typed by hand) or
-- skipped (void in Pet Manager), from the current plans for all but synced.
-- A record is its kind and Pet Manager id (the suppliers, which have none: their natural key).
WITH pushed AS (
    SELECT o.kind, o.kind || ':' || coalesce(o.petmanager_id, o.natural_key) AS record, o.state, p.current
    FROM outbox AS o JOIN status_plans AS p USING (plan_hash)
),
synced AS (
    SELECT DISTINCT kind, record FROM pushed WHERE state = 'done'
    UNION
    SELECT kind, kind || ':' || petmanager_id
    FROM sync_left JOIN status_plans USING (plan_hash)
    WHERE current AND category = 'linked' AND starts_with(reason, $already_in_xero)
),
open AS (
    SELECT DISTINCT kind, record,
           CASE WHEN state IN ('planned', 'sending', 'unknown') THEN 'queued' ELSE state END AS status
    FROM pushed
    WHERE current AND state <> 'done' AND record NOT IN (SELECT record FROM synced)
),
left_out AS (
    SELECT DISTINCT kind, kind || ':' || petmanager_id AS record, category AS status
    FROM sync_left JOIN status_plans USING (plan_hash)
    WHERE current AND NOT (category = 'linked' AND starts_with(reason, $already_in_xero))
      AND kind || ':' || petmanager_id NOT IN (SELECT record FROM synced)
)
SELECT kind, status, count(*) AS records
FROM (SELECT kind, record, 'synced' AS status FROM synced UNION ALL SELECT * FROM open UNION ALL SELECT * FROM left_out)
GROUP BY kind, status
ORDER BY kind, status;
