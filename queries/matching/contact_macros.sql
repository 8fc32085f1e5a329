-- Macros of the contact queries (the shared ones are in macros.sql).

-- A word and, when it has three letters or more, every form of it with one letter left out: two
-- words one typo apart (a letter dropped, doubled, changed or two swapped) share one of these.
CREATE OR REPLACE TEMP MACRO "match_typo_keys"(w) AS
    CASE WHEN length(w) >= 3
         THEN list_distinct(list_prepend(w, list_transform(range(1, length(w) + 1), lambda i: left(w, i - 1) || substr(w, i + 1))))
         ELSE [w] END;

-- Two words one typo apart, or close as Jaro-Winkler sees them ("Smyth" for "Smith").
CREATE OR REPLACE TEMP MACRO "match_typo"(a, b) AS
    (least(length(a), length(b)) >= 2 AND greatest(length(a), length(b)) >= 3 AND damerau_levenshtein(a, b) <= 1)
    OR (least(length(a), length(b)) >= 4 AND jaro_winkler_similarity(a, b) >= 0.92);
