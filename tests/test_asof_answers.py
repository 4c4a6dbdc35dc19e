"""Answers certain through ``as_of``, seats that bound the unknown, strict arguments and batch answers."""

import datetime

import attrs
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import yrdmodel
from yrdmodel import (
    AmbiguousAnswerError,
    ArgumentTypeError,
    Citation,
    InvalidArgumentError,
    Mechanism,
    Member,
    MemberKind,
    PartialDate,
    Person,
    PlanKind,
    Post,
    Span,
    Tenure,
    Truth,
    UnknownIdError,
    YrdModelError,
)

CITE = (Citation("seed-000"),)
D = PartialDate.parse


def tenure(person: str, start: str | None, end: str | None, post: str = "zj.governor", **kw: object) -> Tenure:
    return Tenure(
        post=post,
        person=person,
        start=D(start) if start else None,
        end=D(end) if end else None,
        sources=CITE,
        **kw,  # type: ignore[arg-type]
    )


def mechanism(*tenures: Tenure, seats: int | None = 1, **kw: object) -> Mechanism:
    posts = sorted({t.post for t in tenures} | {"zj.governor", "zj.secretary"})
    return Mechanism(
        name_en="test",
        members=(Member(id="zj", name_en="Zhejiang", name_zh="浙江", kind=MemberKind.PROVINCE, sources=CITE),),
        posts=tuple(Post(id=p, name_en=p, member="zj", main_leader=True, seats=seats, sources=CITE) for p in posts),
        people=tuple(Person(id=p, name_en=p.title(), sources=CITE) for p in sorted({t.person for t in tenures})),
        tenures=tenures,
        **kw,  # type: ignore[arg-type]
    )


def who(person: Person | None) -> str | None:
    return None if person is None else person.id


class TestCertainThroughAsOf:
    m = mechanism(tenure("liu-jie", "2024-12-18", None), as_of=D("2025-10-09"))

    def test_an_open_tenure_is_certain_through_as_of(self) -> None:
        assert who(self.m.holder("zj.governor", "2025-10-09")) == "liu-jie"
        assert who(self.m.holder("zj.governor", "2025-06-06")) == "liu-jie"

    def test_after_as_of_it_is_only_possible(self) -> None:
        assert self.m.holder("zj.governor", "2025-10-10") is None
        ((truth, _),) = self.m.holders_with_truth("zj.governor", "2025-10-10")
        assert truth is Truth.MAYBE

    def test_without_as_of_it_is_certain_through_its_last_attested_day(self) -> None:
        m = mechanism(tenure("liu-jie", "2024-12-18", None, attested=(D("2025-06-06"),)))
        assert who(m.holder("zj.governor", "2025-06-06")) == "liu-jie"
        assert m.holder("zj.governor", "2025-06-07") is None

    def test_a_post_the_data_does_not_keep_current_is_not_vouched_for(self) -> None:
        m = attrs.evolve(self.m, current_posts=("zj.secretary",))
        assert m.holder("zj.governor", "2025-06-06") is None
        assert who(attrs.evolve(self.m, current_posts=("zj.governor",)).holder("zj.governor", "2025-06-06"))

    def test_an_open_tenure_that_a_successor_certainly_closed_is_not_carried_to_as_of(self) -> None:
        # Only a day in 2014 is known of the first governor; the data holds no end for it.
        first = tenure("li-xueyong", None, None, attested=(D("2014-12-02"),))
        m = mechanism(first, tenure("shi-taifeng", "2015-12", "2017-05-31"), as_of=D("2025-10-09"))
        assert who(m.holder("zj.governor", "2014-12-02")) == "li-xueyong"
        assert m.holder("zj.governor", "2020-01-01") is None
        assert m.span(first).possible_until <= datetime.date(2015, 12, 31).toordinal()

    def test_current_posts_round_trip_through_json(self) -> None:
        source = yrdmodel.Source(id="seed-000", kind=yrdmodel.SourceKind.SEED, ref="000.txt")
        m = attrs.evolve(self.m, current_posts=("zj.governor",), sources=(source,))
        assert yrdmodel.loads(yrdmodel.dumps(m)) == m


