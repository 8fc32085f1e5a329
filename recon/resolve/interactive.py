"""Deciding at the terminal: each undecided suspected duplicate in turn, best tier first, with
same / different / skip / quit. Each answer is recorded at once, so quitting keeps what was decided."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import typer

from recon.check.findings import Duplicate
from recon.resolve.decision import MEANINGS, Decision, now
from recon.resolve.store import record_decisions
from recon.workspace import Workspace

Answer = Literal["same", "different", "skip", "quit"]


@dataclass(frozen=True)
class Walked:
    decided: int
    skipped: int


def walk(ws: Workspace, pending: Sequence[Duplicate], *, run_id: int, by: str) -> Walked:
    decided = skipped = 0
    for n, d in enumerate(pending, start=1):
        typer.echo(describe(d, n, len(pending)))
        answer = typer.prompt("same / different / skip / quit", type=Answer, show_choices=False)
        if answer == "quit":
            break
        if answer == "skip":
            skipped += 1
            continue
        why = typer.prompt("why (optional)", default="", show_default=False)
        record_decisions(ws, [Decision.on(d, answer, by=by, why=why.strip(), run_id=run_id, at=now())])
        typer.echo(f"  recorded: {MEANINGS[answer]}")
        decided += 1
    return Walked(decided, skipped)


def describe(d: Duplicate, n: int, total: int) -> str:
    lines = [
        "",
        f"[{n}/{total}] {d.tier} {d.kind.replace('_', ' ')} · confidence {d.confidence:.1%}",
        f"  Pet Manager {d.kind.replace('_', ' ')} id {d.petmanager_id}  ↔  Xero {d.xero_id}",
        *(f"  - {reason}" for reason in d.reasons),
    ]
    return "\n".join(lines)
