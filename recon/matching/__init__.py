"""The duplicate check: Pet Manager's records against what was typed into Xero by hand.

`find_matches(con, pm_snapshot=, xero_snapshot=, tenant_id=, window=, invoice_prefix=,
credit_note_prefix=) -> Matches` with `links` (already synced) and `duplicates` (suspected twins,
each with a tier, a confidence and its reasons), both Arrow-backed sequences. The model is in
`model.py`.
"""

from recon.matching.duplicates import Duplicates
from recon.matching.find import find_matches
from recon.matching.links import Links
from recon.matching.matches import Matches

__all__ = ["Duplicates", "Links", "Matches", "find_matches"]
