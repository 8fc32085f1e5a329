"""One decision on one suspected duplicate: which pair, what was decided, when, by whom and why."""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass

from recon.check.findings import Duplicate

# 'same': the Xero record is this Pet Manager record typed by hand: link it, never push it.
# 'different': they are two events: push the Pet Manager record.
DECISIONS = ("same", "different")
MEANINGS = {"same": "the same record: link it, never push it", "different": "a different record: push it"}

Pair = tuple[str, str, int, str]  # tenant_id, kind, petmanager_id, xero_id


@dataclass(frozen=True)
class Decision:
    tenant_id: str
    kind: str
    petmanager_id: int
    xero_id: str
    decision: str  # one of DECISIONS
    decided_at: dt.datetime  # aware, UTC
    decided_by: str
    why: str  # may be empty
    check_run_id: int  # the check run the person was looking at

    def __post_init__(self):
        if self.decision not in DECISIONS:
            raise ValueError(f"decision {self.decision!r} is not one of {list(DECISIONS)}")

    @property
    def pair(self) -> Pair:
        return self.tenant_id, self.kind, self.petmanager_id, self.xero_id

    @classmethod
    def on(cls, duplicate: Duplicate, decision: str, *, by: str, why: str, run_id: int,
           at: dt.datetime) -> Decision:
        return cls(duplicate.tenant_id, duplicate.kind, duplicate.petmanager_id, duplicate.xero_id, decision, at,
                   by, why, run_id)


def pair_of(duplicate: Duplicate) -> Pair:
    return duplicate.tenant_id, duplicate.kind, duplicate.petmanager_id, duplicate.xero_id


def default_person() -> str:
    """Who decides when `--by` is not given: the operating system's user name."""
    try:
        return getpass.getuser()
    except OSError:  # no user name in the environment nor in the password database
        return "unknown"


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)
