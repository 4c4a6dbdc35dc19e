"""A small, sourced slice of the YRD mechanism for the interop tests (Popolo, frames, CLI, display, merge).

The records follow the fact table (``shared/facts/yrd-facts.yaml``) so that the tests speak of
real officeholders and meetings, but only a few of each are kept. Partial dates are kept where
the fact table has them (Che Jun's Zhejiang tenure ends in "2020-09", Shi Taifeng became acting
governor in "2015-12", the 2013 symposium is known only by its year).
"""

import functools

from yrdmodel import (
    Alias,
    Attendance,
    Body,
    BodyKind,
    Citation,
    Confidence,
    Count,
    Identifier,
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
    RotationPolicy,
    Source,
    SourceKind,
    Tenure,
    Tier,
)

__all__ = ["MAIN_LEADERS_2018", "d", "small_yrd"]


def d(text: str) -> PartialDate:
    """A partial date from its ISO text."""
    return PartialDate.parse(text)


def _cite(*ids: str) -> tuple[Citation, ...]:
    return tuple(Citation(i) for i in ids)


SOURCES = (
    Source(
        id="seed-003",
        kind=SourceKind.SEED,
        ref="003_b99ca14925887098.txt",
        title="2018 High-level Symposium on Integrated Development of the Yangtze River Delta Region Held in Shanghai",
        publisher="en.shio.gov",
        published=d("2018-06-04"),
    ),
    Source(id="seed-002", kind=SourceKind.SEED, ref="002_3ab5eaded5091a6c.txt", title="Writing a New Chapter"),
    Source(
        id="xinhua-2018-06-02",
        kind=SourceKind.STATE_MEDIA,
        ref="http://m.xinhuanet.com/2018-06/02/c_1122927916.htm",
        publisher="Xinhua",
    ),
    Source(
        id="sing-tao-2022-12-28",
        kind=SourceKind.STATE_MEDIA,
        ref="https://std.stheadline.com/realtime/article/1895425/即時-中國-吳政隆不再擔任江蘇書記-消息-候任國務院秘書長",
        publisher="Sing Tao",
    ),
    Source(
        id="wikimili-politics-of-jiangsu",
        kind=SourceKind.REFERENCE,
        ref="https://wikimili.com/en/Politics_of_Jiangsu",
        note="WikiMili mirror of English Wikipedia.",
    ),
    Source(
        id="office-notice-excerpt",
        kind=SourceKind.SECONDARY,
        ref="Excerpt of a joint-meeting-office notice; the address was not recorded",
        title="Notice of the joint meeting office",
        publisher="YRD joint meeting office",
        published=d("2016-05"),
    ),
)

FOUNDING = (
    MembershipChange(
        since=d("2005-12-25"),
        status=MembershipStatus.FULL,
        event="First main leaders' symposium of two provinces and one city, Hangzhou",
        confidence=Confidence.MEDIUM,
        sources=_cite("office-notice-excerpt"),
    ),
)

MEMBERS = (
    Member(
        id="shanghai",
        name_en="Shanghai",
        name_zh="上海",
        kind=MemberKind.MUNICIPALITY,
        history=FOUNDING,
        sources=_cite("seed-003"),
    ),
    Member(
        id="jiangsu",
        name_en="Jiangsu",
        name_zh="江苏",
        kind=MemberKind.PROVINCE,
        capital="Nanjing",
        history=FOUNDING,
        sources=_cite("seed-003"),
    ),
    Member(
        id="zhejiang",
        name_en="Zhejiang",
        name_zh="浙江",
        kind=MemberKind.PROVINCE,
        capital="Hangzhou",
        history=FOUNDING,
        sources=_cite("seed-003"),
    ),
    Member(
        id="anhui",
        name_en="Anhui",
        name_zh="安徽",
        kind=MemberKind.PROVINCE,
        capital="Hefei",
        history=(
            MembershipChange(
                since=d("2008-09"),
                status=MembershipStatus.INVITED,
                event="Invited after 'pan-YRD' entered a central document",
                sources=_cite("office-notice-excerpt"),
                confidence=Confidence.MEDIUM,
            ),
            MembershipChange(
                since=d("2014-12-02"),
                status=MembershipStatus.FULL,
                event="Formally a member after the 2014 symposium",
                sources=_cite("office-notice-excerpt"),
                confidence=Confidence.MEDIUM,
            ),
        ),
        sources=_cite("seed-003"),
    ),
)

