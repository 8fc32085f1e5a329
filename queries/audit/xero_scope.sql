-- The Xero records the totals count: live, dated in the period, and either paired with a Pet
-- Manager record or found as one of Pet Manager's kind (Xero only, new duplicate).
CREATE OR REPLACE TEMP TABLE "audit_xero_scope" AS
WITH "counted" AS (
    SELECT "x_row" FROM "audit_pairs" WHERE "x_row" IS NOT NULL
    UNION ALL
    SELECT l."x_row" FROM "audit_loose" AS l
    SEMI JOIN "audit_found" AS f ON f."kind" = l."kind" AND f."xero_id" = l."xero_id"
)
SELECT x."kind", x."xero_id", x."x_row", x."day", x."amount", x."account_code"
FROM "audit_xero" AS x
SEMI JOIN "counted" AS c ON c."x_row" = x."x_row"
WHERE x."live" AND x."in_period";
