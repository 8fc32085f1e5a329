"""SIGKILL at random points: the push runs in a subprocess (tests/push/push_worker.py) against a
sandbox in this process and is killed after a random delay, then run again, until it finishes.
Afterwards Xero holds every record of the plan once, none twice, with Pet Manager's totals."""

from __future__ import annotations

import json
import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from push_world import SANDBOX, assert_exactly_once, client_of, copy_outbox, sample_state

from sync.sandbox import Sandbox

WORKER = Path(__file__).with_name("push_worker.py")
REPO = Path(__file__).resolve().parents[2]
KILLS = 50
LATENCY = 0.005  # seconds added to every request, so a push lasts long enough to be cut anywhere


class Worker:
    """tests/push/push_worker.py: forks a pushing child on demand; the test kills the child."""

    def __init__(self, database: Path, sandbox: Sandbox, folder: Path):
        sandbox_file = folder / "sandbox.json"
        sandbox_file.write_text(json.dumps({"base_url": sandbox.base_url, "client_id": sandbox.client_id,
                                            "client_secret": sandbox.client_secret, "tenant_id": sandbox.tenant_id,
                                            "folder": str(folder)}), encoding="utf-8")
        self.process = subprocess.Popen([sys.executable, str(WORKER), str(database), str(sandbox_file)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=REPO,
                                        env={**os.environ, "PYTHONPATH": str(REPO)})
        self._buffer = b""

    def push_killed_after(self, seconds: float) -> bool:
        """Start a push; SIGKILL it after `seconds` unless it ended first. Whether it was killed."""
        self.process.stdin.write(b"run\n")
        self.process.stdin.flush()
        child = int(self._line(timeout=30))
        ended = self._line(timeout=seconds)
        if ended is None:
            os.kill(child, signal.SIGKILL)
            ended = self._line(timeout=30)
            assert ended in ("exit -9", "exit 0", "exit 1"), ended
            return ended == "exit -9"
        assert ended == "exit 0", f"the push finished ({ended})"
        return False

    def _line(self, timeout: float) -> str | None:
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.process.stdout], [], [], left)[0]:
                return None
            chunk = os.read(self.process.stdout.fileno(), 4096)
            assert chunk, "the worker ended"
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode()

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.process.stdout.close()


def run_killing(sb: Sandbox, database: Path, folder: Path, rng: random.Random, longest: float) -> int:
    """Push until the push finishes, killing it after a random delay each time; the kills made."""
    worker = Worker(database, sb, folder)
    kills = 0
    try:
        for _ in range(1000):
            if not worker.push_killed_after(rng.uniform(0, longest)):
                return kills
            kills += 1
    finally:
        worker.close()
    raise AssertionError("the push never finished")


def kill_rounds(plan, outbox_template, tmp_path: Path, kills_wanted: int, seed: int) -> tuple[int, int]:
    """Rounds of (fresh organisation, fresh outbox, killed pushes until done) until `kills_wanted`
    kills; each round verified. Returns (kills, rounds)."""
    rng = random.Random(seed)
    kills = rounds = 0
    while kills < kills_wanted:
        rounds += 1
        folder = tmp_path / f"round{rounds}"
        folder.mkdir()
        database = copy_outbox(outbox_template, folder / "recon.duckdb")
        with Sandbox.start(sample_state(), SANDBOX) as sb:
            sb.faults.delay(LATENCY, times=None)
            started = time.monotonic()
            kills += run_killing(sb, database, folder, rng, longest=0.7)
            assert time.monotonic() - started < 60
            sb.faults.clear()
            con = duckdb.connect(str(database))
            try:
                with client_of(sb, folder) as xero:
                    assert_exactly_once(xero, plan, con)
            finally:
                con.close()
    return kills, rounds


def test_a_push_killed_at_50_random_points_ends_with_every_record_in_xero_once(plan, outbox_template, tmp_path):
    kills, rounds = kill_rounds(plan, outbox_template, tmp_path, KILLS, seed=11)
    assert kills >= KILLS and rounds >= 2


@pytest.mark.slow
def test_a_push_killed_at_300_random_points_ends_with_every_record_in_xero_once(plan, outbox_template, tmp_path):
    kills, _ = kill_rounds(plan, outbox_template, tmp_path, 300, seed=12)
    assert kills >= 300
