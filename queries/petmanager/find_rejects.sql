-- Reads a file that read_raw.sql refused, with the same options, storing the records broken at
-- the CSV level in $rejects_table (its "line" counts records with header = 1: the spreadsheet row).
-- Every column is kept: the reader checks UTF-8 only in the columns a query reads.
CREATE TEMP TABLE {scratch} AS
SELECT *
FROM read_csv(
    $path,
    header = true,
    columns = $columns,
    delim = ',',
    quote = '"',
    escape = '"',
    encoding = 'utf-8',
    auto_detect = false,
    strict_mode = true,
    store_rejects = true,
    rejects_table = $rejects_table,
    rejects_scan = $rejects_scan,
    rejects_limit = $rejects_limit
);
