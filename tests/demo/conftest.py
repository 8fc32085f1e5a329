import csv
import json
from decimal import Decimal

import pytest

from recon.demo import generate_demo


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    """The demo at size 1 with the default seed, generated once for every test."""
    return generate_demo(tmp_path_factory.mktemp("demo") / "out")


@pytest.fixture(scope="session")
def export(demo) -> dict[str, list[dict]]:
    """Every CSV of the Pet Manager export as a list of rows (strings, as written)."""
    tables = {}
    for path in sorted(demo.petmanager.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            tables[path.stem] = list(csv.DictReader(handle))
    return tables


@pytest.fixture(scope="session")
def organisation(demo) -> dict:
    state = json.loads(demo.xero_state.read_text(encoding="utf-8"), parse_float=Decimal)
    assert len(state["organisations"]) == 1
    return state["organisations"][0]


@pytest.fixture(scope="session")
def truth(demo) -> dict:
    return json.loads(demo.truth.read_text(encoding="utf-8"))
