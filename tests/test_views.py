"""Views: the host years with their gaps, the body tree, coverage and the source summary."""

import json

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import yrdmodel
from yrdmodel.model.views import BodyNode, body_tree, coverage, host_years, leaders_on, source_summary, to_data


@pytest.fixture(scope="module")
def m() -> yrdmodel.Mechanism:
    return yrdmodel.load()


def test_the_years_run_without_a_hole_and_gaps_are_explicit(m: yrdmodel.Mechanism) -> None:
    rows = host_years(m)
    years = [r.year for r in rows]
    assert years == list(range(years[0], years[-1] + 1))
    recorded = {s.year for s in m.symposia}
    assert {r.year for r in rows if r.gap} == set(years) - recorded - {r.year for r in rows if r.decided_at}
    assert coverage(m).gap_years == tuple(y for y in years if y not in recorded and y < max(recorded))


def test_2021_was_hosted_by_jiangsu_as_the_rule_expects(m: yrdmodel.Mechanism) -> None:
    row = next(r for r in host_years(m) if r.year == 2021)
    assert (row.host, row.city, row.expected, row.deviation, row.gap) == ("jiangsu", "Wuxi", "jiangsu", False, False)


def test_the_view_agrees_with_the_mechanism(m: yrdmodel.Mechanism) -> None:
    for row in host_years(m):
        host = m.host(row.year)
        assert row.host == (host.id if host else None)
    deviations = {d.year for d in m.host_deviations()}
    assert {r.year for r in host_years(m) if r.deviation and r.held} == deviations


def test_a_host_out_of_turn_is_a_deviation(m: yrdmodel.Mechanism) -> None:
    s2019 = m.symposium(2019)
    moved = attrs.evolve(m, meetings=tuple(attrs.evolve(x, host="jiangsu") if x == s2019 else x for x in m.meetings))
    row = next(r for r in host_years(moved) if r.year == 2019)
    assert (row.host, row.expected, row.deviation) == ("jiangsu", "anhui", True)


@given(st.sets(st.integers(2005, 2025), min_size=1, max_size=8))
def test_dropping_symposia_turns_their_years_into_gaps(dropped: set[int]) -> None:
    m = yrdmodel.load()
    kept = tuple(x for x in m.meetings if not (x in m.symposia and x.year in dropped))
    rows = {r.year: r for r in host_years(attrs.evolve(m, meetings=kept))}
    for year in dropped:
        if year in rows and rows[year].decided_at is None:
            assert rows[year].gap
            assert rows[year].host is None


def test_the_body_tree_holds_every_body_once(m: yrdmodel.Mechanism) -> None:
    seen: list[str] = []

    def walk(nodes: tuple[BodyNode, ...]) -> None:
        for n in nodes:
            seen.append(n.body.id)
            walk(n.children)

    walk(body_tree(m))
    assert sorted(seen) == sorted(b.id for b in m.all_bodies)


def test_sources_are_counted_by_kind(m: yrdmodel.Mechanism) -> None:
    summary = source_summary(m)
    assert sum(n for _, n in summary.by_kind) == summary.total == len(m.sources)
    assert summary.cited <= summary.total


def test_views_are_plain_json(m: yrdmodel.Mechanism) -> None:
    text = json.dumps(to_data((host_years(m), coverage(m), source_summary(m), leaders_on(m, "2021-05-27"))))
    assert '"gap": true' in text
    assert '"person": "li-qiang"' in text
