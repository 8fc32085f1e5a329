"""`recon sync`: the guarded back-sync, as steps the command (and `recon rehearse`, `recon demo`) runs
in order — prepare (fresh snapshots, check, plan, pre-sync report), confirm (bound to the plan's
hash), push (the outbox, exactly once), then verify and report. docs/sync.md has the design."""
