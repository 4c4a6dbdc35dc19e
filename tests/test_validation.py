"""Consistency validation: every rule in the domain's words, the report, and properties on generated data."""

import contextlib
import itertools
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import builders
import yrdmodel
from builders import D
from yrdmodel import (
    Attendance,
    Body,
    BodyKind,
    Citation,
    ExceptionKind,
    Finding,
    Mechanism,
    Meeting,
    Member,
    MemberKind,
    MembershipChange,
    MembershipStatus,
    PartialDate,
    Person,
    Plan,
    PlanKind,
    Post,
    RotationException,
    RotationPolicy,
    Severity,
    Source,
    SourceKind,
    Tenure,
    Truth,
    ValidationReport,
)
from yrdmodel import strategies as yst
from yrdmodel.validation.rules import CODES, RULES, overlap, reference_problems

T = TypeVar("T")
CITE = (Citation("seed-003"),)
ROTATION = ("shanghai", "anhui", "zhejiang", "jiangsu")


def founding(since: str = "2005-12-25") -> tuple[MembershipChange, ...]:
    return (MembershipChange(since=D(since), status=MembershipStatus.FULL, event="first symposium", sources=CITE),)


ANHUI_HISTORY = (
    MembershipChange(since=D("2008-09"), status=MembershipStatus.INVITED, event="invited", sources=CITE),
    MembershipChange(since=D("2014-12-02"), status=MembershipStatus.FULL, event="full member", sources=CITE),
)


def members() -> tuple[Member, ...]:
    return (
        Member(
            id="shanghai",
            name_en="Shanghai",
            name_zh="上海",
            kind=MemberKind.MUNICIPALITY,
            history=founding(),
            sources=CITE,
        ),
        Member(
            id="jiangsu", name_en="Jiangsu", name_zh="江苏", kind=MemberKind.PROVINCE, history=founding(), sources=CITE
        ),
        Member(
            id="zhejiang",
            name_en="Zhejiang",
            name_zh="浙江",
            kind=MemberKind.PROVINCE,
            history=founding(),
            sources=CITE,
        ),
        Member(
            id="anhui", name_en="Anhui", name_zh="安徽", kind=MemberKind.PROVINCE, history=ANHUI_HISTORY, sources=CITE
        ),
    )


def leader_posts() -> tuple[Post, ...]:
    posts = []
    for m in ("shanghai", "jiangsu", "zhejiang", "anhui"):
        head = f"{m}.mayor" if m == "shanghai" else f"{m}.governor"
        secretary = f"{m}.party-secretary"
        posts.append(
            Post(
                id=secretary,
                name_en=f"Party Secretary of {m}",
                member=m,
                main_leader=True,
                incompatible_with=(head,),
                sources=CITE,
            )
        )
        posts.append(Post(id=head, name_en=f"Head of {m}", member=m, main_leader=True, sources=CITE))
    posts.append(
        Post(
            id="cooperation-office.deputy-director",
            name_en="Deputy Director",
            body="cooperation-office",
            seats=3,
            sources=CITE,
        )
    )
    posts.append(
        Post(
            id="cooperation-office.staff", name_en="Seconded staff", body="cooperation-office", seats=None, sources=CITE
        )
    )
    return tuple(posts)


def bodies() -> tuple[Body, ...]:
    return (
        Body(
            id="symposium", name_en="Main Leaders' Symposium", kind=BodyKind.SYMPOSIUM, founded=D("2005"), sources=CITE
        ),
        Body(
            id="cooperation-office",
            name_en="YRD Regional Cooperation Office",
            kind=BodyKind.OFFICE,
            founded=D("2018-01"),
            sources=CITE,
        ),
        Body(
            id="high-level-forum",
            name_en="High-Level Forum",
            kind=BodyKind.FORUM,
            founded=D("2019-05"),
            dissolved=D("2030-01-01"),
            sources=CITE,
        ),
    )


def tenure(post: str, person: str, start: str | None, end: str | None = None, **kw: object) -> Tenure:
    return builders.tenure(post, person, start, end, sources=CITE, **kw)


def symposium(year: int, host: str | None, date: str | None = None, **kw: object) -> Meeting:
    return Meeting(
        id=f"symposium.{year}",
        body="symposium",
        date=D(date or str(year)),
        host=host,
        sources=CITE,
        **kw,  # type: ignore[arg-type]
    )


def plan(plan_id: str, first: int | None, last: int | None, series: str | None = "three-year-action") -> Plan:
    return Plan(
        id=plan_id,
        name_en=plan_id,
        kind=PlanKind.THREE_YEAR_ACTION,
        series=series,
        first_year=first,
        last_year=last,
        sources=CITE,
    )


def yrd(
    *,
    tenures: Iterable[Tenure] = (),
    meetings: Iterable[Meeting] = (),
    plans: Iterable[Plan] = (),
    rotation: RotationPolicy | None = None,
    extra_people: Iterable[Person] = (),
    **kw: object,
) -> Mechanism:
    """A small YRD mechanism: the four members, their leaders' posts, three bodies, and the records given.

    Everyone a tenure or an attendance names is added as a person.
    """
    tenures, meetings = tuple(tenures), tuple(meetings)
    named = {t.person for t in tenures} | {a.person for x in meetings for a in x.attendees}
    people = tuple(Person(id=p, name_en=p.replace("-", " ").title(), sources=CITE) for p in sorted(named))
    fields: dict[str, object] = {
        "name_en": "Yangtze River Delta",
        "sources": (Source(id="seed-003", kind=SourceKind.SEED, ref="003_b99ca14925887098.txt"),),
        "members": members(),
        "all_bodies": bodies(),
        "posts": leader_posts(),
        "people": people + tuple(extra_people),
        "tenures": tenures,
        "meetings": meetings,
        "plans": tuple(plans),
        "rotation": rotation,
        "decision_body": "symposium",
        **kw,
    }
    return Mechanism(**fields)  # type: ignore[arg-type]


def findings(m: Mechanism, code: str) -> list[tuple[Severity, bool, set[str]]]:
    """The findings of one code as (severity, possible, ids)."""
    return [(f.severity, f.possible, set(f.ids)) for f in m.validate().filter(code=code)]


