"""Decisions from a duplicates CSV the accountant edited (the check's, or `--export-csv`'s): a row
whose Decision cell says `same` or `different` decides that pair; an empty cell leaves it alone;
a row that repeats the pair's current decision and why changes nothing. Every bad row is reported
at once, with file, row and column, and then nothing is written."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from recon.check.findings import Duplicate
from recon.errors import BadInput, Located
from recon.resolve.decision import DECISIONS, Decision, Pair, now
from recon.resolve.store import current_decisions, record_decisions
from recon.resolve.suspects import latest_run, suspects
from recon.workspace import Workspace
from reports.exports import FORMULA_STARTS

# The columns recon reads, by the title it writes; a header cell may also be the key itself.
# Case and surrounding spaces do not matter.
TITLES = {"kind": "Kind", "petmanager_id": "Pet Manager id", "xero_id": "Xero id", "decision": "Decision",
          "why": "Why"}
REQUIRED = ("kind", "petmanager_id", "xero_id", "decision")


@dataclass(frozen=True)
class CsvOutcome:
    recorded: int  # new decisions
    unchanged: int  # rows that repeat the pair's current decision


@dataclass(frozen=True)
class Row:
    """One record of the file: its spreadsheet row number and its cells by key (un-neutralised)."""

    number: int
    cells: dict[str, str]
    titles: dict[str, str]  # key -> the header cell as the file spells it

    def fault(self, file: str, key: str, message: str) -> Located:
        return Located(file, self.number, self.titles[key], message)


def apply_csv(ws: Workspace, path: Path, *, by: str) -> CsvOutcome:
    """Record the decisions of the edited CSV at `path` against the latest check run."""
    with open(path, encoding="utf-8-sig", newline="") as source:
        records = list(csv.reader(source))
    con = ws.connect()
    try:
        run_id = latest_run(con)
        known = {(d.kind, d.petmanager_id, d.xero_id): d for d in suspects(con, run_id)}
        current = current_decisions(con)
    finally:
        con.close()
    file, at = str(path), now()
    errors: list[Located] = []
    first: dict[Pair, tuple[int, str]] = {}  # pair -> (row, decision) where the file first decides it
    chosen: list[Decision] = []
    unchanged = 0
    for row in _rows(file, records):
        decision = row.cells["decision"].lower()
        if not decision:
            continue
        found = _duplicate(file, row, known, run_id)
        if isinstance(found, Located):
            errors.append(found)
            continue
        if decision not in DECISIONS:
            errors.append(row.fault(file, "decision", f"{row.cells['decision']!r} is not a decision: write same, "
                                                      "different, or leave it empty"))
            continue
        new = Decision.on(found, decision, by=by, why=row.cells["why"], run_id=run_id, at=at)
        if new.pair in first:
            if first[new.pair][1] != decision:
                errors.append(row.fault(file, "decision", f"the same pair is decided {first[new.pair][1]} on "
                                                          f"row {first[new.pair][0]}"))
            continue
        first[new.pair] = (row.number, decision)
        mine = current.get(new.pair)
        if mine and (mine.decision, mine.why) == (new.decision, new.why):
            unchanged += 1
        else:
            chosen.append(new)
    if errors:
        raise BadInput(errors)
    return CsvOutcome(record_decisions(ws, chosen), unchanged)


def _rows(file: str, records: list[list[str]]) -> list[Row]:
    """The records after the header; refuses a header without the columns recon needs."""
    by_name = {name.lower(): key for key, title in TITLES.items() for name in (key, title)}
    columns = {by_name[cell.strip().lower()]: (i, cell.strip())
               for i, cell in enumerate(records[0] if records else []) if cell.strip().lower() in by_name}
    missing = [TITLES[key] for key in REQUIRED if key not in columns]
    if missing:
        raise BadInput([Located(file, 1, None, f"no {title} column: the header needs "
                                               f"{', '.join(TITLES[k] for k in REQUIRED)}") for title in missing])
    titles = {key: title for key, (_, title) in columns.items()}

    def cell(cells: list[str], key: str) -> str:
        i = columns[key][0] if key in columns else len(cells)
        return _plain(cells[i].strip()) if i < len(cells) else ""

    return [Row(number, {key: cell(cells, key) for key in TITLES}, titles)
            for number, cells in enumerate(records[1:], start=2)]


def _duplicate(file: str, row: Row, known: dict, run_id: int) -> Duplicate | Located:
    """The suspected duplicate of the latest check run that the row names, or where it goes wrong."""
    try:
        pm_id = int(row.cells["petmanager_id"])
    except ValueError:
        return row.fault(file, "petmanager_id", f"{row.cells['petmanager_id']!r} is not a Pet Manager id")
    kind, xero_id = row.cells["kind"], row.cells["xero_id"]
    duplicate = known.get((kind, pm_id, xero_id))
    if duplicate is None:
        return row.fault(file, "xero_id", f"{kind} {pm_id} with Xero id {xero_id!r} is not a suspected duplicate "
                                          f"of the latest check run ({run_id})")
    return duplicate


def _plain(text: str) -> str:
    """Undo the export's protection against formulas: `'=x` was written for `=x`."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text
