-- Documents whose total is not subtotal (tax-inclusive) or subtotal + tax_total (exclusive).
SELECT "_row", CAST("total" AS VARCHAR) AS "total",
       CAST(CASE WHEN "amounts_include_tax" THEN "subtotal" ELSE "subtotal" + "tax_total" END AS VARCHAR) AS "expected",
       count(*) OVER () AS "found"
FROM {table}
WHERE "total" <> CASE WHEN "amounts_include_tax" THEN "subtotal" ELSE "subtotal" + "tax_total" END
ORDER BY "_row"
LIMIT $limit;
