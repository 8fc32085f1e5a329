-- Which of the named tables exist in the workspace database (the sync tables appear only once
-- a sync has been planned).
SELECT "table_name"
FROM duckdb_tables()
WHERE "database_name" = current_database() AND "schema_name" = 'main' AND list_contains($names, "table_name")
ORDER BY "table_name";
