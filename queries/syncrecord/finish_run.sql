-- How a run ended; its summary is replaced when one is given.
UPDATE sync_runs
SET finished_at = $finished_at, outcome = $outcome, summary = coalesce($summary, summary)
WHERE run_id = $run_id
RETURNING run_id;
