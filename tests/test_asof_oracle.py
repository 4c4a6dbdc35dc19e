"""Rules 1-2 of partial dates (certain through ``as_of``; seats bound the unknown) against a brute-force oracle.

Mechanisms are generated from a true history blurred the way sources blur it: each tenure
really ran over some days; the data keeps its start and end at day or month precision, or
drops them, and a few days on which the person was seen in office. Open tenures of a current
post are left open only where the truth allows (the curators checked them through ``as_of``).

The oracle reads the rules literally: a tenure is one unbroken run of days ``[s, e)``; it tries
every first day ``s`` and takes every last day the data allows, then answers YES on the days
every such run covers and MAYBE on the rest of their hull. Every part of the library that
speaks about tenure days must agree with it.
"""

import datetime
import itertools
import sys
from collections.abc import Sequence
from typing import Any
from unittest.mock import patch

import attrs
import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import yrdmodel
from yrdmodel import (
    AmbiguousAnswerError,
    Citation,
    Mechanism,
    Member,
    MemberKind,
    PartialDate,
    Person,
    Post,
    Tenure,
    Truth,
    UnknownIdError,
)
from yrdmodel.interop.timeline import _segments
from yrdmodel.model import batch

CITE = (Citation("seed-000"),)
POST = "zj.governor"
FIRST = datetime.date(2001, 1, 1).toordinal()  # the days the true history runs over
LAST = datetime.date(2001, 2, 28).toordinal()
LOW = FIRST - 40  # the oracle's stand-in for "any earlier day": no date of the data reaches it
HIGH = LAST + 40  # ... and for "any later day"
DAYS = range(LOW + 1, HIGH)
EPOCH = datetime.date(1970, 1, 1).toordinal()


# The oracle ----------------------------------------------------------------------------------------


@attrs.frozen
class Answer:
    """The oracle's certain and possible days of one tenure (closed ranges; empty when first > last)."""

    certain: tuple[int, int]
    possible: tuple[int, int]

    def truth(self, day: int) -> Truth:
        if self.certain[0] <= day <= self.certain[1]:
            return Truth.YES
        if self.possible[0] <= day <= self.possible[1]:
            return Truth.MAYBE
        return Truth.NO


def runs(t: Tenure, *, as_of: int | None, blocked: frozenset[int]) -> Answer | None:
    """Every run ``[s, e)`` the tenure's dates allow, avoiding ``blocked`` days; None when there is none.

    Each first day ``s`` is tried in turn; the last days allowed with it are then one range.
    ``as_of``: the tenure is open and its curators checked it through that day, so a run that
    started by then goes on past it.
    """
    found: list[tuple[int, int, int]] = []  # (s, the least e, the greatest e)
    for s in range(t.start.lo, t.start.hi + 1) if t.start else range(LOW, HIGH):
        if s in blocked or any(a.hi < s for a in t.attested):
            continue
        least, most = s + 1, next((d for d in range(s, HIGH) if d in blocked), HIGH)
        if t.end is not None:
            least, most = max(least, t.end.lo), min(most, t.end.hi)
        least = max([least, *(a.lo + 1 for a in t.attested)])
        if as_of is not None and s <= as_of:
            least = max(least, as_of + 1)
        if least <= most:
            found.append((s, least, most))
    if not found:
        return None
    certain = (max(s for s, _, _ in found), min(least for _, least, _ in found) - 1)
    possible = (min(s for s, _, _ in found), max(most for _, _, most in found) - 1)
    return Answer(certain, possible)


def full(answers: Sequence[Answer | None], seats: int, skip: int) -> frozenset[int]:
    """The days on which ``seats`` of the answers other than the ``skip``-th are certain."""
    counted = [a for i, a in enumerate(answers) if i != skip and a is not None]
    return frozenset(d for d in DAYS if sum(a.certain[0] <= d <= a.certain[1] for a in counted) >= seats)


