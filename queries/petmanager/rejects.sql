-- Records that the CSV reader refused, in file order; "line" is the spreadsheet row.
SELECT "line", "column_idx", "error_type", "error_message"
FROM {rejects}
ORDER BY "line";
