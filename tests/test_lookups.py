"""Lookups by id: a known id gives its record, an unknown one an UnknownIdError naming the kind and the id."""

from collections.abc import Callable
from typing import Any

import pytest

import yrdmodel
from yrdmodel import Mechanism, UnknownIdError

YRD = yrdmodel.load()

LOOKUPS: list[tuple[str, Callable[[Mechanism, str], Any], str]] = [
    ("member", Mechanism.member, "anhui"),
    ("body", Mechanism.body, "cooperation-office"),
    ("post", Mechanism.post, "jiangsu.governor"),
    ("source", Mechanism.source, "seed-003"),
    ("meeting", Mechanism.meeting, "symposium.2018"),
    ("plan", Mechanism.plan, YRD.plans[0].id),
    ("person", Mechanism.person, "li-qiang"),
]


@pytest.mark.parametrize(("kind", "lookup", "known"), LOOKUPS, ids=[kind for kind, _, _ in LOOKUPS])
def test_a_known_id_gives_its_record(kind: str, lookup: Callable[[Mechanism, str], Any], known: str) -> None:
    assert lookup(YRD, known).id == known


@pytest.mark.parametrize(("kind", "lookup", "known"), LOOKUPS, ids=[kind for kind, _, _ in LOOKUPS])
def test_an_unknown_id_is_refused_with_its_kind(kind: str, lookup: Callable[[Mechanism, str], Any], known: str) -> None:
    with pytest.raises(UnknownIdError) as caught:
        lookup(YRD, "tibet")
    assert (caught.value.kind, caught.value.key) == (kind, "tibet")
    assert str(caught.value) == f"no {kind} with id or name 'tibet'"
    assert isinstance(caught.value, KeyError)


@pytest.mark.parametrize(
    "question",
    [
        lambda m: m.children("no-such-body"),
        lambda m: m.holders("no-such-post", "2020-01-01"),
        lambda m: m.holder("no-such-post", "2020-01-01"),
        lambda m: m.symposium(1990),
    ],
    ids=["children", "holders", "holder", "symposium"],
)
def test_questions_about_an_unknown_record_are_refused(question: Callable[[Mechanism], Any]) -> None:
    with pytest.raises(UnknownIdError):
        question(YRD)


def test_an_id_that_is_not_text_is_unknown_not_a_crash() -> None:
    with pytest.raises(UnknownIdError):
        YRD.member(["anhui"])  # type: ignore[arg-type]
