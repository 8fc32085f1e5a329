-- Xero contacts of the organisation with the same keys. `cn_id` is the customer number in
-- Pet Manager's " CN<customer_id>" name suffix; `words` the name's words without it. Suppliers
-- kept in Pet Manager's supplier group are never a customer's twin.
CREATE OR REPLACE TEMP TABLE "match_xero_contacts" AS
SELECT *,
       -- a family name may be written as one word or two ("OBrien", "O Brien", "van der Berg")
       list_distinct(list_filter(list_concat("words", list_transform(range(1, len("words")), lambda i: "words"[i] || "words"[i + 1])),
                                 lambda w: length(w) >= 2)) AS "family_keys",
       -- a given name followed, anywhere, by the first letter of another word
       flatten(list_transform("words", lambda a: list_transform(list_filter("words", lambda b: b <> a),
                                                               lambda b: a || '|' || left(b, 1)))) AS "given_keys"
FROM (
    SELECT "contact_id", "name", "first_name", "last_name", "contact_number", "contact_status",
           "email", "phones", "address_line1", "city", "postal_code",
           TRY_CAST(regexp_extract("name", '\bCN([0-9]+)\s*$', 1) AS BIGINT) AS "cn_id",
           match_text(match_bare_name("name")) AS "name_text",
           list_filter(string_split(match_text(match_bare_name("name")), ' '), lambda w: w <> '') AS "words",
           match_email("email") AS "email_key",
           list_distinct(list_filter(list_transform(coalesce("phones", []), lambda p: match_phone(p)), lambda p: p IS NOT NULL)) AS "phone_keys",
           match_street("postal_code", "address_line1") AS "street_key",
           nullif(trim(coalesce("postal_code", '')), '') AS "postcode_key"
    FROM "xero_contacts"
    WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id
      AND NOT list_contains(coalesce("group_names", []), 'Pet Manager Suppliers')
);
