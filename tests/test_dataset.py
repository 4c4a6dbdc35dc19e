"""The packaged YRD dataset, checked against the seed texts and the curated fact table.

One class per kind of record, in the words of the sources: who hosted, who presided, who held
which post when. The seeds are ``shared/seeds/000`` ... ``004``; each test says which one it
follows where a single seed is the ground for it.
"""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

import yrdmodel
from yrdmodel import (
    BodyKind,
    Confidence,
    Mechanism,
    MemberKind,
    MembershipStatus,
    PartialDate,
    PlanKind,
    PlanStage,
    Precision,
    Severity,
    SourceKind,
    Tier,
    Truth,
)
from yrdmodel.model.sources import confidence_allowed
from yrdmodel.model.walk import iter_records

MAIN_LEADER_POSTS = (
    "shanghai.party-secretary",
    "shanghai.mayor",
    "jiangsu.party-secretary",
    "jiangsu.governor",
    "zhejiang.party-secretary",
    "zhejiang.governor",
    "anhui.party-secretary",
    "anhui.governor",
)

HOSTS = {
    2018: ("shanghai", "Shanghai"),
    2019: ("anhui", "Wuhu"),
    2020: ("zhejiang", "Huzhou"),
    2021: ("jiangsu", "Wuxi"),
    2022: ("shanghai", "Shanghai"),
    2023: ("anhui", "Hefei"),
    2024: ("zhejiang", "Wenzhou"),
    2025: ("jiangsu", "Nanjing"),
}


@pytest.fixture(scope="module")
def m() -> Mechanism:
    return yrdmodel.load()


def _posts_held(m: Mechanism, person: str) -> list[str]:
    """The posts a person held, in the order the tenures start."""
    tenures = [t for t in m.tenures if t.person == person]
    return [t.post for t in sorted(tenures, key=lambda t: t.start.lo if t.start else 0)]


class TestMembers:
    def test_three_provinces_and_one_city(self, m: Mechanism) -> None:
        assert [x.id for x in m.members] == ["shanghai", "jiangsu", "zhejiang", "anhui"]
        assert [x.name_zh for x in m.members] == ["上海", "江苏", "浙江", "安徽"]

    def test_shanghai_is_a_municipality_headed_by_a_mayor(self, m: Mechanism) -> None:
        shanghai = m.member("shanghai")
        assert shanghai.kind is MemberKind.MUNICIPALITY
        assert shanghai.head_of_government == "Mayor"

    @pytest.mark.parametrize("member", ["jiangsu", "zhejiang", "anhui"])
    def test_the_three_provinces_are_headed_by_governors(self, m: Mechanism, member: str) -> None:
        assert m.member(member).kind is MemberKind.PROVINCE
        assert m.member(member).head_of_government == "Governor"

    def test_seed_001_gives_hefei_as_the_capital_of_anhui(self, m: Mechanism) -> None:
        assert m.member("anhui").capital == "Hefei"
        assert m.member("shanghai").capital is None

    @pytest.mark.parametrize("member", ["shanghai", "jiangsu", "zhejiang"])
    def test_the_founders_are_members_throughout(self, m: Mechanism, member: str) -> None:
        # The 2004 launch rests on secondary copies alone (low): no history is recorded, so a member throughout.
        assert m.member(member).history == ()
        assert m.member(member).is_member("2009-11-27") is Truth.YES

    def test_anhuis_leaders_took_part_in_the_2009_suzhou_symposium(self, m: Mechanism) -> None:
        anhui = m.member("anhui")
        assert [(str(c.since), c.status) for c in anhui.history] == [("2009-11-27", MembershipStatus.FULL)]
        assert anhui.is_member("2009-11-27") is Truth.YES
        assert anhui.is_member("2009-11-26") is Truth.NO
        assert anhui.is_member("2014-12-02") is Truth.YES
        assert {a.post for a in m.symposium(2009).attendees} >= {"anhui.party-secretary", "anhui.governor"}

    @pytest.mark.parametrize(
        ("member", "qid"), [("shanghai", "Q8686"), ("jiangsu", "Q16963"), ("zhejiang", "Q16967"), ("anhui", "Q40956")]
    )
    def test_each_member_has_its_wikidata_qid_from_a_cited_mirror(self, m: Mechanism, member: str, qid: str) -> None:
        record = m.member(member)
        assert [(i.scheme, i.value) for i in record.identifiers] == [("wikidata", qid)]
        assert any(c.note and qid in c.note for c in record.sources)


