"""A mutation fuzz of ``loads``: whatever is done to a saved mechanism, loading it gives a DataError or a
mechanism that saves and loads back equal."""

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import yrdmodel
from test_loading_errors import loads_or_data_error
from yrdmodel import DataError, Mechanism
from yrdmodel import strategies as yst


class Pairs(list[tuple[str, Any]]):
    """A JSON object written key by key, so that a key may appear twice."""


def encode(value: Any) -> str:
    """JSON text of a document that may hold :class:`Pairs`, NaN and huge numbers."""
    if isinstance(value, Pairs):
        return "{" + ",".join(f"{json.dumps(k)}:{encode(v)}" for k, v in value) + "}"
    if isinstance(value, dict):
        return encode(Pairs(value.items()))
    if isinstance(value, list):
        return "[" + ",".join(encode(v) for v in value) + "]"
    return json.dumps(value)


def places(value: Any, keys: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The key paths of every value below ``value`` (the top itself included)."""
    found = [keys]
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found.extend(places(item, (*keys, key)))
    return found


ODD_TEXT = [
    "\u202eevil",  # right-to-left override
    "a\u200bb",  # zero-width space
    "\x00",
    "\ud800",  # lone surrogate
    "\U0001f600",
    "\uff12\uff10\uff12\uff11",  # full-width digits
    "2021-02-30",
    "x" * 100_000,
    "",
    " ",
]
ODD_VALUES = st.sampled_from(
    [
        None,
        True,
        0,
        -1,
        10**400,
        -(10**30),
        1e308,
        float("nan"),
        float("inf"),
        1.5,
        [],
        {},
        [None],
        {"id": "x"},
        *ODD_TEXT,
    ]
)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """JSON text of a saved mechanism after one to three structural mutations."""
    m = draw(yst.mechanisms())
    doc: Any = json.loads(yrdmodel.dumps(m))
    for _ in range(draw(st.integers(1, 3))):
        keys = draw(st.sampled_from(places(doc)))
        parent: Any = None
        target: Any = doc
        for key in keys:
            parent, target = target, target[key]
        how = draw(st.sampled_from(["delete", "duplicate", "retype", "rename", "append"]))
        if how == "delete" and parent is not None:
            del parent[keys[-1]]
        elif how == "duplicate" and isinstance(target, dict) and target:
            key = draw(st.sampled_from(sorted(target)))
            duplicated = Pairs([*target.items(), (key, draw(ODD_VALUES))])
            if parent is None:
                return encode(duplicated)
            parent[keys[-1]] = duplicated
        elif how == "rename" and isinstance(target, dict) and target:
            key = draw(st.sampled_from(sorted(target)))
            target[draw(st.sampled_from([key.upper(), key + "\u200b", "", "id", "bodies", "all_bodies"]))] = target.pop(
                key
            )
        elif how == "append" and isinstance(target, list):
            target.append(draw(ODD_VALUES) if not target else target[0])
        elif parent is not None:  # retype
            parent[keys[-1]] = draw(ODD_VALUES)
    return encode(doc)


@given(mutated())
def test_a_mutated_document_loads_or_gives_a_data_error(text: str) -> None:
    m = loads_or_data_error(text)
    if isinstance(m, DataError):
        assert len(str(m)) < 20_000
        return
    saved = yrdmodel.dumps(m)
    saved.encode("utf-8")  # everything accepted can be written as UTF-8
    assert yrdmodel.loads(saved) == m


def path_of(keys: tuple[Any, ...]) -> str:
    return "$" + "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in keys)


@given(yst.mechanisms(), st.data())
def test_a_key_repeated_anywhere_is_refused_at_its_path(m: Mechanism, data: st.DataObject) -> None:
    doc: Any = json.loads(yrdmodel.dumps(m))
    objects = [keys for keys in places(doc) if isinstance(get(doc, keys), dict) and get(doc, keys)]
    keys = data.draw(st.sampled_from(objects))
    target = get(doc, keys)
    key = data.draw(st.sampled_from(sorted(target)))
    repeated = Pairs([*target.items(), (key, target[key])])  # even the same value twice
    if keys:
        get(doc, keys[:-1])[keys[-1]] = repeated
    else:
        doc = repeated
    with pytest.raises(DataError) as caught:
        yrdmodel.loads(encode(doc))
    problems = [(p.path, p.message) for p in caught.value.problems]
    assert (path_of((*keys, key)), "key given twice in one object") in problems


def get(doc: Any, keys: tuple[Any, ...]) -> Any:
    for key in keys:
        doc = doc[key]
    return doc
