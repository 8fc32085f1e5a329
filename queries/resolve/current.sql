-- The current decision of every decided pair: its latest row.
SELECT "tenant_id", "kind", "petmanager_id", "xero_id", "decision", "decided_at", "decided_by", "why",
       "check_run_id"
FROM "duplicate_decisions"
QUALIFY row_number() OVER (PARTITION BY "tenant_id", "kind", "petmanager_id", "xero_id"
                           ORDER BY "decision_id" DESC) = 1
ORDER BY "decision_id";
