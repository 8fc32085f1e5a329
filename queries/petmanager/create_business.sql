-- business.json's business, as one row.
CREATE TABLE {business} AS
SELECT CAST(1 AS INTEGER) AS "_row",
       CAST($business_name AS VARCHAR) AS "business_name",
       CAST($country AS VARCHAR) AS "country",
       CAST($currency AS VARCHAR) AS "currency",
       CAST($timezone AS VARCHAR) AS "timezone",
       CAST($tax_registered AS BOOLEAN) AS "tax_registered",
       CAST($export_format AS INTEGER) AS "export_format",
       CAST($exported_at AS TIMESTAMPTZ) AS "exported_at";
