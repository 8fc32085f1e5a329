"""The suspected duplicates, kept as an Arrow table like the links (links.py): a large workspace has
hundreds of thousands of them, and the check sorts, counts and stores them without ever needing
them as Python objects. A `Duplicate` is made only when one is read."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import pyarrow as pa
import pyarrow.compute as pc

from recon.check.findings import KINDS, TIERS, Duplicate

SCHEMA = pa.schema([("kind", pa.string()), ("petmanager_id", pa.int64()), ("xero_id", pa.string()),
                    ("tenant_id", pa.string()), ("confidence", pa.float64()), ("tier", pa.string()),
                    ("reasons", pa.list_(pa.string()))])


class Duplicates(Sequence[Duplicate]):
    """`table` holds the rows as they were found; read as a sequence, they come in `order` (row
    indices, see in_report_order) when one is set, so ordering never copies the reasons."""

    def __init__(self, table: pa.Table | None = None, order: pa.Array | None = None) -> None:
        self.table = SCHEMA.empty_table() if table is None else table.select(SCHEMA.names).cast(SCHEMA)
        self.order = order

    @classmethod
    def of(cls, duplicates: Iterable[Duplicate]) -> Duplicates:
        """From Duplicate records (the few a Python step makes), column by column."""
        rows = list(duplicates)
        return cls(pa.table({name: pa.array([getattr(d, name) for d in rows], field.type)
                             for name, field in zip(SCHEMA.names, SCHEMA)}))

    def __len__(self) -> int:
        return self.table.num_rows

    def __getitem__(self, index):
        rows = range(len(self))[index]
        if isinstance(index, slice):
            return [_duplicate(row) for row in self._take(pa.array(rows, pa.int64())).to_pylist()]
        return _duplicate(self._take(pa.array([rows], pa.int64())).to_pylist()[0])

    def __iter__(self) -> Iterator[Duplicate]:
        for start in range(0, len(self), _BATCH):
            for row in self._take(pa.array(range(start, min(start + _BATCH, len(self))), pa.int64())).to_pylist():
                yield _duplicate(row)

    def __add__(self, other: Duplicates | Sequence[Duplicate]) -> Duplicates:
        """Both, in the order they were found (any report order is dropped)."""
        other = other if isinstance(other, Duplicates) else Duplicates.of(other)
        return Duplicates(pa.concat_tables([self.table, other.table]))

    def in_report_order(self) -> Duplicates:
        """Certain first, then by kind, the most confident first, then by Pet Manager id."""
        table = self.table
        ranks = pa.table({"tier": pc.index_in(table["tier"], pa.array(TIERS)),
                          "kind": pc.index_in(table["kind"], pa.array(KINDS)),
                          "confidence": table["confidence"], "petmanager_id": table["petmanager_id"]})
        order = pc.sort_indices(ranks, sort_keys=[("tier", "ascending"), ("kind", "ascending"),
                                                  ("confidence", "descending"), ("petmanager_id", "ascending")])
        return Duplicates(table, order)

    def counts(self) -> dict[str, dict[str, int]]:
        """kind -> tier -> how many, every kind and tier present (0 when none)."""
        counts = {kind: dict.fromkeys(TIERS, 0) for kind in KINDS}
        for row in self.table.group_by(["kind", "tier"]).aggregate([([], "count_all")]).to_pylist():
            counts[row["kind"]][row["tier"]] = row["count_all"]
        return counts

    def _take(self, positions: pa.Array) -> pa.Table:
        """The rows at these positions of the sequence."""
        return self.table.take(positions if self.order is None else self.order.take(positions))


_BATCH = 10_000


def _duplicate(row: dict) -> Duplicate:
    return Duplicate(row["kind"], row["petmanager_id"], row["xero_id"], row["tenant_id"], row["confidence"],
                     row["tier"], tuple(row["reasons"]))
