-- Each contact's best customer, tiered. The weight is the pair's (contact_scores) plus the
-- contact's activity (contact_activity); the reasons are the evidence in words, strongest first.
-- A Xero contact is the twin of one customer at most, while one customer may have several
-- (created twice). `certain` needs the full name (or the company) and an unshared detail to
-- agree, and no other customer within $certain_margin_bits; two customers that fit equally well
-- leave the choice to a person (`possible`). Archived contacts are kept (they still tell whose
-- invoices are whose) but are not live duplicates.
CREATE OR REPLACE TEMP TABLE "match_contact_twins" AS
WITH "active_pairs" AS (
    SELECT s.*,
           CASE WHEN coalesce(a."docs", 0) = 0 THEN 0.0
                ELSE least(greatest($activity_hit * a."hits" + $activity_miss * (a."docs" - a."hits"), $activity_min), $activity_max)
                END AS "activity_bits",
           CASE WHEN coalesce(a."docs", 0) = 0 THEN NULL
                WHEN a."hits" = 0 THEN 'none of the contact''s ' || a."docs" || ' documents has the amount and date of one of this customer''s'
                ELSE a."hits" || ' of the contact''s ' || a."docs" || ' documents have the amount and date of one of this customer''s'
                END AS "activity_text"
    FROM "match_contact_scores" AS s
    LEFT JOIN "match_contact_activity" AS a USING ("customer_id", "contact_id")
),
"ranked" AS (
    SELECT *, "weight" + "activity_bits" AS "total",
           row_number() OVER (PARTITION BY "contact_id" ORDER BY "weight" + "activity_bits" DESC, "customer_id") AS "rank",
           lead("weight" + "activity_bits") OVER (PARTITION BY "contact_id" ORDER BY "weight" + "activity_bits" DESC, "customer_id") AS "runner_up"
    FROM "active_pairs"
),
"tiered" AS (
    SELECT *,
           CASE WHEN "total" < $possible_bits THEN NULL
                WHEN "runner_up" = "total" THEN 'possible'
                WHEN "total" >= $likely_bits AND "name_strong" AND "detail_agrees"
                     AND "total" - coalesce("runner_up", '-inf'::DOUBLE) >= $certain_margin_bits THEN 'certain'
                WHEN "total" >= $likely_bits THEN 'likely'
                ELSE 'possible' END AS "tier"
    FROM "ranked"
    WHERE "rank" = 1
)
SELECT "contact_id", "customer_id", "tier", "total" AS "weight", "active",
       match_reasons(list_append("evidence", {'bits': "activity_bits", 'text': "activity_text"})) AS "reasons"
FROM "tiered"
WHERE "tier" IS NOT NULL;
