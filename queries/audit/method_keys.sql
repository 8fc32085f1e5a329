-- How money is keyed in the totals by payment method: the bank account code each method is
-- mapped to, named with its methods ("090 (eftpos, credit_card)"); an account no method maps to
-- keeps its bare code.
CREATE OR REPLACE TEMP TABLE "audit_method_keys" AS
SELECT "value" AS "account_code", "value" || ' (' || string_agg("code", ', ' ORDER BY "code") || ')' AS "key"
FROM "audit_mapping"
WHERE "role" = 'method'
GROUP BY "value";
