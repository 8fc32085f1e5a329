"""The exact links, kept as an Arrow table: a large workspace has hundreds of thousands of them,
and the check stores and counts them without ever needing them as Python objects. A `Link` is made
only when one is read."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pyarrow as pa

from recon.check.findings import Link

SCHEMA = pa.schema([("kind", pa.string()), ("petmanager_id", pa.int64()), ("xero_id", pa.string()),
                    ("tenant_id", pa.string()), ("how", pa.string())])


class Links(Sequence[Link]):
    def __init__(self, table: pa.Table | None = None) -> None:
        self.table = SCHEMA.empty_table() if table is None else table.select(SCHEMA.names).cast(SCHEMA)

    def __len__(self) -> int:
        return self.table.num_rows

    def __getitem__(self, index):
        rows = range(len(self))[index]
        if isinstance(index, slice):
            return [Link(**row) for row in self.table.take(pa.array(rows, type=pa.int64())).to_pylist()]
        return Link(**self.table.slice(rows, 1).to_pylist()[0])

    def __iter__(self) -> Iterator[Link]:
        for batch in self.table.to_batches():
            for row in batch.to_pylist():
                yield Link(**row)

    def __add__(self, other: Links) -> Links:
        return Links(pa.concat_tables([self.table, other.table]))
