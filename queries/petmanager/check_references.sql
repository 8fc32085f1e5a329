-- Rows whose {column} names no {target_column} in {target}.
SELECT c."_row", CAST(c.{column} AS VARCHAR) AS "value", count(*) OVER () AS "found"
FROM {table} AS c
WHERE c.{column} IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM {target} AS t WHERE t.{target_column} = c.{column})
ORDER BY c."_row"
LIMIT $limit;