def oracle(m: Mechanism) -> dict[str, Answer]:
    """Rules 1-2 for the one post of a generated mechanism, tenure by tenure."""
    (post,) = m.posts
    tenures = list(m.tenures)
    as_of = m.as_of.lo if m.as_of is not None and (m.current_posts is None or post.id in m.current_posts) else None
    bounded = [post.seats is not None and not t.overlap_allowed for t in tenures]
    counted = [
        a if b else None
        for a, b in zip([runs(t, as_of=None, blocked=frozenset()) for t in tenures], bounded, strict=True)
    ]

    def blocked(answers: list[Answer | None], i: int) -> frozenset[int]:
        return full(answers, post.seats or 1, i) if bounded[i] else frozenset()

    checked: list[int | None] = []
    for i, t in enumerate(tenures):
        reach = runs(t, as_of=None, blocked=blocked(counted, i))
        checked.append(as_of if t.end is None and as_of is not None and reach and reach.possible[1] >= as_of else None)
    own = [runs(t, as_of=checked[i], blocked=frozenset()) for i, t in enumerate(tenures)]
    assume(all(a is not None for a in own))
    counted = [a if b else None for a, b in zip(own, bounded, strict=True)]
    answers = {}
    for i, t in enumerate(tenures):
        answer = runs(t, as_of=checked[i], blocked=blocked(counted, i))
        assume(answer is not None)  # a missed end can leave a tenure no run at all: contradictory data
        assert answer is not None
        answers[t.id] = answer
    return answers


# Generated mechanisms -------------------------------------------------------------------------------


def blur(draw: st.DrawFn, day: int) -> PartialDate:
    """The day, or its month."""
    date = datetime.date.fromordinal(day)
    return PartialDate(date.year, date.month, draw(st.sampled_from([date.day, None])))


@st.composite
def mechanisms(draw: st.DrawFn) -> Mechanism:
    seats = draw(st.sampled_from([1, 1, 1, 2, None]))
    as_of = draw(st.none() | st.integers(FIRST, LAST))
    current = draw(st.sampled_from([None, None, (POST,), ()]))
    vouched = as_of is not None and current != ()
    truths: list[tuple[int, int, bool]] = []
    for _ in range(seats or 2):  # each seat: a line of holders, one after another, with gaps
        cuts = sorted(set(draw(st.lists(st.integers(FIRST - 3, LAST + 3), min_size=2, max_size=6))))
        for s, e in itertools.pairwise(cuts):
            if draw(st.integers(0, 4)):
                truths.append((s, e, False))
    if draw(st.booleans()):  # an overlap the data marks as real
        s = draw(st.integers(FIRST, LAST))
        truths.append((s, s + draw(st.integers(1, 20)), True))
    tenures = []
    for i, (s, e, allowed) in enumerate(truths):
        start = draw(st.none() | st.just(blur(draw, s)))
        # An end the curators missed (an open tenure that really ended before as_of) now and then:
        # the seats still close it when a successor certainly started.
        stale = draw(st.integers(0, 5)) == 0
        may_be_open = stale or not vouched or e > as_of or s > as_of  # type: ignore[operator]
        end = None if may_be_open and draw(st.booleans()) else blur(draw, e)
        seen = draw(st.lists(st.integers(s, e - 1), max_size=2))
        tenures.append(
            Tenure(
                post=POST,
                person=f"p{i}",
                start=start,
                end=end,
                attested=tuple(blur(draw, d) for d in seen),
                overlap_allowed=allowed,
                sources=CITE,
            )
        )
    return Mechanism(
        name_en="generated",
        as_of=None if as_of is None else PartialDate.of(datetime.date.fromordinal(as_of)),
        current_posts=current,
        members=(Member(id="zj", name_en="Zhejiang", name_zh="浙江", kind=MemberKind.PROVINCE, sources=CITE),),
        posts=(Post(id=POST, name_en="Governor", member="zj", seats=seats, main_leader=True, sources=CITE),),
        people=tuple(Person(id=t.person, name_en=t.person.upper(), sources=CITE) for t in tenures),
        tenures=tuple(tenures),
    )


