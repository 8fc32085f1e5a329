-- What one Pet Manager snapshot holds: records per kind, with their money where they carry it.
SELECT 'Customers' AS entity, count(*) AS n, NULL::DECIMAL(18, 2) AS amount FROM pm_customers WHERE snapshot_id = $snapshot_id
UNION ALL SELECT 'Invoices (not draft or void)', count(*), sum(total) FROM pm_invoices
          WHERE snapshot_id = $snapshot_id AND status IN ('issued', 'paid')
UNION ALL SELECT 'Credit notes (not void)', count(*), sum(total) FROM pm_credit_notes
          WHERE snapshot_id = $snapshot_id AND status = 'issued'
UNION ALL SELECT 'Payments (completed)', count(*), sum(amount) FROM pm_payments
          WHERE snapshot_id = $snapshot_id AND status = 'completed'
UNION ALL SELECT 'Overpayments', count(*), sum(amount) FROM pm_overpayments WHERE snapshot_id = $snapshot_id
UNION ALL SELECT 'Allocations', count(*), sum(amount) FROM pm_allocations WHERE snapshot_id = $snapshot_id
UNION ALL SELECT 'Refunds', count(*), sum(amount) FROM pm_refunds WHERE snapshot_id = $snapshot_id
UNION ALL SELECT 'Stripe payouts', count(*), sum(amount) FROM pm_stripe_payouts WHERE snapshot_id = $snapshot_id;
