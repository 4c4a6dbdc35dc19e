"""The JSON Schema of the data file: generated from the model, shipped with the package, and true of
the packaged data, the docs' examples and every file yrdmodel writes."""

import json
import re
import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given

import yrdmodel
from yrdmodel import strategies as yst
from yrdmodel.schema_json import json_schema, packaged_schema

DOCS = Path(__file__).parent.parent / "docs"
VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def errors(document: Any) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in VALIDATOR.iter_errors(document)]


def test_the_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())


def test_the_shipped_schema_is_the_generated_one() -> None:
    assert packaged_schema() == json_schema()
    assert json.loads((DOCS / "reference" / "yrdmodel.schema.json").read_text(encoding="utf-8")) == json_schema()


def test_the_packaged_data_conforms() -> None:
    document: dict[str, Any] = {}
    for path in files("yrdmodel.data").iterdir():
        if path.name.endswith(".toml"):
            document.update(tomllib.loads(path.read_text(encoding="utf-8")))
    assert document["tenures"]
    assert errors(document) == []


def _blocks(language: str) -> list[str]:
    text = (DOCS / "reference" / "data-file.md").read_text(encoding="utf-8")
    return re.findall(rf"```{language}\n(.*?)```", text, re.S)


def test_the_docs_examples_conform_and_load() -> None:
    (toml_example,) = _blocks("toml")
    assert errors(tomllib.loads(toml_example)) == []
    assert yrdmodel.loads(toml_example, format="toml").person("Wu Zhengrong").id == "wu-zhenglong"
    data_example = [b for b in _blocks("json") if '"name_en"' in b]
    assert data_example
    for block in data_example:
        assert errors(json.loads(block)) == []
        yrdmodel.loads(block)


@pytest.mark.parametrize(
    ("document", "where"),
    [
        ({"name_en": "x", "tenures": [{"post": "p", "person": "q", "start": "2020-9-1"}]}, "$.tenures[0].start"),
        (
            {"name_en": "x", "members": [{"id": "m", "name_en": "M", "name_zh": "M", "kind": "state"}]},
            "$.members[0].kind",
        ),
        ({"name_en": "x", "bodys": []}, "$"),
        ({"name_zh": "x"}, "$"),
    ],
)
def test_a_malformed_file_fails_the_schema_and_the_loader(document: dict[str, Any], where: str) -> None:
    assert any(e.startswith(where) for e in errors(document))
    with pytest.raises(yrdmodel.DataError):
        yrdmodel.loads(json.dumps(document))


@given(yst.mechanisms())
def test_every_mechanism_yrdmodel_writes_conforms(m: yrdmodel.Mechanism) -> None:
    assert errors(json.loads(yrdmodel.dumps(m))) == []
