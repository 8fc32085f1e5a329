-- The same plan confirmed again: its failed rows (Xero refused them, so nothing was created) and
-- the rows held behind them are planned again, since their cause may have been fixed at its
-- source (in Xero, say) without changing the plan. The next send gets a fresh Idempotency-Key
-- (attempts count on).
UPDATE outbox
SET state = 'planned', error = NULL, updated_at = now()
WHERE plan_hash = $plan_hash AND state IN ('failed', 'held')
RETURNING outbox_id;
