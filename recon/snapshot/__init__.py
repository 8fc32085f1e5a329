"""Snapshots: each side's records copied into the workspace, stamped, never overwritten."""