ERROR, WARNING = Severity.ERROR, Severity.WARNING


# The codes ---------------------------------------------------------------------------------------


def test_every_rule_has_a_stable_code_and_a_sentence() -> None:
    assert list(CODES) == list(RULES)
    assert set(CODES) == {
        "duplicate-id",
        "dangling-id",
        "missing-source",
        "span-order",
        "tenure-overlap",
        "incompatible-posts",
        "meeting-outside-body",
        "host-not-member",
        "rotation-deviation",
        "next-host-mismatch",
        "attendee-not-in-office",
        "plan-series-overlap",
        "plan-series-gap",
        "weak-support",
    }
    for code, meaning in CODES.items():
        assert meaning.endswith("."), code
        assert len(meaning.split()) >= 6, code


def test_the_validation_docs_list_every_code() -> None:
    import yrdmodel.validation

    doc = yrdmodel.validation.__doc__ or ""
    warnings = {"rotation-deviation", "next-host-mismatch", "plan-series-gap", "weak-support"}
    for code, meaning in CODES.items():
        severity = "warning" if code in warnings else "error"
        assert f"| ``{code}`` | {severity} | {meaning} |" in doc, code


def test_a_small_yrd_with_its_real_handovers_is_clean() -> None:
    m = yrd(
        tenures=[
            tenure("shanghai.party-secretary", "han-zheng", "2012-11-20", "2017-10-29"),
            tenure("shanghai.party-secretary", "li-qiang", "2017-10-29", "2022-10-28"),
            tenure("zhejiang.party-secretary", "che-jun", "2017-04-26", "2020-09"),
            tenure("zhejiang.party-secretary", "yuan-jiajun", "2020-10", None),
        ],
        meetings=[
            symposium(2018, "shanghai", "2018-06-01", attendees=(Attendance("li-qiang", "shanghai.party-secretary"),))
        ],
        rotation=RotationPolicy(body="symposium", order=ROTATION, anchor_year=2018, since=2018, sources=CITE),
    )
    report = m.validate()
    assert report.findings == ()
    assert report.ok
    assert str(report) == "valid: no findings"


# Tenures -----------------------------------------------------------------------------------------


class TestTenureOverlap:
    def test_two_party_secretaries_of_jiangsu_on_the_same_day_is_an_overlap(self) -> None:
        a = tenure("jiangsu.party-secretary", "lou-qinjian", "2017-06-30", "2021-10-21")
        b = tenure("jiangsu.party-secretary", "wu-zhenglong", "2021-10-01", "2022-12-28")
        assert findings(yrd(tenures=[a, b]), "tenure-overlap") == [(ERROR, False, {a.id, b.id})]

    def test_a_successor_who_starts_the_day_the_predecessor_leaves_does_not_overlap(self) -> None:
        a = tenure("jiangsu.party-secretary", "lou-qinjian", "2017-06-30", "2021-10-21")
        b = tenure("jiangsu.party-secretary", "wu-zhenglong", "2021-10-21", "2022-12-28")
        assert findings(yrd(tenures=[a, b]), "tenure-overlap") == []

    def test_a_handover_known_only_to_the_month_is_a_possible_overlap_not_an_error(self) -> None:
        a = tenure("zhejiang.party-secretary", "che-jun", "2017-04-26", "2020-09")
        b = tenure("zhejiang.party-secretary", "yuan-jiajun", "2020-09", None)
        assert findings(yrd(tenures=[a, b]), "tenure-overlap") == [(WARNING, True, {a.id, b.id})]
        (finding,) = yrd(tenures=[a, b]).validate().findings
        assert finding.message.startswith("possibly:")

    def test_an_acting_governor_whose_overlap_the_data_marks_is_not_reported(self) -> None:
        a = tenure("jiangsu.governor", "wu-zhenglong", "2017-01-20", "2021-10-22")
        acting = tenure("jiangsu.governor", "xu-kunlin", "2021-10-01", "2023-01-15", acting=True, overlap_allowed=True)
        assert findings(yrd(tenures=[a, acting]), "tenure-overlap") == []

    def test_the_same_overlap_without_the_mark_is_reported(self) -> None:
        a = tenure("jiangsu.governor", "wu-zhenglong", "2017-01-20", "2021-10-22")
        acting = tenure("jiangsu.governor", "xu-kunlin", "2021-10-01", "2023-01-15", acting=True)
        assert findings(yrd(tenures=[a, acting]), "tenure-overlap") == [(ERROR, False, {a.id, acting.id})]

    def test_an_open_ended_tenure_ends_where_the_next_holder_certainly_starts(self) -> None:
        a = tenure("anhui.governor", "li-guoying", "2015-01-01", None)
        b = tenure("anhui.governor", "wang-qingxian", "2021-09-01", None)
        assert findings(yrd(tenures=[a, b]), "tenure-overlap") == []

    def test_an_open_ended_tenure_may_still_run_into_a_start_known_to_the_month(self) -> None:
        a = tenure("anhui.governor", "li-guoying", "2015-01-01", None)
        b = tenure("anhui.governor", "wang-qingxian", "2021-09", None)
        assert findings(yrd(tenures=[a, b]), "tenure-overlap") == [(WARNING, True, {a.id, b.id})]

    def test_a_thousand_undated_tenures_of_one_post_are_one_finding(self) -> None:
        undated = [Tenure(post="anhui.governor", person=f"p{i}", sources=CITE) for i in range(1000)]
        (finding,) = yrd(tenures=undated).validate().filter(code="tenure-overlap")
        assert finding.possible
        assert len(finding.ids) == yrdmodel.validation.rules.MAX_LISTED
        assert "and 990 more" in finding.message

    def test_three_deputy_directors_fill_three_seats_and_a_fourth_is_too_many(self) -> None:
        deputies = [
            tenure("cooperation-office.deputy-director", p, "2019-01-01", "2021-01-01") for p in ("a", "b", "c")
        ]
        assert findings(yrd(tenures=deputies), "tenure-overlap") == []
        fourth = tenure("cooperation-office.deputy-director", "d", "2020-06-01", "2020-07-01")
        found = findings(yrd(tenures=[*deputies, fourth]), "tenure-overlap")
        assert found == [(ERROR, False, {t.id for t in [*deputies, fourth]})]

    def test_four_deputies_who_never_serve_on_the_same_day_are_not_too_many(self) -> None:
        spans = [
            ("2019-01-01", "2019-06-01"),
            ("2019-01-01", "2019-06-01"),
            ("2019-05-01", "2019-09-01"),
            ("2019-07-01", "2020-01-01"),
        ]
        deputies = [tenure("cooperation-office.deputy-director", f"p{i}", a, b) for i, (a, b) in enumerate(spans)]
        assert findings(yrd(tenures=deputies), "tenure-overlap") == []

    def test_a_post_whose_number_of_seats_is_unknown_is_not_checked(self) -> None:
        staff = [tenure("cooperation-office.staff", p, "2018-03-01", None) for p in ("a", "b", "c", "d")]
        assert findings(yrd(tenures=staff), "tenure-overlap") == []


