-- Credit notes: by CreditNoteNumber among live sales credit notes.
INSERT INTO verify_seen
SELECT d.outbox_id,
       (SELECT count(*) FROM xero_credit_notes AS x
        WHERE x.snapshot_id = $xero_snapshot AND x.credit_note_number = d.key AND x.type = 'ACCRECCREDIT'
          AND x.status NOT IN ('VOIDED', 'DELETED')),
       f.credit_note_id IS NOT NULL,
       f.credit_note_number,
       f.status NOT IN ('VOIDED', 'DELETED'),
       f.total, NULL, NULL
FROM verify_done AS d
LEFT JOIN xero_credit_notes AS f ON f.snapshot_id = $xero_snapshot AND f.credit_note_id = d.xero_id
WHERE d.kind = 'credit_note';