class TestBodies:
    def test_up_down_linkage_three_tier_operation(self, m: Mechanism) -> None:
        assert [b.id for b in m.bodies(Tier.DECISION)] == ["symposium"]
        assert [b.id for b in m.bodies(Tier.COORDINATION)] == ["joint-meeting"]
        execution = {b.id for b in m.bodies(Tier.EXECUTION)}
        assert {"joint-meeting-office", "cooperation-office", "thematic-groups"} <= execution

    def test_the_execution_tier_is_itself_a_sandwich_of_three_parts(self, m: Mechanism) -> None:
        # Seed 004: the joint office of the DRCs, the thematic groups and the Regional Cooperation Office.
        assert {b.id for b in m.children("joint-meeting")} == {
            "joint-meeting-office",
            "cooperation-office",
            "thematic-groups",
        }
        assert m.body("joint-meeting").parent == "symposium"

    def test_the_regional_cooperation_office_was_founded_in_shanghai_in_early_2018(self, m: Mechanism) -> None:
        office = m.body("cooperation-office")
        assert office.name_zh == "长三角区域合作办公室"
        assert office.tier is Tier.EXECUTION
        assert office.kind is BodyKind.OFFICE
        assert office.founded is not None
        assert office.founded.year == 2018
        assert office.founded.precision is Precision.MONTH
        assert office.seat == "Shanghai"

    def test_fifteen_thematic_groups_by_seed_004(self, m: Mechanism) -> None:
        # The 2016 count of twelve rests on copies of office notices alone (low) and is left out.
        counts = {str(c.as_of): c.value for c in m.body("thematic-groups").counts}
        assert counts == {"2024-04-13": 15}

    @pytest.mark.parametrize("group", ["industry", "science-technology", "energy", "environment"])
    def test_seed_004_names_these_thematic_groups(self, m: Mechanism, group: str) -> None:
        body = m.body(f"group.{group}")
        assert (body.parent, body.tier, body.kind) == ("thematic-groups", Tier.EXECUTION, BodyKind.GROUP)

    def test_the_2014_joint_meeting_approved_food_safety_and_renamed_industrial_transfer(self, m: Mechanism) -> None:
        assert m.body("group.food-safety").founded == PartialDate.parse("2014-09-25")
        assert m.body("group.industrial-transfer").dissolved == PartialDate.parse("2014")
        assert m.body("group.industry").founded == PartialDate.parse("2014")

    def test_the_groups_on_record_are_those_a_seed_or_an_identified_notice_names(self, m: Mechanism) -> None:
        groups = {b.id: b.confidence for b in m.children("thematic-groups")}
        assert groups == {
            "group.energy": Confidence.HIGH,
            "group.science-technology": Confidence.HIGH,
            "group.environment": Confidence.HIGH,
            "group.industry": Confidence.HIGH,
            "group.food-safety": Confidence.MEDIUM,
            "group.foreign-services": Confidence.MEDIUM,
            "group.industrial-transfer": Confidence.MEDIUM,
        }

    def test_the_wuxi_forum_opened_four_industrial_chain_alliances(self, m: Mechanism) -> None:
        # Seed 000: integrated circuit, biomedicine, artificial intelligence and new energy vehicle.
        opened = [b.id for b in m.bodies(kind=BodyKind.ALLIANCE) if b.founded == PartialDate.parse("2021-05-27")]
        assert opened == [
            "alliance.integrated-circuit",
            "alliance.biomedicine",
            "alliance.artificial-intelligence",
            "alliance.new-energy-vehicle",
        ]

    def test_the_wuxi_forum_opened_the_innovation_community_office_and_two_zone_companies(self, m: Mechanism) -> None:
        assert m.body("st-innovation-community-office").founded == PartialDate.parse("2021-05-27")
        companies = m.children("demonstration-zone")
        assert [b.kind for b in companies] == [BodyKind.COMPANY, BodyKind.COMPANY]

    def test_the_national_technology_innovation_center_was_unveiled_in_june_2021(self, m: Mechanism) -> None:
        center = m.body("national-technology-innovation-center")
        assert center.founded == PartialDate.parse("2021-06")
        assert center.seat == "Zhangjiang Science City, Shanghai"

    @pytest.mark.parametrize(
        "body",
        [
            "high-level-forum",
            "g60-corridor",
            "demonstration-zone",
            "central-leading-group",
            "shanghai-nanjing-industrial-innovation-belt",
        ],
    )
    def test_related_bodies_stand_outside_the_three_tiers(self, m: Mechanism, body: str) -> None:
        assert m.body(body).tier is None


class TestPosts:
    def test_eight_main_leaders(self, m: Mechanism) -> None:
        assert tuple(p.id for p in m.main_leader_posts()) == MAIN_LEADER_POSTS
        assert all(p.seats == 1 for p in m.main_leader_posts())

    @pytest.mark.parametrize("post_id", MAIN_LEADER_POSTS)
    def test_no_one_leads_two_members_at_once(self, m: Mechanism, post_id: str) -> None:
        post = m.post(post_id)
        others = {p for p in MAIN_LEADER_POSTS if not p.startswith(f"{post.member}.")}
        assert set(post.incompatible_with) == others

    def test_a_members_own_secretary_and_governor_may_be_one_person_in_a_handover(self, m: Mechanism) -> None:
        assert "zhejiang.governor" not in m.post("zhejiang.party-secretary").incompatible_with

    def test_the_cooperation_office_posts_belong_to_the_office(self, m: Mechanism) -> None:
        for post_id in ("director", "executive-deputy-director", "deputy-director"):
            post = m.post(f"cooperation-office.{post_id}")
            assert (post.body, post.member, post.main_leader) == ("cooperation-office", None, False)


