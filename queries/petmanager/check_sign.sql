-- Numbers below zero, zero where $positive, or above $maximum (when given).
SELECT "_row", CAST({column} AS VARCHAR) AS "value", count(*) OVER () AS "found"
FROM {table}
WHERE {column} < 0
   OR ({column} = 0 AND $positive)
   OR {column} > CAST($maximum AS DECIMAL(18, 4))
ORDER BY "_row"
LIMIT $limit;
