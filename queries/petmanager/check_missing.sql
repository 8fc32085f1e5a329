-- Rows of a text table where a column that needs a value is empty (spreadsheet row = rowid + 2).
SELECT CAST(rowid + 2 AS INTEGER) AS "_row", count(*) OVER () AS "found"
FROM {table}
WHERE {column} IS NULL
ORDER BY rowid
LIMIT $limit;