class TestPeople:
    def test_seed_003_spells_wu_zhenglong_wu_zhengrong(self, m: Mechanism) -> None:
        assert m.person("Wu Zhengrong").id == "wu-zhenglong"
        assert m.person("吴政隆").name_en == "Wu Zhenglong"

    def test_web_copies_render_xin_changxing_as_nobunaga_xing(self, m: Mechanism) -> None:
        assert m.person("Nobunaga Xing").name_zh == "信长星"

    @pytest.mark.parametrize(
        ("name_zh", "person_id"),
        [
            ("李强", "li-qiang"),
            ("龚正", "gong-zheng"),
            ("许昆林", "xu-kunlin"),
            ("王清宪", "wang-qingxian"),
            ("阮青", "ruan-qing"),
        ],
    )
    def test_chinese_names(self, m: Mechanism, name_zh: str, person_id: str) -> None:
        assert m.person(name_zh).id == person_id

    def test_seed_000_names_li_meng_deputy_minister_of_science_and_technology(self, m: Mechanism) -> None:
        forum = m.meeting("high-level-forum.3")
        attendance = next(a for a in forum.attendees if a.person == "li-meng")
        assert (attendance.post, attendance.role) == (None, "Deputy Minister of Science and Technology")
        assert [c.source for c in m.person("li-meng").sources] == ["seed-000"]

    def test_an_english_wikipedia_page_cited_for_a_person_is_an_identifier(self, m: Mechanism) -> None:
        li_guoying = m.person("li-guoying")
        assert [(i.scheme, i.value) for i in li_guoying.identifiers] == [("wikipedia-en", "Li_Guoying")]
        assert "wikipedia-en-li-guoying" in {c.source for c in li_guoying.sources}

    def test_a_persons_sources_put_the_seeds_first_and_number_at_most_four(self, m: Mechanism) -> None:
        for person in m.people:
            kinds = [m.source(c.source).kind for c in person.sources]
            assert 1 <= len(kinds) <= 4, person.id
            seeds = [k is SourceKind.SEED for k in kinds]
            assert seeds == sorted(seeds, reverse=True), person.id


