"""The timeline figure: one bar per tenure shown, honest partial dates, symposium hosts as stars."""

import datetime
import subprocess
import sys
from pathlib import Path

import matplotlib
import matplotlib.dates
import pytest
from matplotlib.axes import Axes
from matplotlib.colors import same_color
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

import yrdmodel
from builders import CITE, D, tenure
from yrdmodel import Mechanism, Meeting, Member, MemberKind, Person, Post
from yrdmodel.interop.timeline import TENURE_GID

matplotlib.use("Agg")  # the figure is made without pyplot, but never open a window in tests


def small() -> Mechanism:
    """Two members, three main-leader posts and one other post, with tenures of every kind of date."""
    members = (
        Member(id="sh", name_en="Shanghai", name_zh="上海", kind=MemberKind.MUNICIPALITY, sources=CITE),
        Member(id="zj", name_en="Zhejiang", name_zh="浙江", kind=MemberKind.PROVINCE, sources=CITE),
    )
    posts = (
        Post(
            id="sh.party-secretary", name_en="Party Secretary of Shanghai", member="sh", main_leader=True, sources=CITE
        ),
        Post(id="sh.mayor", name_en="Mayor of Shanghai", member="sh", main_leader=True, sources=CITE),
        Post(
            id="zj.party-secretary", name_en="Party Secretary of Zhejiang", member="zj", main_leader=True, sources=CITE
        ),
        Post(id="zj.vice-governor", name_en="Executive Vice Governor of Zhejiang", member="zj", sources=CITE),
    )
    tenures = (
        tenure("sh.party-secretary", "han-zheng", "2012-11-20", "2017-10-29"),  # known to the day
        tenure("sh.party-secretary", "li-qiang", "2017-10-29", "2022-10-28"),
        tenure("sh.mayor", "ying-yong", "2017-01-17", "2020-03"),  # end known to the month
        tenure("zj.party-secretary", "xia-baolong", None, "2017-04-26", attested=(D("2014-12-02"),)),  # start unknown
        tenure("zj.party-secretary", "zhao-hongzhu", "2007-03-25", "2012-11-21"),  # before the window
        tenure("zj.vice-governor", "chen-jinbiao", "2016", "2021"),  # not a main leader's post
    )
    people = tuple(
        Person(id=p, name_en=p.replace("-", " ").title(), sources=CITE) for p in sorted({t.person for t in tenures})
    )
    meetings = (
        Meeting(id="symposium.2014", body="symposium", date=D("2014-12-02"), host="sh", sources=CITE),
        Meeting(id="symposium.2015", body="symposium", date=D("2015"), sources=CITE),  # no host known
        Meeting(id="symposium.2018", body="symposium", date=D("2018-06-01"), host="sh", sources=CITE),
        Meeting(id="symposium.2020", body="symposium", date=D("2020-06"), host="zj", sources=CITE),
        Meeting(id="joint-meeting.2019", body="joint-meeting", date=D("2019-05-22"), host="zj", sources=CITE),
    )
    return Mechanism(
        name_en="test",
        members=members,
        posts=posts,
        people=people,
        tenures=tenures,
        meetings=meetings,
        decision_body="symposium",
    )


def num(day: datetime.date) -> float:
    """A day in matplotlib's date units."""
    return float(matplotlib.dates.date2num(day))  # type: ignore[no-untyped-call]


def axes_of(fig: Figure) -> Axes:
    assert len(fig.axes) == 1
    return fig.axes[0]


def bars(ax: Axes) -> dict[str, list[Rectangle]]:
    """The bar pieces drawn, by tenure id."""
    found: dict[str, list[Rectangle]] = {}
    for patch in ax.patches:
        gid = patch.get_gid()
        if isinstance(patch, Rectangle) and gid and gid.startswith(TENURE_GID):
            found.setdefault(gid[len(TENURE_GID) :], []).append(patch)
    return found


def stars(ax: Axes, face: str) -> list[Line2D]:
    return [
        line for line in ax.get_lines() if line.get_marker() == "*" and same_color(line.get_markerfacecolor(), face)
    ]