class TestIncompatiblePosts:
    def test_one_person_as_party_secretary_and_governor_of_zhejiang_at_once(self) -> None:
        a = tenure("zhejiang.governor", "li-qiang", "2012-12-21", "2016-06-30")
        b = tenure("zhejiang.party-secretary", "li-qiang", "2016-06-01", "2016-07-01")
        assert findings(yrd(tenures=[a, b]), "incompatible-posts") == [(ERROR, False, {a.id, b.id})]

    def test_the_incompatibility_holds_whichever_post_declares_it(self) -> None:
        a = tenure("zhejiang.party-secretary", "li-qiang", "2016-06-01", "2016-07-01")
        b = tenure("zhejiang.governor", "li-qiang", "2012-12-21", "2016-06-30")
        assert [set(f.ids) for f in yrd(tenures=[a, b]).validate().filter(code="incompatible-posts")] == [{a.id, b.id}]

    def test_li_qiangs_career_through_three_posts_in_turn_is_fine(self) -> None:
        career = [
            tenure("zhejiang.governor", "li-qiang", "2012-12-21", "2016-06-30"),
            tenure("jiangsu.party-secretary", "li-qiang", "2016-06-30", "2017-10-29"),
            tenure("shanghai.party-secretary", "li-qiang", "2017-10-29", "2022-10-28"),
        ]
        assert yrd(tenures=career).validate().findings == ()

    def test_posts_of_two_members_are_not_incompatible_unless_marked(self) -> None:
        a = tenure("zhejiang.governor", "li-qiang", "2012-12-21", "2016-07-01")
        b = tenure("jiangsu.party-secretary", "li-qiang", "2016-06-30", "2017-10-29")
        assert findings(yrd(tenures=[a, b]), "incompatible-posts") == []


class TestSpanOrder:
    def test_a_tenure_attested_after_it_ended(self) -> None:
        t = tenure("anhui.party-secretary", "li-jinbin", "2016-08-01", "2020-12-31", attested=(D("2021-06-01"),))
        assert findings(yrd(tenures=[t]), "span-order") == [(ERROR, False, {t.id})]

    def test_a_tenure_attested_before_it_started(self) -> None:
        t = tenure("anhui.party-secretary", "li-jinbin", "2016-08-01", None, attested=(D("2015"),))
        assert findings(yrd(tenures=[t]), "span-order") == [(ERROR, False, {t.id})]

    def test_a_confirmation_in_the_month_the_acting_term_began_may_be_before_it(self) -> None:
        t = tenure("jiangsu.governor", "xu-kunlin", "2021-10-22", None, confirmed=D("2021-10"))
        assert findings(yrd(tenures=[t]), "span-order") == [(WARNING, True, {t.id})]

    def test_an_end_and_a_start_in_the_same_year_may_be_out_of_order(self) -> None:
        t = tenure("anhui.governor", "wang-xuejun", "2013-05", "2013")
        assert findings(yrd(tenures=[t]), "span-order") == [(WARNING, True, {t.id})]

    def test_a_body_dissolved_before_it_was_founded(self) -> None:
        body = Body(id="old-group", name_en="Old group", founded=D("2016"), dissolved=D("2012"), sources=CITE)
        m = yrd(all_bodies=(*bodies(), body))
        assert findings(m, "span-order") == [(ERROR, False, {"old-group"})]

    def test_a_membership_history_that_is_not_oldest_first(self) -> None:
        anhui = Member(
            id="anhui",
            name_en="Anhui",
            name_zh="安徽",
            kind=MemberKind.PROVINCE,
            history=ANHUI_HISTORY[::-1],
            sources=CITE,
        )
        m = yrd(members=(*members()[:3], anhui))
        assert findings(m, "span-order") == [(ERROR, False, {"anhui"})]

    def test_a_rotation_that_ends_before_it_begins(self) -> None:
        policy = RotationPolicy(
            body="symposium", order=ROTATION, anchor_year=2018, since=2018, until=2016, sources=CITE
        )
        assert findings(yrd(rotation=policy), "span-order") == [(ERROR, False, {"$.rotation"})]


# Meetings ----------------------------------------------------------------------------------------


class TestMeetingOutsideBody:
    def test_a_forum_edition_before_the_forum_was_founded(self) -> None:
        x = Meeting(id="high-level-forum.0", body="high-level-forum", date=D("2018-11"), sources=CITE)
        assert findings(yrd(meetings=[x]), "meeting-outside-body") == [(ERROR, False, {x.id, "high-level-forum"})]

    def test_a_forum_edition_in_the_month_it_was_founded_may_be_before_it(self) -> None:
        x = Meeting(id="high-level-forum.1", body="high-level-forum", date=D("2019"), sources=CITE)
        assert findings(yrd(meetings=[x]), "meeting-outside-body") == [(WARNING, True, {x.id, "high-level-forum"})]

    def test_a_meeting_on_the_day_its_body_was_dissolved_is_outside_its_life(self) -> None:
        x = Meeting(id="high-level-forum.12", body="high-level-forum", date=D("2030-01-01"), sources=CITE)
        inside = Meeting(id="high-level-forum.11", body="high-level-forum", date=D("2029-12-31"), sources=CITE)
        assert findings(yrd(meetings=[x, inside]), "meeting-outside-body") == [
            (ERROR, False, {x.id, "high-level-forum"})
        ]