class TestTenures:
    def test_li_qiang_is_one_person_across_three_posts(self, m: Mechanism) -> None:
        assert _posts_held(m, "li-qiang") == [
            "zhejiang.governor",
            "jiangsu.party-secretary",
            "shanghai.party-secretary",
        ]

    def test_li_qiang_moved_from_zhejiang_to_jiangsu_to_shanghai_without_overlap(self, m: Mechanism) -> None:
        spans = [(str(t.start), str(t.end)) for t in m.tenures_of("li-qiang")]
        assert spans == [
            ("2012-12-21", "2016-06-30"),
            ("2016-06-30", "2017-10-29"),
            ("2017-10-29", "2022-10-28"),
        ]

    def test_wu_zhenglong_was_governor_then_secretary_of_jiangsu(self, m: Mechanism) -> None:
        assert _posts_held(m, "wu-zhenglong") == ["jiangsu.governor", "jiangsu.party-secretary"]

    @pytest.mark.parametrize(
        ("post", "day", "person"),
        [
            ("zhejiang.party-secretary", "2018-06-01", "che-jun"),
            ("shanghai.mayor", "2018-06-01", "ying-yong"),
            ("jiangsu.governor", "2021-10-19", "xu-kunlin"),
            ("anhui.governor", "2021-02-01", "wang-qingxian"),
            ("anhui.party-secretary", "2014-12-02", "zhang-baoshun"),
            ("cooperation-office.director", "2024-07-25", "gu-jun"),
        ],
    )
    def test_holder_on_a_day(self, m: Mechanism, post: str, day: str, person: str) -> None:
        holder = m.holder(post, on=day)
        assert holder is not None
        assert holder.id == person

    def test_the_end_is_the_first_day_out_of_office(self, m: Mechanism) -> None:
        holder = m.holder("jiangsu.governor", on=datetime.date(2021, 10, 18))
        assert holder is not None
        assert holder.id == "wu-zhenglong"

    def test_zheng_shanjie_was_elected_governor_of_zhejiang_on_2020_09_29(self, m: Mechanism) -> None:
        # Corrected in December 2026: the cited ETtoday report says the 29th of September 2020, not 2021-01-29.
        tenure = next(t for t in m.tenures_of("zheng-shanjie") if t.post == "zhejiang.governor")
        assert (str(tenure.start), str(tenure.confirmed), tenure.acting) == ("2020-09-04", "2020-09-29", True)

    def test_li_xueyong_governed_jiangsu_from_december_2010_to_december_2015(self, m: Mechanism) -> None:
        tenure = next(t for t in m.tenures_of("li-xueyong"))
        assert (str(tenure.start), str(tenure.confirmed), str(tenure.end)) == ("2010-12-07", "2011-02-14", "2015-12-04")
        assert m.holder("jiangsu.governor", on="2015-12-04") == m.person("shi-taifeng")

    def test_wang_xuejun_was_elected_governor_of_anhui_on_2013_06_20(self, m: Mechanism) -> None:
        tenure = next(t for t in m.tenures_of("wang-xuejun") if t.post == "anhui.governor")
        assert (str(tenure.start), str(tenure.confirmed), str(tenure.end)) == ("2013", "2013-06-20", "2015-06")
        assert m.holder("anhui.governor", on="2018-06-01") == m.person("li-guoying")

    def test_zhang_baoshun_became_anhui_secretary_on_2010_05_31_replacing_wang_jinshan(self, m: Mechanism) -> None:
        assert m.holder("anhui.party-secretary", on="2010-05-30") == m.person("wang-jinshan")
        assert m.holder("anhui.party-secretary", on="2010-05-31") == m.person("张宝顺")

    def test_zhejiang_had_no_party_secretary_between_zhao_hongzhu_and_xia_baolong(self, m: Mechanism) -> None:
        assert m.holder("zhejiang.party-secretary", on="2012-11-20") == m.person("zhao-hongzhu")
        assert m.holder("zhejiang.party-secretary", on="2012-12-01") is None
        assert m.holder("zhejiang.party-secretary", on="2012-12-18") == m.person("xia-baolong")

    def test_han_zheng_was_mayor_and_secretary_of_shanghai_at_the_end_of_2012(self, m: Mechanism) -> None:
        leaders = m.leaders(on="2012-12-25")
        assert leaders["shanghai.party-secretary"] == leaders["shanghai.mayor"] == m.person("韩正")
        assert m.holder("shanghai.mayor", on="2012-12-26") == m.person("yang-xiong")

    @pytest.mark.parametrize(
        ("name_zh", "person_id"),
        [
            ("张宝顺", "zhang-baoshun"),
            ("李学勇", "li-xueyong"),
            ("俞正声", "yu-zhengsheng"),
            ("吕祖善", "lu-zushan"),
            ("李斌", "li-bin"),
        ],
    )
    def test_the_leaders_of_2007_2013_are_found_by_their_chinese_names(
        self, m: Mechanism, name_zh: str, person_id: str
    ) -> None:
        assert m.person(name_zh).id == person_id

    def test_every_main_leader_tenure_since_2007_has_a_start_and_an_end_or_an_attestation(self, m: Mechanism) -> None:
        for t in m.tenures:
            if t.post in MAIN_LEADER_POSTS:
                assert t.start is not None, t.id
                assert t.end is not None or t.attested, t.id

    def test_wang_hao_held_zhejiangs_two_posts_during_the_handover(self, m: Mechanism) -> None:
        leaders = m.leaders(on="2024-11-15")
        assert leaders["zhejiang.party-secretary"] == leaders["zhejiang.governor"] == m.person("wang-hao")

    def test_a_month_stays_a_month(self, m: Mechanism) -> None:
        che_jun = next(t for t in m.tenures if t.person == "che-jun" and t.post == "zhejiang.party-secretary")
        assert che_jun.end == PartialDate.parse("2020-09")
        truths = {t.person: truth for truth, t in m.holders_with_truth("zhejiang.party-secretary", "2020-09-15")}
        assert truths == {"che-jun": Truth.MAYBE, "yuan-jiajun": Truth.MAYBE}

    def test_acting_starts_and_confirmations(self, m: Mechanism) -> None:
        gong = next(t for t in m.tenures if t.person == "gong-zheng")
        assert (gong.acting, str(gong.start), str(gong.confirmed)) == (True, "2020-03-23", "2020-07-21")
        ying = next(t for t in m.tenures if t.person == "ying-yong")
        assert ying.acting is False

    @pytest.mark.parametrize(
        "person",
        ["chen-jining", "gong-zheng", "xin-changxing", "wang-hao", "liu-jie", "liang-yanshun", "wang-qingxian"],
    )
    def test_incumbents_are_attested_at_the_june_2025_symposium(self, m: Mechanism, person: str) -> None:
        open_ended = [t for t in m.tenures_of(person) if t.end is None and t.post in MAIN_LEADER_POSTS]
        assert [PartialDate.parse("2025-06-06") in t.attested for t in open_ended] == [True]

    def test_liu_xiaotao_is_acting_governor_of_jiangsu_from_2025_10_09(self, m: Mechanism) -> None:
        holder = m.holder("jiangsu.governor", on="2025-10-09")
        assert holder is not None
        assert holder.id == "liu-xiaotao"


