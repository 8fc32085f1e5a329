-- Names compared the way the pre-sync check compares them (queries/matching/macros.sql): lower
-- case, accents and apostrophes gone, anything else that is not a letter or digit one space; and
-- a contact's name without Pet Manager's " CN<customer_id>" suffix.
CREATE OR REPLACE TEMP MACRO "audit_text"(s) AS
    trim(regexp_replace(regexp_replace(lower(strip_accents(coalesce(s, ''))), '[''’`]', '', 'g'),
                        '[^a-z0-9]+', ' ', 'g'));
CREATE OR REPLACE TEMP MACRO "audit_bare_name"(s) AS
    trim(regexp_replace(coalesce(s, ''), '\s*\bCN[0-9]+\s*$', ''));
