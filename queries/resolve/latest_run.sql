-- The newest check run, or NULL when the check has never run.
SELECT max("run_id") FROM "check_runs";