class TestHostNotMember:
    def test_anhui_could_not_host_while_only_invited(self) -> None:
        x = symposium(2010, "anhui", "2010-03-24")
        assert findings(yrd(meetings=[x]), "host-not-member") == [(ERROR, False, {x.id, "anhui"})]

    def test_anhui_hosting_in_the_year_it_became_a_full_member_may_be_too_early(self) -> None:
        x = symposium(2014, "anhui", "2014")
        assert findings(yrd(meetings=[x]), "host-not-member") == [(WARNING, True, {x.id, "anhui"})]

    def test_anhui_hosting_in_2019_is_fine(self) -> None:
        assert findings(yrd(meetings=[symposium(2019, "anhui", "2019-05-22")]), "host-not-member") == []

    def test_a_member_without_a_recorded_history_is_taken_to_be_a_member(self) -> None:
        fujian = Member(id="fujian", name_en="Fujian", name_zh="福建", kind=MemberKind.PROVINCE, sources=CITE)
        m = yrd(members=(*members(), fujian), meetings=[symposium(2019, "fujian")])
        assert findings(m, "host-not-member") == []

    def test_only_the_symposium_host_is_checked(self) -> None:
        x = Meeting(id="high-level-forum.1", body="high-level-forum", date=D("2019-05-22"), host="anhui", sources=CITE)
        m = yrd(members=(*members()[:3], attrs.evolve(members()[3], history=ANHUI_HISTORY[:1])), meetings=[x])
        assert findings(m, "host-not-member") == []


POLICY = RotationPolicy(body="symposium", order=ROTATION, anchor_year=2018, since=2018, sources=CITE)


class TestRotation:
    def test_hosts_in_rotation_order_are_clean(self) -> None:
        hosts = ["shanghai", "anhui", "zhejiang", "jiangsu", "shanghai", "anhui", "zhejiang", "jiangsu"]
        m = yrd(meetings=[symposium(2018 + i, h) for i, h in enumerate(hosts)], rotation=POLICY)
        assert m.validate().findings == ()

    def test_jiangsu_hosting_in_2020_is_a_warning_naming_expected_and_actual(self) -> None:
        m = yrd(meetings=[symposium(2020, "jiangsu")], rotation=POLICY)
        (finding,) = m.validate().filter(code="rotation-deviation")
        assert (finding.severity, finding.possible, finding.ids) == (
            WARNING,
            False,
            ("symposium.2020", "jiangsu", "zhejiang"),
        )
        assert "zhejiang" in finding.message
        assert "jiangsu" in finding.message
        assert m.validate().ok

    def test_a_swap_the_policy_declares_is_not_a_deviation(self) -> None:
        swap = RotationException(year=2020, kind=ExceptionKind.SWAPPED, host="jiangsu", sources=CITE)
        m = yrd(meetings=[symposium(2020, "jiangsu")], rotation=attrs.evolve(POLICY, exceptions=(swap,)))
        assert m.validate().findings == ()

    def test_a_meeting_in_a_year_the_policy_skips_is_a_deviation_from_no_meeting(self) -> None:
        skip = RotationException(year=2020, kind=ExceptionKind.SKIPPED, sources=CITE)
        m = yrd(meetings=[symposium(2020, "zhejiang")], rotation=attrs.evolve(POLICY, exceptions=(skip,)))
        (finding,) = m.validate().filter(code="rotation-deviation")
        assert finding.ids == ("symposium.2020", "zhejiang")
        assert "no meeting" in finding.message

    def test_years_before_the_policy_are_not_checked(self) -> None:
        m = yrd(meetings=[symposium(2016, "anhui", "2016-12")], rotation=POLICY)
        assert findings(m, "rotation-deviation") == []


class TestNextHost:
    def test_the_2024_symposium_chose_jiangsu_and_jiangsu_hosted_2025(self) -> None:
        m = yrd(
            meetings=[symposium(2024, "zhejiang", next_host="jiangsu", next_host_year=2025), symposium(2025, "jiangsu")]
        )
        assert m.validate().findings == ()

    def test_a_decided_host_that_did_not_host_is_a_warning(self) -> None:
        m = yrd(
            meetings=[symposium(2024, "zhejiang", next_host="jiangsu", next_host_year=2025), symposium(2025, "anhui")]
        )
        assert findings(m, "next-host-mismatch") == [
            (WARNING, False, {"symposium.2024", "symposium.2025", "jiangsu", "anhui"})
        ]

    def test_a_decision_without_a_year_is_about_the_next_meeting(self) -> None:
        m = yrd(meetings=[symposium(2024, "zhejiang", next_host="jiangsu"), symposium(2026, "shanghai")])
        assert findings(m, "next-host-mismatch") == [
            (WARNING, False, {"symposium.2024", "symposium.2026", "jiangsu", "shanghai"})
        ]

    def test_a_decision_for_its_own_year_is_checked_against_the_other_meetings_of_that_year(self) -> None:
        early = Meeting(
            id="spring",
            body="symposium",
            date=D("2024-03-01"),
            host="zhejiang",
            next_host="jiangsu",
            next_host_year=2024,
            sources=CITE,
        )
        late = Meeting(id="autumn", body="symposium", date=D("2024-10-01"), host="anhui", sources=CITE)
        assert findings(yrd(meetings=[early, late]), "next-host-mismatch") == [
            (WARNING, False, {"spring", "autumn", "jiangsu", "anhui"})
        ]

    def test_a_decision_for_a_year_with_no_recorded_meeting_is_not_reported(self) -> None:
        m = yrd(meetings=[symposium(2024, "zhejiang", next_host="jiangsu", next_host_year=2025)])
        assert m.validate().findings == ()


