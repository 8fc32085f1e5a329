"""Fixtures of the push tests: the sample business's plan (made once per test process) and an
outbox holding it, nothing sent."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from push_world import copy_outbox, new_outbox, sample_plan

from recon.syncplan import Plan
from sync.sandbox.defaults import TENANT_ID
from tests.conftest import shared_dir


@pytest.fixture(scope="session")
def plan(tmp_path_factory) -> Plan:
    folder = tmp_path_factory.mktemp("sample")
    export = shutil.copytree(shared_dir() / "petmanager-export" / "sample", folder / "export")
    for path in export.iterdir():
        path.chmod(0o644)
    return sample_plan(export, folder)


@pytest.fixture(scope="session")
def outbox_template(plan, tmp_path_factory) -> Path:
    """A DuckDB file holding the sample plan's outbox for the sandbox's default organisation."""
    path = tmp_path_factory.mktemp("outbox") / "template.duckdb"
    new_outbox(path, plan, TENANT_ID)
    return path


@pytest.fixture
def con(outbox_template, tmp_path):
    con = duckdb.connect(str(copy_outbox(outbox_template, tmp_path / "recon.duckdb")))
    yield con
    con.close()
