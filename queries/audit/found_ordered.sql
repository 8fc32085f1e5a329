-- The differences in the order the report lists them; `position` is the index TotalRow.explained_by uses.
CREATE OR REPLACE TEMP TABLE "audit_found_ordered" AS
SELECT row_number() OVER (ORDER BY list_position($categories, "category"), list_position($kinds, "kind"),
                                   "day" NULLS LAST, "number" NULLS LAST, "pm_id" NULLS LAST, "xero_id" NULLS LAST) - 1
           AS "position", *
FROM "audit_found";
