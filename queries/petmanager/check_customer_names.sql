-- Customers with neither a first name, a last name nor a company name.
SELECT "_row", count(*) OVER () AS "found"
FROM {table}
WHERE "first_name" IS NULL AND "last_name" IS NULL AND "company_name" IS NULL
ORDER BY "_row"
LIMIT $limit;
