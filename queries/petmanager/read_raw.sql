-- One export file as text: every cell VARCHAR (empty cells NULL), columns picked by header
-- position (the column list renames them: `"c<i>" AS "<name>"`). Rows keep file order, so a row's spreadsheet row
-- is rowid + 2 (header = 1); records are counted, not physical lines. Any record broken at the
-- CSV level (bad UTF-8, ragged, bad quoting) makes this fail: find_rejects.sql then locates it.
CREATE TEMP TABLE {raw} AS
SELECT {columns}
FROM read_csv(
    $path,
    header = true,
    columns = $columns,
    delim = ',',
    quote = '"',
    escape = '"',
    encoding = 'utf-8',
    auto_detect = false,
    strict_mode = true
);
