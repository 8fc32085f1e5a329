"""Step 2 of Pet Manager's Xero setup: map Pet Manager's codes to Xero's accounts, tax types and tracking."""
