"""What one organisation's back-sync covers: the two snapshots, the organisation, its locations,
the window and Pet Manager's number prefixes. Every problem query is bound to it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from recon.check.findings import Window
from recon.config import CONFIG_NAME, Config
from recon.errors import BadInput, Located


@dataclass(frozen=True)
class Scope:
    pm_snapshot: int
    xero_snapshot: int
    tenant_id: str
    locations: tuple[int, ...]
    window: Window
    invoice_prefix: str | None
    credit_note_prefix: str | None

    @classmethod
    def of(cls, config: Config, pm_snapshot: int, xero_snapshot: int, tenant_id: str, window: Window) -> Scope:
        organisation = next((o for o in config.organisations if o.tenant_id == tenant_id), None)
        if organisation is None:
            raise BadInput([Located(str(config.root / CONFIG_NAME), None, "organisations",
                                    f"organisation {tenant_id} is not in recon.toml")])
        return cls(pm_snapshot, xero_snapshot, tenant_id, organisation.locations, window,
                   config.invoice_prefix, config.credit_note_prefix)

    @property
    def end(self) -> dt.date:
        """The window's last day, or the last day there is when it is open-ended."""
        return self.window.end or dt.date.max

    def params(self) -> dict[str, object]:
        return {
            "pm_snapshot": self.pm_snapshot,
            "xero_snapshot": self.xero_snapshot,
            "tenant_id": self.tenant_id,
            "locations": list(self.locations),
            "start": self.window.start,
            "end": self.end,
            "invoice_prefix": self.invoice_prefix,
            "credit_note_prefix": self.credit_note_prefix,
        }
