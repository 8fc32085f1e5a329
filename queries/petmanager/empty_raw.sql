-- The text table of an optional file that is absent: the same columns, no rows.
CREATE TEMP TABLE {raw} AS
SELECT {columns}
LIMIT 0;
