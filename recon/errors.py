"""Errors that carry their location, and the exit codes of every command.

Validation never stops at the first fault: it returns a list of `Located` errors, each naming
the file, the 1-based data row (the header is row 1, so the first record is row 2, as a
spreadsheet shows it) and the column, so that a person can go straight to the cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    CLEAN = 0
    FINDINGS = 1
    BAD_INPUT = 2
    XERO_FAILURE = 3


@dataclass(frozen=True, order=True)
class Located:
    """One fault in one place: `file`, spreadsheet row (None for the whole file), column."""

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


class BadInput(Exception):
    """Input that recon refuses; nothing has been written. Exit code 2."""

    def __init__(self, errors: list[Located] | str):
        if isinstance(errors, str):
            errors = [Located("", None, None, errors)]
        self.errors = sorted(errors, key=lambda e: (e.file, e.row or 0, e.column or "", e.message))
        super().__init__("\n".join(str(e) for e in self.errors))
