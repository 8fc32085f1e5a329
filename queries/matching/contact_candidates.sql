-- Candidate (customer, contact) pairs, by equality blocks: the normalised email, a phone number,
-- the street (postcode, number, street name), the family name (or a company word) among the
-- contact's words, or the given name with the family name's first letter. Blocks crowded on
-- both sides are skipped (the other keys still bring such pairs in). A pair that agrees on no
-- contact detail must have a family name close to one of the contact's words (Jaro-Winkler) and
-- the given name's initial among them, or share a company word. Linked contacts are settled.
WITH "pm_keys" AS (
    SELECT "customer_id", 'email' AS "block", "email_key" AS "key" FROM "match_pm_contacts" WHERE "email_key" IS NOT NULL
    UNION ALL
    SELECT "customer_id", 'phone', unnest("phone_keys") FROM "match_pm_contacts"
    UNION ALL
    SELECT "customer_id", 'street', "street_key" FROM "match_pm_contacts" WHERE "street_key" IS NOT NULL
    UNION ALL
    SELECT "customer_id", 'family', "family_key" FROM "match_pm_contacts" WHERE length("family_key") >= 2
    UNION ALL
    SELECT "customer_id", 'family', unnest("company_words") FROM "match_pm_contacts"
    UNION ALL
    SELECT "customer_id", 'given', "given_key" || '|' || left("family_key", 1)
    FROM "match_pm_contacts" WHERE "given_key" IS NOT NULL AND "family_key" IS NOT NULL
),
"open_contacts" AS (
    SELECT * FROM "match_xero_contacts"
    WHERE "contact_id" NOT IN (SELECT "contact_id" FROM "match_contact_links")
),
"xero_keys" AS (
    SELECT "contact_id", 'email' AS "block", "email_key" AS "key" FROM "open_contacts" WHERE "email_key" IS NOT NULL
    UNION ALL
    SELECT "contact_id", 'phone', unnest("phone_keys") FROM "open_contacts"
    UNION ALL
    SELECT "contact_id", 'street', "street_key" FROM "open_contacts" WHERE "street_key" IS NOT NULL
    UNION ALL
    SELECT "contact_id", 'family', unnest("family_keys") FROM "open_contacts"
    UNION ALL
    SELECT "contact_id", 'given', unnest("given_keys") FROM "open_contacts"
),
"pm_block_sizes" AS (SELECT "block", "key", count(*) AS "pm_n" FROM "pm_keys" GROUP BY ALL),
"xero_block_sizes" AS (SELECT "block", "key", count(*) AS "xero_n" FROM "xero_keys" GROUP BY ALL),
"usable_blocks" AS (
    SELECT "block", "key", "pm_n"
    FROM "pm_block_sizes" JOIN "xero_block_sizes" USING ("block", "key")
    WHERE "pm_n" * "xero_n" <= $max_block_pairs
),
"pairs" AS (
    SELECT p."customer_id", x."contact_id",
           min(b."pm_n") FILTER (WHERE p."block" = 'email') AS "email_shared",
           min(b."pm_n") FILTER (WHERE p."block" = 'phone') AS "phone_shared",
           min(b."pm_n") FILTER (WHERE p."block" = 'street') AS "street_shared",
           bool_or(p."block" IN ('email', 'phone', 'street')) AS "detail_agrees"
    FROM "pm_keys" AS p
    JOIN "usable_blocks" AS b USING ("block", "key")
    JOIN "xero_keys" AS x USING ("block", "key")
    GROUP BY p."customer_id", x."contact_id"
)
SELECT p."customer_id", p."contact_id", p."email_shared", p."phone_shared", p."street_shared",
       c."first_name", c."last_name", c."company_name", c."suburb", c."email_key", c."phone_keys", c."street_key", c."postcode_key",
       c."family_key", c."given_key", c."family_count", c."given_count", c."customer_count",
       x."name" AS "xero_name", x."contact_status", x."email" AS "xero_email", x."phones" AS "xero_phones",
       x."address_line1" AS "xero_address_line1", x."city" AS "xero_city", x."postal_code" AS "xero_postal_code",
       x."email_key" AS "xero_email_key", x."phone_keys" AS "xero_phone_keys", x."street_key" AS "xero_street_key",
       x."postcode_key" AS "xero_postcode_key"
FROM "pairs" AS p
JOIN "match_pm_contacts" AS c USING ("customer_id")
JOIN "match_xero_contacts" AS x USING ("contact_id")
WHERE p."detail_agrees"
   OR c."family_key" IS NULL
   OR (list_max(list_transform(x."family_keys", lambda w: jaro_winkler_similarity(w, c."family_key"))) >= $family_similarity
       AND (c."given_key" IS NULL OR list_bool_or(list_transform(x."words", lambda w: left(w, 1) = left(c."given_key", 1)))))
ORDER BY p."contact_id", p."customer_id";
