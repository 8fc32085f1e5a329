-- Scored pairs that share their Pet Manager or Xero record with another pair: assign.one_to_one
-- settles them, strongest and nearest first.
SELECT "pm_id", "xero_id", "weight", "days", "certain_evidence", "reasons"
FROM "match_pair_scores"
WHERE "contested";
