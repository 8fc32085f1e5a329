"""`recon resolve`: decide each suspected duplicate of the latest check — the same record (link
it, never push it) or a different one (push it) — in bulk by tier, pair by pair, from an edited
CSV, or at the terminal."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from recon.check.findings import KINDS, TIERS
from recon.commands.failures import exit_on_failure
from recon.commands.options import WorkspaceOption
from recon.errors import BadInput, ExitCode, Located
from recon.resolve import DECISIONS, apply_csv, current_decisions, decision_history, default_person
from recon.resolve.decide import decide_pairs, decide_tiers
from recon.resolve.decision import MEANINGS, Decision
from recon.resolve.interactive import walk
from recon.resolve.sheet import export_csv
from recon.resolve.suspects import latest_undecided
from recon.workspace import Workspace, open_workspace


def resolve(
    workspace: WorkspaceOption = None,
    all_tier: Annotated[list[str], typer.Option(
        "--all-tier", help="Decide every undecided suspected duplicate of this tier (repeatable).")] = [],
    pair: Annotated[list[str], typer.Option(
        "--pair", metavar="KIND:PM_ID:XERO_ID",
        help="Decide this pair, replacing an earlier decision (repeatable).")] = [],
    decision: Annotated[Optional[str], typer.Option(
        "--as", metavar="same|different", help="same: link it, never push it; different: push it.")] = None,
    why: Annotated[str, typer.Option("--why", help="Why, in words; kept with the decision.")] = "",
    by: Annotated[Optional[str], typer.Option("--by", help="Who decides (default: the OS user).")] = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help="Only this kind: " + ", ".join(KINDS) + ".")] = None,
    from_csv: Annotated[Optional[Path], typer.Option(
        "--from-csv", help="Decide from an edited duplicates CSV (Decision: same or different; Why).")] = None,
    to_csv: Annotated[Optional[Path], typer.Option(
        "--export-csv", help="Write the undecided suspected duplicates as a CSV to fill in.")] = None,
    everything: Annotated[bool, typer.Option(
        "--all", help="With --export-csv: every suspected duplicate; with --list: every decision ever made.")] = False,
    show: Annotated[bool, typer.Option("--list", help="Print the current decisions.")] = False,
    interactive: Annotated[bool, typer.Option(
        "--interactive", "-i", help="Ask about each one (the default at a terminal without other options).")] = False,
) -> None:
    """Decide the suspected duplicates of the latest `recon check`.

    Exit 0 when every certain and likely one is decided, 1 while some remain, 2 on bad input.
    """
    with exit_on_failure():
        _check_usage(all_tier, pair, decision, kind, from_csv, to_csv, show, interactive, everything)
        ws = open_workspace(workspace)
        person = by or default_person()
        if all_tier:
            n = decide_tiers(ws, all_tier, decision, kind=kind, by=person, why=why)
            typer.echo(f"recorded {n} decision(s): {MEANINGS[decision]}")
        elif pair:
            n = decide_pairs(ws, pair, decision, by=person, why=why)
            typer.echo(f"recorded {n} decision(s): {MEANINGS[decision]}")
        elif from_csv is not None:
            outcome = apply_csv(ws, from_csv, by=person)
            typer.echo(f"recorded {outcome.recorded} decision(s) from {from_csv}; {outcome.unchanged} unchanged")
        elif to_csv is not None:
            n = export_csv(ws, to_csv, everything=everything)
            typer.echo(f"wrote {n} suspected duplicate(s) to {to_csv}: fill in Decision (same or different) and "
                       f"Why, then run `recon resolve --from-csv {to_csv}`")
        elif show:
            _print_decisions(ws, everything, kind)
        elif interactive or sys.stdin.isatty():
            run_id, pending = latest_undecided(ws, TIERS, kind)
            walked = walk(ws, pending, run_id=run_id, by=person)
            typer.echo(f"decided {walked.decided}, skipped {walked.skipped}")
        run_id, remaining = latest_undecided(ws)
    if remaining:
        typer.echo(f"check {run_id}: {len(remaining)} certain or likely suspected duplicate(s) still undecided; "
                   "the sync refuses until they are")
        raise typer.Exit(ExitCode.FINDINGS)
    typer.echo(f"check {run_id}: every certain and likely suspected duplicate is decided")
    raise typer.Exit(ExitCode.CLEAN)


def _check_usage(all_tier: list[str], pair: list[str], decision: str | None, kind: str | None,
                 from_csv: Path | None, to_csv: Path | None, show: bool, interactive: bool, everything: bool) -> None:
    errors: list[Located] = []

    def fault(option: str, message: str) -> None:
        errors.append(Located("command line", None, option, message))

    actions = [name for name, given in (("--all-tier", all_tier), ("--pair", pair), ("--from-csv", from_csv),
                                        ("--export-csv", to_csv), ("--list", show), ("--interactive", interactive))
               if given]
    if len(actions) > 1:
        fault(actions[1], f"use one of {', '.join(actions)} at a time")
    for tier in all_tier:
        if tier not in TIERS:
            fault("--all-tier", f"{tier!r} is not a tier: {', '.join(TIERS)}")
    if kind is not None and kind not in KINDS:
        fault("--kind", f"{kind!r} is not a kind: {', '.join(KINDS)}")
    if (all_tier or pair) and decision not in DECISIONS:
        fault("--as", "say --as same (link it, never push it) or --as different (push it)")
    if decision is not None and not (all_tier or pair):
        fault("--as", "goes with --all-tier or --pair")
    if everything and not (to_csv or show):
        fault("--all", "goes with --export-csv or --list")
    if errors:
        raise BadInput(errors)


def _print_decisions(ws: Workspace, everything: bool, kind: str | None) -> None:
    con = ws.connect()
    try:
        decisions: list[Decision] = decision_history(con) if everything else list(current_decisions(con).values())
    finally:
        con.close()
    shown = [d for d in decisions if kind is None or d.kind == kind]
    if not shown:
        typer.echo("no decisions yet")
    for d in shown:
        why = f" — {d.why}" if d.why else ""
        typer.echo(f"{d.decided_at:%Y-%m-%d %H:%M:%S} UTC  {d.decided_by}  {d.decision:<9}  "
                   f"{d.kind} {d.petmanager_id} ↔ {d.xero_id} (check {d.check_run_id}){why}")


def register(app: typer.Typer) -> None:
    app.command("resolve")(resolve)
