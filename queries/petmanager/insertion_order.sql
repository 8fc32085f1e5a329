-- Row numbers come from file order, which DuckDB keeps only with this setting on (the default).
SELECT CAST(current_setting('preserve_insertion_order') AS BOOLEAN);
