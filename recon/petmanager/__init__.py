"""The Pet Manager reader: an export folder (FORMAT.md, format 1) into typed DuckDB tables."""

from recon.petmanager.business import Business, Location
from recon.petmanager.load import load_export
from recon.petmanager.summary import ExportSummary

__all__ = ["Business", "ExportSummary", "Location", "load_export"]
