-- Every difference the audit finds, one row each, in the shape of recon.audit.result.Difference.
CREATE OR REPLACE TEMP TABLE "audit_found" (
    "category" VARCHAR NOT NULL, "kind" VARCHAR NOT NULL, "pm_id" BIGINT, "xero_id" VARCHAR, "number" VARCHAR,
    "contact" VARCHAR, "day" DATE, "pm_amount" DECIMAL(18, 2), "xero_amount" DECIMAL(18, 2),
    "fields" VARCHAR[] NOT NULL, "detail" VARCHAR NOT NULL, "why" VARCHAR
);
