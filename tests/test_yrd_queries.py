"""Questions asked of the packaged YRD dataset, answered as the seeds and the fact table say."""

import pytest

import yrdmodel
from yrdmodel import Mechanism, PlanKind, PlanStage, Truth


@pytest.fixture(scope="module")
def m() -> Mechanism:
    return yrdmodel.load()


def leader_ids(m: Mechanism, on: str) -> dict[str, str | None]:
    return {post: (person.id if person else None) for post, person in m.leaders(on=on).items()}


class TestOfficeholders:
    def test_zhejiangs_party_secretary_on_the_day_of_the_2018_symposium_was_che_jun(self, m: Mechanism) -> None:
        holder = m.holder("zhejiang.party-secretary", on="2018-06-01")
        assert holder is not None
        assert holder.name_en == "Che Jun"

    def test_li_qiang_became_shanghai_secretary_the_day_han_zheng_left(self, m: Mechanism) -> None:
        holder = m.holder("shanghai.party-secretary", on="2017-10-29")
        assert holder is not None
        assert holder.id == "li-qiang"

    def test_the_zhejiang_secretary_in_september_2020_is_left_open(self, m: Mechanism) -> None:
        """Che Jun's successor was reported on 2020-09-01 as decided 'recently': only the month is known."""
        assert m.holder("zhejiang.party-secretary", on="2020-09-10") is None
        candidates = {t.person: truth for truth, t in m.holders_with_truth("zhejiang.party-secretary", "2020-09-10")}
        assert candidates == {"che-jun": Truth.MAYBE, "yuan-jiajun": Truth.MAYBE}

    def test_li_qiangs_career_runs_through_three_posts(self, m: Mechanism) -> None:
        posts = [t.post for t in m.tenures_of("li-qiang")]
        assert posts == ["zhejiang.governor", "jiangsu.party-secretary", "shanghai.party-secretary"]

    def test_xu_kunlin_succeeded_wu_zhenglong_as_jiangsu_governor(self, m: Mechanism) -> None:
        wu = next(t for t in m.tenures_of("wu-zhenglong") if t.post == "jiangsu.governor")
        successor = m.successor(wu)
        assert successor is not None
        assert successor.person == "xu-kunlin"


class TestLeadersAtTheSymposia:
    def test_the_eight_leaders_at_the_2018_symposium(self, m: Mechanism) -> None:
        assert leader_ids(m, "2018-06-01") == {
            "shanghai.party-secretary": "li-qiang",
            "shanghai.mayor": "ying-yong",
            "jiangsu.party-secretary": "lou-qinjian",
            "jiangsu.governor": "wu-zhenglong",
            "zhejiang.party-secretary": "che-jun",
            "zhejiang.governor": "yuan-jiajun",
            "anhui.party-secretary": "li-jinbin",
            "anhui.governor": "li-guoying",
        }

    def test_the_eight_leaders_at_the_2021_symposium(self, m: Mechanism) -> None:
        assert leader_ids(m, "2021-05-26") == {
            "shanghai.party-secretary": "li-qiang",
            "shanghai.mayor": "gong-zheng",
            "jiangsu.party-secretary": "lou-qinjian",
            "jiangsu.governor": "wu-zhenglong",
            "zhejiang.party-secretary": "yuan-jiajun",
            "zhejiang.governor": "zheng-shanjie",
            "anhui.party-secretary": "li-jinbin",
            "anhui.governor": "wang-qingxian",
        }

    def test_the_eight_leaders_at_the_2024_symposium(self, m: Mechanism) -> None:
        assert leader_ids(m, "2024-06-05") == {
            "shanghai.party-secretary": "chen-jining",
            "shanghai.mayor": "gong-zheng",
            "jiangsu.party-secretary": "xin-changxing",
            "jiangsu.governor": "xu-kunlin",
            "zhejiang.party-secretary": "yi-lianhong",
            "zhejiang.governor": "wang-hao",
            "anhui.party-secretary": "han-jun",
            "anhui.governor": "wang-qingxian",
        }

    def test_the_eight_leaders_at_the_2009_suzhou_symposium(self, m: Mechanism) -> None:
        assert leader_ids(m, "2009-11-27") == {
            "shanghai.party-secretary": "yu-zhengsheng",
            "shanghai.mayor": "han-zheng",
            "jiangsu.party-secretary": "liang-baohua",
            "jiangsu.governor": "luo-zhijun",
            "zhejiang.party-secretary": "zhao-hongzhu",
            "zhejiang.governor": "lu-zushan",
            "anhui.party-secretary": "wang-jinshan",
            "anhui.governor": "wang-sanyun",
        }

    def test_on_the_day_of_every_symposium_since_2009_each_post_has_one_certain_holder_and_no_other(
        self, m: Mechanism
    ) -> None:
        days = [s.date.first for s in m.symposia if s.year >= 2009]
        assert len(days) == 9
        for day in days:
            for post in leader_ids(m, str(day)):
                found = m.holders_with_truth(post, day)
                assert [truth for truth, _ in found] == [Truth.YES], (str(day), post, found)

    @pytest.mark.parametrize("year", [2009, 2018, 2019, 2021, 2022, 2023, 2024, 2025])
    def test_every_recorded_main_leader_attendee_was_in_office(self, m: Mechanism, year: int) -> None:
        symposium = m.symposium(year)
        on = str(symposium.date)
        leaders = leader_ids(m, on)
        for attendee in symposium.attendees:
            if attendee.post in leaders:
                assert leaders[attendee.post] == attendee.person, (year, attendee)


