"""Plan status and the grading of records by the kinds of their sources: invariants over any data."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import yrdmodel
from yrdmodel import Citation, Confidence, Mechanism, Plan, PlanEvent, PlanKind, PlanStage, Source, SourceKind
from yrdmodel.model.dates import PartialDate
from yrdmodel.model.sources import confidence_allowed

KINDS = st.sampled_from(SourceKind)


def source(i: int, kind: SourceKind, identified: bool = False) -> Source:
    extra = {"title": "Notice", "publisher": "An office", "published": PartialDate.parse("2016")} if identified else {}
    return Source(id=f"s-{i}", kind=kind, ref=f"ref {i}", **extra)  # type: ignore[arg-type]


@st.composite
def source_lists(draw: st.DrawFn) -> list[Source]:
    kinds = draw(st.lists(KINDS, min_size=1, max_size=4))
    return [source(i, k, draw(st.booleans())) for i, k in enumerate(kinds)]


class TestConfidenceAllowed:
    def test_a_seed_or_an_official_source_allows_high(self) -> None:
        assert confidence_allowed([source(0, SourceKind.SEED)]) is Confidence.HIGH
        assert confidence_allowed([source(0, SourceKind.OFFICIAL)]) is Confidence.HIGH

    def test_one_news_report_is_medium_and_a_second_source_makes_it_high(self) -> None:
        assert confidence_allowed([source(0, SourceKind.NEWS)]) is Confidence.MEDIUM
        pair = [source(0, SourceKind.NEWS), source(1, SourceKind.REFERENCE)]
        assert confidence_allowed(pair) is Confidence.HIGH

    def test_reference_and_secondary_sources_alone_are_at_most_medium(self) -> None:
        pair = [source(0, SourceKind.REFERENCE), source(1, SourceKind.SECONDARY)]
        assert confidence_allowed(pair) is Confidence.MEDIUM

    def test_secondary_copies_alone_are_low_unless_one_copies_an_identified_text(self) -> None:
        copies = [source(0, SourceKind.SECONDARY), source(1, SourceKind.SECONDARY)]
        assert confidence_allowed(copies) is Confidence.LOW
        assert confidence_allowed([source(0, SourceKind.SECONDARY, identified=True)]) is Confidence.MEDIUM

    @given(source_lists(), KINDS)
    def test_citing_one_more_source_never_lowers_the_ceiling(self, sources: list[Source], kind: SourceKind) -> None:
        more = [*sources, source(len(sources), kind)]
        assert confidence_allowed(more).rank >= confidence_allowed(sources).rank


class TestWeakSupport:
    @given(source_lists(), st.sampled_from(Confidence))
    def test_a_record_is_reported_exactly_when_it_claims_more_than_its_sources_allow(
        self, sources: list[Source], confidence: Confidence
    ) -> None:
        plan = Plan(
            id="plan",
            name_en="A plan",
            kind=PlanKind.OVERALL,
            confidence=confidence,
            sources=tuple(Citation(s.id) for s in sources),
        )
        m = Mechanism(name_en="Test", sources=tuple(sources), plans=(plan,))
        found = m.validate().filter(code="weak-support")
        assert bool(found) == (confidence.rank > confidence_allowed(sources).rank)
        assert all(f.ids == ("plan",) and not f.possible for f in found)


def event(stage: PlanStage, date: str | None = None, meeting: str | None = None) -> PlanEvent:
    return PlanEvent(
        stage=stage,
        date=PartialDate.parse(date) if date else None,
        meeting=meeting,
        sources=(Citation("seed-001"),),
    )


class TestPlanStatus:
    @given(st.lists(st.sampled_from(PlanStage), max_size=4))
    def test_status_steps_must_come_in_stage_order(self, stages: list[PlanStage]) -> None:
        status = tuple(event(s) for s in stages)
        in_order = [s.rank for s in stages] == sorted(s.rank for s in stages)
        try:
            plan = Plan(id="plan", name_en="A plan", kind=PlanKind.OVERALL, status=status)
        except ValueError:
            assert not in_order
        else:
            assert in_order
            assert plan.stage == (stages[-1] if stages else None)

    def test_adopted_must_be_the_date_and_meeting_of_the_adoption_step(self) -> None:
        status = (event(PlanStage.ADOPTED_IN_PRINCIPLE, "2024-06", "symposium.2024"),)
        with pytest.raises(ValueError, match="adopted"):
            Plan(id="plan", name_en="A plan", kind=PlanKind.OVERALL, status=status)
        plan = Plan(
            id="plan",
            name_en="A plan",
            kind=PlanKind.OVERALL,
            adopted=PartialDate.parse("2024-06"),
            adopted_at="symposium.2024",
            status=status,
        )
        assert plan.event(PlanStage.ADOPTED_IN_PRINCIPLE) is status[0]
        assert plan.event(PlanStage.ISSUED) is None

    def test_a_reviewed_plan_has_no_adoption_date(self) -> None:
        with pytest.raises(ValueError, match="adopted"):
            Plan(
                id="plan",
                name_en="A plan",
                kind=PlanKind.OVERALL,
                adopted=PartialDate.parse("2021-05-26"),
                status=(event(PlanStage.REVIEWED, "2021-05-26"),),
            )

    def test_status_round_trips_through_json(self) -> None:
        m = yrdmodel.load()
        again = yrdmodel.loads(yrdmodel.dumps(m))
        assert again.plan("three-year-action.2024").status == m.plan("three-year-action.2024").status
        assert [e.stage for e in again.plan("outline").status] == [PlanStage.REVIEWED, PlanStage.ISSUED]
