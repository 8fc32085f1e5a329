-- Scored pairs that no other pair rivals: each is assigned as it is (its rival weighs -inf), as
-- the check keeps duplicates. Tiers and confidence as model.tier and model.confidence give them.
SELECT $kind AS "kind", "pm_id" AS "petmanager_id", "xero_id", $tenant_id AS "tenant_id",
       1.0 / (1.0 + pow(2.0, -"weight")) AS "confidence",
       CASE WHEN "certain_evidence" AND "weight" >= $likely_bits THEN 'certain'
            WHEN "weight" >= $likely_bits THEN 'likely'
            ELSE 'possible' END AS "tier",
       "reasons"
FROM "match_pair_scores"
WHERE NOT "contested" AND "weight" >= $possible_bits;
