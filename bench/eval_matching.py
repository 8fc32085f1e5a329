"""Precision and recall of the duplicate check on generated demo businesses, per kind and tier.

    .venv/bin/python bench/eval_matching.py --seeds 7 11 23 --size 1.0

For each seed: `generate_demo` writes a Pet Manager export, a Xero organisation (sandbox state)
and truth.json (every hand-typed duplicate, labelled by construction); the export is read and
the organisation snapshotted through the real client and the local sandbox, exactly as
`recon snapshot` does; then `find_matches` runs over the window and is scored against the truth.

`--contact-names extra` names the hand-made contacts in more ways than the standard demo does
(titles, short forms, middle initials, misspelt given names, "Smith J", accents dropped, an initial
with a typo, one part of a double family name; recon/demo/patterns.EXTRA_CONTACT_NAMES) and types
half of them without Xero's FirstName and LastName: a check that the contact model does not lean
on the standard patterns.

A finding is a true positive when truth lists the same (kind, Pet Manager id, Xero id). The
goal (issue 4): at certain+likely, precision >= 0.98 and recall >= 0.98 for each kind, and no
false `certain` at all.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import tempfile
from collections import Counter
from pathlib import Path

from recon.check.findings import KINDS, Window
from recon.demo import generate_demo
from recon.errors import BadInput
from recon.init import create_workspace
from recon.matching import find_matches
from recon.snapshot.run import take_snapshots
from recon.xero_connection import client_factory
from sync.sandbox import Sandbox
from sync.xero.settings import XeroSettings


def evaluate(seed: int, size: float, work: Path, contact_names: str = "standard") -> tuple[Counter, list[str]]:
    """Counts keyed (kind, tier, 'tp'|'fp') and (kind, 'truth'); and the mistakes in words."""
    data = generate_demo(work / "data", seed=seed, size=size, contact_names=contact_names)
    truth = json.loads(data.truth.read_text(encoding="utf-8"))
    window = Window(dt.date.fromisoformat(truth["window"][0]), dt.date.fromisoformat(truth["window"][1]))
    with Sandbox.start(state=data.xero_state) as sandbox:
        settings = XeroSettings(client_id=sandbox.client_id, client_secret=sandbox.client_secret,
                                base_url=sandbox.base_url, identity_url=sandbox.base_url, login_url=sandbox.base_url)
        ws = create_workspace(work / "workspace", data.petmanager, tenant_ids=list(sandbox.tenant_ids),
                              start_date=window.start, invoice_prefix="INV", credit_note_prefix="")
        snapshots = take_snapshots(ws, petmanager=True, xero=True, client_for=client_factory(settings),
                                   source=sandbox.base_url)
    pm = next(s for s in snapshots if s.side == "petmanager")
    xero = next(s for s in snapshots if s.side == "xero")
    con = ws.connect()
    matches = find_matches(con, pm_snapshot=pm.snapshot_id, xero_snapshot=xero.snapshot_id, tenant_id=xero.tenant_id,
                           window=window, invoice_prefix="INV", credit_note_prefix="")
    con.close()

    expected = {(d["kind"], d["petmanager_id"], d["xero_id"]): d["patterns"] for d in truth["duplicates"]}
    traps = {(n["kind"], n["xero_id"]): n["trap"] for n in truth["not_duplicates"]}
    counts: Counter = Counter((kind, "truth") for kind, _, _ in expected)
    mistakes = []
    found = set()
    for d in matches.duplicates:
        key = (d.kind, d.petmanager_id, d.xero_id)
        hit = key in expected
        counts[(d.kind, d.tier, "tp" if hit else "fp")] += 1
        if hit:
            found.add(key)
        elif d.tier != "possible":
            trap = traps.get((d.kind, d.xero_id), "not in truth")
            mistakes.append(f"seed {seed}: false {d.tier} {d.kind} {d.petmanager_id} ~ {d.xero_id} ({trap}): "
                            + "; ".join(d.reasons))
    strong = {(d.kind, d.petmanager_id, d.xero_id) for d in matches.duplicates if d.tier != "possible"}
    for key, patterns in expected.items():
        if key not in strong:
            mistakes.append(f"seed {seed}: missed {key[0]} {key[1]} ~ {key[2]} ({', '.join(patterns)})"
                            + (" (found as possible)" if key in found else ""))
    return counts, mistakes


def report(counts: Counter) -> str:
    lines = [f"{'kind':12} {'truth':>6} {'certain tp/fp':>14} {'likely tp/fp':>13} {'possible tp/fp':>15} "
             f"{'P(c+l)':>7} {'R(c+l)':>7} {'R(all)':>7}"]
    for kind in KINDS:
        truth = counts[(kind, "truth")]
        tp = {t: counts[(kind, t, "tp")] for t in ("certain", "likely", "possible")}
        fp = {t: counts[(kind, t, "fp")] for t in ("certain", "likely", "possible")}
        strong_tp, strong_fp = tp["certain"] + tp["likely"], fp["certain"] + fp["likely"]
        precision = strong_tp / (strong_tp + strong_fp) if strong_tp + strong_fp else 1.0
        recall = strong_tp / truth if truth else 1.0
        recall_all = sum(tp.values()) / truth if truth else 1.0
        lines.append(f"{kind:12} {truth:>6} {tp['certain']:>7}/{fp['certain']:<6} {tp['likely']:>6}/{fp['likely']:<6} "
                     f"{tp['possible']:>7}/{fp['possible']:<7} {precision:>7.3f} {recall:>7.3f} {recall_all:>7.3f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[7, 11, 23])
    parser.add_argument("--size", type=float, default=1.0)
    parser.add_argument("--show", type=int, default=20, help="how many mistakes to print")
    parser.add_argument("--contact-names", choices=["standard", "extra"], default="standard",
                        help="extra: hand-made contacts named in more ways, half without FirstName/LastName")
    args = parser.parse_args()
    total: Counter = Counter()
    mistakes: list[str] = []
    for seed in args.seeds:
        with tempfile.TemporaryDirectory() as tmp:
            try:
                counts, wrong = evaluate(seed, args.size, Path(tmp), args.contact_names)
            except BadInput as refused:  # a generator fault, not the matcher's: say so and go on
                print(f"seed {seed}: the generated export was refused: {refused.errors[0]}\n")
                continue
        print(f"seed {seed}\n{report(counts)}\n")
        total += counts
        mistakes += wrong
    print(f"all seeds {args.seeds}\n{report(total)}")
    for line in mistakes[: args.show]:
        print(line)
    if len(mistakes) > args.show:
        print(f"... and {len(mistakes) - args.show} more")


if __name__ == "__main__":
    main()
