"""Pushes the outbox of one DuckDB file into Xero, in a process the SIGKILL test kills at random
points. Kept light (no recon imports).

    python tests/push/push_worker.py <recon.duckdb> <sandbox.json>

`sandbox.json`: {"base_url", "client_id", "client_secret", "tenant_id", "folder"}.

It imports everything once, then for each line `run` on stdin forks a child that pushes, prints
the child's pid, and when the child ends prints `exit <code>` (0: the push finished, 1: it stopped
early, -9: killed). Forking a process with nothing open is quick, so the test can kill a push
hundreds of times without paying for Python's start-up each time.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import duckdb

from sync.outbox import Outbox
from sync.push import push
from sync.xero import FileTokenStore, XeroClient, XeroSettings
from sync.xero.clock import SystemClock
from sync.xero.limits import Limits, RateLimiter


class QuickRetries(SystemClock):
    def sleep(self, seconds: float) -> None:
        super().sleep(seconds / 50)


def push_once(database: str, sandbox_file: str) -> int:
    sandbox = json.loads(Path(sandbox_file).read_text(encoding="utf-8"))
    folder = Path(sandbox["folder"])
    settings = XeroSettings(client_id=sandbox["client_id"], client_secret=sandbox["client_secret"],
                            base_url=sandbox["base_url"], identity_url=sandbox["base_url"],
                            login_url=sandbox["base_url"])
    clock = QuickRetries()
    con = duckdb.connect(database)
    with XeroClient(settings, tenant_id=sandbox["tenant_id"], token_store=FileTokenStore(folder / "tokens.json"),
                    lock_dir=folder, clock=clock, limiter=RateLimiter(clock, Limits(per_minute=10_000))) as xero:
        outcome = push(xero, Outbox(con))
    con.close()
    return 0 if outcome.finished else 1


def main(database: str, sandbox_file: str) -> None:
    for line in sys.stdin:
        if line.strip() != "run":
            continue
        child = os.fork()
        if child == 0:
            os._exit(push_once(database, sandbox_file))
        print(child, flush=True)
        _, status = os.waitpid(child, 0)
        print(f"exit {os.waitstatus_to_exitcode(status)}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
