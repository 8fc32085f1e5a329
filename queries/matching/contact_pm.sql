-- Pet Manager customers with their matching keys, normalised once: the family name as one word
-- and its parts, the first given name and its nickname groups, the company's words (abbreviations
-- written out, legal words dropped) and the weight an exact family or given name earns: log2(m/u),
-- u the name's share of the customers (at least 1 in $frequency_floor) or of the population
-- (surnames.py), whichever is larger, so a rare family name proves more than a common one.
CREATE OR REPLACE TEMP TABLE "match_pm_contacts" AS
WITH "texts" AS (
    SELECT *, match_text("last_name") AS "family_text", match_text("first_name") AS "given_text",
           match_text("company_name") AS "company_text"
    FROM "pm_customers"
    WHERE "snapshot_id" = $pm_snapshot
),
"keyed" AS MATERIALIZED (
    SELECT "customer_id", "first_name", "last_name", "company_name", "email", "phone", "mobile",
           "address_line1", "suburb", "postcode",
           match_email("email") AS "email_key",
           list_distinct(list_filter([match_phone("phone"), match_phone("mobile")], lambda p: p IS NOT NULL)) AS "phone_keys",
           match_street("postcode", "address_line1") AS "street_key",
           nullif(trim(coalesce("postcode", '')), '') AS "postcode_key",
           nullif(replace("family_text", ' ', ''), '') AS "family_key",
           -- "Smith-Jones": either part alone
           list_filter(string_split("family_text", ' '), lambda w: length(w) >= 3) AS "family_parts",
           nullif(string_split("given_text", ' ')[1], '') AS "given_key",
           nullif(match_text("suburb"), '') AS "suburb_key",
           list_filter(string_split("company_text", ' '), lambda w: w <> '') AS "company_raw",
           trim(concat_ws(' ', "first_name", "last_name")) AS "person_name",
           -- read by the document and money queries ("has a name like")
           trim(concat_ws(' ', "given_text", "family_text")) AS "person_text",
           "company_text"
    FROM "texts"
),
"company_word_rows" AS (
    SELECT "customer_id", unnest("company_raw") AS "word", generate_subscripts("company_raw", 1) AS "pos"
    FROM "keyed"
),
"company" AS (
    SELECT w."customer_id", list(coalesce(a."value", w."word") ORDER BY w."pos") AS "company_words"
    FROM "company_word_rows" AS w
    LEFT JOIN "match_name_words" AS a ON a."kind" = 'abbreviation' AND a."word" = w."word"
    WHERE w."word" NOT IN (SELECT "word" FROM "match_name_words" WHERE "kind" = 'legal')
    GROUP BY w."customer_id"
),
"given_groups" AS (
    SELECT k."customer_id", list(DISTINCT g."value") AS "given_groups"
    FROM "keyed" AS k JOIN "match_name_words" AS g ON g."kind" = 'given' AND g."word" = k."given_key"
    GROUP BY k."customer_id"
),
"families" AS (SELECT "family_key", count(*) AS "family_count" FROM "keyed" GROUP BY ALL),
"givens" AS (SELECT "given_key", count(*) AS "given_count" FROM "keyed" GROUP BY ALL),
"counted" AS (
    SELECT k.* EXCLUDE ("company_raw"),
           coalesce(c."company_words", []) AS "company_words",
           coalesce(g."given_groups", []) AS "given_groups",
           fc."family_count", gc."given_count", (SELECT count(*) FROM "keyed") AS "customer_count"
    FROM "keyed" AS k
    LEFT JOIN "families" AS fc ON fc."family_key" IS NOT DISTINCT FROM k."family_key"
    LEFT JOIN "givens" AS gc ON gc."given_key" IS NOT DISTINCT FROM k."given_key"
    LEFT JOIN "company" AS c USING ("customer_id")
    LEFT JOIN "given_groups" AS g USING ("customer_id")
)
SELECT c.*,
       -- the initials of every run of two or more company words ("GAP" in "Greyhound Adoption Program NSW")
       list_distinct(flatten(list_transform(range(1, len(c."company_words")), lambda i: list_transform(range(i + 1, len(c."company_words") + 1),
           lambda j: array_to_string(list_transform(c."company_words"[i:j], lambda w: left(w, 1)), ''))))) AS "company_initials",
       least(greatest(log2($family_m / greatest(c."family_count" / greatest(c."customer_count", $frequency_floor),
                                                 coalesce(f."share", 0.0))), $family_min), $family_max) AS "family_bits",
       least(greatest(log2($given_m / greatest(c."given_count" / greatest(c."customer_count", $frequency_floor),
                                                coalesce(g."share", 0.0))), $given_min), $given_max) AS "given_bits"
FROM "counted" AS c
LEFT JOIN "match_name_shares" AS f ON f."kind" = 'family' AND f."key" = c."family_key"
LEFT JOIN "match_name_shares" AS g ON g."kind" = 'given' AND g."key" = c."given_key";
