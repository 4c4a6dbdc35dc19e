"""The rotation engine: the YRD symposium's four-year cycle, and any other rotation declared with it."""

from collections import Counter

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from yrdmodel import Citation, ExceptionKind, RotationException, RotationPolicy

YRD = RotationPolicy(
    body="symposium",
    order=("shanghai", "anhui", "zhejiang", "jiangsu"),
    anchor_year=2018,
    since=2018,
    sources=(Citation("seed-003"),),
)


class TestTheYrdCycle:
    @pytest.mark.parametrize(
        ("year", "host"),
        [(2018, "shanghai"), (2019, "anhui"), (2020, "zhejiang"), (2021, "jiangsu"), (2022, "shanghai"),
         (2023, "anhui"), (2024, "zhejiang"), (2025, "jiangsu"), (2026, "shanghai")],
    )  # fmt: skip
    def test_the_host_the_rule_expects(self, year: int, host: str) -> None:
        assert YRD.host_for(year) == host

    def test_the_2005_and_2014_meetings_predate_the_cycle(self) -> None:
        assert YRD.host_for(2005) is None
        assert YRD.host_for(2014) is None
        assert YRD.deviations({2005: "zhejiang", 2014: "shanghai", 2018: "shanghai"}) == ()

    def test_a_deviation_names_the_expected_and_the_actual_host(self) -> None:
        (deviation,) = YRD.deviations({2021: "jiangsu", 2022: "anhui"})
        assert (deviation.year, deviation.expected, deviation.actual) == (2022, "shanghai", "anhui")

    def test_next_after_2025_is_shanghai_in_2026(self) -> None:
        assert YRD.next_after(2025) == (2026, "shanghai")
        assert YRD.next_after(2000) == (2018, "shanghai")

    def test_a_swapped_year_needs_its_host(self) -> None:
        with pytest.raises(ValueError, match="needs the host"):
            RotationException(year=2027, kind=ExceptionKind.SWAPPED)

    def test_an_order_with_a_member_twice_is_rejected(self) -> None:
        with pytest.raises(ValueError, match="twice"):
            RotationPolicy(body="symposium", order=("shanghai", "shanghai"), anchor_year=2018)

    def test_a_skipped_year_moves_nothing_else(self) -> None:
        skipped = attrs.evolve(YRD, exceptions=(RotationException(year=2027, kind=ExceptionKind.SKIPPED),))
        assert skipped.host_for(2027) is None
        assert skipped.next_after(2026) == (2028, "zhejiang")

    def test_a_policy_that_ended_expects_nothing_after(self) -> None:
        ended = attrs.evolve(YRD, until=2025)
        assert ended.host_for(2026) is None
        assert ended.next_after(2025) is None


ids = st.from_regex(r"[a-z]{2,6}", fullmatch=True)


@st.composite
def policies(draw: st.DrawFn) -> RotationPolicy:
    order = tuple(draw(st.lists(ids, min_size=1, max_size=8, unique=True)))
    return RotationPolicy(
        body="meeting",
        order=order,
        anchor_year=draw(st.integers(1950, 2050)),
        interval=draw(st.integers(1, 3)),
        since=draw(st.none() | st.integers(1900, 2100)),
    )


class TestAnyRotation:
    @given(policies(), st.integers(0, 300))
    def test_every_member_hosts_exactly_once_in_each_window_of_one_period(self, p: RotationPolicy, offset: int) -> None:
        first = p.first_year + offset
        hosts = [p.host_for(year) for year in range(first, first + p.period)]
        counts = Counter(h for h in hosts if h is not None)
        assert counts == Counter(dict.fromkeys(p.order, 1))

    @given(policies(), st.integers(0, 300))
    def test_the_rule_is_periodic(self, p: RotationPolicy, offset: int) -> None:
        year = p.first_year + offset
        assert p.host_for(year) == p.host_for(year + p.period)

    @given(policies(), st.integers(0, 100), st.integers(0, 100), st.data())
    def test_an_exception_changes_only_its_own_year(
        self, p: RotationPolicy, exception_offset: int, probe_offset: int, data: st.DataObject
    ) -> None:
        year = p.first_year + exception_offset
        probe = p.first_year + probe_offset
        assume(probe != year)
        kind = data.draw(st.sampled_from(list(ExceptionKind)))
        host = data.draw(st.sampled_from(p.order)) if kind is ExceptionKind.SWAPPED else None
        changed = attrs.evolve(p, exceptions=(RotationException(year=year, kind=kind, host=host),))
        assert changed.host_for(year) == host
        assert changed.host_for(probe) == p.host_for(probe)

    @given(policies(), st.integers(-50, 300))
    def test_next_after_is_the_first_later_year_with_a_host(self, p: RotationPolicy, offset: int) -> None:
        year = p.first_year + offset
        found = p.next_after(year)
        assert found is not None
        next_year, host = found
        assert next_year > year
        assert p.host_for(next_year) == host
        assert all(p.host_for(y) is None for y in range(year + 1, next_year))
