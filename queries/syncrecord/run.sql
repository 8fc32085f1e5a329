SELECT * FROM sync_runs WHERE run_id = $run_id;
