"""The fast path of loading gives what the converter gives, and accepts nothing the converter refuses."""

import copy
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import yrdmodel
from yrdmodel import Mechanism
from yrdmodel.io.converter import make_converter, unstructure_mechanism
from yrdmodel.io.fast import structure_fast
from yrdmodel.strategies import mechanisms

JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.sampled_from(["2020", "2020-02", "2020-02-30", "shanghai", "day", "high"]),
    st.lists(st.integers(0, 3), max_size=2),
    st.dictionaries(st.sampled_from(["id", "source", "x"]), st.text(max_size=4), max_size=2),
)


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_places(item, (*path, key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found.extend(_places(item, (*path, i)))
    return found


def _outcome(structure: Any, document: Any) -> tuple[str, Any]:
    try:
        return ("built", structure(document))
    except Exception:
        return ("refused", None)


def _converter(document: Any) -> Mechanism:
    return make_converter(detailed=False).structure(document, Mechanism)


@given(mechanisms())
def test_a_mechanism_comes_back_equal_through_the_fast_path(m: Mechanism) -> None:
    assert structure_fast(unstructure_mechanism(m)) == m


@given(mechanisms(), st.data())
def test_a_changed_document_is_built_by_the_fast_path_only_as_the_converter_builds_it(
    m: Mechanism, data: st.DataObject
) -> None:
    document = unstructure_mechanism(m)
    changed = copy.deepcopy(document)
    path = data.draw(st.sampled_from(_places(changed)[1:]), label="place")
    parent = changed
    for key in path[:-1]:
        parent = parent[key]
    if isinstance(parent, dict) and data.draw(st.booleans(), label="add a key instead"):
        parent[data.draw(st.sampled_from(["x", "start", "sources", "id"]), label="key")] = data.draw(JUNK)
    else:
        parent[path[-1]] = data.draw(JUNK, label="value")
    fast = _outcome(structure_fast, changed)
    if fast[0] == "built":
        assert _outcome(_converter, changed) == fast


def test_the_packaged_dataset_is_built_alike_by_both_paths() -> None:
    document = unstructure_mechanism(yrdmodel.load())
    assert structure_fast(document) == _converter(document)


def test_equal_dates_of_one_build_are_one_object() -> None:
    m = yrdmodel.loads(
        """{"name_en": "x", "sources": [{"id": "s", "kind": "secondary", "ref": "r"}],
            "posts": [{"id": "p", "name_en": "P", "sources": [{"source": "s"}]}],
            "people": [{"id": "a", "name_en": "A", "sources": [{"source": "s"}]},
                       {"id": "b", "name_en": "B", "sources": [{"source": "s"}]}],
            "tenures": [{"post": "p", "person": "a", "start": "2001-02-03", "end": "2003-04-05",
                         "sources": [{"source": "s"}]},
                        {"post": "p", "person": "b", "start": "2003-04-05", "sources": [{"source": "s"}]}]}"""
    )
    first, second = m.tenures
    assert first.end is second.start
    assert first.sources is second.sources
