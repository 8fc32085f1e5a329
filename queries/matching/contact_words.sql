-- The word lists of names.py and surnames.py as temp tables: `match_name_words` (kind, word,
-- value: titles, legal words, abbreviations written out, given names with their group) and
-- `match_name_shares` (kind, key, share: the population share of common family and given names).
CREATE OR REPLACE TEMP TABLE "match_name_words" AS SELECT * FROM "name_words";
CREATE OR REPLACE TEMP TABLE "match_name_shares" AS SELECT * FROM "name_shares";