class TestSeatsBoundTheUnknown:
    def test_an_open_end_stops_at_the_successors_certain_start(self) -> None:
        a, b = tenure("li-guoying", "2016-09-01", None), tenure("wang-qingxian", "2021-02-01", None)
        m = mechanism(a, b)
        assert m.holders_with_truth("zj.governor", "2021-03-01") == ((Truth.MAYBE, b),)
        assert m.span(a).possible_until == datetime.date(2021, 2, 1).toordinal()
        assert who(attrs.evolve(m, as_of=D("2025-10-09")).holder("zj.governor", "2021-03-01")) == "wang-qingxian"

    def test_an_unknown_start_begins_after_the_predecessors_certain_end(self) -> None:
        a, b = tenure("zheng-shanjie", "2020-09-04", "2021-09-30"), tenure("wang-hao", "2021-09", None)
        m = mechanism(a, b)
        assert m.span(b).possible_from == datetime.date(2021, 9, 30).toordinal()
        assert m.validate().filter(code="tenure-overlap").findings == ()

    def test_a_post_of_unknown_seats_is_not_bounded(self) -> None:
        a, b = tenure("a", "2016-09-01", None), tenure("b", "2021-02-01", None)
        m = mechanism(a, b, seats=None)
        assert m.span(a).possible_until == yrdmodel.model.interval.FOREVER

    def test_two_seats_need_two_certain_holders(self) -> None:
        a = tenure("a", "2016-01-01", None, attested=(D("2016-06-01"),))
        b, c = tenure("b", "2017-01-01", "2020-01-01"), tenure("c", "2018-01-01", "2019-01-01")
        assert mechanism(a, b, seats=2).span(a).possible_until == yrdmodel.model.interval.FOREVER
        assert mechanism(a, b, c, seats=2).span(a).possible_until == datetime.date(2018, 1, 1).toordinal()

    def test_a_run_squeezed_between_two_certain_holders_becomes_certain(self) -> None:
        a, c = tenure("a", "2020-01-01", "2020-03-15"), tenure("c", "2020-03-16", "2020-06-01")
        b = tenure("b", "2020-03", "2020-03")
        m = mechanism(a, b, c)
        assert m.span(b).certain == range(
            datetime.date(2020, 3, 15).toordinal(), datetime.date(2020, 3, 16).toordinal()
        )


class TestTheSpanType:
    def test_a_span_answers_with_three_values(self) -> None:
        span = Span(10, 20, 5, 30)
        assert [span.covers(d) for d in (4, 5, 10, 19, 20, 29, 30)] == [
            Truth.NO,
            Truth.MAYBE,
            Truth.YES,
            Truth.YES,
            Truth.MAYBE,
            Truth.MAYBE,
            Truth.NO,
        ]

    def test_spans_that_touch_do_not_overlap(self) -> None:
        assert Span(0, 10, 0, 10).overlaps(Span(10, 20, 10, 20)) is Truth.NO
        assert Span(0, 10, 0, 12).overlaps(Span(10, 20, 8, 20)) is Truth.MAYBE
        assert Span(0, 11, 0, 12).overlaps(Span(10, 20, 8, 20)) is Truth.YES

    def test_a_span_takes_dates_too(self) -> None:
        day = datetime.date(2020, 9, 1)
        assert Span(day.toordinal(), day.toordinal() + 1, 0, 10**7).covers("2020-09-01") is Truth.YES


spans = st.tuples(st.integers(0, 30), st.integers(0, 10), st.integers(0, 10), st.integers(0, 10)).map(
    lambda x: Span(x[0], x[0] + x[1], x[0] - x[2], x[0] + x[1] + x[3])
)


@given(spans, spans)
def test_overlaps_agrees_with_covers_day_by_day(a: Span, b: Span) -> None:
    days = range(-20, 70)
    both = [a.covers(d) is Truth.YES and b.covers(d) is Truth.YES for d in days]
    either = [a.covers(d) is not Truth.NO and b.covers(d) is not Truth.NO for d in days]
    expected = Truth.YES if any(both) else Truth.MAYBE if any(either) else Truth.NO
    assert a.overlaps(b) is expected
    assert b.overlaps(a) is expected


