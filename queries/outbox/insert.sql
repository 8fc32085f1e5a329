-- The planned writes of the registered table "new_writes" (ids and dependencies already resolved).
INSERT INTO outbox (outbox_id, plan_hash, seq, kind, petmanager_id, natural_key, entity, method, payload,
                    depends_on, state, attempts, updated_at, tenant_id)
SELECT outbox_id, plan_hash, seq, kind, petmanager_id, natural_key, entity, method, payload,
       depends_on, 'planned', 0, now(), tenant_id
FROM new_writes;
