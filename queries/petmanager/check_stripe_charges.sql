-- Stripe payments without the Stripe charge they came from.
SELECT "_row", count(*) OVER () AS "found"
FROM {table}
WHERE "method" = 'stripe' AND "stripe_charge_id" IS NULL
ORDER BY "_row"
LIMIT $limit;
