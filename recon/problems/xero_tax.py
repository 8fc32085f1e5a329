"""Xero's per-line tax arithmetic lives in `sync.xero_tax` (the pusher needs it, and sync/ may not
import recon/); recon's problem checks use it from here."""

from sync.xero_tax import line_tax, xero_total

__all__ = ["line_tax", "xero_total"]
