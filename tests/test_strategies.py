"""The Hypothesis strategies yrdmodel ships for its users."""

import subprocess
import sys
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import yrdmodel
from yrdmodel import (
    Attendance,
    Body,
    Citation,
    Mechanism,
    Meeting,
    Member,
    MembershipChange,
    PartialDate,
    Person,
    Plan,
    Post,
    Precision,
    RotationException,
    RotationPolicy,
    Source,
    Tenure,
    Truth,
)
from yrdmodel import strategies as yst
from yrdmodel.validation.rules import CODES

MODEL_CLASSES = [
    PartialDate,
    Source,
    Citation,
    Member,
    MembershipChange,
    Body,
    Post,
    Person,
    Tenure,
    Attendance,
    Meeting,
    Plan,
    RotationException,
    RotationPolicy,
    Mechanism,
]


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_from_type_knows_the_model_classes(cls: type, data: st.DataObject) -> None:
    value: Any = data.draw(st.from_type(cls))
    rebuilt = attrs.evolve(value)  # the constructor's validators accept it
    assert rebuilt == value
    assert isinstance(value, cls)


def test_the_entry_point_names_the_lazy_hook() -> None:
    from importlib.metadata import entry_points

    from yrdmodel import _hypothesis_plugin

    (hook,) = [e for e in entry_points(group="hypothesis") if e.value.startswith("yrdmodel")]
    assert hook.value == "yrdmodel._hypothesis_plugin:_hypothesis_setup_hook"
    assert hook.load() is _hypothesis_plugin._hypothesis_setup_hook


@pytest.mark.parametrize(
    "code",
    [
        "import yrdmodel.strategies",
        "import hypothesis, yrdmodel.strategies",
        "import yrdmodel, hypothesis, yrdmodel.strategies",
    ],
)
def test_the_strategies_import_in_a_fresh_interpreter(code: str) -> None:
    check = "; import yrdmodel.strategies as yst; print(yst.mechanisms().example().validate().ok)"
    result = subprocess.run([sys.executable, "-c", code + check], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True"]


def test_import_hypothesis_registers_the_classes_without_importing_the_strategies() -> None:
    code = (
        "import sys, hypothesis, yrdmodel; from hypothesis import strategies as st; "
        "print('yrdmodel.strategies' in sys.modules); "
        "print(isinstance(st.from_type(yrdmodel.Tenure).example(), yrdmodel.Tenure)); "
        "print('yrdmodel.strategies' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "True", "True"]


def test_import_yrdmodel_does_not_import_the_strategies_or_hypothesis() -> None:
    code = "import sys, yrdmodel; print('yrdmodel.strategies' in sys.modules, 'hypothesis' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]


def test_every_finding_code_can_be_injected() -> None:
    assert yst.injectable_codes() == tuple(CODES)


def test_an_unknown_code_is_refused() -> None:
    with pytest.raises(InvalidArgument, match="no such finding code 'tenure-overlaps'"):
        yst.inconsistent_mechanisms("tenure-overlaps")


@pytest.mark.parametrize(
    ("strategy", "arguments"),
    [
        (yst.mechanisms, {"max_members": 9}),
        (yst.mechanisms, {"min_members": 0}),
        (yst.mechanisms, {"min_members": 3, "max_members": 2}),
        (yst.mechanisms, {"min_symposia": 7, "max_symposia": 8}),
        (yst.mechanisms, {"min_symposia": 3, "max_symposia": 2}),
        (yst.partial_dates, {"min_year": 2020, "max_year": 2019}),
        (yst.spans, {"min_year": 0}),
        (yst.membership_changes, {"max_year": 10_000}),
    ],
)
def test_bad_arguments_are_refused_not_capped(strategy: Any, arguments: dict[str, int]) -> None:
    with pytest.raises(InvalidArgument, match="need"):
        strategy(**arguments)


@given(yst.partial_dates(2018, 2020, [Precision.MONTH, Precision.YEAR]))
def test_partial_dates_keep_to_their_years_and_precisions(date: PartialDate) -> None:
    assert 2018 <= date.year <= 2020
    assert date.precision in (Precision.MONTH, Precision.YEAR)
    assert PartialDate.parse(str(date)) == date


@given(yst.spans(2018, 2020))
def test_a_span_never_ends_before_it_starts(span: tuple[PartialDate, PartialDate | None]) -> None:
    start, end = span
    assert 2018 <= start.year <= 2020
    if end is not None:
        assert end.before(start) is Truth.NO


@given(yst.mechanisms(min_members=3, max_members=3, min_symposia=2, rotation=True))
def test_mechanisms_respect_their_bounds(m: Mechanism) -> None:
    assert len(m.members) == 3
    assert m.rotation is not None
    assert set(m.rotation.order) <= {x.id for x in m.members}
    assert {x.body for x in m.meetings} <= {b.id for b in m.all_bodies}


@given(yst.mechanisms())
def test_generated_mechanisms_survive_a_json_round_trip(m: Mechanism) -> None:
    assert yrdmodel.loads(yrdmodel.dumps(m)) == m
