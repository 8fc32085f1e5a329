-- Score every candidate pair: each comparison gets a level and a weight in bits (the model is in
-- recon/matching/model.py and bound here as parameters); the match weight is their sum plus the
-- prior. Only pairs that reach the `possible` tier are kept, with their reasons in words and
-- whether the evidence for `certain` is all there (Pet Manager's number in the Reference, the
-- amount, the customer, the date); the assignment adds the last condition (no close rival).
CREATE OR REPLACE TEMP TABLE "match_pair_scores" AS
WITH "amount_frequency" AS (
    -- how many Pet Manager documents carry each total: a common amount proves less
    SELECT "total_cents", count(*) AS "n", sum(count(*)) OVER () AS "population"
    FROM "match_pm_docs" GROUP BY "total_cents"
),
"xero_referenced" AS (
    -- the Pet Manager documents whose number a Xero Reference holds
    SELECT r."xero_id", list(DISTINCT p."pm_id") AS "pm_ids"
    FROM (SELECT "xero_id", unnest("ref_numbers") AS "key"
          FROM "match_xero_docs" WHERE "xero_id" IN (SELECT "xero_id" FROM "match_doc_candidates")) AS r
    JOIN "match_pm_docs" AS p ON p."number_key" = r."key"
    GROUP BY r."xero_id"
),
"compared" AS (
    SELECT c."pm_id", c."xero_id", p."customer_id", p."number" AS "pm_number", p."booking_ref", p."date" AS "pm_date",
           p."total_cents", p."ex_tax_cents",
           x."number" AS "xero_number", x."reference", x."contact_name", x."date" AS "xero_date",
           x."total_cents" AS "xero_total_cents", x."sub_total_cents" AS "xero_sub_total_cents",
           cu."first_name", cu."last_name", cu."company_name",
           x."date" - p."date" AS "shift",
           abs(x."date" - p."date") AS "days",
           CASE WHEN x."total_cents" = p."total_cents" THEN 'exact'
                WHEN abs(x."total_cents" - p."total_cents") <= 2 THEN 'cent'
                WHEN p."ex_tax_cents" < p."total_cents" AND abs(x."total_cents" - p."ex_tax_cents") <= 1 THEN 'ex_tax'
                WHEN x."sub_total_cents" < x."total_cents" AND abs(x."sub_total_cents" - p."total_cents") <= 1 THEN 'tax_added'
                ELSE 'other' END AS "amount_level",
           least(greatest(log2($amount_m * greatest(f."population", $frequency_floor) / f."n"), $amount_min_bits),
                 $amount_max_bits) AS "amount_exact_bits",
           CASE WHEN r."customer_id" = p."customer_id" AND r."level" = 'possible' THEN 'same_possible'
                WHEN r."customer_id" = p."customer_id" THEN 'same'
                WHEN r."customer_id" IS NOT NULL AND r."level" <> 'possible' THEN 'other'
                WHEN greatest(jaro_winkler_similarity(xc."name_text", cu."person_text"),
                              jaro_winkler_similarity(xc."name_text", cu."company_text")) >= 0.9 THEN 'similar_name'
                ELSE 'unrelated' END AS "contact_level",
           coalesce(r."level", 'none') AS "contact_resolution",
           r."customer_id" AS "contact_customer_id",
           CASE WHEN x."number" = $prefix || p."number" THEN 'same_number'
                WHEN list_contains(x."ref_numbers", p."number_key") THEN 'number'
                WHEN list_contains(x."ref_numbers", p."booking_key") THEN 'booking'
                WHEN list_contains(x."number_numbers", p."number_key") THEN 'xero_number'
                WHEN len(coalesce(xr."pm_ids", [])) > 0 THEN 'other'
                ELSE 'none' END AS "reference_level",
           len(pl."line_cents") AS "pm_lines", len(xl."line_cents") AS "xero_lines",
           CASE WHEN len(pl."line_cents") >= 2 AND pl."line_cents" = xl."line_cents" THEN 'same'
                WHEN len(pl."line_cents") >= 2 AND len(xl."line_cents") = 1 THEN 'merged'
                ELSE 'none' END AS "lines_level"
    FROM "match_doc_candidates" AS c
    JOIN "match_pm_docs" AS p USING ("pm_id")
    JOIN "match_xero_docs" AS x USING ("xero_id")
    JOIN "amount_frequency" AS f ON f."total_cents" = p."total_cents"
    LEFT JOIN "match_pm_contacts" AS cu ON cu."customer_id" = p."customer_id"
    LEFT JOIN "match_xero_contacts" AS xc ON xc."contact_id" = x."contact_id"
    LEFT JOIN "match_contact_resolved" AS r ON r."contact_id" = x."contact_id"
    LEFT JOIN "xero_referenced" AS xr ON xr."xero_id" = c."xero_id"
    LEFT JOIN "match_doc_lines" AS pl ON pl."side" = 'pm' AND pl."id" = CAST(c."pm_id" AS VARCHAR)
    LEFT JOIN "match_doc_lines" AS xl ON xl."side" = 'xero' AND xl."id" = c."xero_id"
),
"weighed" AS (
    SELECT *,
           CASE "amount_level" WHEN 'exact' THEN "amount_exact_bits"
                               WHEN 'cent' THEN "amount_exact_bits" - $amount_cent_penalty
                               WHEN 'ex_tax' THEN "amount_exact_bits" - $amount_ex_tax_penalty
                               WHEN 'tax_added' THEN "amount_exact_bits" - $amount_tax_added_penalty
                               ELSE $amount_other END AS "amount_bits",
           CASE WHEN "days" = 0 THEN $date_0 WHEN "days" <= 1 THEN $date_1 WHEN "days" <= 3 THEN $date_3
                WHEN "days" <= 7 THEN $date_7 WHEN "days" <= 14 THEN $date_14 WHEN "days" <= 31 THEN $date_31
                ELSE $date_far END AS "date_bits",
           CASE "contact_level" WHEN 'same' THEN $contact_same WHEN 'same_possible' THEN $contact_same_possible
                                WHEN 'other' THEN $contact_other WHEN 'similar_name' THEN $contact_similar_name
                                ELSE $contact_unrelated END AS "contact_bits",
           CASE "reference_level" WHEN 'same_number' THEN $same_number WHEN 'number' THEN $reference_number WHEN 'booking' THEN $reference_booking
                                  WHEN 'xero_number' THEN $xero_number WHEN 'other' THEN $reference_other
                                  ELSE 0 END AS "reference_bits",
           CASE "lines_level" WHEN 'same' THEN $lines_same ELSE 0 END AS "lines_bits"
    FROM "compared"
),
"scored" AS (
    SELECT *, $prior_bits + "amount_bits" + "date_bits" + "contact_bits" + "reference_bits" + "lines_bits" AS "weight"
    FROM "weighed"
),
"kept" AS (
    SELECT "pm_id", "xero_id", "weight", "days",
           "reference_level" IN ('same_number', 'number') AND "amount_level" IN ('exact', 'cent') AND "contact_level" = 'same'
               AND "contact_resolution" IN ('linked', 'certain', 'likely') AND "days" <= 14 AS "certain_evidence",
           match_reasons([
               {'bits': "reference_bits", 'text': CASE "reference_level"
                   WHEN 'same_number' THEN $number_field || ' ' || "xero_number" || ' is Pet Manager''s own number, typed by hand on a contact Pet Manager did not make'
                   WHEN 'number' THEN 'Reference ''' || "reference" || ''' holds Pet Manager number ' || "pm_number"
                   WHEN 'booking' THEN 'Reference ''' || "reference" || ''' holds booking ' || "booking_ref"
                   WHEN 'xero_number' THEN $number_field || ' ''' || "xero_number" || ''' holds Pet Manager number ' || "pm_number"
                   WHEN 'other' THEN 'Reference ''' || "reference" || ''' names another Pet Manager document' END},
               {'bits': "amount_bits", 'text': match_amount_reason("amount_level", "total_cents", "xero_total_cents", "amount_exact_bits")},
               {'bits': "date_bits", 'text': match_dated("shift", "pm_date")},
               {'bits': "contact_bits", 'text': match_contact_reason("contact_level", "contact_resolution", "contact_name",
                                                                     match_customer("first_name", "last_name", "company_name", "customer_id"))},
               {'bits': "lines_bits", 'text': CASE "lines_level"
                   WHEN 'same' THEN 'same ' || "pm_lines" || ' line amounts'
                   WHEN 'merged' THEN "pm_lines" || ' lines typed as one' END}
           ]) AS "reasons"
    FROM "scored"
    WHERE "weight" >= $possible_bits
)
-- a pair no other pair rivals (none shares its Pet Manager or Xero record) is its own assignment
SELECT *, count(*) OVER (PARTITION BY "pm_id") > 1 OR count(*) OVER (PARTITION BY "xero_id") > 1 AS "contested"
FROM "kept";
