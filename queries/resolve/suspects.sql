-- The suspected duplicates of check run $run_id in tiers $tiers, best first (tier in the order of
-- $tier_order, kind in the order of $kind_order, most confident first), each with whether it has
-- a current decision.
WITH "decided" AS (
    SELECT DISTINCT "tenant_id", "kind", "petmanager_id", "xero_id" FROM "duplicate_decisions"
)
SELECT d."kind", d."petmanager_id", d."xero_id", d."tenant_id", d."confidence", d."tier", d."reasons",
       x."tenant_id" IS NOT NULL AS "decided"
FROM "check_duplicates" AS d
LEFT JOIN "decided" AS x
  ON x."tenant_id" = d."tenant_id" AND x."kind" = d."kind" AND x."petmanager_id" = d."petmanager_id"
 AND x."xero_id" = d."xero_id"
WHERE d."run_id" = $run_id AND list_contains($tiers, d."tier")
ORDER BY list_position($tier_order, d."tier"), list_position($kind_order, d."kind"), d."confidence" DESC,
         d."petmanager_id";
