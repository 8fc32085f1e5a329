-- A plan's left-out records are written whole: a rerun of the same plan replaces them.
DELETE FROM sync_left WHERE plan_hash = $plan_hash;
