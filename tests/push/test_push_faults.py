"""The push under Xero's (and the network's) bad days, injected by the sandbox: 10 % 5xx answers,
5 % of requests committed and then the connection dropped, a storm of 429s. After reruns, Xero
holds every record of the sample business once, none twice, with Pet Manager's totals."""

from __future__ import annotations

import pytest
from push_world import SANDBOX, assert_exactly_once, client_of, sample_state

from sync.outbox import Outbox
from sync.push import PushOutcome, push
from sync.sandbox import Sandbox
from sync.xero import XeroUnavailable

RERUNS = 10


def push_until_finished(xero, outbox: Outbox) -> tuple[PushOutcome, int]:
    """Push again (as a person reruns `recon sync`) while Xero stays unavailable; (outcome, runs)."""
    for run in range(1, RERUNS + 1):
        try:
            outcome = push(xero, outbox)
        except XeroUnavailable:
            continue
        assert outcome.finished, outcome
        return outcome, run
    raise AssertionError(f"not finished after {RERUNS} runs")


def test_one_request_in_ten_answered_5xx(plan, con, tmp_path):
    with Sandbox.start(sample_state(), SANDBOX) as sb, client_of(sb, tmp_path) as xero:
        for status in (500, 502, 503):
            sb.faults.fail(status, times=None, probability=0.034)
        sb.faults.fail(503, text="Service Unavailable", times=None, probability=0.034)
        push_until_finished(xero, Outbox(con))
        fired = sum(fault.fired for fault in sb.faults.armed())
        sb.faults.clear()
        assert fired >= 1
        assert_exactly_once(xero, plan, con)


def test_one_request_in_twenty_committed_then_dropped(plan, con, tmp_path):
    with Sandbox.start(sample_state(), SANDBOX) as sb, client_of(sb, tmp_path) as xero:
        sb.faults.drop_after_commit(times=None, probability=0.05)
        push_until_finished(xero, Outbox(con))
        sb.faults.clear()
        assert_exactly_once(xero, plan, con)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_everything_at_once_on_other_seeds(plan, con, tmp_path, seed):
    config = SANDBOX.__class__(**{**SANDBOX.__dict__, "seed": seed})
    with Sandbox.start(sample_state(), config) as sb, client_of(sb, tmp_path) as xero:
        sb.faults.fail(503, times=None, probability=0.10)
        sb.faults.drop_after_commit(times=None, probability=0.05)
        push_until_finished(xero, Outbox(con))
        sb.faults.clear()
        assert_exactly_once(xero, plan, con)


def storm(plan, con, tmp_path, *, answers: int, retry_after: int) -> None:
    with Sandbox.start(sample_state(), SANDBOX) as sb, client_of(sb, tmp_path) as xero:
        sb.faults.rate_limit(times=answers, retry_after=retry_after)
        _, runs = push_until_finished(xero, Outbox(con))
        assert sb.request_log.count(None, "/api.xro/2.0/", status=429) == answers
        assert runs >= 2, "after 10 waits in a row the push stops (Xero unavailable); the rerun finishes"
        assert_exactly_once(xero, plan, con)


def test_a_storm_of_429s(plan, con, tmp_path):
    storm(plan, con, tmp_path, answers=12, retry_after=0)


@pytest.mark.slow
def test_a_storm_of_429s_each_asking_for_a_second(plan, con, tmp_path):
    storm(plan, con, tmp_path, answers=25, retry_after=1)
