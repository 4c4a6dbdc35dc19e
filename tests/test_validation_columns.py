"""The column checks of validate(): where they see no problem, the record-by-record rules find none either.

validate() checks whole columns first and walks record by record only the collections whose columns
fail a check. These tests compare it with validation that walks every record: the findings, their
order and the reference problems of a file must be the same, whatever is broken and wherever.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import yrdmodel
from builders import D, tenure
from test_validation import chaotic_mechanisms
from yrdmodel import Citation, Confidence, Mechanism, Person, Source, SourceKind, Tenure
from yrdmodel import strategies as yst
from yrdmodel.model.schema import references
from yrdmodel.model.sources import Sourced
from yrdmodel.model.walk import Where, nested_fields, walk_records
from yrdmodel.validation import rules
from yrdmodel.validation.report import Finding
from yrdmodel.validation.rules import reference_problems

GENERIC = ("duplicate-id", "dangling-id", "missing-source", "span-order", "weak-support")


@contextmanager
def record_by_record() -> Iterator[None]:
    """Validation without the column checks: every record looked at by the per-record rules."""
    rules._COLUMNS = False
    try:
        yield
    finally:
        rules._COLUMNS = True


def both_ways(m: Mechanism) -> tuple[Any, Any]:
    """``(findings, reference problems)`` with the column checks, and without them."""
    fast = (m.validate().findings, reference_problems(m))
    with record_by_record():
        slow = (m.validate().findings, reference_problems(m))
    return fast, slow


# Breaking records anywhere in a mechanism ---------------------------------------------------------


def _at(root: Any, where: Where) -> Any:
    if where is None:
        return root
    parent_where, key, index = where
    parent = _at(root, parent_where)
    value = getattr(parent, {k: n for n, k in nested_fields(parent.__class__)}[key])
    return value if index is None else value[index]


def _replaced(root: Any, where: Where, new: Any) -> Any:
    """``root`` with the record at ``where`` replaced by ``new``, and each record above it rebuilt."""
    if where is None:
        return new
    parent_where, key, index = where
    parent = _at(root, parent_where)
    name = {k: n for n, k in nested_fields(parent.__class__)}[key]
    if index is None:
        value = new
    else:
        items = list(getattr(parent, name))
        items[index] = new
        value = tuple(items)
    return _replaced(root, parent_where, attrs.evolve(parent, **{name: value}))


WEAK = Source(id="zz-forum-post", kind=SourceKind.SECONDARY, ref="a forum")


def _broken(record: Any, fault: str) -> Any:
    """The record with one fault of a kind, or None where it cannot have that fault."""
    if fault == "unsourced" and isinstance(record, Sourced):
        return attrs.evolve(record, sources=())
    if fault == "unknown-source" and isinstance(record, Sourced):
        return attrs.evolve(record, sources=(*record.sources, Citation("no-such-source")))
    if fault == "weak" and isinstance(record, Sourced):
        return attrs.evolve(record, sources=(Citation(WEAK.id),), confidence=Confidence.HIGH)
    if fault == "dangling" and references(record.__class__):
        field, _ = references(record.__class__)[-1]
        value = getattr(record, field)
        return attrs.evolve(record, **{field: ("nobody",) if isinstance(value, tuple) else "nobody"})
    if fault == "attested" and isinstance(record, Tenure) and record.start is not None:
        return attrs.evolve(record, attested=(D(str(max(record.start.year - 1, 1))),))
    return None


@st.composite
def broken_mechanisms(draw: st.DrawFn) -> Mechanism:
    """A generated mechanism, its citations shared or not, with a few faults put in at any depth."""
    m = draw(yst.mechanisms())
    m = attrs.evolve(m, sources=(*m.sources, WEAK))
    if draw(st.booleans()):  # one tuple of citations for every record, as a loaded file has it
        shared = (Citation(m.sources[0].id),)
        m = attrs.evolve(
            m,
            people=tuple(attrs.evolve(r, sources=shared) for r in m.people),
            tenures=tuple(attrs.evolve(r, sources=shared) for r in m.tenures),
        )
    for _ in range(draw(st.integers(1, 3))):
        fault = draw(st.sampled_from(["unsourced", "unknown-source", "weak", "dangling", "attested", "duplicate"]))
        if fault == "duplicate":
            kinds = [
                name for name, _ in nested_fields(Mechanism) if isinstance(getattr(m, name), tuple) and getattr(m, name)
            ]
            if kinds:
                name = draw(st.sampled_from(kinds))
                grown: dict[str, Any] = {name: (*getattr(m, name), draw(st.sampled_from(getattr(m, name))))}
                m = attrs.evolve(m, **grown)
            continue
        places = [(new, where) for record, _, where in walk_records(m) if where and (new := _broken(record, fault))]
        if places:
            new, where = draw(st.sampled_from(places))
            m = _replaced(m, where, new)
    return m


# Properties ---------------------------------------------------------------------------------------


@given(broken_mechanisms())
def test_faults_anywhere_are_found_the_same_with_and_without_columns(m: Mechanism) -> None:
    fast, slow = both_ways(m)
    assert fast == slow


@pytest.mark.parametrize("code", GENERIC)
@given(data=st.data())
def test_an_injected_problem_is_found_the_same_with_and_without_columns(code: str, data: st.DataObject) -> None:
    broken = data.draw(yst.inconsistent_mechanisms(code))
    fast, slow = both_ways(broken.mechanism)
    assert fast == slow


@given(chaotic_mechanisms())
def test_chaotic_data_gets_the_same_findings_with_and_without_columns(m: Mechanism) -> None:
    fast, slow = both_ways(m)
    assert fast == slow


# Cases the properties reach only by chance --------------------------------------------------------


def findings(m: Mechanism, code: str) -> list[Finding]:
    return list(m.validate().filter(code=code))


@pytest.fixture(scope="module")
def packaged() -> Mechanism:
    return yrdmodel.load()


def test_the_packaged_dataset_gets_the_same_findings_with_and_without_columns(packaged: Mechanism) -> None:
    fast, slow = both_ways(packaged)
    assert fast == slow


@attrs.frozen(kw_only=True)
class Official(Person):
    """A person of a subclass of the record class: the checks group records by class."""

    rank: str = "minister"


def test_records_of_a_subclass_in_a_collection_are_checked_too(packaged: Mechanism) -> None:
    odd = Official(id="someone-new", name_en="Someone New", sources=(Citation("no-such-source"),))
    m = attrs.evolve(packaged, people=(*packaged.people, odd))
    assert [f.path for f in findings(m, "dangling-id")] == [f"$.people[{len(packaged.people)}].sources[0].source"]
    fast, slow = both_ways(m)
    assert fast == slow


def test_two_tenures_of_one_person_in_one_post_from_the_same_day_share_an_id(packaged: Mechanism) -> None:
    t = packaged.tenures[0]
    again = attrs.evolve(t, end=None, note="recorded twice")
    m = attrs.evolve(packaged, tenures=(*packaged.tenures, again))
    assert [f.ids for f in findings(m, "duplicate-id")] == [(t.id,)]


def test_tenures_of_one_person_in_one_post_from_different_days_are_different_tenures(packaged: Mechanism) -> None:
    t = packaged.tenures[0]
    assert t.start is not None
    later = attrs.evolve(t, start=D(f"{t.start.year + 1}"), end=None)
    undated = attrs.evolve(t, start=None, end=None)
    m = attrs.evolve(packaged, tenures=(*packaged.tenures, later, undated))
    assert findings(m, "duplicate-id") == []
    m = attrs.evolve(packaged, tenures=(*packaged.tenures, later, undated, undated))
    assert [f.ids for f in findings(m, "duplicate-id")] == [(undated.id,)]


def test_a_record_citing_sources_of_different_kinds_may_claim_what_each_allows(packaged: Mechanism) -> None:
    seed = next(s for s in packaged.sources if s.kind is SourceKind.SEED)
    sources = (*packaged.sources, WEAK)
    people = tuple(
        attrs.evolve(p, sources=(Citation(WEAK.id),), confidence=Confidence.LOW)
        if i % 2
        else attrs.evolve(p, sources=(Citation(seed.id),), confidence=Confidence.HIGH)
        for i, p in enumerate(packaged.people)
    )
    assert findings(attrs.evolve(packaged, sources=sources, people=people), "weak-support") == []
    claims = (attrs.evolve(people[1], confidence=Confidence.MEDIUM), *people[1:])
    found = findings(attrs.evolve(packaged, sources=sources, people=claims), "weak-support")
    assert [f.ids for f in found] == [(people[1].id,)]


def test_undated_tenures_of_people_in_several_posts_are_told_apart_by_post_and_person() -> None:
    crossed = (tenure("p", "a", None), tenure("q", "a", None), tenure("p", "b", None))
    assert findings(Mechanism(name_en="undated", tenures=crossed), "duplicate-id") == []
    again = Mechanism(name_en="undated", tenures=(*crossed, tenure("q", "a", None)))
    assert [f.path for f in findings(again, "duplicate-id")] == ["$.tenures[3]"]


def test_records_that_claim_different_confidences_on_no_source_are_each_reported(packaged: Mechanism) -> None:
    people = tuple(
        attrs.evolve(p, sources=(), confidence=Confidence.LOW if i % 2 else Confidence.HIGH)
        for i, p in enumerate(packaged.people[:4])
    )
    m = attrs.evolve(packaged, people=people)
    assert [f.ids for f in findings(m, "missing-source")] == [(p.id,) for p in people]


def test_ids_the_rules_cannot_read_fail_validation_as_they_did_record_by_record(packaged: Mechanism) -> None:
    post = attrs.evolve(packaged.posts[0], incompatible_with=[packaged.posts[1].id])  # type: ignore[arg-type]  # a list: not an id, nor a tuple of ids
    m = attrs.evolve(packaged, posts=(post, *packaged.posts[1:]))
    with pytest.raises(TypeError, match="unhashable"):
        m.validate()
    with record_by_record(), pytest.raises(TypeError, match="unhashable"):
        m.validate()


@pytest.mark.parametrize("name", ["post or True", "sources; import os", ""])
def test_the_column_checks_make_code_of_attribute_names_only(name: str) -> None:
    from yrdmodel.validation import columns

    with pytest.raises(ValueError, match="not an attribute name"):
        columns.Columns([tenure("p", "a", "2020-01-01")])[name]
    with pytest.raises(ValueError, match="not an attribute name"):
        columns._differing(Tenure, ("post", name))
