"""The plan handed to the outbox: the same writes, each dependency named by the `seq` of the
write it waits for instead of its natural key, Pet Manager ids as text."""

from __future__ import annotations

from recon.syncplan.plan import Plan
from sync import outbox


def to_outbox_writes(plan: Plan) -> list[outbox.PlannedWrite]:
    seq_of = {write.natural_key: write.seq for write in plan.writes}
    return [
        outbox.PlannedWrite(
            seq=write.seq,
            kind=write.kind,
            natural_key=write.natural_key,
            entity=write.entity,
            payload=write.payload,
            petmanager_id=None if write.petmanager_id is None else str(write.petmanager_id),
            depends_on=tuple(seq_of[key] for key in write.depends_on),
            method=write.method,
        )
        for write in plan.writes
    ]