class TestBars:
    m = small()

    def test_one_bar_per_main_leader_tenure_in_the_window(self) -> None:
        ax = axes_of(yrdmodel.draw_timeline(self.m, start="2013-01-01", end="2022-12-31"))
        assert set(bars(ax)) == {
            "sh.party-secretary:han-zheng:2012-11-20",
            "sh.party-secretary:li-qiang:2017-10-29",
            "sh.mayor:ying-yong:2017-01-17",
            "zj.party-secretary:xia-baolong",
        }

    def test_a_narrow_window_shows_only_the_tenures_that_may_cover_it(self) -> None:
        ax = axes_of(yrdmodel.draw_timeline(self.m, start="2020-03-10", end="2020-03-20"))
        assert set(bars(ax)) == {"sh.party-secretary:li-qiang:2017-10-29", "sh.mayor:ying-yong:2017-01-17"}

    def test_the_default_window_shows_every_main_leader_tenure(self) -> None:
        ax = axes_of(yrdmodel.draw_timeline(self.m))
        main = {p.id for p in self.m.main_leader_posts()}
        assert set(bars(ax)) == {t.id for t in self.m.tenures if t.post in main}
        left, right = ax.get_xlim()
        assert left == pytest.approx(num(datetime.date(2007, 1, 1)))
        assert right > num(datetime.date(2022, 10, 28))

    def test_dates_known_to_the_day_are_drawn_solid(self) -> None:
        pieces = bars(axes_of(yrdmodel.draw_timeline(self.m)))["sh.party-secretary:han-zheng:2012-11-20"]
        assert len(pieces) == 1
        assert pieces[0].get_hatch() is None
        assert pieces[0].get_alpha() in (None, 1.0)
        start = num(datetime.date(2012, 11, 20))
        assert pieces[0].get_x() == pytest.approx(start)
        assert pieces[0].get_width() == pytest.approx((datetime.date(2017, 10, 29) - datetime.date(2012, 11, 20)).days)

    def test_an_end_known_to_the_month_is_hatched_over_that_month(self) -> None:
        pieces = bars(axes_of(yrdmodel.draw_timeline(self.m)))["sh.mayor:ying-yong:2017-01-17"]
        solid = [p for p in pieces if p.get_hatch() is None]
        hatched = [p for p in pieces if p.get_hatch()]
        assert len(solid) == 1
        assert len(hatched) == 1
        assert (hatched[0].get_alpha() or 1.0) < 1.0
        march = num(datetime.date(2020, 3, 1))
        assert solid[0].get_x() + solid[0].get_width() == pytest.approx(march)
        assert hatched[0].get_x() == pytest.approx(march)
        assert hatched[0].get_width() == pytest.approx(30)  # 1-30 March: the 31st is the earliest end

    def test_an_unknown_start_is_hatched_back_to_the_window_start(self) -> None:
        ax = axes_of(yrdmodel.draw_timeline(self.m, start="2013-01-01"))
        pieces = bars(ax)["zj.party-secretary:xia-baolong"]
        hatched = [p for p in pieces if p.get_hatch()]
        assert len(hatched) == 1
        assert hatched[0].get_x() == pytest.approx(ax.get_xlim()[0])
        assert hatched[0].get_x() + hatched[0].get_width() == pytest.approx(num(datetime.date(2014, 12, 2)))

    def test_an_uncertain_part_stops_where_another_holder_certainly_held_the_post(self) -> None:
        ax = axes_of(yrdmodel.draw_timeline(self.m))  # from 2007: Zhao Hongzhu certainly held it until 2012-11-20
        hatched = [p for p in bars(ax)["zj.party-secretary:xia-baolong"] if p.get_hatch()]
        assert len(hatched) == 1
        assert hatched[0].get_x() == pytest.approx(num(datetime.date(2012, 11, 21)))

    def test_long_overlapping_uncertain_bars_get_lanes_of_their_own(self) -> None:
        m = small()
        one = tenure("zj.party-secretary", "wang-xuejun", None, None, attested=(D("2014-12-02"),))
        two = tenure("zj.party-secretary", "li-jinbin", None, "2016-09-01")
        three = tenure("zj.party-secretary", "li-guoying", "2016-09-01", "2021-02-01")
        m = Mechanism(
            name_en="lanes",
            members=m.members,
            posts=m.posts,
            people=m.people,
            tenures=(one, two, three),
        )
        found = bars(axes_of(yrdmodel.draw_timeline(m, start="2013-01-01", end="2020-12-31")))
        first, second, third = (found[t.id] for t in (one, two, three))
        assert {p.get_height() for p in first} == {p.get_height() for p in second}
        assert {p.get_y() for p in first}.isdisjoint({p.get_y() for p in second})
        assert max(p.get_height() for p in first) < min(p.get_height() for p in third)
        # Li Jinbin's tenure ends on 2016-08-31 and cannot include 2014-12-02, when Wang Xuejun held the post.
        assert min(p.get_x() for p in second) == pytest.approx(num(datetime.date(2014, 12, 3)))


