"""As-of queries on small mechanisms built by hand, and against brute force on generated ones."""

import datetime

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import yrdmodel
from builders import CITE, D, tenure
from yrdmodel import (
    AmbiguousAnswerError,
    Mechanism,
    Meeting,
    Member,
    MemberKind,
    PartialDate,
    Person,
    Plan,
    PlanKind,
    Post,
    Tenure,
    Truth,
    UnknownIdError,
)


def mechanism(*tenures: Tenure, seats: int | None = 1, **kw: object) -> Mechanism:
    people = sorted({t.person for t in tenures})
    posts = sorted({t.post for t in tenures} | {"zj.secretary"})
    return Mechanism(
        name_en="test",
        members=(Member(id="zj", name_en="Zhejiang", name_zh="浙江", kind=MemberKind.PROVINCE, sources=CITE),),
        posts=tuple(Post(id=p, name_en=p, member="zj", main_leader=True, seats=seats, sources=CITE) for p in posts),
        people=tuple(Person(id=p, name_en=p.replace("-", " ").title(), sources=CITE) for p in people),
        tenures=tenures,
        **kw,  # type: ignore[arg-type]
    )


class TestHolderAtADay:
    m = mechanism(
        tenure("zj.secretary", "xia-baolong", "2012-12-18", "2017-04-26"),
        tenure("zj.secretary", "che-jun", "2017-04-26", "2020-09"),
        tenure("zj.secretary", "yuan-jiajun", "2020-09", "2022-12-07"),
    )

    def test_the_holder_on_a_day_inside_a_term(self) -> None:
        person = self.m.holder("zj.secretary", on="2018-06-01")
        assert person is not None
        assert person.id == "che-jun"

    def test_the_successor_holds_the_post_from_the_day_the_predecessor_leaves(self) -> None:
        person = self.m.holder("zj.secretary", on="2017-04-26")
        assert person is not None
        assert person.id == "che-jun"
        before = self.m.holder("zj.secretary", on=datetime.date(2017, 4, 25))
        assert before is not None
        assert before.id == "xia-baolong"

    def test_a_month_precise_handover_leaves_the_month_open(self) -> None:
        assert self.m.holder("zj.secretary", on="2020-09-10") is None
        possible = self.m.holders_with_truth("zj.secretary", on="2020-09-10")
        assert [(truth, t.person) for truth, t in possible] == [(Truth.MAYBE, "che-jun"), (Truth.MAYBE, "yuan-jiajun")]
        assert [t.person for t in self.m.holders("zj.secretary", "2020-09-10", include_possible=True)] == [
            "che-jun",
            "yuan-jiajun",
        ]

    def test_before_the_month_of_the_handover_the_answer_is_definite(self) -> None:
        assert [t.person for t in self.m.holders("zj.secretary", on="2020-08-31")] == ["che-jun"]

    def test_nobody_holds_a_post_before_its_first_recorded_term(self) -> None:
        assert self.m.holders("zj.secretary", on="2000-01-01", include_possible=True) == ()

    def test_an_unknown_post_is_an_unknown_id(self) -> None:
        with pytest.raises(UnknownIdError, match="post"):
            self.m.holder("zj.emperor", on="2018-06-01")

    def test_predecessor_and_successor(self) -> None:
        che = next(t for t in self.m.tenures if t.person == "che-jun")
        predecessor, successor = self.m.predecessor(che), self.m.successor(che)
        assert predecessor is not None
        assert successor is not None
        assert (predecessor.person, successor.person) == ("xia-baolong", "yuan-jiajun")

    def test_a_persons_tenures_are_in_start_order(self) -> None:
        m = mechanism(
            tenure("js.secretary", "li-qiang", "2016-06-30", "2017-10-29"),
            tenure("zj.governor", "li-qiang", "2012-12-21", "2016-06-30"),
        )
        assert [t.post for t in m.tenures_of("li-qiang")] == ["zj.governor", "js.secretary"]
        assert [t.post for t in m.tenures_of("Li Qiang")] == ["zj.governor", "js.secretary"]


