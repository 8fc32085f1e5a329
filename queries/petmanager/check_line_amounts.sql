-- Lines whose line_amount is not quantity x unit_price less the discount ({discount}, a
-- percentage), rounded to cents. Exact decimal arithmetic, scaled by 100 so nothing is divided;
-- half a cent either way is accepted, as the rounding rule is Pet Manager's, not ours.
SELECT "_row", CAST("line_amount" AS VARCHAR) AS "line_amount", CAST("quantity" AS VARCHAR) AS "quantity",
       CAST("unit_price" AS VARCHAR) AS "unit_price", CAST({discount} AS VARCHAR) AS "discount",
       count(*) OVER () AS "found"
FROM {table}
WHERE abs(CAST("quantity" AS DECIMAL(38, 4)) * CAST("unit_price" AS DECIMAL(38, 4)) * (100 - {discount})
          - CAST("line_amount" AS DECIMAL(38, 2)) * 100) > 0.5
ORDER BY "_row"
LIMIT $limit;
