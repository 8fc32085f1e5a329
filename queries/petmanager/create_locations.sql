-- business.json's locations; "_row" is the location's 1-based position in the list.
CREATE TABLE {locations} AS
SELECT CAST(unnest($rows) AS INTEGER) AS "_row",
       CAST(unnest($location_ids) AS BIGINT) AS "location_id",
       CAST(unnest($names) AS VARCHAR) AS "name";