def certain_holders(m: Mechanism, answers: dict[str, Answer], day: int) -> list[str]:
    return [t.person for t in m.tenures if answers[t.id].truth(day) is Truth.YES]


# Properties ------------------------------------------------------------------------------------------


@given(mechanisms())
def test_spans_and_holders_with_truth_agree_with_the_oracle(m: Mechanism) -> None:
    answers = oracle(m)
    for t in m.tenures:
        span = m.span(t)
        assert [span.covers(d) for d in DAYS] == [answers[t.id].truth(d) for d in DAYS], t.id
    for day in DAYS[::3]:
        expected = {(answers[t.id].truth(day), t.id) for t in m.tenures} - {(Truth.NO, t.id) for t in m.tenures}
        date = datetime.date.fromordinal(day)
        assert {(truth, t.id) for truth, t in m.holders_with_truth(POST, date)} == expected


@given(mechanisms())
def test_holder_leaders_and_holders_on_agree_with_the_oracle(m: Mechanism) -> None:
    answers = oracle(m)
    dates = [datetime.date.fromordinal(d) for d in DAYS]
    ambiguous = False
    for day, date in zip(DAYS, dates, strict=True):
        certain = certain_holders(m, answers, day)
        if len(certain) > 1:
            ambiguous = True
            with pytest.raises(AmbiguousAnswerError):
                m.holder(POST, date)
            with pytest.raises(AmbiguousAnswerError):
                m.leaders(date)
            continue
        got = m.holder(POST, date)
        assert (got.id if got else None) == (certain[0] if certain else None), date
        leader = m.leaders(date)[POST]
        assert (leader.id if leader else None) == (certain[0] if certain else None)
    if ambiguous:
        with pytest.raises(AmbiguousAnswerError):
            m.holders_on(POST, np.array(list(DAYS)))
        return
    expected = [m.holder(POST, date) for date in dates]
    assert m.holders_on(POST, dates) == expected
    assert m.holders_on(POST, np.array(list(DAYS))) == expected


@given(mechanisms())
def test_the_leaders_frame_agrees_with_the_oracle(m: Mechanism) -> None:
    answers = oracle(m)
    frame = yrdmodel.leaders_frame(m, np.array(list(DAYS)))
    ordinals = frame["date"].dt.date.map(datetime.date.toordinal)
    got = {
        (int(day), tenure, truth)
        for day, tenure, truth in zip(ordinals, frame["tenure"], frame["truth"], strict=True)
        if isinstance(tenure, str)
    }
    expected = {
        (d, t.id, answers[t.id].truth(d).value)
        for d in DAYS
        for t in m.tenures
        if answers[t.id].truth(d) is not Truth.NO
    }
    assert got == expected
    assert len(frame) >= len(DAYS)


@given(mechanisms())
def test_overlap_findings_agree_with_the_oracle(m: Mechanism) -> None:
    answers = oracle(m)
    seats = m.posts[0].seats
    findings = m.validate().filter(code="tenure-overlap").findings
    if seats is None:
        assert findings == ()
        return
    counted = [answers[t.id] for t in m.tenures if not t.overlap_allowed]
    certain = any(sum(a.truth(d) is Truth.YES for a in counted) > seats for d in DAYS)
    possible = any(sum(a.truth(d) is not Truth.NO for a in counted) > seats for d in DAYS)
    assert any(not f.possible for f in findings) == certain
    assert bool(findings) == possible


@given(mechanisms())
def test_popolo_dates_bound_the_possible_days_of_the_oracle(m: Mechanism) -> None:
    answers = oracle(m)
    memberships = {ms["id"]: ms for ms in yrdmodel.to_popolo(m)["memberships"]}
    for t in m.tenures:
        first, last = answers[t.id].possible
        ms = memberships[t.id]
        if first <= LOW:
            assert "start_date" not in ms
        else:
            assert PartialDate.parse(ms["start_date"]).lo == first, t.id
        if last >= HIGH - 1:
            assert "end_date" not in ms
        else:
            assert PartialDate.parse(ms["end_date"]).hi == last, t.id


