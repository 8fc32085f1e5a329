-- Every done row of plan $plan_hash with what Xero should hold for it: the key the record carries
-- in Xero (ContactNumber or Name, InvoiceNumber, CreditNoteNumber, recon's key at the start of the
-- Reference), the amount Pet Manager snapshot $pm_snapshot has for it, and the documents it was
-- meant to sit on (placeholders resolved through verify_ids).
CREATE OR REPLACE TEMP TABLE verify_done AS
WITH done AS (
    SELECT outbox_id, seq, kind, TRY_CAST(petmanager_id AS BIGINT) AS petmanager_id, natural_key, xero_id,
           CASE
               WHEN kind = 'contact' THEN coalesce(payload->>'ContactNumber', payload->>'Name')
               WHEN kind = 'contact_group' THEN payload->>'Name'
               WHEN kind IN ('invoice', 'stripe_fee_bill') THEN payload->>'InvoiceNumber'
               WHEN kind = 'credit_note' THEN payload->>'CreditNoteNumber'
               WHEN kind IN ('payment', 'refund', 'overpayment', 'payout', 'stripe_fee_payment')
                   THEN split_part(payload->>'Reference', ' ', 1)
               ELSE natural_key
           END AS key,
           payload->>'ContactNumber' IS NOT NULL AS by_number,
           CASE
               WHEN kind IN ('payment', 'stripe_fee_payment', 'credit_note_allocation', 'overpayment_allocation')
                   THEN payload->'Invoice'->>'InvoiceID'
               WHEN kind = 'contact_group_member' THEN payload->>'ContactID'
               WHEN kind = 'refund'
                   THEN coalesce(payload->'CreditNote'->>'CreditNoteID', payload->'Overpayment'->>'OverpaymentID')
           END AS target_ref,
           CASE WHEN kind LIKE '%allocation' THEN split_part(entity, '/', 2) END AS source_ref
    FROM outbox
    WHERE plan_hash = $plan_hash AND state = 'done'
)
SELECT done.* EXCLUDE (target_ref, source_ref),
       CASE WHEN done.target_ref LIKE '{%}' THEN target.xero_id ELSE done.target_ref END AS expected_target,
       CASE WHEN done.source_ref LIKE '{%}' THEN source.xero_id ELSE done.source_ref END AS expected_source,
       CASE done.kind
           WHEN 'invoice' THEN (SELECT total FROM pm_invoices
                                WHERE snapshot_id = $pm_snapshot AND invoice_id = done.petmanager_id)
           WHEN 'credit_note' THEN (SELECT total FROM pm_credit_notes
                                    WHERE snapshot_id = $pm_snapshot AND credit_note_id = done.petmanager_id)
           WHEN 'payment' THEN (SELECT amount FROM pm_payments
                                WHERE snapshot_id = $pm_snapshot AND payment_id = done.petmanager_id)
           WHEN 'refund' THEN (SELECT amount FROM pm_refunds
                               WHERE snapshot_id = $pm_snapshot AND refund_id = done.petmanager_id)
           WHEN 'overpayment' THEN (SELECT amount FROM pm_overpayments
                                    WHERE snapshot_id = $pm_snapshot AND overpayment_id = done.petmanager_id)
           WHEN 'payout' THEN (SELECT amount FROM pm_stripe_payouts
                               WHERE snapshot_id = $pm_snapshot AND payout_id = done.petmanager_id)
           WHEN 'credit_note_allocation' THEN (SELECT amount FROM pm_allocations
                                               WHERE snapshot_id = $pm_snapshot AND allocation_id = done.petmanager_id)
           WHEN 'overpayment_allocation' THEN (SELECT amount FROM pm_allocations
                                               WHERE snapshot_id = $pm_snapshot AND allocation_id = done.petmanager_id)
           WHEN 'stripe_fee_bill' THEN (SELECT CASE WHEN done.key LIKE 'PM-PFEE-%' THEN platform_fee ELSE stripe_fee END
                                        FROM pm_payments
                                        WHERE snapshot_id = $pm_snapshot AND payment_id = done.petmanager_id)
           WHEN 'stripe_fee_payment' THEN (SELECT CASE WHEN done.key LIKE 'PM-PFEE-%' THEN platform_fee ELSE stripe_fee END
                                           FROM pm_payments
                                           WHERE snapshot_id = $pm_snapshot AND payment_id = done.petmanager_id)
       END AS expected
FROM done
LEFT JOIN verify_ids AS target ON target.natural_key = regexp_extract(done.target_ref, '^\{\w+:(.*)\}$', 1)
LEFT JOIN verify_ids AS source ON source.natural_key = regexp_extract(done.source_ref, '^\{\w+:(.*)\}$', 1);