class TestSymposia:
    def test_the_symposia_on_record(self, m: Mechanism) -> None:
        # 2005 and 2014 rest on secondary copies alone (low), 2011 on a forum repost: left out.
        assert [s.year for s in m.symposia] == [2009, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]

    def test_the_2009_symposium_was_held_in_suzhou_on_2009_11_27_with_all_eight_leaders(self, m: Mechanism) -> None:
        symposium = m.symposium(2009)
        assert (str(symposium.date), symposium.host, symposium.city) == ("2009-11-27", "jiangsu", "Suzhou")
        attending = {a.post: a.person for a in symposium.attendees}
        assert attending == {
            "shanghai.party-secretary": "yu-zhengsheng",
            "shanghai.mayor": "han-zheng",
            "jiangsu.party-secretary": "liang-baohua",
            "jiangsu.governor": "luo-zhijun",
            "zhejiang.party-secretary": "zhao-hongzhu",
            "zhejiang.governor": "lu-zushan",
            "anhui.party-secretary": "wang-jinshan",
            "anhui.governor": "wang-sanyun",
        }
        assert symposium.confidence is Confidence.MEDIUM

    def test_the_2023_symposium_was_hosted_by_anhui_in_hefei_at_medium_confidence(self, m: Mechanism) -> None:
        # Secondary copies only, but hfiti-2023-06 is an identified copy of a Xinhua report
        # (title, publisher and date recorded): medium by the weak-support rule, no higher.
        symposium = m.symposium(2023)
        assert (str(symposium.date), symposium.host, symposium.city) == ("2023-06-05", "anhui", "Hefei")
        assert str(symposium.end_date) == "2023-06-06"
        assert symposium.confidence is Confidence.MEDIUM
        cited = [m.source(c.source) for c in symposium.sources]
        assert {s.kind for s in cited} == {SourceKind.SECONDARY}
        assert confidence_allowed(cited) is Confidence.MEDIUM
        xinhua = m.source("hfiti-2023-06")
        assert (xinhua.publisher, str(xinhua.published)) == ("Xinhua (copied by hfiti.cn)", "2023-06")
        assert len(symposium.attendees) == 8
        assert symposium.plans_adopted == ()

    def test_xis_central_symposia_are_not_main_leaders_symposia(self, m: Mechanism) -> None:
        central = [(str(x.date), x.city) for x in m.meetings if x.body == "central-symposium"]
        assert central == [("2020-08-20", "Hefei"), ("2023-11-30", "Shanghai")]
        assert m.body("central-symposium").tier is None
        assert all(s.body == "symposium" for s in m.symposia)
        chair = next(a for a in m.meeting("central-symposium.2023").attendees if a.note == "Chaired.")
        assert m.person(chair.person).name_zh == "习近平"

    @pytest.mark.parametrize(("year", "host_and_city"), HOSTS.items())
    def test_hosts_and_cities(self, m: Mechanism, year: int, host_and_city: tuple[str, str]) -> None:
        symposium = m.symposium(year)
        assert (symposium.host, symposium.city) == host_and_city

    def test_the_2018_symposium_was_held_in_shanghai_on_2018_06_01(self, m: Mechanism) -> None:
        # Seed 003: results press conference on the afternoon of June 1, presided over by Ying Yong.
        symposium = m.symposium(2018)
        assert (str(symposium.date), symposium.city, symposium.end_date) == ("2018-06-01", "Shanghai", None)
        presiding = next(a for a in symposium.attendees if a.person == "ying-yong")
        assert (presiding.post, presiding.note) == ("shanghai.mayor", "Presided.")

    def test_lian_weiliang_attended_in_2018_as_a_guest_without_a_post(self, m: Mechanism) -> None:
        guest = next(a for a in m.symposium(2018).attendees if a.person == "lian-weiliang")
        assert guest.post is None
        assert guest.role == "Deputy director of the National Development and Reform Commission"

    def test_the_2021_symposium_was_hosted_by_jiangsu_in_wuxi(self, m: Mechanism) -> None:
        # Seed 001 (2021-05-28): "a symposium held Wednesday in Wuxi city, Jiangsu province".
        host = m.host(2021)
        assert host is not None
        assert host.name_en == "Jiangsu"
        assert str(m.symposium(2021).date) == "2021-05-26"

    def test_the_2024_symposium_in_wenzhou_decided_that_jiangsu_hosts_2025(self, m: Mechanism) -> None:
        symposium = m.symposium(2024)
        assert (str(symposium.date), str(symposium.end_date)) == ("2024-06-05", "2024-06-06")
        assert (symposium.next_host, symposium.next_host_year) == ("jiangsu", 2025)
        host = m.host(2025)
        assert host is not None
        assert host.id == "jiangsu"

    @pytest.mark.parametrize("year", [2009, 2018, 2019, 2021, 2024])
    def test_the_attendees_are_the_eight_leaders_in_office(self, m: Mechanism, year: int) -> None:
        symposium = m.symposium(year)
        attending = {a.post: a.person for a in symposium.attendees if a.post is not None}
        in_office = {post: person.id for post, person in m.leaders(on=symposium.date.first).items() if person}
        assert attending == in_office
        assert len(attending) == 8

    def test_the_2018_symposium_adopted_the_first_three_year_action_plan(self, m: Mechanism) -> None:
        assert m.symposium(2018).plans_adopted == ("three-year-action.2018", "work-priorities.2018")

    def test_the_2024_symposium_adopted_the_plan_to_strengthen_the_cooperation_office(self, m: Mechanism) -> None:
        assert "implementation.cooperation-office-2024" in m.symposium(2024).plans_adopted


