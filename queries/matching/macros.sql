-- Normal forms shared by the matching queries. Text: lower case, accents and apostrophes gone,
-- anything else that is not a letter or digit becomes one space.
CREATE OR REPLACE TEMP MACRO "match_text"(s) AS
    trim(regexp_replace(regexp_replace(lower(strip_accents(coalesce(s, ''))), '[''’`]', '', 'g'),
                        '[^a-z0-9]+', ' ', 'g'));

-- A contact's name without Pet Manager's " CN<customer_id>" suffix.
CREATE OR REPLACE TEMP MACRO "match_bare_name"(s) AS
    trim(regexp_replace(coalesce(s, ''), '\s*\bCN[0-9]+\s*$', ''));

-- Phone numbers compared on their last 8 digits: 0412 345 678, +61 412 345 678 and 412345678 agree.
CREATE OR REPLACE TEMP MACRO "match_phone"(s) AS
    CASE WHEN length(regexp_replace(coalesce(s, ''), '[^0-9]', '', 'g')) >= 8
         THEN right(regexp_replace(s, '[^0-9]', '', 'g'), 8) END;

CREATE OR REPLACE TEMP MACRO "match_email"(s) AS nullif(lower(trim(coalesce(s, ''))), '');

-- Postcode plus house number and the first word of the street: "12 High St", "12 High Street" agree.
CREATE OR REPLACE TEMP MACRO "match_street"(postcode, line1) AS
    CASE WHEN trim(coalesce(postcode, '')) <> ''
          AND regexp_extract(match_text(line1), '([0-9]+[a-z]? [a-z]+)', 1) <> ''
         THEN trim(postcode) || '|' || regexp_extract(match_text(line1), '([0-9]+[a-z]? [a-z]+)', 1) END;

CREATE OR REPLACE TEMP MACRO "match_cents"(m) AS CAST(m * 100 AS BIGINT);

-- The digits of a document number without leading zeros: "10452" → 10452, "CN-0213" → 213.
CREATE OR REPLACE TEMP MACRO "match_number"(s) AS
    CASE WHEN TRY_CAST(s AS UBIGINT) > 0 THEN CAST(TRY_CAST(s AS UBIGINT) AS VARCHAR)  -- the usual "10452", quickly
         ELSE nullif(ltrim(regexp_replace(coalesce(s, ''), '[^0-9]', '', 'g'), '0'), '') END;

-- Digit runs of 3 or more in free text (a Reference), as match_number keys.
CREATE OR REPLACE TEMP MACRO "match_numbers_in"(s) AS
    CASE WHEN s IS NULL THEN []
         ELSE list_filter(list_transform(regexp_extract_all(s, '[0-9]{3,}'), lambda t: ltrim(t, '0')), lambda t: t <> '') END;

-- 14-day buckets: a document is compared with its own bucket and the two beside it.
CREATE OR REPLACE TEMP MACRO "match_bucket"(d) AS (d - DATE '2000-01-01') // 14;

-- Evidence in words -------------------------------------------------------------------------
CREATE OR REPLACE TEMP MACRO "match_money"(cents) AS
    CASE WHEN cents < 0 THEN '-' ELSE '' END || (abs(cents) // 100) || '.' || lpad((abs(cents) % 100)::VARCHAR, 2, '0');

CREATE OR REPLACE TEMP MACRO "match_dated"(shift, day) AS
    CASE WHEN shift = 0 THEN 'same date ' || strftime(day, '%Y-%m-%d')
         ELSE 'dated ' || abs(shift) || CASE WHEN abs(shift) = 1 THEN ' day ' ELSE ' days ' END
              || CASE WHEN shift > 0 THEN 'later' ELSE 'earlier' END END;

CREATE OR REPLACE TEMP MACRO "match_customer"(first_name, last_name, company_name, customer_id) AS
    coalesce(nullif(trim(concat_ws(' ', first_name, last_name)), ''), company_name, 'customer') || ' CN' || customer_id;

CREATE OR REPLACE TEMP MACRO "match_amount_reason"(level, pm_cents, xero_cents, exact_bits) AS
    CASE level
        WHEN 'exact' THEN 'same amount ' || match_money(pm_cents) || CASE WHEN exact_bits <= 3 THEN ' (a common amount)' ELSE '' END
        WHEN 'cent' THEN 'amount ' || match_money(xero_cents) || ', ' || abs(xero_cents - pm_cents)
                         || CASE WHEN abs(xero_cents - pm_cents) = 1 THEN ' cent' ELSE ' cents' END || ' from ' || match_money(pm_cents)
        WHEN 'ex_tax' THEN 'amount ' || match_money(xero_cents) || ' is the ex-tax amount of ' || match_money(pm_cents)
        WHEN 'tax_added' THEN 'amount ' || match_money(pm_cents) || ' typed as ex-tax: Xero added tax to make ' || match_money(xero_cents)
        ELSE 'different amount ' || match_money(xero_cents) || ' vs ' || match_money(pm_cents) END;

CREATE OR REPLACE TEMP MACRO "match_contact_reason"(level, resolution, contact_name, customer) AS
    'contact ''' || coalesce(contact_name, '') || ''' ' ||
    CASE WHEN level = 'same' AND resolution = 'linked' THEN 'is Pet Manager''s own contact for ' || customer
         WHEN level = 'same' THEN 'is a hand-made twin of ' || customer || ' (' || resolution || ')'
         WHEN level = 'same_possible' THEN 'may be a hand-made twin of ' || customer
         WHEN level = 'similar_name' THEN 'has a name like ' || customer
         WHEN level = 'other' THEN 'belongs to another customer'
         ELSE 'does not look like ' || customer END;

-- The reasons of a pair, strongest first: a list of {bits, text} without the empty ones.
CREATE OR REPLACE TEMP MACRO "match_reasons"(evidence) AS
    list_transform(list_reverse_sort(list_filter(evidence, lambda e: coalesce(e.text, '') <> '')), lambda e: e.text);
