-- Score every candidate money pair (payments or overpayments) with the model's weights, bound as
-- parameters. The paid invoice, when Xero names one, says whose money it is; the contact is read
-- only when it does not. Only pairs that reach the `possible` tier are kept, with their reasons
-- and whether the evidence for `certain` is all there (paid on Pet Manager's linked or certainly
-- twinned invoice, same amount, within three days; overpayments name no invoice, so never).
CREATE OR REPLACE TEMP TABLE "match_pair_scores" AS
WITH "amount_frequency" AS (
    SELECT "cents", count(*) AS "n", sum(count(*)) OVER () AS "population"
    FROM "match_pm_money" GROUP BY "cents"
),
"compared" AS (
    SELECT c."pm_id", c."xero_id", p."customer_id", p."invoice_id", p."date" AS "pm_date", p."cents", p."method",
           x."date" AS "xero_date", x."cents" AS "xero_cents", x."contact_name", x."invoice_number",
           x."account_code", x."reference",
           cu."first_name", cu."last_name", cu."company_name",
           x."date" - p."date" AS "shift",
           abs(x."date" - p."date") AS "days",
           CASE WHEN x."cents" = p."cents" THEN 'exact'
                WHEN abs(x."cents" - p."cents") <= 2 THEN 'cent'
                ELSE 'other' END AS "amount_level",
           least(greatest(log2($amount_m * greatest(f."population", $frequency_floor) / f."n"), $amount_min_bits),
                 $amount_max_bits) AS "amount_exact_bits",
           CASE WHEN ir."pm_id" = p."invoice_id" AND ir."level" = 'possible' THEN 'same_possible'
                WHEN ir."pm_id" = p."invoice_id" THEN 'same'
                WHEN ir."pm_id" IS NOT NULL AND ir."level" <> 'possible' THEN 'other'
                ELSE 'unknown' END AS "invoice_level",
           coalesce(ir."level", 'none') AS "invoice_resolution",
           CASE WHEN r."customer_id" = p."customer_id" AND r."level" = 'possible' THEN 'same_possible'
                WHEN r."customer_id" = p."customer_id" THEN 'same'
                WHEN r."customer_id" IS NOT NULL AND r."level" <> 'possible' THEN 'other'
                WHEN greatest(jaro_winkler_similarity(xc."name_text", cu."person_text"),
                              jaro_winkler_similarity(xc."name_text", cu."company_text")) >= 0.9 THEN 'similar_name'
                ELSE 'unrelated' END AS "contact_level",
           coalesce(r."level", 'none') AS "contact_resolution"
    FROM "match_money_candidates" AS c
    JOIN "match_pm_money" AS p USING ("pm_id")
    JOIN "match_xero_money" AS x USING ("xero_id")
    JOIN "amount_frequency" AS f ON f."cents" = p."cents"
    LEFT JOIN "match_pm_contacts" AS cu ON cu."customer_id" = p."customer_id"
    LEFT JOIN "match_xero_contacts" AS xc ON xc."contact_id" = x."contact_id"
    LEFT JOIN "match_contact_resolved" AS r ON r."contact_id" = x."contact_id"
    LEFT JOIN "match_invoice_resolved" AS ir ON ir."xero_id" = x."invoice_id"
),
"weighed" AS (
    SELECT *,
           CASE "amount_level" WHEN 'exact' THEN "amount_exact_bits"
                               WHEN 'cent' THEN "amount_exact_bits" - $amount_cent_penalty
                               ELSE $amount_other END AS "amount_bits",
           CASE WHEN "days" = 0 THEN $date_0 WHEN "days" <= 1 THEN $date_1 WHEN "days" <= 3 THEN $date_3
                WHEN "days" <= 7 THEN $date_7 WHEN "days" <= 14 THEN $date_14 WHEN "days" <= 31 THEN $date_31
                ELSE $date_far END AS "date_bits",
           CASE "invoice_level" WHEN 'same' THEN $invoice_same WHEN 'same_possible' THEN $invoice_same_possible
                                WHEN 'other' THEN $invoice_other ELSE 0 END AS "invoice_bits",
           CASE WHEN "invoice_level" IN ('same', 'other') THEN 0
                ELSE CASE "contact_level" WHEN 'same' THEN $contact_same WHEN 'same_possible' THEN $contact_same_possible
                                          WHEN 'other' THEN $contact_other WHEN 'similar_name' THEN $contact_similar_name
                                          ELSE $contact_unrelated END END AS "contact_bits"
    FROM "compared"
),
"scored" AS (
    SELECT *, $prior_bits + "amount_bits" + "date_bits" + "invoice_bits" + "contact_bits" AS "weight"
    FROM "weighed"
),
"kept" AS (
    SELECT "pm_id", "xero_id", "weight", "days",
           "invoice_level" = 'same' AND "invoice_resolution" IN ('linked', 'certain') AND "amount_level" = 'exact'
               AND "days" <= 3 AS "certain_evidence",
           match_reasons([
               {'bits': "invoice_bits", 'text': CASE
                   WHEN "invoice_level" = 'same' AND "invoice_resolution" = 'linked'
                       THEN 'pays ' || "invoice_number" || ', Pet Manager''s own invoice ' || "invoice_id"
                   WHEN "invoice_level" = 'same'
                       THEN 'pays ' || "invoice_number" || ', a hand-typed twin of Pet Manager invoice ' || "invoice_id"
                            || ' (' || "invoice_resolution" || ')'
                   WHEN "invoice_level" = 'same_possible'
                       THEN 'pays ' || "invoice_number" || ', which may be a twin of Pet Manager invoice ' || "invoice_id"
                   WHEN "invoice_level" = 'other' THEN 'pays ' || "invoice_number" || ', which is another Pet Manager invoice' END},
               {'bits': "amount_bits", 'text': match_amount_reason("amount_level", "cents", "xero_cents", "amount_exact_bits")},
               {'bits': "date_bits", 'text': match_dated("shift", "pm_date")},
               {'bits': "contact_bits", 'text': CASE WHEN "contact_bits" <> 0 THEN
                   match_contact_reason("contact_level", "contact_resolution", "contact_name",
                                        match_customer("first_name", "last_name", "company_name", "customer_id")) END},
               {'bits': -100, 'text': 'paid into account ' || "account_code" || ' (Pet Manager: ' || "method" || ')'}
           ]) AS "reasons"
    FROM "scored"
    WHERE "weight" >= $possible_bits
)
-- a pair no other pair rivals (none shares its Pet Manager or Xero record) is its own assignment
SELECT *, count(*) OVER (PARTITION BY "pm_id") > 1 OR count(*) OVER (PARTITION BY "xero_id") > 1 AS "contested"
FROM "kept";
