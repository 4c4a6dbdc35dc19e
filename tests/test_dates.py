"""Partial dates: parsing, precision, and three-valued comparisons."""

import datetime

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from yrdmodel import PartialDate, Precision, Truth
from yrdmodel.model.dates import as_date


class TestParsing:
    def test_a_year_a_month_and_a_day_keep_their_precision(self) -> None:
        assert PartialDate.parse("2013").precision is Precision.YEAR
        assert PartialDate.parse("2020-09").precision is Precision.MONTH
        assert PartialDate.parse("2018-06-01").precision is Precision.DAY

    def test_a_month_stands_for_any_of_its_days(self) -> None:
        september = PartialDate.parse("2020-09")
        assert (september.first, september.last) == (pendulum.Date(2020, 9, 1), pendulum.Date(2020, 9, 30))

    def test_february_of_a_leap_year_has_29_days(self) -> None:
        assert PartialDate.parse("2024-02").last == pendulum.Date(2024, 2, 29)

    @pytest.mark.parametrize("text", ["2021-13-01", "2021-02-30", "21", "2021-1", "2021/06/01", "", "2021-06-01T00:00"])
    def test_malformed_dates_are_rejected(self, text: str) -> None:
        with pytest.raises(ValueError, match=r"\S"):
            PartialDate.parse(text)

    def test_a_day_without_a_month_is_rejected(self) -> None:
        with pytest.raises(ValueError, match="needs a month"):
            PartialDate(2020, None, 5)

    @given(st.dates(min_value=datetime.date(1, 1, 1)), st.sampled_from(list(Precision)))
    def test_str_and_parse_round_trip(self, day: datetime.date, precision: Precision) -> None:
        date = PartialDate(
            day.year,
            day.month if precision >= Precision.MONTH else None,
            day.day if precision is Precision.DAY else None,
        )
        assert PartialDate.parse(str(date)) == date
        assert date.first <= day <= date.last


class TestComparisons:
    def test_a_month_is_not_before_a_day_inside_it(self) -> None:
        assert PartialDate.parse("2020-09").before(PartialDate.parse("2020-09-10")) is Truth.MAYBE

    def test_whole_years_apart_are_definitely_ordered(self) -> None:
        assert PartialDate.parse("2019").before(PartialDate.parse("2020-01-01")) is Truth.YES
        assert PartialDate.parse("2021").before(PartialDate.parse("2020-12-31")) is Truth.NO

    def test_truth_refuses_to_be_a_bool(self) -> None:
        with pytest.raises(TypeError, match="three-valued"):
            bool(Truth.MAYBE)

    def test_truth_follows_kleene_logic(self) -> None:
        assert Truth.YES & Truth.MAYBE is Truth.MAYBE
        assert Truth.NO | Truth.MAYBE is Truth.MAYBE
        assert ~Truth.MAYBE is Truth.MAYBE
        assert ~Truth.YES is Truth.NO

    @given(st.dates(), st.dates())
    def test_before_agrees_with_dates_at_day_precision(self, a: datetime.date, b: datetime.date) -> None:
        expected = Truth.YES if a < b else Truth.NO
        assert PartialDate.of(a).before(PartialDate.of(b)) is expected


class TestQueryDates:
    def test_queries_accept_strings_dates_and_pendulum_dates(self) -> None:
        expected = pendulum.Date(2018, 6, 1)
        assert as_date("2018-06-01") == expected
        assert as_date(datetime.date(2018, 6, 1)) == expected
        assert as_date(datetime.datetime(2018, 6, 1, 12, 30)) == expected
        assert as_date(pendulum.date(2018, 6, 1)) == expected

    def test_a_query_needs_a_whole_day(self) -> None:
        with pytest.raises(ValueError, match="whole day"):
            as_date("2018-06")

    def test_a_query_date_of_another_type_is_a_type_error(self) -> None:
        with pytest.raises(TypeError, match="ISO 'YYYY-MM-DD' string"):
            as_date(20180601)  # type: ignore[arg-type]