class TestOpenEndsAndAttestations:
    def test_without_an_end_or_attestation_only_the_first_day_is_certain(self) -> None:
        t = tenure("zj.secretary", "liu-xiaotao", "2025-10-09", None)
        assert t.covers("2025-10-09") is Truth.YES
        assert t.covers("2025-10-10") is Truth.MAYBE
        assert t.covers("2025-10-08") is Truth.NO

    def test_an_incumbent_is_definite_up_to_the_last_attestation_only(self) -> None:
        m = mechanism(tenure("zj.secretary", "chen-jining", "2022-10-28", None, attested=(D("2025-06-06"),)))
        assert m.holders_with_truth("zj.secretary", "2025-06-06")[0][0] is Truth.YES
        assert m.holders_with_truth("zj.secretary", "2026-01-01")[0][0] is Truth.MAYBE
        assert m.holder("zj.secretary", "2026-01-01") is None

    def test_an_unknown_start_is_bounded_by_an_attestation(self) -> None:
        t = tenure("zj.secretary", "wang-xuejun", None, None, attested=(D("2014-12-02"),))
        assert t.covers("2014-12-02") is Truth.YES
        assert t.covers("2010-01-01") is Truth.MAYBE

    def test_an_attestation_known_to_the_year_makes_no_day_definite_by_itself(self) -> None:
        t = tenure("zj.secretary", "zhang-zhongwei", None, None, attested=(D("2025"),))
        assert t.covers("2025-06-01") is Truth.MAYBE


class TestSeveralHolders:
    def test_holder_refuses_to_pick_one_of_two_definite_holders(self) -> None:
        m = mechanism(
            tenure("zj.secretary", "a", "2020-01-01", "2021-01-01"),
            tenure("zj.secretary", "b", "2020-06-01", "2021-01-01"),
        )
        with pytest.raises(AmbiguousAnswerError):
            m.holder("zj.secretary", on="2020-06-01")
        assert [t.person for t in m.holders("zj.secretary", on="2020-06-01")] == ["a", "b"]


class TestLeaders:
    def test_leaders_map_every_main_leader_post_even_when_unsettled(self) -> None:
        m = mechanism(
            tenure("zj.secretary", "a", "2020-01-01", "2021-01-01"),
            tenure("zj.governor", "b", "2020-01-01", None, attested=(D("2022-06-01"),)),
        )
        leaders = m.leaders(on="2022-01-01")
        assert set(leaders) == {"zj.secretary", "zj.governor"}
        assert leaders["zj.secretary"] is None
        governor = leaders["zj.governor"]
        assert governor is not None
        assert governor.id == "b"


class TestPlansAndMeetings:
    plans = (
        Plan(id="tya.2018", name_en="TYA 2018", kind=PlanKind.THREE_YEAR_ACTION, first_year=2018, last_year=2020),
        Plan(id="tya.2021", name_en="TYA 2021", kind=PlanKind.THREE_YEAR_ACTION, first_year=2021, last_year=2023),
        Plan(id="outline", name_en="Outline", kind=PlanKind.OUTLINE),
    )
    meetings = (
        Meeting(id="symposium.2019", body="symposium", date=D("2019-05-22"), end_date=D("2019-05-23"), host="zj"),
        Meeting(id="joint-meeting.2019", body="joint-meeting", date=D("2019-05")),
        Meeting(id="symposium.2020", body="symposium", date=D("2020-06-05"), host="zj"),
    )
    m = mechanism(plans=plans, meetings=meetings)

    def test_the_plan_in_force_is_the_one_whose_years_cover_the_day(self) -> None:
        plan = self.m.plan_in_force(PlanKind.THREE_YEAR_ACTION, on="2022-07-01")
        assert plan is not None
        assert plan.id == "tya.2021"

    def test_no_plan_is_in_force_outside_every_period(self) -> None:
        assert self.m.plan_in_force(PlanKind.THREE_YEAR_ACTION, on="2017-07-01") is None
        assert self.m.plan_in_force(PlanKind.OUTLINE, on="2022-07-01") is None

    def test_meetings_in_a_range_include_those_dated_to_the_month(self) -> None:
        found = self.m.meetings_between("2019-05-23", "2019-05-31")
        assert [x.id for x in found] == ["joint-meeting.2019", "symposium.2019"]
        assert [x.id for x in self.m.meetings_between("2019-01-01", "2020-12-31", body="symposium")] == [
            "symposium.2019",
            "symposium.2020",
        ]

    def test_a_member_timeline_lists_hosted_meetings_by_date(self) -> None:
        assert [e.subject for e in self.m.timeline("zj")] == ["symposium.2019", "symposium.2020"]


