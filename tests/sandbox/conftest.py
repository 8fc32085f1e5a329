"""Fixtures for the sandbox tests: a running sandbox and a client for its default organisation."""

from __future__ import annotations

import pytest
from xerohttp import Xero

from sync.sandbox import Sandbox


@pytest.fixture
def sandbox():
    with Sandbox.start() as running:
        yield running


@pytest.fixture
def xero(sandbox) -> Xero:
    client = Xero(sandbox)
    yield client
    client.http.close()