class TestOtherMeetings:
    def test_meetings_held_in_parallel_in_2024(self, m: Mechanism) -> None:
        # Seed 002: the joint meeting, the secretaries-general and research-office directors symposia
        # and the Sixth High-Level Forum were held in parallel.
        parallel = {x.id for x in m.meetings if x.body != "symposium" and x.host == "zhejiang" and x.year == 2024}
        assert parallel == {
            "joint-meeting.2024",
            "secretaries-general-symposium.2024",
            "research-office-directors-symposium.2024",
            "high-level-forum.6",
        }

    def test_the_forum_editions_on_record(self, m: Mechanism) -> None:
        # Editions 2, 5 and 7 rest on secondary copies alone (low) and are left out.
        editions = sorted((x for x in m.meetings if x.body == "high-level-forum"), key=lambda x: x.date.sort_key)
        assert [x.edition for x in editions] == [1, 3, 4, 6]
        assert [x.host for x in editions] == [HOSTS[x.year][0] for x in editions]

    def test_lou_qinjian_spoke_for_the_rotating_organizer_at_the_wuxi_forum(self, m: Mechanism) -> None:
        forum = m.meeting("high-level-forum.3")
        assert (str(forum.date), forum.city) == ("2021-05-27", "Wuxi")
        lou = next(a for a in forum.attendees if a.person == "lou-qinjian")
        assert lou.post == "jiangsu.party-secretary"
        assert lou.note is not None
        assert "rotating organizer" in lou.note

    def test_meetings_known_only_from_copies_on_unidentified_sites_are_left_out(self, m: Mechanism) -> None:
        ids = {x.id for x in m.meetings}
        assert not ids & {"joint-meeting-office.2016-1", "joint-meeting-office.2016-2", "joint-meeting.2019"}

    def test_the_2014_joint_meeting_gathered_the_executive_vice_governors(self, m: Mechanism) -> None:
        posts = {a.post for a in m.meeting("joint-meeting.2014").attendees}
        assert posts == {
            "jiangsu.executive-vice-governor",
            "zhejiang.executive-vice-governor",
            "anhui.executive-vice-governor",
            "shanghai.vice-mayor",
        }


