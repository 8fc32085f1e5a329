-- Every decision ever recorded, oldest first.
SELECT "tenant_id", "kind", "petmanager_id", "xero_id", "decision", "decided_at", "decided_by", "why",
       "check_run_id"
FROM "duplicate_decisions"
ORDER BY "decision_id";
