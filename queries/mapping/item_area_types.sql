-- For each item code, the area type its lines carry most often (a hint for suggesting its account).
SELECT item_code, arg_max(area_type, n) AS area_type
FROM (
    SELECT item_code, area_type, count(*) AS n
    FROM pm_invoice_lines
    WHERE snapshot_id = $snapshot_id AND item_code IS NOT NULL AND area_type IS NOT NULL
    GROUP BY ALL
)
GROUP BY item_code;
