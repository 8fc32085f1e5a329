"""The outbox with the real client against the local sandbox: a write whose fate is unknown is
looked up by natural key and resolved both ways, and every contact ends up in Xero exactly once."""

from collections import Counter

import duckdb
import pytest

from sync.outbox import Outbox, PlannedWrite
from sync.xero import FileTokenStore, WriteOutcomeUnknown, XeroClient, XeroSettings
from sync.xero.clock import SystemClock

Sandbox = pytest.importorskip("sync.sandbox").Sandbox

PLAN = "c" * 64
NUMBERS = ["17", "18", "19"]
CONTACTS_PATH = "/api.xro/2.0/Contacts"


class QuickRetries(SystemClock):
    """Real time, but the client's backoff between retries is 50 times shorter."""

    def sleep(self, seconds: float) -> None:
        super().sleep(seconds / 50)


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "recon.duckdb"))
    yield con
    con.close()


@pytest.fixture
def outbox(con):
    outbox = Outbox(con)
    outbox.add_plan(PLAN, [
        PlannedWrite(seq, "contact", f"ContactNumber={number}", "Contacts",
                     {"Name": f"Customer CN{number}", "ContactNumber": number}, petmanager_id=number)
        for seq, number in enumerate(NUMBERS, start=1)
    ])
    return outbox


@pytest.fixture
def sandbox_and_client(tmp_path):
    with Sandbox.start() as sb:
        settings = XeroSettings(client_id=sb.client_id, client_secret=sb.client_secret, base_url=sb.base_url,
                                identity_url=sb.base_url, login_url=sb.base_url)
        with XeroClient(settings, tenant_id=sb.tenant_id, token_store=FileTokenStore(tmp_path / "tokens.json"),
                        lock_dir=tmp_path, clock=QuickRetries()) as xero:
            yield sb, xero


def push(outbox: Outbox, xero: XeroClient) -> None:
    """What the pusher will do: send batch after batch; when a write's fate is unknown, look its
    rows up by natural key before anything is sent again."""
    while batch := outbox.next_batch():
        outbox.mark_sending(batch, batch.idempotency_key)
        try:
            results = xero.write(batch.entity, batch.payloads, method=batch.method,
                                 idempotency_key=batch.idempotency_key)
        except WriteOutcomeUnknown:
            outbox.mark_unknown(batch)
            for row in outbox.in_doubt():
                number = row.payload["ContactNumber"]
                found = list(xero.iter_records("Contacts", where=f'ContactNumber=="{number}"'))
                outbox.resolve_looked_up(row.outbox_id, found[0]["ContactID"] if found else None)
        else:
            outbox.record_results(batch, results)


def assert_each_contact_once_and_done(outbox: Outbox, con, xero: XeroClient) -> None:
    in_xero = list(xero.iter_records("Contacts"))
    assert Counter(contact["ContactNumber"] for contact in in_xero) == Counter(NUMBERS), "each exactly once"
    assert outbox.status() == {"contact": {"done": 3}}
    assert outbox.in_doubt() == [] and outbox.failures() == []
    recorded = dict(con.execute("SELECT petmanager_id, xero_id FROM outbox").fetchall())
    assert recorded == {contact["ContactNumber"]: contact["ContactID"] for contact in in_xero}


def test_a_write_dropped_after_commit_is_found_by_natural_key_and_not_sent_again(outbox, con, sandbox_and_client):
    sb, xero = sandbox_and_client
    sb.faults.drop_after_commit(path=CONTACTS_PATH, method="PUT", times=10)

    push(outbox, xero)

    assert sb.request_log.count("PUT", CONTACTS_PATH) == 5, "one write, retried with its key, never re-sent"
    assert_each_contact_once_and_done(outbox, con, xero)


def test_a_write_that_never_committed_is_not_found_and_sent_again_with_a_fresh_key(outbox, con, sandbox_and_client):
    sb, xero = sandbox_and_client
    sb.faults.fail(503, path=CONTACTS_PATH, method="PUT", times=5)

    push(outbox, xero)

    assert sb.request_log.count("PUT", CONTACTS_PATH) == 6, "five 503s, then the re-send after the look-up"
    assert_each_contact_once_and_done(outbox, con, xero)
