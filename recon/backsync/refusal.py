"""Why the sync will not start: the things a person must settle first, each in words."""

from __future__ import annotations


class SyncRefused(Exception):
    """The guard refused: suspected duplicates without a decision, blocking problems, a start date
    before the lock date, or a plan that changed after it was confirmed. Nothing was written to Xero."""

    def __init__(self, headline: str, reasons: list[str] | None = None, report: str | None = None):
        self.headline = headline
        self.reasons = reasons or []
        self.report = report
        super().__init__("\n".join([headline, *self.reasons]))
