"""Verification after a push: every record recon wrote is in Xero once, with Pet Manager's amounts,
on the right documents (docs/sync.md, Flow 7)."""

from recon.verify.check import PROBLEMS, Finding, Verification, verify, verify_in

__all__ = ["PROBLEMS", "Finding", "Verification", "verify", "verify_in"]
