-- Every candidate pair scored: the match weight (bits, prior included) as the sum of its
-- comparisons, splink's Fellegi-Sunter way, with the reasons in words.
--   name: the customer's family name among the contact's words (exact, within one typo, one part
--         of a double name; a rare name proves more than a common one), the given name among the
--         others (exact, a short form, misspelt or shortened, an initial), in any order, with or
--         without a comma, titles and Pet Manager's CN suffix left out; Xero's own FirstName and
--         LastName count too. For a company: its words, abbreviations written out and legal words
--         dropped, or the initials of several of them;
--   details: email, phone, street (less log2 of how many customers share it), postcode, suburb.
-- `evidence`: the comparisons as {bits, text}; the contact's activity is added by contact_twins.
-- `name_strong` (the full name or the company agrees) and `detail_agrees` (an unshared email or
-- phone, or the street) are what `certain` needs.
CREATE OR REPLACE TEMP TABLE "match_contact_scores" AS
WITH "joined" AS (
    SELECT p."customer_id", p."contact_id", p."email_shared", p."phone_shared", p."street_shared",
           c."person_name", nullif(c."company_name", '') AS "company_name", c."family_key", c."family_parts", c."given_key", c."given_groups",
           c."family_bits", c."given_bits", c."company_words" AS "our_company", c."company_initials", c."suburb", c."suburb_key",
           c."email_key", c."phone_keys", c."street_key", c."postcode_key",
           x."name" AS "xero_name", x."contact_status", x."email" AS "xero_email", x."phones" AS "xero_phones",
           x."address_line1" AS "xero_address_line1", x."city" AS "xero_city", x."postal_code" AS "xero_postal_code",
           x."email_key" AS "xero_email_key", x."phone_keys" AS "xero_phone_keys", x."street_key" AS "xero_street_key",
           x."postcode_key" AS "xero_postcode_key", x."words", x."word_groups", x."comma", x."aside", x."city_key",
           x."first_key", x."last_key", x."company_words" AS "their_company"
    FROM "match_contact_pairs" AS p
    JOIN "match_pm_contacts" AS c USING ("customer_id")
    JOIN "match_open_contacts" AS x USING ("contact_id")
    -- a namesake with another given name and nothing else in common is no twin: not scored
    WHERE p."email_shared" IS NOT NULL OR p."phone_shared" IS NOT NULL OR p."street_shared" IS NOT NULL
       OR c."given_key" IS NULL OR len(c."company_words") > 0 OR len(x."words") <= 1
       OR list_bool_or(list_transform(x."words", lambda w: left(w, 1) = left(c."given_key", 1)))
       OR left(x."first_key", 1) = left(c."given_key", 1) OR list_has_any(c."given_groups", x."word_groups")
),
"family_found" AS (
    -- the best place of the family name among the words: rank * 10000 + position * 10 + words spanned;
    -- rank 4 exact, 3 one typo away, 2 one part of a double name, 1 not there
    SELECT *,
           CASE WHEN list_contains("words", "family_key") THEN 40000 + list_position("words", "family_key") * 10 + 1 ELSE
           list_max(list_concat(
               list_transform(range(1, len("words") + 1), lambda i:
                   CASE WHEN "words"[i] = "family_key" THEN 4 WHEN match_typo("words"[i], "family_key") THEN 3
                        WHEN len("family_parts") > 1 AND list_contains("family_parts", "words"[i]) THEN 2 ELSE 1 END * 10000 + i * 10 + 1),
               list_transform(range(1, len("words")), lambda i:
                   CASE WHEN "words"[i] || "words"[i + 1] = "family_key" THEN 4
                        WHEN match_typo("words"[i] || "words"[i + 1], "family_key") THEN 3 ELSE 1 END * 10000 + i * 10 + 2),
               list_transform(range(1, len("words") - 1), lambda i:
                   CASE WHEN "words"[i] || "words"[i + 1] || "words"[i + 2] = "family_key" THEN 4 ELSE 1 END * 10000 + i * 10 + 3)))
           END AS "family_code"
    FROM "joined"
),
"given_found" AS (
    -- the best given name among the other words: rank * 100 + position; rank 6 exact, 4 misspelt or
    -- shortened, 3 an initial, 1 another name
    SELECT *,
           list_max(list_transform(
               list_filter(range(1, len("words") + 1), lambda j: "family_code" // 10000 = 1 OR j < ("family_code" % 10000) // 10
                                                                 OR j >= ("family_code" % 10000) // 10 + "family_code" % 10),
               lambda j: CASE WHEN "words"[j] = "given_key" THEN 6
                              -- one typo; in a name of three letters only two letters swapped ("Tmo", not "Tim", for "Tom")
                              WHEN least(length("words"[j]), length("given_key")) >= 3 AND match_typo("words"[j], "given_key")
                                   AND (greatest(length("words"[j]), length("given_key")) >= 4
                                        OR list_sort(string_split("words"[j], '')) = list_sort(string_split("given_key", ''))) THEN 4
                              WHEN least(length("words"[j]), length("given_key")) >= 3
                                   AND (starts_with("words"[j], "given_key") OR starts_with("given_key", "words"[j])) THEN 4
                              WHEN length("words"[j]) <= 2 AND left("words"[j], 1) = left("given_key", 1) THEN 3
                              ELSE 1 END * 100 + j)) AS "given_code"
    FROM "family_found"
),
"compared" AS (
    SELECT *,
           CASE WHEN "family_key" IS NULL THEN 'missing'
                WHEN "family_code" // 10000 = 4 OR "last_key" = "family_key" THEN 'exact'
                WHEN "family_code" // 10000 = 3 THEN 'fuzzy'
                WHEN "family_code" // 10000 = 2 THEN 'part'
                ELSE 'differ' END AS "family_level",
           CASE WHEN "given_key" IS NULL THEN 'missing'
                WHEN "given_code" // 100 = 6 OR "first_key" = "given_key" THEN 'exact'
                WHEN list_has_any("given_groups", "word_groups") THEN 'nickname'
                WHEN "given_code" // 100 = 4 THEN 'fuzzy'
                WHEN "given_code" // 100 = 3 THEN 'initial'
                WHEN "given_code" IS NULL THEN 'missing'
                ELSE 'differ' END AS "given_level",
           NOT "comma" AND "family_code" // 10000 > 1 AND "given_code" // 100 > 1
               AND ("family_code" % 10000) // 10 < "given_code" % 100 AS "swapped",
           CASE WHEN len("our_company") = 0 OR len("their_company") = 0 THEN 'differ'
                WHEN list_sort(list_distinct("our_company")) = list_sort(list_distinct("their_company"))
                  OR (len("our_company") >= 2 AND len("their_company") >= 2
                      AND (list_has_all("our_company", "their_company") OR list_has_all("their_company", "our_company"))) THEN 'exact'
                -- "GAP NSW": some of the words written as their initials, the others as they are
                WHEN list_has_any("company_initials", "their_company")
                 AND list_bool_and(list_transform("their_company", lambda w: list_contains("our_company", w) OR list_contains("company_initials", w))) THEN 'fuzzy'
                -- most words of the shorter name in the other, as they are, shortened or misspelt
                WHEN least(len("our_company"), len("their_company")) >= 2
                 AND list_count(list_filter(CASE WHEN len("our_company") <= len("their_company") THEN "our_company" ELSE "their_company" END,
                         lambda w: list_bool_or(list_transform(CASE WHEN len("our_company") <= len("their_company") THEN "their_company" ELSE "our_company" END,
                             lambda v: v = w OR match_typo(v, w) OR (least(length(v), length(w)) >= 3 AND (starts_with(v, w) OR starts_with(w, v)))))))
                     >= 0.75 * least(len("our_company"), len("their_company")) THEN 'fuzzy'
                ELSE 'differ' END AS "company_level"
    FROM "given_found"
),
"weighed" AS (
    SELECT *,
           CASE "family_level" WHEN 'exact' THEN "family_bits"
                WHEN 'fuzzy' THEN greatest("family_bits" - $family_fuzzy_penalty
                                           - CASE WHEN length("family_key") <= 4 THEN $family_short_penalty ELSE 0 END, $family_fuzzy_min)
                WHEN 'part' THEN greatest("family_bits" - $family_part_penalty, $family_fuzzy_min)
                WHEN 'differ' THEN $family_differ ELSE 0.0 END
           + CASE "given_level" WHEN 'exact' THEN "given_bits" WHEN 'nickname' THEN $given_nickname
                WHEN 'fuzzy' THEN $given_fuzzy WHEN 'initial' THEN $given_initial WHEN 'differ' THEN $given_differ ELSE 0.0 END
               AS "person_bits",
           CASE "company_level" WHEN 'exact' THEN $company_exact WHEN 'fuzzy' THEN $company_fuzzy ELSE $company_differ END
               AS "company_bits",
           CASE WHEN "email_shared" IS NOT NULL THEN $email_same - log2("email_shared")
                WHEN "email_key" IS NOT NULL AND "xero_email_key" IS NOT NULL THEN $email_differ ELSE 0.0 END AS "email_bits",
           CASE WHEN "phone_shared" IS NOT NULL THEN $phone_same - log2("phone_shared")
                WHEN len("phone_keys") > 0 AND len("xero_phone_keys") > 0 THEN $phone_differ ELSE 0.0 END AS "phone_bits",
           CASE WHEN "street_shared" IS NOT NULL THEN $street_same - log2("street_shared")
                WHEN "street_key" IS NOT NULL AND "xero_street_key" IS NOT NULL AND "postcode_key" = "xero_postcode_key" THEN $postcode_same
                WHEN "street_key" IS NOT NULL AND "xero_street_key" IS NOT NULL THEN $street_differ ELSE 0.0 END AS "street_bits",
           CASE WHEN "suburb_key" IS NULL THEN 0.0
                WHEN "aside" = "suburb_key" THEN $suburb_in_name
                WHEN "street_shared" IS NULL AND "city_key" = "suburb_key" THEN $suburb_same ELSE 0.0 END AS "suburb_bits",
           'contact ''' || coalesce("xero_name", '') || ''' vs '
               || CASE WHEN "person_name" = '' AND "company_name" IS NOT NULL THEN "company_name" ELSE "person_name" END
               || ' CN' || "customer_id" AS "shown"
    FROM "compared"
),
"named" AS (
    SELECT *,
           CASE WHEN "person_name" = '' OR ("company_name" IS NOT NULL AND "company_bits" > "person_bits") THEN "company_bits"
                ELSE "person_bits" END AS "name_bits",
           CASE WHEN "person_name" = '' OR ("company_name" IS NOT NULL AND "company_bits" > "person_bits")
                THEN "shown" || ' (' || CASE "company_level" WHEN 'exact' THEN 'same company name'
                                              WHEN 'fuzzy' THEN 'similar company name' ELSE 'different company name' END || ')'
                ELSE "shown" || ' (' || concat_ws(', ',
                    CASE "family_level"
                        WHEN 'exact' THEN 'same family name' || CASE WHEN "family_bits" >= 9.5 THEN ', a rare one'
                                                                     WHEN "family_bits" < 7.5 THEN ', a common one' ELSE '' END
                        WHEN 'fuzzy' THEN 'family name misspelt' WHEN 'part' THEN 'one of the family names'
                        WHEN 'differ' THEN 'different family name' END,
                    CASE "given_level" WHEN 'exact' THEN 'same given name' WHEN 'nickname' THEN 'given name as a short form'
                        WHEN 'fuzzy' THEN 'given name shortened or misspelt' WHEN 'initial' THEN 'given name as an initial'
                        WHEN 'differ' THEN 'different given name' ELSE 'no given name' END,
                    CASE WHEN "comma" THEN 'written family name first' WHEN "swapped" THEN 'names swapped' END) || ')'
                END AS "name_reason",
           ("company_level" = 'exact' AND "company_bits" >= "person_bits")
               OR ("family_level" = 'exact' AND "given_level" IN ('exact', 'nickname', 'fuzzy')) AS "name_strong"
    FROM "weighed"
)
SELECT "customer_id", "contact_id",
       $prior + "name_bits" + "email_bits" + "phone_bits" + "street_bits" + "suburb_bits" AS "weight",
       "name_strong",
       "email_shared" = 1 OR "phone_shared" = 1 OR "street_shared" IS NOT NULL AS "detail_agrees",
       coalesce("contact_status", 'ACTIVE') = 'ACTIVE' AS "active",
       [
           {'bits': "name_bits", 'text': "name_reason"},
           {'bits': "email_bits", 'text': CASE WHEN "email_shared" IS NOT NULL
                THEN 'same email ' || "xero_email" || CASE WHEN "email_shared" > 1 THEN ', shared by ' || "email_shared" || ' customers' ELSE '' END
                WHEN "email_bits" <> 0 THEN 'different email (' || "xero_email" || ')' END},
           {'bits': "phone_bits", 'text': CASE WHEN "phone_shared" IS NOT NULL
                THEN 'same phone ' || array_to_string("xero_phones", ', ') || CASE WHEN "phone_shared" > 1 THEN ', shared by ' || "phone_shared" || ' customers' ELSE '' END
                WHEN "phone_bits" <> 0 THEN 'different phone (' || array_to_string("xero_phones", ', ') || ')' END},
           {'bits': "street_bits", 'text': CASE WHEN "street_shared" IS NOT NULL
                THEN 'same street address ' || concat_ws(', ', "xero_address_line1", "xero_city", "xero_postal_code")
                     || CASE WHEN "street_shared" > 1 THEN ', shared by ' || "street_shared" || ' customers' ELSE '' END
                WHEN "street_bits" = $postcode_same THEN 'same postcode ' || "xero_postal_code" || ', different street'
                WHEN "street_bits" <> 0 THEN 'different address (' || concat_ws(', ', "xero_address_line1", "xero_city", "xero_postal_code") || ')' END},
           {'bits': "suburb_bits", 'text': CASE WHEN "suburb_bits" = $suburb_in_name THEN 'suburb ' || "suburb" || ' written into the name'
                WHEN "suburb_bits" <> 0 THEN 'same suburb ' || "suburb" END}
       ] AS "evidence"
FROM "named";
