-- The Xero contacts no link settles, with their matching keys, normalised once. `words`: the
-- name's words as written, without Pet Manager's CN suffix, titles or what it says in parentheses
-- (`aside`), "Family, Given" read as "Given Family" (`comma` says it was written that way);
-- `family_keys` adds each two or three neighbouring words joined ("O Brien", "Van der Berg");
-- `word_groups`: the given-name groups of its words (names.NICKNAMES); `company_words` with
-- abbreviations written out and legal words dropped; `first_key`/`last_key`: Xero's own FirstName
-- and LastName.
CREATE OR REPLACE TEMP TABLE "match_open_contacts" AS
WITH "named" AS (
    SELECT "contact_id", "name", "contact_status", "email", "phones", "address_line1", "city", "postal_code",
           nullif(match_text(regexp_extract("name", '\(([^)]*)\)', 1)), '') AS "aside",
           contains(match_bare_name("name"), ',') AS "comma",
           list_filter(string_split(match_text(regexp_replace(regexp_replace(match_bare_name("name"), '\([^)]*\)', ' ', 'g'),
                                                              '^([^,]*),(.*)$', '\2 \1')), ' '), lambda w: w <> '') AS "raw_words",
           nullif(string_split(match_text("first_name"), ' ')[1], '') AS "first_key",
           nullif(replace(match_text("last_name"), ' ', ''), '') AS "last_key",
           nullif(match_text("city"), '') AS "city_key",
           match_email("email") AS "email_key",
           list_distinct(list_filter(list_transform(coalesce("phones", []), lambda p: match_phone(p)), lambda p: p IS NOT NULL)) AS "phone_keys",
           match_street("postal_code", "address_line1") AS "street_key",
           nullif(trim(coalesce("postal_code", '')), '') AS "postcode_key"
    FROM "match_xero_contacts"
    WHERE "contact_id" NOT IN (SELECT "contact_id" FROM "match_contact_links")
),
"word_rows" AS (
    SELECT "contact_id", unnest("raw_words") AS "word", generate_subscripts("raw_words", 1) AS "pos" FROM "named"
),
"looked_up" AS (
    SELECT w."contact_id", w."pos", w."word",
           bool_or(t."kind" = 'title') AS "title",
           bool_or(t."kind" = 'legal') AS "legal",
           any_value(t."value") FILTER (WHERE t."kind" = 'abbreviation') AS "written_out",
           list(t."value") FILTER (WHERE t."kind" = 'given') AS "groups"
    FROM "word_rows" AS w
    LEFT JOIN "match_name_words" AS t ON t."word" = w."word"
    GROUP BY ALL
),
"worded" AS (
    SELECT "contact_id",
           list("word" ORDER BY "pos") FILTER (WHERE NOT coalesce("title", false)) AS "words",
           list_distinct(flatten(list(coalesce("groups", [])))) AS "word_groups",
           list(coalesce("written_out", "word") ORDER BY "pos") FILTER (WHERE NOT coalesce("legal", false)) AS "company_words"
    FROM "looked_up"
    GROUP BY "contact_id"
)
SELECT n.* EXCLUDE ("raw_words"),
       coalesce(w."words", []) AS "words", coalesce(w."word_groups", []) AS "word_groups",
       coalesce(w."company_words", []) AS "company_words",
       list_distinct(list_filter(list_concat(coalesce(w."words", []),
                                             list_transform(range(1, len(coalesce(w."words", []))), lambda i: w."words"[i] || w."words"[i + 1]),
                                             list_transform(range(1, len(coalesce(w."words", [])) - 1), lambda i: w."words"[i] || w."words"[i + 1] || w."words"[i + 2])),
                                 lambda k: length(k) >= 2)) AS "family_keys"
FROM "named" AS n
LEFT JOIN "worded" AS w USING ("contact_id");
