-- Scored pairs that no other pair rivals: each is assigned as it is (its rival weighs -inf).
SELECT "pm_id", "xero_id", "weight", "certain_evidence", "reasons"
FROM "match_pair_scores"
WHERE NOT "contested";
