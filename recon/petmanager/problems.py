"""Collects every fault found in an export, with caps so a wholly broken file stays readable.

Each check reports at most `PER_CHECK` rows (the first ones) plus the number it left out; the
whole list stops growing at `TOTAL` faults, after which only a count is kept.
"""

from __future__ import annotations

from recon.errors import Located

PER_CHECK = 50
TOTAL = 1000


class Problems:
    def __init__(self) -> None:
        self.errors: list[Located] = []
        self.left_out = 0
        self.files_with_errors: set[str] = set()

    def add(self, file: str, row: int | None, column: str | None, message: str) -> None:
        self.files_with_errors.add(file)
        if len(self.errors) < TOTAL:
            self.errors.append(Located(file, row, column, message))
        else:
            self.left_out += 1

    def add_overflow(self, file: str, column: str | None, shown: int, total: int) -> None:
        """Say that a check found `total` faults of which only `shown` were listed."""
        if total > shown:
            self.add(file, None, column, f"{total - shown} more rows with the same problem are not listed")

    def clean(self, *files: str) -> bool:
        return not self.files_with_errors.intersection(files)

    def located(self) -> list[Located]:
        if not self.left_out:
            return list(self.errors)
        return [*self.errors, Located("", None, None, f"{self.left_out} more errors are not listed")]
