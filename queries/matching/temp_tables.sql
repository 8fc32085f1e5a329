-- The matcher's working tables, to drop when it is done.
SELECT "table_name" FROM duckdb_tables() WHERE "temporary" AND starts_with("table_name", 'match_');
