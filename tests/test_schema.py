"""The record schema is stated once, on the fields, and every layer reads it from there."""

import json
from importlib import resources

import attrs
import pytest

import yrdmodel
from yrdmodel import Citation, ExceptionKind, Mechanism, RotationException
from yrdmodel.data import PACKAGED_FILES
from yrdmodel.model.schema import collections, record_classes, references, renamed

COLLECTIONS = collections(Mechanism)


def test_the_collections_are_the_mechanism_fields_that_hold_records() -> None:
    assert [c.field for c in COLLECTIONS] == [
        "sources",
        "members",
        "all_bodies",
        "posts",
        "people",
        "tenures",
        "meetings",
        "plans",
    ]
    assert renamed(Mechanism) == {"all_bodies": "bodies"}


def test_files_are_written_under_the_schema_keys() -> None:
    written = json.loads(yrdmodel.dumps(yrdmodel.load()))
    assert {c.key for c in COLLECTIONS} <= set(written)
    assert "all_bodies" not in written


def test_the_packaged_dataset_has_one_file_per_collection() -> None:
    data = resources.files("yrdmodel.data")
    assert ("mechanism", *(c.key for c in COLLECTIONS)) == PACKAGED_FILES
    assert all(data.joinpath(f"{name}.toml").is_file() for name in PACKAGED_FILES)


@pytest.mark.parametrize("cls", record_classes(Mechanism), ids=lambda cls: cls.__name__)
def test_every_reference_names_a_collection(cls: type) -> None:
    fields = {c.field for c in COLLECTIONS}
    assert {target for _, target in references(cls)} <= fields


@pytest.mark.parametrize(
    ("cls", "field"),
    [(cls, field) for cls in record_classes(Mechanism) for field, _ in references(cls)],
    ids=lambda x: x if isinstance(x, str) else x.__name__,
)
def test_a_dangling_reference_in_any_field_is_found(cls: type, field: str) -> None:
    m = _with_every_kind_of_record(yrdmodel.load())
    records = [r for r in _records(m) if isinstance(r, cls)]
    assert records, f"the packaged data has no {cls.__name__}"
    target = dict(references(cls))[field]
    noun = next(c.noun for c in COLLECTIONS if c.field == target)
    found = [f for f in _first_broken(m, records, field).validate().findings if f.code == "dangling-id"]
    assert [f.message.rsplit(": ", 1)[-1] for f in found] == [f"unknown {noun} id 'ghost'"]


def _first_broken(m: Mechanism, records: list[object], field: str) -> Mechanism:
    """The mechanism with ``field`` naming ``ghost`` in the first record where the record allows that alone.

    A plan's adoption meeting must agree with its status, so only some records can change one field.
    """
    for record in records:
        try:
            return _broken(m, record, field)
        except ValueError:
            continue
    raise AssertionError(f"no record lets {field} alone name an unknown id")


def _with_every_kind_of_record(m: Mechanism) -> Mechanism:
    """The packaged data, with the one kind of record it lacks: a year that departs from the rotation."""
    assert m.rotation is not None
    swap = RotationException(
        year=2030, kind=ExceptionKind.SWAPPED, host=m.members[0].id, sources=(Citation(m.sources[0].id),)
    )
    return attrs.evolve(m, rotation=attrs.evolve(m.rotation, exceptions=(swap,)))


def _records(m: Mechanism) -> list[object]:
    from yrdmodel.model.walk import walk_records

    return [record for record, _, _ in walk_records(m)]


def _broken(m: Mechanism, record: object, field: str) -> Mechanism:
    """The mechanism with one field of one record (at any depth) naming the id ``ghost``."""
    value = getattr(record, field)
    changed = attrs.evolve(record, **{field: ("ghost",) if isinstance(value, tuple) else "ghost"})  # type: ignore[misc]

    done: list[object] = []  # records may share a citation: change only the first place it is in

    def swap(x: object) -> object:
        if x is record and not done:
            done.append(x)
            return changed
        if isinstance(x, tuple):
            return tuple(swap(y) for y in x)
        if attrs.has(type(x)):
            fields = attrs.fields(type(x))  # type: ignore[arg-type]
            return attrs.evolve(x, **{f.name: swap(getattr(x, f.name)) for f in fields if f.init})  # type: ignore[misc]
        return x

    result = swap(m)
    assert isinstance(result, Mechanism)
    return result
