-- The live hand-made twins as the check keeps duplicates (confidence as model.confidence gives it).
SELECT 'contact' AS "kind", "customer_id" AS "petmanager_id", "contact_id" AS "xero_id", $tenant_id AS "tenant_id",
       1.0 / (1.0 + pow(2.0, -"weight")) AS "confidence", "tier", "reasons"
FROM "match_contact_twins"
WHERE "active"
ORDER BY "contact_id";