class TestPlans:
    def test_the_three_year_action_plans_follow_each_other(self, m: Mechanism) -> None:
        periods = [(p.first_year, p.last_year) for p in m.plans_of(PlanKind.THREE_YEAR_ACTION)]
        assert periods == [(2018, 2020), (2021, 2023), (2024, 2026)]

    def test_the_2018_plan_covers_twelve_areas_and_seven_key_fields(self, m: Mechanism) -> None:
        # Seed 003.
        plan = m.plan("three-year-action.2018")
        assert (plan.area_count, len(plan.key_fields)) == (12, 7)
        assert (plan.adopted_at, plan.issued_by) == ("symposium.2018", "cooperation-office")

    def test_the_2024_plan_has_nine_areas_and_165_tasks(self, m: Mechanism) -> None:
        plan = m.plan("three-year-action.2024")
        assert (plan.area_count, len(plan.areas), plan.task_count) == (9, 9, 165)
        assert plan.issued == PartialDate.parse("2024-07-25")

    def test_plan_in_force(self, m: Mechanism) -> None:
        plan = m.plan_in_force(PlanKind.THREE_YEAR_ACTION, on="2025-01-01")
        assert plan is not None
        assert plan.id == "three-year-action.2024"

    def test_the_outline_was_reviewed_by_the_politburo_and_issued_on_2019_12_01(self, m: Mechanism) -> None:
        outline = m.plan("outline")
        assert [(e.stage, str(e.date)) for e in outline.status] == [
            (PlanStage.REVIEWED, "2019-05-13"),
            (PlanStage.ISSUED, "2019-12-01"),
        ]
        assert outline.adopted is None
        assert outline.issued == PartialDate.parse("2019-12-01")
        assert (outline.first_year, outline.last_year) == (None, None)

    @pytest.mark.parametrize(("plan_id", "meeting"), [("three-year-action.2021", "symposium.2021")])
    def test_a_plan_a_symposium_only_reviewed_is_not_adopted(self, m: Mechanism, plan_id: str, meeting: str) -> None:
        # Seed 001: 'review was carried out on the Three-year Action Plan ... 2021 and 2023'.
        plan = m.plan(plan_id)
        assert plan.stage is PlanStage.REVIEWED
        assert (plan.adopted, plan.adopted_at) == (None, None)
        reviewed = plan.event(PlanStage.REVIEWED)
        assert reviewed is not None
        assert reviewed.meeting == meeting
        assert plan_id not in m.meeting(meeting).plans_adopted

    def test_the_2024_plans_were_adopted_in_principle_at_wenzhou(self, m: Mechanism) -> None:
        # Seed 002: 'considered and adopted in principle'.
        for plan_id in ("three-year-action.2024", "implementation.cooperation-office-2024"):
            adoption = m.plan(plan_id).event(PlanStage.ADOPTED_IN_PRINCIPLE)
            assert adoption is not None
            assert (adoption.meeting, str(adoption.date)) == ("symposium.2024", "2024-06")
        issued = m.plan("three-year-action.2024").event(PlanStage.ISSUED)
        assert issued is not None
        assert (issued.body, str(issued.date)) == ("cooperation-office", "2024-07-25")

    def test_the_plans_the_seeds_name_are_on_record(self, m: Mechanism) -> None:
        assert m.plan("implementation.outline-14th-five-year").name_zh == "长三角一体化发展规划“十四五”实施方案"
        assert m.plan("digital-yrd-construction").stage is None
        assert m.plan("st-innovation-community.joint-research").sources[0].source == "seed-001"

    def test_every_status_step_cites_a_source(self, m: Mechanism) -> None:
        for plan in m.plans:
            assert all(e.sources for e in plan.status), plan.id

    def test_every_plan_adopted_at_a_meeting_is_in_that_meetings_list(self, m: Mechanism) -> None:
        for plan in m.plans:
            if plan.adopted_at is not None:
                assert plan.id in m.meeting(plan.adopted_at).plans_adopted


class TestRotation:
    def test_shanghai_anhui_zhejiang_jiangsu_from_2018(self, m: Mechanism) -> None:
        rotation = m.rotation
        assert rotation is not None
        assert (rotation.order, rotation.anchor_year, rotation.since) == (
            ("shanghai", "anhui", "zhejiang", "jiangsu"),
            2018,
            2018,
        )
        assert {year: rotation.host_for(year) for year in HOSTS} == {year: host for year, (host, _) in HOSTS.items()}

    def test_every_symposium_since_2018_followed_the_rotation(self, m: Mechanism) -> None:
        assert m.host_deviations() == ()

    def test_the_rotation_expects_shanghai_in_2026(self, m: Mechanism) -> None:
        assert m.rotation is not None
        assert m.rotation.host_for(2026) == "shanghai"

    def test_the_rotation_is_an_inference_of_medium_confidence(self, m: Mechanism) -> None:
        assert m.rotation is not None
        assert m.rotation.confidence is Confidence.MEDIUM


class TestSources:
    def test_the_five_seeds(self, m: Mechanism) -> None:
        seeds = [s for s in m.sources if s.kind is SourceKind.SEED]
        assert [s.id for s in seeds] == [f"seed-00{i}" for i in range(5)]
        assert m.source("seed-003").ref == "003_b99ca14925887098.txt"
        assert m.source("seed-003").published == PartialDate.parse("2018-06-04")

    def test_every_record_cites_at_least_one_source(self, m: Mechanism) -> None:
        uncited = [path for path, record in iter_records(m) if not record.sources]
        assert uncited == []

    def test_every_cited_source_exists(self, m: Mechanism) -> None:
        known = {s.id for s in m.sources}
        assert {c.source for _, record in iter_records(m) for c in record.sources} <= known

    def test_every_source_is_cited(self, m: Mechanism) -> None:
        cited = {c.source for _, record in iter_records(m) for c in record.sources}
        assert [s.id for s in m.sources if s.id not in cited] == []

    def test_source_ids_and_refs_are_unique(self, m: Mechanism) -> None:
        assert len({s.id for s in m.sources}) == len({s.ref for s in m.sources}) == len(m.sources)

    def test_no_low_confidence_record_ships(self, m: Mechanism) -> None:
        low = [path for path, record in iter_records(m) if record.confidence is Confidence.LOW]
        assert low == []

    def test_no_record_claims_more_than_its_sources_kinds_allow(self, m: Mechanism) -> None:
        assert [str(f) for f in m.validate().filter(code="weak-support")] == []

    @pytest.mark.parametrize(
        "source_id",
        [
            "hk01-66936",
            "stheadline-2022-12-28",
            "modaily-2024-12-19",
            "cna-2020-09-04",
            "udn-9038835",
            "ettoday-1820498",
            "setn-783458",
            "crntt-107128684",
            "caixin-2021-01-29",
            "yahoo-news-chen-jining",
        ],
    )
    def test_hong_kong_macao_taiwan_and_commercial_outlets_are_news_not_state_media(
        self, m: Mechanism, source_id: str
    ) -> None:
        assert m.source(source_id).kind is SourceKind.NEWS

    @pytest.mark.parametrize(
        "source_id", ["xinhuanet-2018-06-02", "people-2021-10-19", "chinadaily-2010-12-07", "gmw-2021-05-28"]
    )
    def test_mainland_state_owned_outlets_are_state_media(self, m: Mechanism, source_id: str) -> None:
        assert m.source(source_id).kind is SourceKind.STATE_MEDIA

    def test_a_record_resting_on_reference_and_secondary_sources_is_at_most_medium(self, m: Mechanism) -> None:
        # Wang Xuejun's end as Anhui secretary rests on a Wikipedia mirror, his start on an aggregator.
        wang = next(t for t in m.tenures_of("wang-xuejun") if t.post == "anhui.party-secretary")
        kinds = {m.source(c.source).kind for c in wang.sources}
        assert kinds == {SourceKind.REFERENCE, SourceKind.SECONDARY}
        assert wang.confidence is Confidence.MEDIUM