class TestAttendees:
    CHE_JUN = tenure("zhejiang.party-secretary", "che-jun", "2017-04-26", "2020-09")

    def test_che_jun_at_the_2018_symposium_as_zhejiang_secretary_is_fine(self) -> None:
        x = symposium(2018, "shanghai", "2018-06-01", attendees=(Attendance("che-jun", "zhejiang.party-secretary"),))
        assert findings(yrd(tenures=[self.CHE_JUN], meetings=[x]), "attendee-not-in-office") == []

    def test_che_jun_at_the_2021_symposium_as_zhejiang_secretary_is_an_error(self) -> None:
        x = symposium(2021, "jiangsu", "2021-05-28", attendees=(Attendance("che-jun", "zhejiang.party-secretary"),))
        found = findings(yrd(tenures=[self.CHE_JUN], meetings=[x]), "attendee-not-in-office")
        assert found == [(ERROR, False, {x.id, "che-jun", "zhejiang.party-secretary"})]

    def test_a_meeting_in_the_month_he_left_may_have_been_after_he_left(self) -> None:
        x = symposium(2020, "zhejiang", "2020-09-15", attendees=(Attendance("che-jun", "zhejiang.party-secretary"),))
        found = findings(yrd(tenures=[self.CHE_JUN], meetings=[x]), "attendee-not-in-office")
        assert found == [(WARNING, True, {x.id, "che-jun", "zhejiang.party-secretary"})]

    def test_an_invited_guest_without_a_post_here_is_not_checked(self) -> None:
        x = symposium(2021, "jiangsu", attendees=(Attendance("he-lifeng", role="NDRC Director"),))
        assert findings(yrd(meetings=[x]), "attendee-not-in-office") == []


class TestPlans:
    def test_three_year_plans_back_to_back_are_clean(self) -> None:
        m = yrd(plans=[plan("tya.2018", 2018, 2020), plan("tya.2021", 2021, 2023), plan("tya.2024", 2024, 2026)])
        assert m.validate().findings == ()

    def test_two_plans_covering_2020_overlap(self) -> None:
        m = yrd(plans=[plan("tya.2018", 2018, 2020), plan("tya.2020", 2020, 2022)])
        assert findings(m, "plan-series-overlap") == [(ERROR, False, {"tya.2018", "tya.2020"})]

    def test_an_overlap_is_found_even_past_a_short_plan_between(self) -> None:
        m = yrd(plans=[plan("long", 2018, 2022), plan("short", 2019, 2019), plan("late", 2021, 2023)])
        assert sorted(sorted(f.ids) for f in m.validate().filter(code="plan-series-overlap")) == [
            ["late", "long"],
            ["long", "short"],
        ]

    def test_three_plans_crowding_the_same_years_are_one_finding_naming_them_all(self) -> None:
        m = yrd(plans=[plan("late", 2020, 2024), plan("long", 2018, 2022), plan("short", 2019, 2021)])
        (finding,) = m.validate().filter(code="plan-series-overlap")
        assert finding.ids == ("long", "short", "late")  # by first year
        assert finding.message == (
            "3 plans of series three-year-action (long, short, late) cover 2019-2022, two or more a year"
        )

    def test_two_overlaps_with_a_year_of_one_plan_between_are_two_findings(self) -> None:
        m = yrd(plans=[plan("tya.2018", 2018, 2020), plan("tya.2020", 2020, 2023), plan("tya.2023", 2023, 2025)])
        assert [f.message for f in m.validate().filter(code="plan-series-overlap")] == [
            "tya.2018 and tya.2020 of series three-year-action both cover 2020",
            "tya.2020 and tya.2023 of series three-year-action both cover 2023",
        ]

    def test_a_year_no_plan_covers_is_a_gap_warning(self) -> None:
        m = yrd(plans=[plan("tya.2018", 2018, 2020), plan("tya.2022", 2022, 2024)])
        assert findings(m, "plan-series-gap") == [(WARNING, False, {"tya.2018", "tya.2022"})]
        assert "2021" in m.validate().warnings[0].message

    def test_a_plan_without_a_last_year_covers_its_first_year_only(self) -> None:
        m = yrd(plans=[plan("work.2019", 2019, None, "annual-work"), plan("work.2020", 2020, None, "annual-work")])
        assert m.validate().findings == ()

    def test_plans_of_different_series_may_cover_the_same_years(self) -> None:
        m = yrd(plans=[plan("tya.2018", 2018, 2020), plan("work.2019", 2019, 2019, "annual-work")])
        assert m.validate().findings == ()


# Ids and sources ---------------------------------------------------------------------------------


class TestIds:
    def test_two_people_with_the_id_li_qiang(self) -> None:
        twin = Person(id="li-qiang", name_en="Li Qiang", sources=CITE)
        m = yrd(extra_people=[twin, attrs.evolve(twin, name_zh="李强")])
        (finding,) = m.validate().filter(code="duplicate-id")
        assert (finding.severity, finding.ids, finding.path) == (ERROR, ("li-qiang",), "$.people[1].id")

    def test_a_tenure_of_someone_who_is_not_there(self) -> None:
        t = tenure("anhui.governor", "nobody", "2020-01-01")
        m = attrs.evolve(yrd(tenures=[t]), people=())
        (finding,) = m.validate().filter(code="dangling-id")
        assert (finding.severity, finding.ids, finding.path) == (ERROR, (t.id, "nobody"), "$.tenures[0].person")
        assert "unknown person id 'nobody'" in finding.message

    def test_a_citation_of_a_source_that_is_not_there(self) -> None:
        x = Meeting(id="symposium.2018", body="symposium", date=D("2018"), sources=(Citation("seed-999"),))
        (finding,) = yrd(meetings=[x]).validate().filter(code="dangling-id")
        assert (finding.ids, finding.path) == (("symposium.2018", "seed-999"), "$.meetings[0].sources[0].source")

    def test_the_same_problems_make_a_file_malformed(self) -> None:
        t = tenure("anhui.governor", "nobody", "2020-01-01")
        m = attrs.evolve(yrd(tenures=[t]), people=())
        assert reference_problems(m) == [("$.tenures[0].person", "unknown person id 'nobody'")]

    def test_dangling_ids_do_not_make_other_rules_raise(self) -> None:
        x = Meeting(
            id="ghost-meeting",
            body="no-such-body",
            date=D("2019"),
            host="no-such-member",
            attendees=(Attendance("nobody", "no-such-post"),),
            next_host="nowhere",
            sources=CITE,
        )
        t = tenure("no-such-post", "nobody", None)
        report = yrd(meetings=[x], tenures=[t], rotation=attrs.evolve(POLICY, body="no-such-body")).validate()
        assert report.codes == {"dangling-id", "rotation-deviation"}  # the host is not the expected one either