BODIES = (
    Body(
        id="symposium",
        name_en="Main Leaders' Symposium",
        name_zh="主要领导座谈会",
        kind=BodyKind.SYMPOSIUM,
        tier=Tier.DECISION,
        description="Decides; attended by the eight main leaders.",
        sources=_cite("seed-003"),
    ),
    Body(
        id="joint-meeting",
        name_en="Joint Meeting on Cooperation and Development",
        name_zh="合作与发展联席会议",
        kind=BodyKind.JOINT_MEETING,
        tier=Tier.COORDINATION,
        sources=_cite("seed-003"),
    ),
    Body(
        id="cooperation-office",
        name_en="YRD Regional Cooperation Office",
        name_zh="长三角区域合作办公室",
        kind=BodyKind.OFFICE,
        tier=Tier.EXECUTION,
        founded=d("2018-01"),
        seat="Shanghai",
        sources=_cite("seed-003"),
    ),
    Body(
        id="thematic-groups",
        name_en="Key thematic cooperation groups",
        name_zh="重点专题合作组",
        kind=BodyKind.GROUP,
        tier=Tier.EXECUTION,
        counts=(
            Count(value=12, as_of=d("2016"), sources=_cite("office-notice-excerpt"), confidence=Confidence.MEDIUM),
        ),
        confidence=Confidence.MEDIUM,
        sources=_cite("office-notice-excerpt"),
    ),
    Body(
        id="group.energy",
        name_en="Energy group",
        kind=BodyKind.GROUP,
        tier=Tier.EXECUTION,
        parent="thematic-groups",
        confidence=Confidence.MEDIUM,
        sources=_cite("office-notice-excerpt"),
    ),
    Body(
        id="high-level-forum",
        name_en="High-level Forum on YRD Integrated Development",
        name_zh="长三角一体化发展高层论坛",
        kind=BodyKind.FORUM,
        sources=_cite("seed-002"),
    ),
)


def _post(member: str, office: str, name_en: str) -> Post:
    return Post(id=f"{member}.{office}", name_en=name_en, member=member, main_leader=True, sources=_cite("seed-003"))


POSTS = (
    _post("shanghai", "party-secretary", "Party Secretary of Shanghai"),
    _post("shanghai", "mayor", "Mayor of Shanghai"),
    _post("jiangsu", "party-secretary", "Party Secretary of Jiangsu"),
    _post("jiangsu", "governor", "Governor of Jiangsu"),
    _post("zhejiang", "party-secretary", "Party Secretary of Zhejiang"),
    _post("zhejiang", "governor", "Governor of Zhejiang"),
    _post("anhui", "party-secretary", "Party Secretary of Anhui"),
    _post("anhui", "governor", "Governor of Anhui"),
    Post(
        id="cooperation-office.executive-deputy-director",
        name_en="Executive Deputy Director of the YRD Regional Cooperation Office",
        body="cooperation-office",
        member="shanghai",
        sources=_cite("seed-002"),
    ),
)


def _person(pid: str, name_en: str, name_zh: str | None = None, *aliases: Alias) -> Person:
    return Person(id=pid, name_en=name_en, name_zh=name_zh, aliases=aliases, sources=_cite("seed-003"))


PEOPLE = (
    Person(
        id="li-qiang",
        name_en="Li Qiang",
        name_zh="李强",
        identifiers=(Identifier("wikipedia-en", "Li_Qiang"),),
        sources=_cite("seed-003"),
    ),
    _person("ying-yong", "Ying Yong", "应勇"),
    _person("lou-qinjian", "Lou Qinjian", "娄勤俭"),
    _person("wu-zhenglong", "Wu Zhenglong", "吴政隆", Alias("Wu Zhengrong", "Spelling used in seed 003.")),
    _person("shi-taifeng", "Shi Taifeng", "石泰峰"),
    _person("che-jun", "Che Jun", "车俊"),
    _person("yuan-jiajun", "Yuan Jiajun", "袁家军"),
    _person("li-jinbin", "Li Jinbin", "李锦斌"),
    _person("li-guoying", "Li Guoying", "李国英"),
    _person("lian-weiliang", "Lian Weiliang"),
    _person("ruan-qing", "Ruan Qing", "阮青"),
    _person(
        "xin-changxing", "Xin Changxing", "信长星", Alias("Nobunaga Xing", "Machine-translation error in web copies.")
    ),
)

