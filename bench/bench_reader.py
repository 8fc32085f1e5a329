"""Time `load_export` on a large generated export and report its peak memory.

    .venv/bin/python bench/bench_reader.py --invoices 1000000

Generates the export first (in a separate process, so its memory is not counted) unless
`--folder` already holds one. Loads into a file-backed DuckDB database, as the workspace does.
Goal (issue 3): 1,000,000 invoices in at most 20 s on 2 cores with at most 2 GB peak memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from recon.petmanager import load_export


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--invoices", type=int, default=1_000_000)
    parser.add_argument("--folder", type=Path, help="an existing export (default: generate one in a temp folder)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder
        if folder is None:
            folder = Path(tmp) / "export"
            generator = Path(__file__).with_name("gen_petmanager.py")
            subprocess.run([sys.executable, str(generator), "--invoices", str(args.invoices), "--out", str(folder)],
                           check=True)
        size = sum(path.stat().st_size for path in folder.iterdir())
        con = duckdb.connect(str(Path(tmp) / "bench.duckdb"))
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        summary = load_export(folder, con)
        elapsed, cpu = time.perf_counter() - started, _cpu_seconds() - cpu_started
        con.close()

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
    threads = duckdb.connect().execute("SELECT current_setting('threads')").fetchone()[0]
    print(f"export: {size / 1e6:,.0f} MB, " + ", ".join(f"{name} {count:,}" for name, count in summary.rows.items()))
    print(f"load_export: {elapsed:.1f} s wall, {cpu:.1f} s CPU, peak RSS {peak_mb:,.0f} MB, DuckDB threads {threads}")
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())} (other work on the machine slows the wall time)")


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