class TestSymposia:
    m = small()

    def test_each_hosted_symposium_in_the_window_is_a_star(self) -> None:
        ax = axes_of(yrdmodel.draw_timeline(self.m, start="2013-01-01", end="2019-12-31"))
        assert len(stars(ax, "gold")) == 2  # 2014 and 2018; 2015 has no host, 2020 is outside
        assert stars(ax, "white") == []

    def test_a_decided_host_without_a_meeting_is_a_hollow_star(self) -> None:
        decided = Meeting(
            id="symposium.2021",
            body="symposium",
            date=D("2021-05-27"),
            host="zj",
            next_host="sh",
            next_host_year=2022,
            sources=CITE,
        )
        m = Mechanism(
            name_en="test",
            members=self.m.members,
            posts=self.m.posts,
            people=self.m.people,
            tenures=self.m.tenures,
            meetings=(*self.m.meetings, decided),
            decision_body="symposium",
        )
        ax = axes_of(yrdmodel.draw_timeline(m, start="2013-01-01", end="2022-12-31"))
        assert len(stars(ax, "white")) == 1
        assert len(stars(ax, "gold")) == 4


class TestArguments:
    m = small()

    def test_draws_into_given_axes_and_returns_their_figure(self) -> None:
        fig = Figure()
        ax = fig.add_subplot()
        assert yrdmodel.draw_timeline(self.m, ax=ax) is fig
        assert bars(ax)

    def test_dates_may_be_strings_or_dates(self) -> None:
        a = axes_of(yrdmodel.draw_timeline(self.m, start="2015-01-01", end=datetime.date(2016, 1, 1)))
        assert set(bars(a)) == {
            "sh.party-secretary:han-zheng:2012-11-20",
            "zj.party-secretary:xia-baolong",
        }

    def test_a_window_that_ends_before_it_starts_is_an_error(self) -> None:
        with pytest.raises(ValueError, match="before it starts"):
            yrdmodel.draw_timeline(self.m, start="2020-01-01", end="2019-01-01")

    def test_an_empty_mechanism_needs_a_window(self) -> None:
        with pytest.raises(ValueError, match="give start"):
            yrdmodel.draw_timeline(Mechanism(name_en="empty"))

    def test_saves_as_png(self, tmp_path: Path) -> None:
        out = tmp_path / "t.png"
        yrdmodel.draw_timeline(self.m).savefig(out)
        assert out.read_bytes()[:4] == b"\x89PNG"


def test_matplotlib_is_imported_only_when_drawing() -> None:
    code = (
        "import sys, yrdmodel; f = yrdmodel.draw_timeline; assert 'matplotlib' not in sys.modules, 'imported too early'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


class TestPackagedData:
    def test_one_bar_for_each_main_leader_tenure(self) -> None:
        m = yrdmodel.load()
        main = {p.id for p in m.main_leader_posts()}
        expected = {t.id for t in m.tenures if t.post in main}
        assert len(main) == 8
        assert set(bars(axes_of(yrdmodel.draw_timeline(m)))) == expected

    def test_on_one_day_the_bars_are_the_possible_holders(self) -> None:
        m = yrdmodel.load()
        day = "2020-09-10"
        # A one-seat post shows its certain holder that day, or, when none is certain, every possible one.
        expected = {
            t.id
            for p in m.main_leader_posts()
            for t in (m.holders(p.id, day) or m.holders(p.id, day, include_possible=True))
        }
        assert all(p.seats == 1 for p in m.main_leader_posts())
        assert len(expected) == 9  # Che Jun and Yuan Jiajun may both hold Zhejiang's party secretaryship
        assert set(bars(axes_of(yrdmodel.draw_timeline(m, start=day, end=day)))) == expected

    def test_every_hosted_symposium_is_a_star(self) -> None:
        m = yrdmodel.load()
        ax = axes_of(yrdmodel.draw_timeline(m, start="2018-01-01", end="2024-12-31"))
        assert len(stars(ax, "gold")) == len([s for s in m.symposia if 2018 <= s.year <= 2024 and s.host])
        assert len(stars(ax, "gold")) == 7  # 2018 to 2024, 2023 (medium) included
