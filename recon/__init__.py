"""recon: Pet Manager to Xero sync, duplicate check and audit."""

__version__ = "0.1.0"