class TestSources:
    def test_a_person_who_cites_no_source(self) -> None:
        m = yrd(extra_people=[Person(id="li-qiang", name_en="Li Qiang")])
        assert findings(m, "missing-source") == [(ERROR, False, {"li-qiang"})]

    def test_a_membership_change_that_cites_no_source_is_named_by_its_member(self) -> None:
        bare = MembershipChange(since=D("2008-09"), status=MembershipStatus.INVITED, event="invited")
        anhui = attrs.evolve(members()[3], history=(bare, ANHUI_HISTORY[1]))
        (finding,) = yrd(members=(*members()[:3], anhui)).validate().filter(code="missing-source")
        assert (finding.ids, finding.path) == (("anhui",), "$.members[3].history[0]")


# The report --------------------------------------------------------------------------------------


class TestReport:
    REPORT = ValidationReport(
        [
            Finding(
                "rotation-deviation", WARNING, "2020: the rotation expects zhejiang", ("symposium.2020", "jiangsu")
            ),
            Finding("tenure-overlap", ERROR, "two secretaries", ("a", "b")),
            Finding("tenure-overlap", WARNING, "possibly: two governors", ("c", "d"), possible=True),
        ]
    )

    def test_errors_come_first_and_make_it_not_ok(self) -> None:
        assert [f.severity for f in self.REPORT] == [ERROR, WARNING, WARNING]
        assert not self.REPORT.ok
        assert len(self.REPORT) == 3

    def test_warnings_alone_leave_it_ok(self) -> None:
        assert ValidationReport(self.REPORT.warnings).ok

    def test_filtering_by_code_severity_certainty_and_id(self) -> None:
        assert len(self.REPORT.filter(code="tenure-overlap")) == 2
        assert [f.ids for f in self.REPORT.filter(code="tenure-overlap", severity=WARNING)] == [("c", "d")]
        assert [f.ids for f in self.REPORT.filter(possible=False, severity=WARNING)] == [("symposium.2020", "jiangsu")]
        assert [f.code for f in self.REPORT.filter(involving="jiangsu")] == ["rotation-deviation"]
        assert self.REPORT.codes == {"rotation-deviation", "tenure-overlap"}

    def test_it_reads_as_one_line_per_finding(self) -> None:
        assert str(self.REPORT).splitlines() == [
            "invalid: 1 error, 2 warnings",
            "  error [tenure-overlap] two secretaries",
            "  warning [rotation-deviation] 2020: the rotation expects zhejiang",
            "  warning (possible) [tenure-overlap] possibly: two governors",
        ]


def test_the_packaged_dataset_validates_with_no_errors() -> None:
    report = yrdmodel.load().validate()
    assert report.errors == (), str(report)


# Properties --------------------------------------------------------------------------------------


@given(yst.mechanisms())
def test_every_generated_valid_mechanism_validates_clean(m: Mechanism) -> None:
    assert m.validate().findings == ()


@pytest.mark.parametrize("code", yst.injectable_codes())
@given(data=st.data())
def test_every_injected_inconsistency_is_found_with_its_code_and_ids(code: str, data: st.DataObject) -> None:
    broken = data.draw(yst.inconsistent_mechanisms(code))
    report = broken.mechanism.validate()
    assert [(f.code, set(f.ids)) for f in report] == [(code, set(broken.ids))], broken.description


