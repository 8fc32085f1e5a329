-- What a person should know about the snapshots before comparing them: (severity, side, record, message).
SELECT 'info' AS severity, 'Pet Manager' AS side, count(*) || ' draft invoices' AS record,
       'drafts are never synced to Xero' AS message
FROM pm_invoices WHERE snapshot_id = $pm_snapshot AND status = 'draft' HAVING count(*) > 0
UNION ALL
SELECT 'info', 'Pet Manager', count(*) || ' void invoices', 'void in Pet Manager: not pushed unless already in Xero'
FROM pm_invoices WHERE snapshot_id = $pm_snapshot AND status = 'void' HAVING count(*) > 0
UNION ALL
SELECT 'info', 'Pet Manager', count(*) || ' inactive customers', 'archived customers are still sent as contacts'
FROM pm_customers WHERE snapshot_id = $pm_snapshot AND NOT is_active HAVING count(*) > 0
UNION ALL
SELECT 'info', 'Xero', count(*) || ' voided or deleted sales invoices',
       'not live, but a voided invoice still holds its number'
FROM xero_invoices WHERE snapshot_id = $xero_snapshot AND type = 'ACCREC' AND status IN ('VOIDED', 'DELETED')
HAVING count(*) > 0
UNION ALL
SELECT 'warning', 'Xero', 'contact ' || name, count(*) || ' active contacts with this name (Xero should not allow it)'
FROM xero_contacts WHERE snapshot_id = $xero_snapshot AND contact_status = 'ACTIVE'
GROUP BY name HAVING count(*) > 1;