def _brute_force(tenures: tuple[Tenure, ...], day: datetime.date) -> list[tuple[Truth, Tenure]]:
    found: list[tuple[Truth, Tenure]] = []
    for t in tenures:
        truth = t.covers(day)
        if truth is not Truth.NO:
            found.append((truth, t))
    return found


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2030, 12, 31)))
    precision = draw(st.integers(1, 3))
    return PartialDate(day.year, day.month if precision > 1 else None, day.day if precision > 2 else None)


@st.composite
def tenures(draw: st.DrawFn) -> Tenure:
    start = draw(st.none() | partial_dates())
    end = draw(st.none() | partial_dates())
    if start is not None and end is not None and end.before(start) is Truth.YES:
        start, end = end, start
    attested = tuple(draw(st.lists(partial_dates(), max_size=2)))
    person = draw(st.sampled_from(["a", "b", "c"]))
    return Tenure(post="zj.secretary", person=person, start=start, end=end, attested=attested, sources=CITE)


class TestAgainstBruteForce:
    """Without a seat count or ``as_of``, the index answers what each tenure's own dates say.

    (The rules that combine tenures are checked against their own oracle in ``test_asof_oracle.py``.)
    """

    @given(
        st.lists(tenures(), max_size=12),
        st.dates(min_value=datetime.date(1999, 1, 1), max_value=datetime.date(2032, 1, 1)),
    )
    def test_holders_equal_a_scan_of_every_tenure(self, items: list[Tenure], day: datetime.date) -> None:
        m = mechanism(*items, seats=None)
        expected = _brute_force(m.tenures, day)
        got = m.holders_with_truth("zj.secretary", day)
        assert sorted(got, key=lambda row: id(row[1])) == sorted(expected, key=lambda row: id(row[1]))
        assert m.holders("zj.secretary", day) == tuple(t for truth, t in got if truth is Truth.YES)

    @given(st.lists(tenures(), min_size=1, max_size=6))
    def test_evolve_rebuilds_the_indexes(self, items: list[Tenure]) -> None:
        m = mechanism(*items)
        emptied = attrs.evolve(m, tenures=())
        assert emptied.tenures_for("zj.secretary") == ()
        assert len(m.tenures_for("zj.secretary")) == len(items)

    @given(
        st.lists(tenures(), max_size=12),
        st.dates(min_value=datetime.date(1999, 1, 1), max_value=datetime.date(2032, 1, 1)),
    )
    def test_holder_is_the_one_definite_holder_of_a_scan(self, items: list[Tenure], day: datetime.date) -> None:
        m = mechanism(*items, seats=None)
        definite = [t.person for truth, t in _brute_force(m.tenures, day) if truth is Truth.YES]
        if len(definite) > 1:
            with pytest.raises(AmbiguousAnswerError):
                m.holder("zj.secretary", day)
        else:
            person = m.holder("zj.secretary", day)
            assert (person.id if person else None) == (definite[0] if definite else None)


class TestMembership:
    def test_anhui_was_invited_in_2008_and_a_full_member_from_the_2014_symposium(self) -> None:
        anhui = Member(
            id="anhui",
            name_en="Anhui",
            name_zh="安徽",
            kind=MemberKind.PROVINCE,
            history=(
                yrdmodel.MembershipChange(since=D("2008"), status=yrdmodel.MembershipStatus.INVITED, event="invited"),
                yrdmodel.MembershipChange(since=D("2014-12-02"), status=yrdmodel.MembershipStatus.FULL, event="full"),
            ),
        )
        assert anhui.is_member("2007-06-01") is Truth.NO
        assert anhui.is_member("2010-06-01") is Truth.NO
        assert anhui.status_on("2010-06-01") is yrdmodel.MembershipStatus.INVITED
        assert anhui.is_member("2014-12-02") is Truth.YES

    def test_an_invitation_dated_to_the_year_leaves_that_year_open(self) -> None:
        joined = Member(
            id="x",
            name_en="X",
            name_zh="X",
            kind=MemberKind.PROVINCE,
            history=(
                yrdmodel.MembershipChange(since=D("2008"), status=yrdmodel.MembershipStatus.FULL, event="joined"),
            ),
        )
        assert joined.is_member("2008-06-01") is Truth.MAYBE

    def test_a_member_without_a_recorded_history_is_a_member_throughout(self) -> None:
        assert mechanism().member("zj").is_member("1990-01-01") is Truth.YES
