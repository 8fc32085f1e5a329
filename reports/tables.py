"""A long table cut to its first rows: the report shows those and points to the full file.

At 1,000,000 invoices a report that listed every row would be hundreds of megabytes; one that
shows the first few hundred per section stays under 5 MB. The caller sorts (most important first),
takes the top rows and counts the rest; the template says "N more in <file>".
"""

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class TopRows:
    rows: Sequence  # the rows to show, already sorted and cut
    total: int  # how many there are in all
    full_file: str | None = None  # where all of them are, e.g. "notes.csv" beside the report

    def __post_init__(self):
        if self.total < len(self.rows):
            raise ValueError(f"total {self.total} is less than the {len(self.rows)} rows shown")

    @property
    def more(self) -> int:
        return self.total - len(self.rows)
