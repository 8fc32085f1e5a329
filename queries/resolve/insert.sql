-- Append the decisions of the registered frame "new_decisions", in its order.
INSERT INTO "duplicate_decisions" BY NAME
SELECT nextval('duplicate_decision_ids') AS "decision_id", *
FROM "new_decisions";