def share_a_day(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two closed ranges of days (either may be empty) have a day in common, trying every end."""
    return any(a[0] <= day <= a[1] and b[0] <= day <= b[1] for day in (*a, *b))


def brute_force_overlaps(m: Mechanism, tenures: list[Tenure]) -> set[tuple[frozenset[str], Truth]]:
    """Every pair of tenures whose settled spans certainly or possibly share a day, looked at pair by pair."""
    found = set()
    for a, b in itertools.combinations([t for t in tenures if not t.overlap_allowed], 2):
        sa, sb = m.span(a), m.span(b)
        if share_a_day((sa.certain_from, sa.certain_until - 1), (sb.certain_from, sb.certain_until - 1)):
            found.add((frozenset({a.id, b.id}), Truth.YES))
        elif share_a_day((sa.possible_from, sa.possible_until - 1), (sb.possible_from, sb.possible_until - 1)):
            found.add((frozenset({a.id, b.id}), Truth.MAYBE))
    return found


def narrow_tenures() -> st.SearchStrategy[list[Tenure]]:
    """Tenures of one post inside a few years, so that they often meet; some marked as allowed overlaps."""
    one = st.builds(
        lambda span, allowed, attested: (span, allowed, attested),
        yst.spans(2018, 2021),
        st.sampled_from([False, False, False, True]),
        st.lists(yst.partial_dates(2017, 2022, [yrdmodel.Precision.DAY]), max_size=1),
    )
    return st.lists(one, max_size=7).map(
        lambda rows: [
            Tenure(
                post="anhui.governor",
                person=f"holder-{i}",
                start=None if (i == 0 and attested) else start,
                end=end,
                attested=tuple(attested),
                overlap_allowed=allowed,
                sources=CITE,
            )
            for i, ((start, end), allowed, attested) in enumerate(rows)
        ]
    )


@given(narrow_tenures())
def test_the_overlap_rule_equals_a_brute_force_pairwise_check(tenures: list[Tenure]) -> None:
    m = yrd(tenures=tenures)
    report = m.validate().filter(code="tenure-overlap")
    pairs = brute_force_overlaps(m, tenures)
    listed = {(frozenset(p), f.possible) for f in report for p in itertools.combinations(f.ids, 2)}
    for pair, truth in pairs:  # every overlapping pair is in a finding, a certain one in a certain finding
        assert (pair, False) in listed or (truth is Truth.MAYBE and (pair, True) in listed)
    met = {pair for pair, _ in pairs}
    for f in report:  # and every tenure a finding lists meets another one it lists
        assert all(any(frozenset({i, j}) in met for j in f.ids if j != i) for i in f.ids)
    assert bool(report.findings) == bool(pairs)
    for a, b in itertools.combinations(tenures, 2):
        assert overlap(a, b) is overlap(b, a)


@given(narrow_tenures(), st.integers(2, 3))
def test_the_seat_rule_equals_a_day_by_day_count(tenures: list[Tenure], seats: int) -> None:
    post = Post(id="anhui.governor", name_en="Governor of Anhui", member="anhui", seats=seats, sources=CITE)
    m = yrd(tenures=tenures, posts=(post,))
    report = m.validate().filter(code="tenure-overlap")
    spans = [m.span(t) for t in tenures if not t.overlap_allowed]
    counted = [(s.certain_from, s.certain_until - 1, s.possible_from, s.possible_until - 1) for s in spans]
    days = {b[i] for b in counted for i in range(4)}
    certain = any(sum(b[0] <= d <= b[1] for b in counted) > seats for d in days)
    possible = any(sum(b[2] <= d <= b[3] for b in counted) > seats for d in days)
    assert bool(report.filter(possible=False).findings) == certain
    assert bool(report.findings) == possible
    for f in report:
        assert len(f.ids) > seats


def with_ids(records: st.SearchStrategy[T], **fields: st.SearchStrategy[Any]) -> st.SearchStrategy[tuple[T, ...]]:
    """Records whose id fields are replaced by ids from a tiny pool, so that they collide and dangle."""
    return st.lists(st.builds(lambda r, **kw: attrs.evolve(r, **kw), records, **fields), max_size=2).map(tuple)


def chaotic_mechanisms() -> st.SearchStrategy[Mechanism]:
    """Well-typed mechanisms whose records refer to each other at random: most rules have something to say."""
    ids = st.sampled_from(["a", "b", "c"])
    return st.builds(
        Mechanism,
        name_en=st.just("chaos"),
        sources=with_ids(yst.sources(), id=ids),
        members=with_ids(yst.members(), id=ids),
        all_bodies=with_ids(yst.bodies(), id=ids, parent=ids),
        posts=with_ids(yst.posts(), id=ids, member=ids, incompatible_with=st.tuples(ids)),
        people=with_ids(yst.people(), id=ids),
        tenures=with_ids(yst.tenures(), post=ids, person=ids),
        meetings=with_ids(yst.meetings(), id=ids, body=ids, host=ids, next_host=ids),
        plans=with_ids(yst.plans(), id=ids, series=ids),
        rotation=st.none() | yst.rotation_policies(["a", "b", "c"], "a"),
    )


@given(chaotic_mechanisms())
def test_validation_never_raises_on_inconsistent_data(m: Mechanism) -> None:
    report = m.validate()
    assert set(report.codes) <= set(CODES)
    for f in report:
        assert f.severity is WARNING or not f.possible
        assert f.ids
        assert all(isinstance(i, str) for i in f.ids)


# The fast paths of the rules against brute force -----------------------------------------------------

ranges = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=80)


def crowded_by_day(bounds: list[tuple[int, int]], seats: int) -> list[tuple[int, int, list[int]]]:
    """The stretches of days more than ``seats`` of the half-open ranges cover, day by day, with the ranges in each."""
    days = range(min((lo for lo, _ in bounds), default=0), max((hi for _, hi in bounds), default=0))
    crowded = [d for d in days if sum(lo <= d < hi for lo, hi in bounds) > seats]
    stretches: list[list[int]] = []
    for day in crowded:
        if stretches and stretches[-1][1] == day:
            stretches[-1][1] = day + 1
        else:
            stretches.append([day, day + 1])
    return [(a, b, [i for i, (lo, hi) in enumerate(bounds) if lo < b and hi > a and lo < hi]) for a, b in stretches]


@given(ranges, st.integers(1, 3))
def test_crowded_stretches_with_or_without_numpy_equal_a_day_by_day_count(
    bounds: list[tuple[int, int]], seats: int
) -> None:
    from yrdmodel.validation.rules import _stretches_numpy, _stretches_plain

    lo, hi = [a for a, _ in bounds], [b for _, b in bounds]
    expected = crowded_by_day(bounds, seats)
    assert _stretches_plain(lo, hi, seats) == expected
    assert _stretches_numpy(lo, hi, seats) == expected


VECTOR = pytest.mark.parametrize("vector", [10**9, 0], ids=["plain", "numpy"])
"""From how many values on the rules use numpy: never (their plain Python paths), or always."""


@contextlib.contextmanager
def numpy_from(size: int) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("yrdmodel.validation.rules._VECTOR", size)
        yield


plans_in_series = st.lists(
    st.tuples(st.integers(2000, 2012), st.integers(0, 4) | st.none(), st.sampled_from(["a", "a", "b"])),
    max_size=12,
).map(lambda rows: [plan(f"p{i}", first, None if n is None else first + n, s) for i, (first, n, s) in enumerate(rows)])


@VECTOR
@given(plans=plans_in_series)
def test_plan_overlaps_and_gaps_equal_a_year_by_year_look(vector: int, plans: list[Plan]) -> None:
    with numpy_from(vector):
        report = yrd(plans=plans).validate()
    overlaps, gaps = report.filter(code="plan-series-overlap"), report.filter(code="plan-series-gap")
    years = {p.id: set(range(p.first_year or 0, (p.last_year or p.first_year or 0) + 1)) for p in plans}
    pairs = {frozenset({a.id, b.id}) for a, b in itertools.combinations(plans, 2) if a.series == b.series}
    meeting = {pair for pair in pairs if set.intersection(*(years[i] for i in pair))}
    for pair in meeting:  # each pair that shares a year is named in one finding
        assert any(pair <= set(f.ids) for f in overlaps)
    assert {i for f in overlaps for i in f.ids} == {i for pair in meeting for i in pair}
    for series in ("a", "b"):  # one finding per stretch of years that two plans or more cover
        of = [p for p in plans if p.series == series]
        stretches = crowded_by_day([(p.first_year or 0, max(years[p.id]) + 1) for p in of], 1)
        assert len([f for f in overlaps if f.ids[0] in {p.id for p in of}]) == len(stretches)
        covered = set().union(*(years[p.id] for p in of))
        holes = [
            y for y in range(2000, 2017) if y not in covered and min(covered, default=0) < y < max(covered, default=0)
        ]
        assert len([f for f in gaps if f.ids[0] in {p.id for p in of}]) == len([y for y in holes if y - 1 not in holes])


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["zhejiang.party-secretary", "zhejiang.governor", "jiangsu.governor"]),
            st.sampled_from(["che-jun", "li-qiang"]),
            yst.spans(2018, 2021),
        ),
        max_size=8,
    )
)
def test_incompatible_posts_equal_a_brute_force_pairwise_check(
    rows: list[tuple[str, str, tuple[PartialDate, PartialDate | None]]],
) -> None:
    tenures = list(
        {
            (post, person, start): tenure(post, person, str(start), None if end is None else str(end))
            for post, person, (start, end) in rows
        }.values()
    )
    m = yrd(tenures=tenures)
    clash = {frozenset({"zhejiang.party-secretary", "zhejiang.governor"})}
    expected = []
    for (i, a), (j, b) in itertools.combinations(enumerate(tenures), 2):
        if a.person == b.person and frozenset({a.post, b.post}) in clash:
            sa, sb = m.span(a), m.span(b)
            if share_a_day((sa.certain_from, sa.certain_until - 1), (sb.certain_from, sb.certain_until - 1)):
                expected.append((a.person, i, j, False))
            elif share_a_day((sa.possible_from, sa.possible_until - 1), (sb.possible_from, sb.possible_until - 1)):
                expected.append((a.person, i, j, True))
    first_of = {t.person: k for k, t in reversed(list(enumerate(tenures)))}
    expected.sort(key=lambda e: (first_of[e[0]], e[1], e[2]))  # by person (first tenure), then pairs in data order
    found = RULES["incompatible-posts"](m)  # in the rule's order (a report sorts its findings)
    assert [(f.ids, f.possible) for f in found] == [((tenures[i].id, tenures[j].id), p) for _, i, j, p in expected]


@VECTOR
@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(0, 40), st.integers(0, 40)), max_size=8),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 4), st.integers(0, 4)), max_size=70),
)
def test_attendance_checks_with_or_without_numpy_equal_one_tenure_at_a_time(
    vector: int, rows: list[tuple[int, int, int, int]], days: list[tuple[int, int, int]]
) -> None:
    from types import SimpleNamespace

    from yrdmodel import Span
    from yrdmodel.validation.rules import _held_at, _Spans

    spans = [Span(*sorted(row)[1:3], *sorted(row)[0:4:3]) for row in rows]  # certain inside possible
    meetings: Any = [
        SimpleNamespace(
            date=SimpleNamespace(lo=lo, hi=lo + width),
            end_date=SimpleNamespace(hi=lo + width + length) if length else None,
            last_date=SimpleNamespace(hi=lo + width + length),
        )
        for lo, width, length in days
    ]
    columns = [
        [getattr(s, name) for s in spans]
        for name in ("certain_from", "certain_until", "possible_from", "possible_until")
    ]
    expected = []
    for k, x in enumerate(meetings):
        truth = Truth.NO
        for span in spans:
            truth = truth | _held_at(span, x)
        if truth is not Truth.YES:
            expected.append((k, truth))
    with numpy_from(vector):
        assert (_Spans(*columns).not_held(meetings) if spans else expected) == expected


@given(st.lists(yst.partial_dates(2019, 2020), max_size=12), st.randoms(use_true_random=False))
def test_meetings_sort_by_date_coarser_first_then_id(dates: list[PartialDate], random: Any) -> None:
    from yrdmodel.validation.rules import _by_date

    meetings = [Meeting(id=f"m{random.randint(0, 3)}", body="symposium", date=d, sources=CITE) for d in dates]
    assert _by_date(meetings) == sorted(meetings, key=lambda x: (x.date.sort_key, x.id))


def brute_force_next_hosts(meetings: list[Meeting]) -> list[tuple[str, str]]:
    """``(deciding, hosting)`` meeting ids of each decided host that did not host, by body, then in date order."""
    found = []
    for body in dict.fromkeys(x.body for x in meetings):
        ordered = sorted((x for x in meetings if x.body == body), key=lambda x: (x.date.sort_key, x.id))
        for i, x in enumerate(ordered):
            if x.next_host is None:
                continue
            if x.next_host_year is None:
                hosting = [y for y in ordered[i + 1 : i + 2] if y.host is not None]
            else:
                hosting = [y for y in ordered if y is not x and y.host is not None and y.year == x.next_host_year]
            if hosting and all(y.host != x.next_host for y in hosting):
                found.append((x.id, hosting[0].id))
    return found


@VECTOR
@given(
    st.lists(
        st.tuples(
            yst.partial_dates(2019, 2020),
            st.sampled_from(["symposium", "symposium", "high-level-forum"]),
            st.none() | st.sampled_from(ROTATION),
            st.none() | st.sampled_from(ROTATION),
            st.none() | st.integers(2019, 2020) | st.just(10**400),
        ),
        max_size=12,
    )
)
def test_next_host_mismatches_with_or_without_numpy_equal_a_brute_force_look(
    vector: int, rows: list[tuple[PartialDate, str, str | None, str | None, int | None]]
) -> None:
    meetings = [
        Meeting(id=f"x{i}", body=body, date=date, host=host, next_host=next_host, next_host_year=year, sources=CITE)
        for i, (date, body, host, next_host, year) in enumerate(rows)
    ]
    with numpy_from(vector):
        found = list(RULES["next-host-mismatch"](yrd(meetings=meetings)))
    assert [f.ids[:2] for f in found] == brute_force_next_hosts(meetings)
