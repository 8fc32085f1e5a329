-- What the Xero snapshot holds for each done row, one row each, filled by the queries per kind:
-- matches: live records carrying the row's key; found: the record with the row's Xero id;
-- found_key, live: that record's key and whether it is live (not voided, deleted or archived);
-- amount, target, source: that record's money and the documents it sits on.
CREATE OR REPLACE TEMP TABLE verify_seen (
    outbox_id BIGINT, matches BIGINT, found BOOLEAN, found_key VARCHAR, live BOOLEAN,
    amount DECIMAL(18, 2), target VARCHAR, source VARCHAR
);
