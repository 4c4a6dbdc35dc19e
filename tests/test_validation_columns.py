"""The column checks of validate(): where they see no problem the record-by-record rules find none either."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from test_validation import chaotic_mechanisms
from yrdmodel import Mechanism
from yrdmodel import strategies as yst
from yrdmodel.validation import rules
from yrdmodel.validation.rules import reference_problems


@contextmanager
def record_by_record() -> Iterator[None]:
    """Validation without the column checks: every record looked at by the per-record rules."""
    rules._COLUMNS = False
    try:
        yield
    finally:
        rules._COLUMNS = True


def both_ways(m: Mechanism) -> tuple[Any, Any]:
    fast = (m.validate().findings, reference_problems(m))
    with record_by_record():
        slow = (m.validate().findings, reference_problems(m))
    return fast, slow


@pytest.mark.parametrize("code", ["duplicate-id", "dangling-id", "missing-source", "weak-support", "span-order"])
@given(data=st.data())
def test_an_injected_problem_is_found_the_same_with_and_without_columns(code: str, data: st.DataObject) -> None:
    broken = data.draw(yst.inconsistent_mechanisms(code))
    fast, slow = both_ways(broken.mechanism)
    assert fast == slow


@given(chaotic_mechanisms())
def test_chaotic_data_gets_the_same_findings_with_and_without_columns(m: Mechanism) -> None:
    fast, slow = both_ways(m)
    assert fast == slow
