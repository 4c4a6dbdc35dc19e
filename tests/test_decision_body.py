"""The decision body is declared by the data (the rotation policy or ``decision_body``), never assumed."""

import attrs
import pytest

import yrdmodel
from yrdmodel import Mechanism, UndeclaredError

YRD = yrdmodel.load()


def renamed(m: Mechanism, old: str, new: str) -> Mechanism:
    """The mechanism with a body's id changed in every record that names it."""

    def swap(value: str) -> str:
        return new if value == old else value

    assert m.rotation is not None
    return attrs.evolve(
        m,
        all_bodies=tuple(attrs.evolve(b, id=swap(b.id), parent=b.parent and swap(b.parent)) for b in m.all_bodies),
        meetings=tuple(attrs.evolve(x, body=swap(x.body)) for x in m.meetings),
        rotation=attrs.evolve(m.rotation, body=new),
    )


def test_the_packaged_data_declares_the_symposium_through_its_rotation_policy() -> None:
    assert YRD.decision_body is None
    assert YRD.host_body == "symposium"


def test_a_renamed_decision_body_still_answers_the_host_questions() -> None:
    m = renamed(YRD, "symposium", "main-leaders-symposium")
    assert m.host_body == "main-leaders-symposium"
    assert m.host(2021) == YRD.host(2021)
    assert m.hosts == YRD.hosts
    assert len(m.symposia) == len(YRD.symposia)
    assert m.validate().ok


def test_without_a_declared_body_the_host_questions_say_so() -> None:
    m = attrs.evolve(YRD, rotation=None)
    assert m.symposia == ()
    for question in (lambda: m.host_body, lambda: m.hosts, lambda: m.host(2021), lambda: m.symposium(2021)):
        with pytest.raises(UndeclaredError, match="declares no decision body"):
            question()


def test_decision_body_declares_it_without_a_rotation_policy() -> None:
    m = attrs.evolve(YRD, rotation=None, decision_body="symposium")
    assert m.host(2021) == YRD.host(2021)


def test_a_decision_body_that_is_not_there_is_a_dangling_id() -> None:
    m = attrs.evolve(YRD, decision_body="no-such-body")
    found = m.validate().filter(code="dangling-id")
    assert [f.message for f in found] == ["$.decision_body: unknown body id 'no-such-body'"]


def test_renaming_the_body_but_not_the_records_that_name_it_is_invalid() -> None:
    bodies = tuple(attrs.evolve(b, id="renamed") if b.id == "symposium" else b for b in YRD.all_bodies)
    report = attrs.evolve(YRD, all_bodies=bodies).validate()
    assert "$.rotation.body: unknown body id 'symposium'" in [f.message for f in report.filter(code="dangling-id")]


def test_the_decision_body_survives_a_round_trip() -> None:
    m = attrs.evolve(YRD, decision_body="symposium")
    assert yrdmodel.loads(yrdmodel.dumps(m)).decision_body == "symposium"
