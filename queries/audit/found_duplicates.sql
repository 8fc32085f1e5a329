-- New hand-entered duplicates of synced records: a loose Xero invoice, credit note or overpayment on the
-- customer's contact (or a hand-made contact with the customer's name) with the same total as a
-- synced document of that customer dated within 14 days; a loose payment of the same amount on
-- an invoice that already holds the synced payment. The nearest synced record is named.
INSERT INTO "audit_found"
WITH "documents" AS (
    SELECT x."kind", j."pm_id", x."xero_id", x."number", x."contact_name", x."day", j."pm_amount", x."amount",
           j."x_row" AS "twin_row", j."xero_day" AS "twin_day"
    FROM "audit_loose" AS x
    JOIN "audit_joined" AS j
      ON j."kind" = x."kind" AND j."customer_id" = x."customer_id" AND j."xero_amount" = x."amount"
     AND j."pm_live" AND j."xero_live" AND abs(date_diff('day', j."xero_day", x."day")) <= 14
    WHERE x."kind" IN ('invoice', 'credit_note', 'overpayment')
    QUALIFY row_number() OVER (PARTITION BY x."kind", x."xero_id"
                               ORDER BY abs(date_diff('day', j."xero_day", x."day")), j."pm_id") = 1
),
"payments" AS (
    SELECT x."kind", j."pm_id", x."xero_id", x."number", x."contact_name", x."day", j."pm_amount", x."amount",
           j."x_row" AS "twin_row", j."xero_day" AS "twin_day"
    FROM "audit_loose" AS x
    JOIN "audit_joined" AS j
      ON j."kind" = 'payment' AND j."xero_invoice_row" = x."invoice_row" AND j."xero_amount" = x."amount"
     AND j."pm_live" AND j."xero_live"
    WHERE x."kind" = 'payment'
    QUALIFY row_number() OVER (PARTITION BY x."xero_id"
                               ORDER BY abs(date_diff('day', j."xero_day", x."day")), j."pm_id") = 1
)
SELECT 'new_duplicate', d."kind", d."pm_id", d."xero_id", d."number", d."contact_name", d."day", d."pm_amount",
       d."amount", [],
       'typed by hand: ' || CASE WHEN d."kind" = 'payment' THEN 'a second payment of ' || d."amount" || ' on '
                                 ELSE 'same total ' || d."amount" || ' and customer as ' END
       || coalesce(twin."number", '?') || ' (synced, dated ' || d."twin_day" || ')', NULL
FROM (SELECT * FROM "documents" UNION ALL SELECT * FROM "payments") AS d
JOIN "audit_xero" AS twin ON twin."x_row" = d."twin_row";
