-- Rows whose key ({keys}) was already used by an earlier row ("first_row").
WITH "repeated" AS (
    SELECT {keys}, min("_row") AS "first_row"
    FROM {table}
    GROUP BY {keys}
    HAVING count(*) > 1
)
SELECT "_row", "first_row", count(*) OVER () AS "found"
FROM {table}
JOIN "repeated" USING ({keys})
WHERE "_row" <> "first_row"
ORDER BY "_row"
LIMIT $limit;
