"""The endpoint table agrees with Xero's official OpenAPI spec."""

from pathlib import Path

import pytest
import yaml

from sync.xero.entities import ENTITIES, WRITES, write_key, write_template

SPEC_PATH = Path(__file__).resolve().parents[3] / "shared" / "xero-openapi" / "xero_accounting.yaml"


@pytest.fixture(scope="module")
def spec():
    if not SPEC_PATH.exists():
        pytest.skip(f"no spec at {SPEC_PATH}")
    return yaml.load(SPEC_PATH.read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def parameter_names(spec, operation) -> set[str]:
    names = set()
    for parameter in operation.get("parameters", []):
        if "$ref" in parameter:
            parameter = spec["components"]["parameters"][parameter["$ref"].split("/")[-1]]
        names.add(parameter["name"])
    return names


def schema_properties(spec, content) -> dict:
    name = content["application/json"]["schema"]["$ref"].split("/")[-1]
    return spec["components"]["schemas"][name].get("properties", {})


@pytest.mark.parametrize("name", sorted(ENTITIES))
def test_read_options_match_the_spec(spec, name):
    entity = ENTITIES[name]
    operation = spec["paths"][f"/{name}"]["get"]
    names = parameter_names(spec, operation)
    assert entity.paged == ("page" in names)
    assert entity.page_size == ("pageSize" in names)
    assert entity.modified_since == ("If-Modified-Since" in names)
    assert entity.ids == ("IDs" in names)
    assert entity.include_archived == ("includeArchived" in names)
    assert entity.key in schema_properties(spec, operation["responses"]["200"]["content"])


@pytest.mark.parametrize("template,method", sorted(WRITES))
def test_write_options_match_the_spec(spec, template, method):
    shape = template.split("/")
    (path,) = [p for p in spec["paths"] if p.strip("/").split("/")[::2] == shape[::2]
               and len(p.strip("/").split("/")) == len(shape)]
    operation = spec["paths"][path][method.lower()]
    names = parameter_names(spec, operation)
    assert WRITES[(template, method)] == ("summarizeErrors" in names)
    assert "Idempotency-Key" in names
    assert write_key(template) in schema_properties(spec, operation["requestBody"]["content"])


def test_paths_with_ids_become_templates():
    assert write_template("CreditNotes/0f7d/Allocations") == "CreditNotes/{id}/Allocations"
    assert write_key("ContactGroups/abc/Contacts") == "Contacts"