TENURES = (
    Tenure(
        post="zhejiang.governor",
        person="li-qiang",
        start=d("2012-12-21"),
        end=d("2016-06-30"),
        acting=True,
        confirmed=d("2013"),
        confidence=Confidence.MEDIUM,
        sources=_cite("wikimili-politics-of-jiangsu"),
    ),
    Tenure(
        post="jiangsu.party-secretary",
        person="li-qiang",
        start=d("2016-06-30"),
        end=d("2017-10-29"),
        confidence=Confidence.MEDIUM,
        sources=_cite("wikimili-politics-of-jiangsu"),
    ),
    Tenure(
        post="shanghai.party-secretary",
        person="li-qiang",
        start=d("2017-10-29"),
        end=d("2022-10-28"),
        sources=_cite("seed-003"),
    ),
    Tenure(
        post="shanghai.mayor",
        person="ying-yong",
        start=d("2017-01-20"),
        end=d("2020-02-13"),
        acting=False,
        sources=_cite("seed-003"),
    ),
    Tenure(
        post="jiangsu.party-secretary",
        person="lou-qinjian",
        start=d("2017-10-29"),
        end=d("2021-10-19"),
        sources=_cite("seed-003"),
    ),
    Tenure(
        post="jiangsu.party-secretary",
        person="wu-zhenglong",
        start=d("2021-10-19"),
        end=d("2022-12-28"),
        how_ended="departure announced",
        sources=_cite("sing-tao-2022-12-28", "wikimili-politics-of-jiangsu"),
    ),
    Tenure(
        post="jiangsu.party-secretary",
        person="xin-changxing",
        start=d("2023-01-03"),
        sources=_cite("seed-002"),
    ),
    Tenure(
        post="jiangsu.governor",
        person="shi-taifeng",
        start=d("2015-12"),
        end=d("2017-05-31"),
        acting=True,
        confirmed=d("2016"),
        confidence=Confidence.MEDIUM,
        sources=_cite("wikimili-politics-of-jiangsu"),
    ),
    Tenure(
        post="jiangsu.governor",
        person="wu-zhenglong",
        start=d("2017-05-31"),
        end=d("2021-10-19"),
        acting=True,
        confirmed=d("2017-07-29"),
        how_started="acting, then elected",
        sources=_cite("seed-003"),
    ),
    Tenure(
        post="zhejiang.party-secretary",
        person="che-jun",
        start=d("2017-04-26"),
        end=d("2020-09"),
        sources=_cite("seed-003"),
    ),
    Tenure(
        post="zhejiang.governor",
        person="yuan-jiajun",
        start=d("2017-04"),
        end=d("2020-09-04"),
        acting=True,
        confirmed=d("2017-07"),
        sources=_cite("seed-003"),
    ),
    Tenure(
        post="anhui.party-secretary",
        person="li-jinbin",
        start=d("2016-08-29"),
        end=d("2021-09-30"),
        sources=_cite("seed-003"),
    ),
    Tenure(
        post="anhui.governor",
        person="li-guoying",
        start=d("2016-09-01"),
        attested=(d("2018-06-01"),),
        sources=_cite("seed-003"),
    ),
    Tenure(
        post="cooperation-office.executive-deputy-director",
        person="ruan-qing",
        attested=(d("2023"),),
        confidence=Confidence.MEDIUM,
        sources=_cite("seed-002"),
    ),
)

MAIN_LEADERS_2018 = {
    "shanghai.party-secretary": "li-qiang",
    "shanghai.mayor": "ying-yong",
    "jiangsu.party-secretary": "lou-qinjian",
    "jiangsu.governor": "wu-zhenglong",
    "zhejiang.party-secretary": "che-jun",
    "zhejiang.governor": "yuan-jiajun",
    "anhui.party-secretary": "li-jinbin",
    "anhui.governor": "li-guoying",
}
"""Who held the eight main-leader posts at the 2018 symposium in Shanghai (seed 003)."""

