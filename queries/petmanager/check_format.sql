-- Cells of a text table that are not a value of their kind: the text must fully match $pattern
-- and cast to {sql_type} (the cast catches what the pattern cannot, such as 2024-02-30).
SELECT CAST(rowid + 2 AS INTEGER) AS "_row", left({column}, 60) AS "value", count(*) OVER () AS "found"
FROM {table}
WHERE {column} IS NOT NULL
  AND NOT coalesce(regexp_full_match({column}, $pattern) AND TRY_CAST({column} AS {sql_type}) IS NOT NULL, false)
ORDER BY rowid
LIMIT $limit;
