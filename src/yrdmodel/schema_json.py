"""A JSON Schema of the data file (JSON or TOML), generated from the model's attrs classes.

The package ships it as ``yrdmodel/data/yrdmodel.schema.json`` for editors (VS Code's JSON
support, taplo for TOML); `json_schema` builds the same document from the classes, and a
test keeps the two equal. The schema checks shapes (keys, types, enum values, date forms); the
cross-record rules are `validate`'s.

Regenerate the shipped file with ``python -m yrdmodel.schema_json > src/yrdmodel/data/yrdmodel.schema.json``.

>>> schema = json_schema()
>>> schema["properties"]["bodies"]["items"]
{'$ref': '#/$defs/Body'}
"""

import enum
import json
import re
import types
import typing
from typing import Any

import attrs

from yrdmodel.model.dates import PartialDate
from yrdmodel.model.mechanism import Mechanism
from yrdmodel.model.schema import renamed

__all__ = ["SCHEMA_ID", "json_schema", "packaged_schema"]

SCHEMA_ID = "https://yrdmodel.invalid/schema/yrdmodel.schema.json"
"""The schema's ``$id``: a name, not a place to fetch it from (the package ships the file)."""


_DATE = {
    "type": "string",
    "pattern": r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
    "description": "A date as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD.",
}


def _doc_attributes(cls: type) -> dict[str, str]:
    """The ``Attributes:`` section of a Google-style docstring, field by field."""
    doc = cls.__doc__ or ""
    found: dict[str, str] = {}
    section = re.split(r"\n\s*Attributes:\s*\n", doc, maxsplit=1)
    if len(section) < 2:
        return found
    name = None
    for line in section[1].splitlines():
        entry = re.match(r"\s{4,8}(\w+):\s*(.*)", line)
        if entry and len(line) - len(line.lstrip()) <= 8:
            name = entry.group(1)
            found[name] = entry.group(2).strip()
        elif name and line.strip():
            found[name] += " " + line.strip()
        elif not line.strip():
            name = None
    return {k: re.sub(r":\w+:`~?([^`<]+?)(?: <[^>]+>)?`", r"\1", v) for k, v in found.items()}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def type_schema(self, hint: Any) -> dict[str, Any]:
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin in (typing.Union, types.UnionType):
            kept = [self.type_schema(a) for a in args if a is not type(None)]
            if type(None) in args:  # None is written as null (a field left out takes its default)
                kept.append({"type": "null"})
            return kept[0] if len(kept) == 1 else {"anyOf": kept}
        if origin is tuple:
            item = args[0] if args else Any
            return {"type": "array", "items": self.type_schema(item)}
        if hint is PartialDate:
            return dict(_DATE)
        if hint is bool:
            return {"type": "boolean"}
        if hint is int:
            return {"type": "integer"}
        if hint is str:
            return {"type": "string"}
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return {"enum": [m.value for m in hint]}
        if isinstance(hint, type) and attrs.has(hint):
            return {"$ref": f"#/$defs/{self.record(hint)}"}
        return {}

    def record(self, cls: type) -> str:
        name = cls.__name__
        if name in self.defs:
            return name
        self.defs[name] = {}  # reserve the name: records may refer to themselves
        self.defs[name] = self.object_schema(cls)
        return name

    def object_schema(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        docs: dict[str, str] = {}
        for klass in reversed(cls.__mro__):  # inherited fields keep their base class's words
            docs.update(_doc_attributes(klass))
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if not field.init:
                continue
            key = renamed(cls).get(field.name, field.alias or field.name)
            value = self.type_schema(hints[field.name])
            if field.name in docs:
                value = {**value, "description": docs[field.name]}
            properties[key] = value
            if field.default is attrs.NOTHING:
                required.append(key)
        summary = (cls.__doc__ or cls.__name__).strip().splitlines()[0]
        schema: dict[str, Any] = {
            "type": "object",
            "title": cls.__name__,
            "description": summary,
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            schema["required"] = required
        return schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a yrdmodel data file, built from the model classes.

    Returns:
        The schema as a JSON-ready dict.
    """
    builder = _Builder()
    top = builder.object_schema(Mechanism)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **top,
        "title": "yrdmodel data file",
        "description": "A cooperation mechanism's records, as yrdmodel.load reads them (JSON or TOML).",
        "$defs": dict(sorted(builder.defs.items())),
    }


def packaged_schema() -> dict[str, Any]:
    """The schema the package ships (``yrdmodel/data/yrdmodel.schema.json``)."""
    from importlib.resources import files

    loaded: dict[str, Any] = json.loads(files("yrdmodel.data").joinpath("yrdmodel.schema.json").read_text("utf-8"))
    return loaded


def _main() -> None:
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    _main()