MEETINGS = (
    Meeting(
        id="symposium.2013",
        body="symposium",
        date=d("2013"),
        confidence=Confidence.LOW,
        note="Existence only.",
        sources=_cite("office-notice-excerpt"),
    ),
    Meeting(
        id="symposium.2014",
        body="symposium",
        date=d("2014-12-02"),
        host="shanghai",
        city="Shanghai",
        confidence=Confidence.MEDIUM,
        sources=_cite("office-notice-excerpt"),
    ),
    Meeting(
        id="symposium.2018",
        body="symposium",
        date=d("2018-06-01"),
        host="shanghai",
        city="Shanghai",
        name_en="2018 High-level Symposium on Integrated Development of the Yangtze River Delta Region",
        attendees=(
            *(Attendance(person, post) for post, person in MAIN_LEADERS_2018.items()),
            Attendance("lian-weiliang", role="NDRC deputy director"),
        ),
        outcomes=("Approved in principle the Three-Year Action Plan (2018-2020)",),
        plans_adopted=("three-year-action.2018",),
        sources=_cite("seed-003", "xinhua-2018-06-02"),
    ),
    Meeting(
        id="symposium.2019",
        body="symposium",
        date=d("2019-05-22"),
        end_date=d("2019-05-23"),
        host="anhui",
        city="Wuhu",
        theme_en="YRD: jointly building a strong and active growth pole",
        theme_zh="长三角：共筑强劲活跃增长极",  # noqa: RUF001
        confidence=Confidence.MEDIUM,
        sources=_cite("office-notice-excerpt"),
    ),
    Meeting(
        id="symposium.2024",
        body="symposium",
        date=d("2024-06-05"),
        end_date=d("2024-06-06"),
        host="zhejiang",
        city="Wenzhou",
        next_host="jiangsu",
        next_host_year=2025,
        sources=_cite("seed-002"),
    ),
    Meeting(
        id="high-level-forum.2024",
        body="high-level-forum",
        date=d("2024-06-06"),
        city="Wenzhou",
        edition=6,
        sources=_cite("seed-002"),
    ),
)

PLANS = (
    Plan(
        id="three-year-action.2018",
        name_en="Three-Year Action Plan for YRD Integrated Development (2018-2020)",
        name_zh="长三角地区一体化发展三年行动计划（2018-2020年）",  # noqa: RUF001
        kind=PlanKind.THREE_YEAR_ACTION,
        series="three-year-action",
        first_year=2018,
        last_year=2020,
        adopted=d("2018-06-01"),
        adopted_at="symposium.2018",
        issued=d("2018-07"),
        issued_by="cooperation-office",
        area_count=12,
        key_fields=(
            "traffic connectivity",
            "energy guarantee",
            "industrial-innovation synergy",
            "ubiquitous information network",
            "joint environmental protection and control",
            "inclusive public services",
            "orderly market opening",
        ),
        sources=_cite("seed-003", "xinhua-2018-06-02"),
    ),
    Plan(
        id="outline",
        name_en="Outline of the YRD Regional Integration Development Plan",
        kind=PlanKind.OUTLINE,
        adopted=d("2019-05-13"),
        issued=d("2019-12"),
        issuer="CPC Central Committee and State Council",
        confidence=Confidence.MEDIUM,
        sources=_cite("office-notice-excerpt"),
    ),
)

ROTATION = RotationPolicy(
    body="symposium",
    order=("shanghai", "anhui", "zhejiang", "jiangsu"),
    anchor_year=2018,
    since=2018,
    sources=_cite("seed-002"),
)


@functools.cache
def small_yrd() -> Mechanism:
    """The slice of the YRD mechanism, as of June 2024."""
    return Mechanism(
        name_en="Yangtze River Delta regional cooperation mechanism",
        name_zh="长三角区域合作机制",
        as_of=d("2024-06"),
        sources=SOURCES,
        members=MEMBERS,
        all_bodies=BODIES,
        posts=POSTS,
        people=PEOPLE,
        tenures=TENURES,
        meetings=MEETINGS,
        plans=PLANS,
        rotation=ROTATION,
    )