class TestHosts:
    @pytest.mark.parametrize(
        ("year", "host", "city"),
        [(2009, "jiangsu", "Suzhou"), (2018, "shanghai", "Shanghai"),
         (2019, "anhui", "Wuhu"), (2020, "zhejiang", "Huzhou"), (2021, "jiangsu", "Wuxi"),
         (2022, "shanghai", "Shanghai"), (2023, "anhui", "Hefei"), (2024, "zhejiang", "Wenzhou"),
         (2025, "jiangsu", "Nanjing")],
    )  # fmt: skip
    def test_the_host_and_city_of_every_symposium_year(self, m: Mechanism, year: int, host: str, city: str) -> None:
        member = m.host(year)
        assert member is not None
        assert member.id == host
        assert m.symposium(year).city == city

    def test_the_2024_symposium_decided_jiangsu_would_host_2025(self, m: Mechanism) -> None:
        decision = m.symposium(2024)
        assert (decision.next_host, decision.next_host_year) == ("jiangsu", 2025)
        assert m.symposium(2025).host == decision.next_host

    def test_the_rotation_expects_shanghai_in_2026_but_no_host_is_recorded(self, m: Mechanism) -> None:
        assert m.rotation is not None
        assert m.rotation.host_for(2026) == "shanghai"
        assert m.host(2026) is None

    def test_every_host_since_2018_follows_the_rotation(self, m: Mechanism) -> None:
        assert m.host_deviations() == ()
        assert set(m.hosts) >= set(range(2018, 2026))

    @pytest.mark.parametrize("year", [2005, 2011, 2014])
    def test_a_symposium_known_only_from_secondary_copies_is_not_recorded(self, m: Mechanism, year: int) -> None:
        # Hangzhou 2005, Hefei 2011 (a forum repost), Shanghai 2014: low, so left out.
        assert m.host(year) is None

    def test_xis_central_symposia_do_not_count_as_hosted_symposia(self, m: Mechanism) -> None:
        assert m.host(2020) == m.member("zhejiang")
        assert m.symposium(2020).city == "Huzhou"

    def test_a_year_without_a_symposium_is_an_unknown_id(self, m: Mechanism) -> None:
        with pytest.raises(yrdmodel.UnknownIdError):
            m.symposium(2017)


class TestPlans:
    def test_the_three_year_plan_in_force_in_mid_2022_is_2021_2023(self, m: Mechanism) -> None:
        plan = m.plan_in_force(PlanKind.THREE_YEAR_ACTION, on="2022-07-01")
        assert plan is not None
        assert (plan.first_year, plan.last_year) == (2021, 2023)

    def test_the_2018_plan_was_adopted_at_the_2018_symposium(self, m: Mechanism) -> None:
        plan = m.plan_in_force(PlanKind.THREE_YEAR_ACTION, on="2019-01-01")
        assert plan is not None
        assert plan.adopted_at == m.symposium(2018).id
        assert plan.stage is PlanStage.ISSUED

    def test_the_2021_plan_was_only_reviewed_at_wuxi(self, m: Mechanism) -> None:
        plan = m.plan_in_force(PlanKind.THREE_YEAR_ACTION, on="2022-07-01")
        assert plan is not None
        assert plan.stage is PlanStage.REVIEWED
        assert plan.adopted is None


class TestStructure:
    def test_the_cooperation_office_reports_through_the_execution_tier(self, m: Mechanism) -> None:
        execution = {b.id for b in m.bodies(tier=yrdmodel.Tier.EXECUTION)}
        assert {"cooperation-office", "joint-meeting-office"} <= execution
        assert m.bodies(tier=yrdmodel.Tier.DECISION)[0].id == "symposium"

    def test_the_thematic_groups_are_children_of_one_body(self, m: Mechanism) -> None:
        groups = m.children("thematic-groups")
        assert "group.energy" in {g.id for g in groups}
        assert all(g.tier is yrdmodel.Tier.EXECUTION for g in groups)

    def test_zhejiangs_timeline_shows_the_symposia_it_hosted(self, m: Mechanism) -> None:
        hosted = [e.subject for e in m.timeline("zhejiang") if e.kind is yrdmodel.EventKind.HOSTED]
        assert {"symposium.2020", "symposium.2024"} <= set(hosted)
        assert "central-symposium.2023" not in hosted
