-- Rows of source type $source_type whose {column} names no {target_column} in {target}.
SELECT c."_row", CAST(c.{column} AS VARCHAR) AS "value", count(*) OVER () AS "found"
FROM {table} AS c
WHERE c."source_type" = $source_type
  AND c.{column} IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM {target} AS t WHERE t.{target_column} = c.{column})
ORDER BY c."_row"
LIMIT $limit;
