"""The per-organisation limiter on its own, with a fake clock."""

import threading
import time

import pytest

from sync.xero import DayLimitReached
from sync.xero.clock import SystemClock
from sync.xero.limits import Limits, RateLimiter
from xero_client.fakes import FakeClock


def send(limiter: RateLimiter, headers: dict | None = None) -> None:
    with limiter.slot():
        limiter.observe(headers or {})


def test_sixty_a_minute_then_wait_for_the_window_and_a_margin():
    clock = FakeClock()
    limiter = RateLimiter(clock)
    for _ in range(60):
        send(limiter)
    assert clock.slept == []
    send(limiter)
    assert clock.slept == [61.0]


def test_calls_spread_over_time_never_wait():
    clock = FakeClock()
    limiter = RateLimiter(clock)
    for _ in range(200):
        send(limiter)
        clock.mono += 1.02
    assert clock.slept == []


def test_headers_from_other_processes_are_respected():
    clock = FakeClock()
    limiter = RateLimiter(clock)
    send(limiter, {"X-MinLimit-Remaining": "1"})
    send(limiter)
    assert clock.slept == []
    send(limiter)
    assert clock.slept and clock.slept[0] == pytest.approx(61.0)


def test_app_minute_limit_is_respected():
    clock = FakeClock()
    limiter = RateLimiter(clock)
    send(limiter, {"X-AppMinLimit-Remaining": "0"})
    send(limiter)
    assert clock.slept == [61.0]


def test_pause_holds_every_call():
    clock = FakeClock()
    limiter = RateLimiter(clock)
    limiter.pause(12.5)
    send(limiter)
    assert clock.slept == [12.5]


def test_day_spent_refuses_without_sending():
    clock = FakeClock()
    limiter = RateLimiter(clock)
    error = limiter.day_spent(7200)
    with pytest.raises(DayLimitReached) as caught:
        send(limiter)
    assert caught.value.resume_at == error.resume_at
    clock.wall += 7201
    send(limiter)


def test_day_budget_is_tracked_from_headers():
    limiter = RateLimiter(FakeClock())
    send(limiter, {"X-DayLimit-Remaining": "10"})
    send(limiter)
    assert limiter.day_left == 9


def test_at_most_five_in_flight():
    limiter = RateLimiter(SystemClock(), Limits(per_minute=1000))
    lock = threading.Lock()
    in_flight, peak = [0], [0]

    def work():
        with limiter.slot():
            with lock:
                in_flight[0] += 1
                peak[0] = max(peak[0], in_flight[0])
            time.sleep(0.02)
            with lock:
                in_flight[0] -= 1

    threads = [threading.Thread(target=work) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert peak[0] == 5
