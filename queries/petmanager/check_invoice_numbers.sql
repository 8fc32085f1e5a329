-- Invoice numbers used twice among invoices that are not void.
WITH "live" AS (
    SELECT "_row", "invoice_number"
    FROM {table}
    WHERE "status" <> 'void'
), "repeated" AS (
    SELECT "invoice_number", min("_row") AS "first_row"
    FROM "live"
    GROUP BY "invoice_number"
    HAVING count(*) > 1
)
SELECT "_row", "first_row", "invoice_number", count(*) OVER () AS "found"
FROM "live"
JOIN "repeated" USING ("invoice_number")
WHERE "_row" <> "first_row"
ORDER BY "_row"
LIMIT $limit;