class TestDataset:
    def test_the_packaged_dataset_validates_without_errors(self, m: Mechanism) -> None:
        report = m.validate()
        assert report.ok, str(report)

    def test_every_id_referenced_exists(self, m: Mechanism) -> None:
        assert len(m.validate().filter(code="dangling-id")) == 0

    @pytest.mark.parametrize(
        "code", ["attendee-not-in-office", "incompatible-posts", "host-not-member", "rotation-deviation"]
    )
    def test_no_finding_even_possible_of(self, m: Mechanism, code: str) -> None:
        assert len(m.validate().filter(code=code)) == 0

    def test_the_remaining_warnings_are_only_possible_ones(self, m: Mechanism) -> None:
        for finding in m.validate().filter(severity=Severity.WARNING):
            assert finding.possible, str(finding)

    def test_the_packaged_data_round_trips(self, m: Mechanism) -> None:
        assert yrdmodel.loads(yrdmodel.dumps(m)) == m

    def test_as_of_is_the_day_of_the_latest_recorded_change_through_which_every_post_was_checked(
        self, m: Mechanism
    ) -> None:
        # Liu Xiaotao became acting governor of Jiangsu on 2025-10-09; no change in the eight posts was found after it.
        assert m.as_of == PartialDate.parse("2025-10-09")
        changes = [d for t in m.tenures if t.post in MAIN_LEADER_POSTS for d in (t.start, t.end) if d is not None]
        assert max(changes, key=lambda d: d.sort_key) == m.as_of

    def test_the_incumbents_attested_in_2026_keep_those_attestations(self, m: Mechanism) -> None:
        latest = {
            t.person: str(max(t.attested, key=lambda d: d.sort_key))
            for t in m.tenures
            if t.end is None and t.post in MAIN_LEADER_POSTS
        }
        assert latest == {
            "chen-jining": "2026-01-08",
            "gong-zheng": "2026-02-03",
            "xin-changxing": "2026-02-02",
            "liu-xiaotao": "2026-02-02",
            "wang-hao": "2025-06-06",
            "liu-jie": "2025-10-14",
            "liang-yanshun": "2025-06-06",
            "wang-qingxian": "2026-02-05",
        }

    def test_the_2026_symposium_known_only_from_a_page_title_is_left_out(self, m: Mechanism) -> None:
        assert all(s.year != 2026 for s in m.symposia)


class TestCanonicalFiles:
    def test_the_packaged_toml_is_in_canonical_form(self) -> None:
        from yrdmodel.data.canonical import check

        assert [f.name for f in check()] == [], "run: python -m yrdmodel.data.canonical --write"

    def test_canonical_form_changes_order_and_layout_not_content(self) -> None:
        import tomllib

        from yrdmodel.data.canonical import canonical_text

        text = """# header\n[[people]]\nname_en = 'B'\nid = "b"\nsources = [{source="s"}]\n[[people]]\nid = "a"\nname_en = "A"\n"""
        out = canonical_text(text)
        assert out == (
            '# header\n\n[[people]]\nid = "a"\nname_en = "A"\n\n'
            '[[people]]\nid = "b"\nname_en = "B"\nsources = [\n    { source = "s" },\n]\n'
        )
        assert sorted(tomllib.loads(out)["people"], key=lambda p: p["id"]) == sorted(
            tomllib.loads(text)["people"], key=lambda p: p["id"]
        )
        assert canonical_text(out) == out

    @given(st.text())
    def test_any_string_survives_quoting(self, value: str) -> None:
        import tomllib

        from yrdmodel.data.canonical import quote

        assert tomllib.loads(f"key = {quote(value)}")["key"] == value
