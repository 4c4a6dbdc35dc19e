"""Spans of time are pendulum intervals: how long a tenure lasted, and the years between a member's hostings."""

import pendulum
import pytest
from hypothesis import given

import yrdmodel
from builders import tenure
from yrdmodel import Tenure, UnknownIdError
from yrdmodel import strategies as yst

YRD = yrdmodel.load()


def test_a_tenure_known_to_the_day_lasted_exactly_from_its_start_to_its_end() -> None:
    at_least, at_most = tenure("jiangsu.governor", "wu-zhenglong", "2017-10-30", "2021-10-21").length()
    assert at_least == at_most
    assert at_least is not None
    assert (at_least.start, at_least.end) == (pendulum.Date(2017, 10, 30), pendulum.Date(2021, 10, 21))
    assert at_least.in_years() == 3
    assert at_least.in_days() == 1452


def test_a_tenure_ending_in_a_known_month_lasted_at_least_to_its_start_and_at_most_to_its_end() -> None:
    at_least, at_most = tenure("zhejiang.party-secretary", "che-jun", "2017-04-26", "2020-09").length()
    assert at_least is not None
    assert at_most is not None
    assert at_least.end == pendulum.Date(2020, 9, 1)  # certainly held through August
    assert at_most.end == pendulum.Date(2020, 9, 30)


def test_an_open_tenure_has_no_longest_length() -> None:
    assert tenure("anhui.governor", "someone", "2020-01-01", None).length()[1] is None
    assert tenure("anhui.governor", "someone", None, None).length() == (None, None)


@given(yst.tenures())
def test_what_certainly_happened_lies_within_what_may_have(t: Tenure) -> None:
    at_least, at_most = t.length()
    if at_least is not None and at_most is not None:
        assert at_most.start <= at_least.start
        assert at_least.end <= at_most.end
        assert at_least.in_days() <= at_most.in_days()


def test_years_between_hosting_follow_the_four_year_rotation() -> None:
    # Jiangsu hosted in Suzhou in 2009, then in the rotation in 2021 and 2025.
    assert [i.in_years() for i in YRD.years_between_hosting("jiangsu")] == [12, 4]
    for interval in YRD.years_between_hosting("shanghai"):
        assert YRD.hosts[interval.start.year] == YRD.hosts[interval.end.year] == "shanghai"


def test_years_between_hosting_of_an_unknown_member_is_refused() -> None:
    with pytest.raises(UnknownIdError):
        YRD.years_between_hosting("tibet")
