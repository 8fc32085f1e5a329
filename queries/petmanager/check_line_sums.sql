-- Documents whose "subtotal" is not the sum of their lines' "line_amount" (0 without lines).
SELECT d."_row", CAST(d."subtotal" AS VARCHAR) AS "subtotal", coalesce(l."lines", 0) AS "lines",
       CAST(coalesce(l."line_sum", 0) AS VARCHAR) AS "line_sum", count(*) OVER () AS "found"
FROM {documents} AS d
LEFT JOIN (
    SELECT {id}, count(*) AS "lines", sum("line_amount") AS "line_sum"
    FROM {lines}
    GROUP BY {id}
) AS l USING ({id})
WHERE d."subtotal" <> coalesce(l."line_sum", 0)
ORDER BY d."_row"
LIMIT $limit;
