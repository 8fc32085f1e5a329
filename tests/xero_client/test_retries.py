"""Waiting and retrying on reads: Retry-After, 5xx, the day budget, pacing from the headers."""

from datetime import datetime, timezone

import httpx
import pytest

from sync.xero import DayLimitReached, XeroAuthError, XeroRequestError, XeroUnavailable
from xero_client.fakes import TENANT, FakeClock, FakeXero, api, make_client, token_answer, xero_json

ACCOUNTS = xero_json({"Accounts": [{"Code": "200"}]})


def too_many(problem: str, retry_after: str) -> httpx.Response:
    return xero_json({"Title": "Too Many Requests"}, status=429,
                     headers={"Retry-After": retry_after, "X-Rate-Limit-Problem": problem, "X-MinLimit-Remaining": "0"})


def test_429_waits_retry_after_then_succeeds(tmp_path):
    clock = FakeClock()
    fake = FakeXero().on("GET", api("Accounts"), [too_many("minute", "17"), ACCOUNTS])
    with make_client(fake, tmp_path, clock) as xero:
        assert len(list(xero.iter_records("Accounts"))) == 1
    assert sum(clock.slept) >= 17
    assert len(fake.calls("GET", api("Accounts"))) == 2


def test_a_storm_of_429s_is_waited_out(tmp_path):
    clock = FakeClock()
    fake = FakeXero().on("GET", api("Accounts"), [too_many("minute", "5")] * 6 + [ACCOUNTS])
    with make_client(fake, tmp_path, clock) as xero:
        assert len(list(xero.iter_records("Accounts"))) == 1
    assert sum(clock.slept) >= 30


def test_day_limit_stops_cleanly_and_says_when_to_resume(tmp_path):
    clock = FakeClock()
    fake = FakeXero().on("GET", api("Accounts"), too_many("day", "3600"))
    with make_client(fake, tmp_path, clock) as xero:
        with pytest.raises(DayLimitReached) as caught:
            list(xero.iter_records("Accounts"))
        assert caught.value.resume_at == datetime.fromtimestamp(clock.wall + 3600, tz=timezone.utc)
        assert "run again after" in str(caught.value)
        with pytest.raises(DayLimitReached):
            list(xero.iter_records("Accounts"))
    assert len(fake.calls("GET", api("Accounts"))) == 1, "no second call once the day is spent"


def test_5xx_on_a_read_is_retried(tmp_path):
    plain_503 = httpx.Response(503, text="Service Unavailable", headers={"Content-Type": "text/plain"})
    fake = FakeXero().on("GET", api("Accounts"), [xero_json({"Message": "boom"}, status=500), plain_503, ACCOUNTS])
    with make_client(fake, tmp_path) as xero:
        assert len(list(xero.iter_records("Accounts"))) == 1
    assert len(fake.calls("GET", api("Accounts"))) == 3


def test_503_with_retry_after_is_honoured(tmp_path):
    clock = FakeClock()
    fake = FakeXero().on("GET", api("Accounts"), [httpx.Response(503, headers={"Retry-After": "40"}), ACCOUNTS])
    with make_client(fake, tmp_path, clock) as xero:
        list(xero.iter_records("Accounts"))
    assert sum(clock.slept) >= 40


def test_a_dropped_connection_on_a_read_is_retried(tmp_path):
    fake = FakeXero().on("GET", api("Accounts"), [httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("dropped"), ACCOUNTS])
    with make_client(fake, tmp_path) as xero:
        assert len(list(xero.iter_records("Accounts"))) == 1


def test_persistent_5xx_gives_up_cleanly(tmp_path):
    fake = FakeXero().on("GET", api("Accounts"), xero_json({"Message": "down"}, status=502))
    with make_client(fake, tmp_path) as xero:
        with pytest.raises(XeroUnavailable, match="after 5 attempts"):
            list(xero.iter_records("Accounts"))


def test_a_400_on_a_read_carries_xeros_message(tmp_path):
    fake = FakeXero().on("GET", api("Invoices"), xero_json(
        {"ErrorNumber": 16, "Type": "QueryParseException", "Message": "No property or field 'Nope' exists"}, status=400))
    with make_client(fake, tmp_path) as xero:
        with pytest.raises(XeroRequestError, match="No property or field 'Nope' exists"):
            list(xero.iter_records("Invoices", where="Nope==1"))
    assert len(fake.calls("GET", api("Invoices"))) == 1


def test_an_expired_token_is_replaced_once(tmp_path):
    tokens = iter(["first", "second"])
    fake = FakeXero().on("POST", "/connect/token", lambda request: token_answer(next(tokens)))
    fake.on("GET", api("Accounts"), lambda request: ACCOUNTS if request.headers["Authorization"] == "Bearer second"
            else xero_json({"Title": "Unauthorized", "Status": 401, "Detail": "TokenExpired: token expired"}, status=401))
    with make_client(fake, tmp_path) as xero:
        assert len(list(xero.iter_records("Accounts"))) == 1
    assert len(fake.calls("POST", "/connect/token")) == 2


def test_no_access_to_the_organisation_is_one_sentence(tmp_path):
    fake = FakeXero().on("GET", api("Accounts"), xero_json(
        {"Type": None, "Title": "Forbidden", "Status": 403, "Detail": "AuthenticationUnsuccessful"}, status=403))
    with make_client(fake, tmp_path) as xero:
        with pytest.raises(XeroAuthError) as caught:
            list(xero.iter_records("Accounts"))
    assert TENANT in str(caught.value) and "recon connections" in str(caught.value)
    assert caught.value.exit_code == 3


def test_pacing_from_headers_avoids_429(tmp_path):
    clock = FakeClock()
    spent = xero_json({"Accounts": []}, headers={"X-MinLimit-Remaining": "0"})
    fake = FakeXero().on("GET", api("Accounts"), spent)
    with make_client(fake, tmp_path, clock) as xero:
        list(xero.iter_records("Accounts"))
        list(xero.iter_records("Accounts"))
    assert sum(clock.slept) >= 59, "the second call waited for the minute window instead of earning a 429"


def test_retry_after_as_an_http_date(tmp_path):
    clock = FakeClock()
    moment = httpx.Headers({"Retry-After": "Wed, 26 Nov 2025 00:00:30 GMT"})
    clock.wall = datetime(2025, 11, 26, tzinfo=timezone.utc).timestamp()
    busy = xero_json({}, status=429, headers={**moment, "X-Rate-Limit-Problem": "minute"})
    fake = FakeXero().on("GET", api("Accounts"), [busy, ACCOUNTS])
    with make_client(fake, tmp_path, clock) as xero:
        list(xero.iter_records("Accounts"))
    assert sum(clock.slept) == pytest.approx(30, abs=1)
