-- Candidate (customer, contact) pairs, by equality blocks: the normalised email, a phone number,
-- the street (postcode, number, street name), the family name among the contact's words (or a
-- company word, or the initials of several). Xero's own FirstName and LastName count as words of
-- the name. Blocks crowded on both sides are skipped (the other keys still bring such pairs in).
-- And for a family name typed with a typo: a contact's word that is no customer's family name as
-- it is meets the family names one typo away (both in every form with one letter left out:
-- "Smth", "Smiht" and "Smith" share "Smth" or "Smih") of the customers whose given name's initial
-- the contact has.
CREATE OR REPLACE TEMP TABLE "match_contact_pairs" AS
WITH "pm_keys" AS (
    SELECT "customer_id", 'email' AS "block", "email_key" AS "key" FROM "match_pm_contacts" WHERE "email_key" IS NOT NULL
    UNION ALL
    SELECT "customer_id", 'phone', unnest("phone_keys") FROM "match_pm_contacts"
    UNION ALL
    SELECT "customer_id", 'street', "street_key" FROM "match_pm_contacts" WHERE "street_key" IS NOT NULL
    UNION ALL
    SELECT "customer_id", 'family', "family_key" FROM "match_pm_contacts" WHERE length("family_key") >= 2
    UNION ALL
    SELECT "customer_id", 'family', unnest(list_concat(list_filter("company_words", lambda w: length(w) >= 3), "company_initials"))
    FROM "match_pm_contacts"
),
"open_contacts" AS (
    SELECT *, list_distinct(list_concat("words", [w FOR w IN ["first_key", "last_key"] IF w IS NOT NULL])) AS "all_words"
    FROM "match_open_contacts"
),
"xero_keys" AS (
    SELECT "contact_id", 'email' AS "block", "email_key" AS "key" FROM "open_contacts" WHERE "email_key" IS NOT NULL
    UNION ALL
    SELECT "contact_id", 'phone', unnest("phone_keys") FROM "open_contacts"
    UNION ALL
    SELECT "contact_id", 'street', "street_key" FROM "open_contacts" WHERE "street_key" IS NOT NULL
    UNION ALL
    SELECT DISTINCT "contact_id", 'family', unnest(list_concat("family_keys", "company_words", [k FOR k IN ["last_key"] IF k IS NOT NULL]))
    FROM "open_contacts"
),
"pm_block_sizes" AS (SELECT "block", "key", count(*) AS "pm_n" FROM "pm_keys" GROUP BY ALL),
"xero_block_sizes" AS (SELECT "block", "key", count(*) AS "xero_n" FROM "xero_keys" GROUP BY ALL),
"usable_blocks" AS (
    SELECT "block", "key", "pm_n"
    FROM "pm_block_sizes" JOIN "xero_block_sizes" USING ("block", "key")
    WHERE "pm_n" * "xero_n" <= $max_block_pairs
),
"blocked" AS (
    SELECT p."customer_id", x."contact_id",
           min(b."pm_n") FILTER (WHERE p."block" = 'email') AS "email_shared",
           min(b."pm_n") FILTER (WHERE p."block" = 'phone') AS "phone_shared",
           min(b."pm_n") FILTER (WHERE p."block" = 'street') AS "street_shared"
    FROM "pm_keys" AS p
    JOIN "usable_blocks" AS b USING ("block", "key")
    JOIN "xero_keys" AS x USING ("block", "key")
    GROUP BY p."customer_id", x."contact_id"
),
"families" AS (SELECT DISTINCT "family_key" FROM "match_pm_contacts" WHERE length("family_key") >= 3),
"family_variants" AS (SELECT "family_key", unnest(match_typo_keys("family_key")) AS "variant" FROM "families"),
"unknown_words" AS (
    SELECT w.*
    FROM (SELECT "contact_id", unnest("all_words") AS "word", list_transform("all_words", lambda b: left(b, 1)) AS "initials"
          FROM "open_contacts") AS w
    ANTI JOIN "families" AS f ON f."family_key" = w."word"
    WHERE length(w."word") >= 2
),
"typo_pairs" AS (
    SELECT DISTINCT c."customer_id", w."contact_id"
    FROM (SELECT "contact_id", "initials", unnest(match_typo_keys("word")) AS "variant" FROM "unknown_words") AS w
    JOIN "family_variants" AS v USING ("variant")
    JOIN "match_pm_contacts" AS c ON c."family_key" = v."family_key" AND list_contains(w."initials", left(c."given_key", 1))
)
SELECT "customer_id", "contact_id", max("email_shared") AS "email_shared", max("phone_shared") AS "phone_shared",
       max("street_shared") AS "street_shared"
FROM (
    SELECT * FROM "blocked"
    UNION ALL
    SELECT "customer_id", "contact_id", NULL, NULL, NULL FROM "typo_pairs"
)
GROUP BY ALL;