class TestPackagedData:
    m = yrdmodel.load()

    def test_on_its_as_of_day_every_main_leader_post_has_a_certain_holder(self) -> None:
        assert self.m.as_of is not None
        leaders = self.m.leaders(on=self.m.as_of.first)
        assert len(leaders) == 8
        assert None not in leaders.values()

    def test_after_as_of_only_attested_days_are_certain(self) -> None:
        assert self.m.as_of is not None
        after = self.m.as_of.first.add(days=1)
        for post, person in self.m.leaders(on=after).items():
            seen = [t for t in self.m.tenures_for(post) if any(a.lo > after.toordinal() for a in t.attested)]
            assert (person is not None) == bool(seen), post

    def test_after_the_last_day_the_data_speaks_of_no_holder_is_certain(self) -> None:
        assert set(self.m.leaders(on="2030-01-01").values()) == {None}
        for post in self.m.main_leader_posts():
            assert {truth for truth, _ in self.m.holders_with_truth(post.id, "2030-01-01")} == {Truth.MAYBE}


class TestStrictArguments:
    m = yrdmodel.load()

    @pytest.mark.parametrize("year", ["2021", True, None, 2021.5])
    def test_a_year_is_an_int(self, year: object) -> None:
        with pytest.raises(ArgumentTypeError, match=r"year: expected an int such as 2021") as info:
            self.m.host(year)  # type: ignore[arg-type]
        assert isinstance(info.value, TypeError)
        assert isinstance(info.value, YrdModelError)
        with pytest.raises(ArgumentTypeError):
            self.m.symposium(year)  # type: ignore[arg-type]

    def test_an_int_year_still_answers(self) -> None:
        host = self.m.host(2021)
        assert host is not None
        assert host.id == "jiangsu"
        assert self.m.host(np.int64(2021)) == host  # type: ignore[arg-type]  # a year read from a data frame
        assert self.m.symposium(np.int64(2021)) == self.m.symposium(2021)  # type: ignore[arg-type]

    def test_a_plan_kind_may_be_given_by_its_value(self) -> None:
        day = "2022-06-01"
        assert self.m.plan_in_force("three_year_action", on=day) == self.m.plan_in_force(
            PlanKind.THREE_YEAR_ACTION, on=day
        )
        assert self.m.plans_of("outline") == self.m.plans_of(PlanKind.OUTLINE)

    def test_a_plan_kind_that_does_not_exist_is_refused(self) -> None:
        with pytest.raises(InvalidArgumentError, match=r"kind: 'five_year' is no plan kind.*'three_year_action'"):
            self.m.plan_in_force("five_year", on="2022-06-01")
        with pytest.raises(ArgumentTypeError, match=r"kind: expected a PlanKind"):
            self.m.plan_in_force(3, on="2022-06-01")  # type: ignore[arg-type]

    def test_a_day_is_checked_even_for_a_post_without_tenures(self) -> None:
        m = mechanism(tenure("a", "2020-01-01", None))
        with pytest.raises(InvalidArgumentError, match=r"on: '2021-02-30' is not a real day.*YYYY-MM-DD") as info:
            m.holder("zj.secretary", on="2021-02-30")
        assert isinstance(info.value, ValueError)
        with pytest.raises(InvalidArgumentError, match="whole day"):
            m.holder("zj.secretary", on="2021-02")
        with pytest.raises(ArgumentTypeError, match=r"on: expected a day"):
            m.holder("zj.secretary", on=20210201)  # type: ignore[arg-type]

    def test_each_day_argument_is_named_in_its_refusal(self) -> None:
        with pytest.raises(InvalidArgumentError, match=r"^start: '2020-13-01'"):
            self.m.meetings_between("2020-13-01", "2021-01-01")
        with pytest.raises(ArgumentTypeError, match=r"^end: expected a day"):
            self.m.meetings_between("2020-01-01", 2021)  # type: ignore[arg-type]
        with pytest.raises(InvalidArgumentError, match=r"^on: "):
            self.m.leaders(on="2021-02-29")
        with pytest.raises(InvalidArgumentError, match=r"^on: "):
            self.m.plan_in_force(PlanKind.OUTLINE, on="2021-00-01")

    def test_an_unknown_post_is_refused(self) -> None:
        with pytest.raises(UnknownIdError, match=r"jiangsu\.mayor"):
            self.m.holder("jiangsu.mayor", on="2021-06-01")
        with pytest.raises(UnknownIdError):
            self.m.holders_on("jiangsu.mayor", ["2021-06-01"])
        with pytest.raises(UnknownIdError):
            self.m.holders_with_truth("jiangsu.mayor", "2021-06-01")

    def test_a_bad_day_among_many_is_refused(self) -> None:
        with pytest.raises(InvalidArgumentError, match="days:"):
            self.m.holders_on("jiangsu.governor", ["2021-06-01", "2021-13-01"])
        with pytest.raises(ArgumentTypeError, match="integer day ordinals"):
            self.m.holders_on("jiangsu.governor", np.array([1.5]))
        with pytest.raises(InvalidArgumentError, match="NaT"):
            self.m.holders_on("jiangsu.governor", np.array(["2021-06-01", "NaT"], dtype="datetime64[D]"))
        with pytest.raises(InvalidArgumentError, match="day ordinals run from 1"):
            self.m.holders_on("jiangsu.governor", np.array([0]))

    def test_holders_at_refuses_what_holder_and_holders_on_refuse(self) -> None:
        governor = "jiangsu.governor"
        with pytest.raises(UnknownIdError, match=r"jiangsu\.mayor"):
            self.m.holders_at([governor, "jiangsu.mayor"], ["2021-06-01", "2021-06-01"])
        with pytest.raises(InvalidArgumentError, match="days:"):
            self.m.holders_at([governor, governor], ["2021-06-01", "2021-13-01"])
        with pytest.raises(ArgumentTypeError, match="integer day ordinals"):
            self.m.holders_at([governor], np.array([1.5]))
        with pytest.raises(InvalidArgumentError, match="NaT"):
            self.m.holders_at([governor] * 2, np.array(["2021-06-01", "NaT"], dtype="datetime64[D]"))
        with pytest.raises(InvalidArgumentError, match="day ordinals run from 1"):
            self.m.holders_at([governor], np.array([0]))
        with pytest.raises(InvalidArgumentError, match="one day per post"):
            self.m.holders_at([governor, governor], ["2021-06-01"])
        with pytest.raises(ArgumentTypeError):
            self.m.holders_at(governor, ["2021-06-01"])
        with pytest.raises(ArgumentTypeError, match="a post id is a str"):
            self.m.holders_at([governor, 7], ["2021-06-01", "2021-06-01"])  # type: ignore[list-item]
        with pytest.raises(ArgumentTypeError, match="not int"):  # a wrong type is told before an unknown id
            self.m.holders_at(["jiangsu.mayor", 7], ["2021-06-01", "2021-06-01"])  # type: ignore[list-item]

    def test_holders_at_refuses_a_pandas_column_as_it_refuses_a_list(self) -> None:
        governor, days = "jiangsu.governor", pd.Series([738000, 738001])
        with pytest.raises(UnknownIdError, match=r"jiangsu\.mayor"):
            self.m.holders_at(pd.Series([governor, "jiangsu.mayor"]), days)
        with pytest.raises(UnknownIdError, match=r"jiangsu\.mayor"):
            self.m.holders_at(pd.Series([governor, "jiangsu.mayor"], dtype="category"), days)
        with pytest.raises(ArgumentTypeError, match="not a missing value"):
            self.m.holders_at(pd.Series([governor, None]), days)
        with pytest.raises(ArgumentTypeError, match="not a missing value"):
            self.m.holders_at(pd.Series([governor, None], dtype="category"), days)
        with pytest.raises(ArgumentTypeError, match="not int"):
            self.m.holders_at(pd.Series(["jiangsu.mayor", 7], dtype=object), days)
        with pytest.raises(ArgumentTypeError, match="not int"):
            self.m.holders_at(pd.Series([1, 2], dtype="int64[pyarrow]"), days)
        with pytest.raises(ArgumentTypeError):
            self.m.holders_at(pd.Series([governor, governor]), pd.Series([738000.0, 738001.0]))
        with pytest.raises(InvalidArgumentError, match="one day per post"):
            self.m.holders_at(pd.Series([governor]), days)

    def test_an_unknown_id_that_no_question_asks_about_is_not_refused(self) -> None:
        kind = pd.CategoricalDtype(["jiangsu.governor", "jiangsu.mayor"])  # the second is no post's id
        posts = pd.Series(["jiangsu.governor"] * 2, dtype=kind)
        expected = self.m.holders_at(["jiangsu.governor"] * 2, ["2021-06-01", "2023-01-01"])
        assert self.m.holders_at(posts, pd.to_datetime(pd.Series(["2021-06-01", "2023-01-01"]))) == expected


