-- The typed table of one file from its text table (the column list casts each: `TRY_CAST("x" AS <type>) AS "x"`),
-- with "_row", the spreadsheet row. Cells were checked before: a NULL from a cast marks a cell
-- already reported (and the load then fails).
CREATE TABLE {typed} AS
SELECT CAST(rowid + 2 AS INTEGER) AS "_row", {columns}
FROM {raw};
