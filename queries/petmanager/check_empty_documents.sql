-- Documents without any line, unless their status is $may_be_empty (a draft may be empty).
SELECT d."_row", count(*) OVER () AS "found"
FROM {documents} AS d
WHERE d."status" <> $may_be_empty
  AND NOT EXISTS (SELECT 1 FROM {lines} AS l WHERE l.{id} = d.{id})
ORDER BY d."_row"
LIMIT $limit;