class TestManyDaysAtOnce:
    m = yrdmodel.load()
    days = tuple(datetime.date(2018, 1, 1) + datetime.timedelta(days=i) for i in range(0, 3000, 7))

    def test_holders_on_answers_what_holder_answers_day_by_day(self) -> None:
        for post in self.m.main_leader_posts():
            expected = [self.m.holder(post.id, day) for day in self.days]
            assert self.m.holders_on(post.id, self.days) == expected
            assert self.m.holders_on(post.id, [d.isoformat() for d in self.days]) == expected
            assert self.m.holders_on(post.id, np.array([d.toordinal() for d in self.days])) == expected
            assert self.m.holders_on(post.id, np.array(self.days, dtype="datetime64[D]")) == expected

    def test_holders_at_answers_what_holder_answers_pair_by_pair(self) -> None:
        pairs = [(post.id, day) for day in self.days for post in self.m.main_leader_posts()]
        expected = [self.m.holder(post, day) for post, day in pairs]
        posts = [post for post, _ in pairs]
        assert self.m.holders_at(posts, [day for _, day in pairs]) == expected
        assert self.m.holders_at(np.array(posts), np.array([day.toordinal() for _, day in pairs])) == expected
        assert self.m.holders_at([], []) == []

    def test_holders_at_answers_alike_when_a_bucket_of_days_is_crowded(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from yrdmodel.model import batch

        pairs = [(post.id, day) for day in self.days for post in self.m.main_leader_posts()]
        expected = [self.m.holder(post, day) for post, day in pairs]
        monkeypatch.setattr(batch, "_PASSES", 0)  # every bucket crowded: each question searched for
        assert self.m.holders_at([p for p, _ in pairs], [d for _, d in pairs]) == expected

    def test_an_ambiguous_day_is_refused_in_a_batch_too(self) -> None:
        m = mechanism(tenure("a", "2020-01-01", "2021-01-01"), tenure("b", "2020-06-01", "2020-07-01"))
        day = datetime.date(2020, 6, 15).toordinal()
        with pytest.raises(AmbiguousAnswerError):
            m.holders_on("zj.governor", np.array([day]))
        with pytest.raises(AmbiguousAnswerError):
            m.holders_at(["zj.governor"] * 2, np.array([day - 30, day]))
        assert m.holders_on("zj.governor", np.array([day - 30]))[0] is not None
        assert m.holders_at(["zj.governor"], np.array([day - 30]))[0] is not None

    def test_the_leaders_frame_takes_an_array_of_days(self) -> None:
        ordinals = np.array([d.toordinal() for d in self.days])
        frame = yrdmodel.leaders_frame(self.m, ordinals)
        certain = frame[frame.truth == "yes"]
        for day in self.days[::40]:
            rows = certain[certain.date == datetime.datetime(day.year, day.month, day.day)]
            expected = {post: p.id for post, p in self.m.leaders(day).items() if p is not None}
            assert dict(zip(rows.post, rows.person, strict=True)) == expected
        assert yrdmodel.leaders_frame(self.m, np.array(self.days, dtype="datetime64[D]")).equals(frame)