@given(mechanisms())
def test_timeline_bars_agree_with_the_oracle(m: Mechanism) -> None:
    answers = oracle(m)
    for t in m.tenures:
        pieces = _segments(m.span(t), DAYS[0], DAYS[-1])
        drawn = {d: p.certain for p in pieces for d in range(p.first, p.last + 1)}
        for d in DAYS:
            truth = answers[t.id].truth(d)
            assert drawn.get(d) == (None if truth is Truth.NO else truth is Truth.YES), (t.id, d)


@st.composite
def several_posts(draw: st.DrawFn) -> Mechanism:
    """One to three generated mechanisms as the posts of one (people renamed apart), and a post without tenures."""
    parts = [draw(mechanisms()) for _ in range(draw(st.integers(1, 3)))]
    names = ["zj.governor", "zj.mayor", "zj.secretary"]
    posts = [attrs.evolve(part.posts[0], id=name) for part, name in zip(parts, names, strict=False)]
    tenures = tuple(
        attrs.evolve(t, post=name, person=f"{t.person}-{name[3:]}")
        for part, name in zip(parts, names, strict=False)
        for t in part.tenures
    )
    vacant = Post(id="zj.vacant", name_en="Vacant", member="zj", seats=1, sources=CITE)
    return attrs.evolve(
        parts[0],
        current_posts=None,
        posts=(*posts, vacant),
        people=tuple(Person(id=t.person, name_en=t.person.upper(), sources=CITE) for t in tenures),
        tenures=tenures,
    )


def holder_or_refusal(m: Mechanism, post: str, day: int) -> Person | type[Exception] | None:
    try:
        return m.holder(post, datetime.date.fromordinal(day))
    except (AmbiguousAnswerError, UnknownIdError) as error:
        return type(error)


@given(several_posts(), st.data())
def test_holders_at_answers_what_holder_answers_pair_by_pair(m: Mechanism, data: st.DataObject) -> None:
    ids = [p.id for p in m.posts]
    unknown = data.draw(st.sampled_from([[], [], ["zj.unknown"]]))
    pairs = data.draw(st.lists(st.tuples(st.sampled_from(ids + unknown), st.sampled_from(DAYS)), max_size=60))
    steps = data.draw(st.sampled_from([batch._PASSES, 0, 1]), label="steps through a bucket before a search")
    posts = [post for post, _ in pairs]
    days = [day for _, day in pairs]
    dates = [datetime.date.fromordinal(d) for d in days]
    expected = [holder_or_refusal(m, post, day) for post, day in pairs]
    categories = pd.CategoricalDtype([*ids, *unknown, "zj.never-asked"])  # an unknown id no question asks about
    forms: list[tuple[Any, Any]] = [
        (posts, dates),
        (posts, np.array(days, dtype=np.int64)),
        (np.array(posts, dtype=str), (np.array(days, dtype=np.int64) - EPOCH).astype("datetime64[D]")),
        (posts, [date.isoformat() for date in dates]),
        (pd.Series(posts, dtype=str), pd.Series(days, dtype=np.int64)),  # the columns of a pandas user's frame
        (pd.Series(posts, dtype=object), pd.Series(pd.to_datetime(dates))),
        (pd.Series(posts, dtype=categories), pd.Series(days, dtype=np.int32)),
        (pd.Categorical(posts), pd.DatetimeIndex(pd.to_datetime(dates))),
    ]
    refusal = next((e for e in (UnknownIdError, AmbiguousAnswerError) if e in expected), None)
    with patch.object(batch, "_PASSES", steps):
        for post_form, day_form in forms:
            if refusal is not None:
                with pytest.raises(refusal):
                    m.holders_at(post_form, day_form)
            else:
                assert m.holders_at(post_form, day_form) == expected
    with patch.dict(sys.modules, {"numpy": None}):  # without numpy: one lookup per pair
        if refusal is not None:
            with pytest.raises(refusal):
                m.holders_at(posts, dates)
        else:
            assert m.holders_at(posts, dates) == expected
