-- Pet Manager customers with their matching keys, and how many customers share each name
-- (a rare family name proves more than a common one).
CREATE OR REPLACE TEMP TABLE "match_pm_contacts" AS
WITH "keyed" AS (
    SELECT "customer_id", "first_name", "last_name", "company_name", "email", "phone", "mobile",
           "address_line1", "suburb", "postcode",
           match_email("email") AS "email_key",
           list_distinct(list_filter([match_phone("phone"), match_phone("mobile")], lambda p: p IS NOT NULL)) AS "phone_keys",
           match_street("postcode", "address_line1") AS "street_key",
           nullif(trim(coalesce("postcode", '')), '') AS "postcode_key",
           nullif(replace(match_text("last_name"), ' ', ''), '') AS "family_key",
           nullif(string_split(match_text("first_name"), ' ')[1], '') AS "given_key",
           list_filter(string_split(match_text("company_name"), ' '), lambda w: length(w) >= 3) AS "company_words",
           match_text(concat_ws(' ', "first_name", "last_name")) AS "person_text",
           match_text("company_name") AS "company_text"
    FROM "pm_customers"
    WHERE "snapshot_id" = $pm_snapshot
)
SELECT *,
       count(*) OVER (PARTITION BY "family_key") AS "family_count",
       count(*) OVER (PARTITION BY "given_key") AS "given_count",
       count(*) OVER () AS "customer_count"
FROM "keyed";
