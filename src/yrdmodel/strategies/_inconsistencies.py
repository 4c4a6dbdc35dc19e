"""A valid mechanism with one inconsistency put in, and what validation should find."""

import itertools
from collections.abc import Callable, Sequence
from typing import Any

import attrs
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from yrdmodel.model.bodies import Body
from yrdmodel.model.dates import PartialDate, Precision
from yrdmodel.model.mechanism import Mechanism
from yrdmodel.model.meetings import Attendance, Meeting
from yrdmodel.model.members import Member, MembershipChange, MembershipStatus
from yrdmodel.model.people import Person
from yrdmodel.model.plans import Plan, PlanKind
from yrdmodel.model.posts import Post, Tenure
from yrdmodel.model.schema import collections
from yrdmodel.model.sources import Citation, Confidence, Source, SourceKind
from yrdmodel.strategies._dates import T, _coarse, _coin, partial_dates
from yrdmodel.strategies._mechanisms import mechanisms
from yrdmodel.validation.rules import CODES

# One inconsistency at a time ---------------------------------------------------------------------


@attrs.frozen
class Inconsistency:
    """A mechanism with one inconsistency put in, and what validation should find.

    Attributes:
        mechanism: The broken mechanism.
        code: The finding code validation should report.
        ids: The ids the finding should name (in any order).
        description: What was broken, in a sentence.
    """

    mechanism: Mechanism
    code: str
    ids: tuple[str, ...]
    description: str


Injector = Callable[[st.DrawFn, Mechanism], Inconsistency]
_INJECTORS: dict[str, Injector] = {}


def _injects(code: str) -> Callable[[Injector], Injector]:
    def register(function: Injector) -> Injector:
        _INJECTORS[code] = function
        return function

    return register


def injectable_codes() -> tuple[str, ...]:
    """The finding codes [`inconsistent_mechanisms`][yrdmodel.strategies.inconsistent_mechanisms] can put in: every code validation reports.

    Returns:
        The codes, in the order validation runs its rules.
    """
    return tuple(code for code in CODES if code in _INJECTORS)


def inconsistent_mechanisms(code: str | None = None) -> st.SearchStrategy[Inconsistency]:
    """A valid mechanism with one inconsistency of the given kind put in.

    Validation of ``result.mechanism`` reports exactly one finding: of code ``result.code``,
    naming ``result.ids``.

    Args:
        code: A finding code (see [`injectable_codes`][yrdmodel.strategies.injectable_codes]); None for any.

    Returns:
        A strategy of [`Inconsistency`][yrdmodel.strategies.Inconsistency].

    Raises:
        InvalidArgument: ``code`` is not a finding code.
    """
    codes = injectable_codes()
    if code is not None and code not in codes:
        raise InvalidArgument(f"no such finding code {code!r}; the codes are {', '.join(codes)}")
    return _inconsistent(code)


@st.composite
def _inconsistent(draw: st.DrawFn, code: str | None) -> Inconsistency:
    chosen = code if code is not None else draw(st.sampled_from(injectable_codes()))
    base = draw(mechanisms(min_members=2, max_members=4, min_symposia=2, rotation=True))
    return _INJECTORS[chosen](draw, base)


def _cite(m: Mechanism) -> tuple[Citation, ...]:
    return (Citation(m.sources[0].id),)


def _fresh(taken: Sequence[str] | set[str], stem: str) -> str:
    taken = set(taken)
    if stem not in taken:
        return stem
    n = 2
    while f"{stem}-{n}" in taken:
        n += 1
    return f"{stem}-{n}"


def _with_person(m: Mechanism, stem: str) -> tuple[Mechanism, str]:
    """The mechanism with one more person, and the new person's id."""
    person_id = _fresh([p.id for p in m.people], stem)
    person = Person(id=person_id, name_en=stem.title(), sources=_cite(m))
    return attrs.evolve(m, people=(*m.people, person)), person_id


def _evolve(m: Mechanism, kind: str, records: tuple[Any, ...]) -> Mechanism:
    """The mechanism with the records of one kind (a field name such as ``"tenures"``) replaced."""
    changes: dict[str, Any] = {kind: records}
    return attrs.evolve(m, **changes)


def _replace(records: tuple[T, ...], old: T, new: T) -> tuple[T, ...]:
    return tuple(new if r is old else r for r in records)


def _top_records(m: Mechanism) -> list[tuple[str, Any]]:
    kinds = [c.field for c in collections(Mechanism) if c.record is not Source]
    return [(kind, record) for kind in kinds for record in getattr(m, kind)]


def _day(ordinal: int) -> PartialDate:
    return _coarse(ordinal, Precision.DAY)


@_injects("duplicate-id")
def _duplicate(draw: st.DrawFn, m: Mechanism) -> Inconsistency:
    # Records that no rule other than duplicate-id compares with each other.
    kinds = [c.field for c in collections(Mechanism) if c.record in (Source, Member, Body, Post, Person)]
    kind, record = draw(st.sampled_from([(k, r) for k in kinds for r in getattr(m, k)]))
    copy = attrs.evolve(record, note="a second record under the same id")
    broken = _evolve(m, kind, (*getattr(m, kind), copy))
    return Inconsistency(broken, "duplicate-id", (record.id,), f"a second {kind} record with the id {record.id!r}")


@_injects("dangling-id")
def _dangle(draw: st.DrawFn, m: Mechanism) -> Inconsistency:
    kind, record = draw(st.sampled_from(_top_records(m)))
    how = draw(st.sampled_from(["citation", "field"]))
    if how == "field" and kind == "all_bodies":
        changed, ghost = attrs.evolve(record, parent="ghost-body"), "ghost-body"
    elif how == "field" and kind == "meetings":
        changed, ghost = attrs.evolve(record, plans_adopted=(*record.plans_adopted, "ghost-plan")), "ghost-plan"
    elif how == "field" and kind == "plans":
        changed, ghost = attrs.evolve(record, issued_by="ghost-body"), "ghost-body"
    else:
        changed, ghost = attrs.evolve(record, sources=(*record.sources, Citation("ghost-source"))), "ghost-source"
    broken = _evolve(m, kind, _replace(getattr(m, kind), record, changed))
    return Inconsistency(
        broken, "dangling-id", (record.id, ghost), f"{record.id} refers to {ghost}, which is not there"
    )


@_injects("weak-support")
def _weakly_supported(draw: st.DrawFn, m: Mechanism) -> Inconsistency:
    kind, record = draw(st.sampled_from(_top_records(m)))
    forum = Source(id=_fresh([x.id for x in m.sources], "forum-post"), kind=SourceKind.SECONDARY, ref="A forum post")
    changed = attrs.evolve(record, sources=(Citation(forum.id),), confidence=Confidence.HIGH)
    broken = _evolve(attrs.evolve(m, sources=(*m.sources, forum)), kind, _replace(getattr(m, kind), record, changed))
    return Inconsistency(broken, "weak-support", (record.id,), f"{record.id} is high on a forum post alone")


@_injects("missing-source")
def _unsourced(draw: st.DrawFn, m: Mechanism) -> Inconsistency:
    kind, record = draw(st.sampled_from(_top_records(m)))
    broken = _evolve(m, kind, _replace(getattr(m, kind), record, attrs.evolve(record, sources=())))
    return Inconsistency(broken, "missing-source", (record.id,), f"{record.id} cites no source")


@_injects("span-order")
def _out_of_order(draw: st.DrawFn, m: Mechanism) -> Inconsistency:
    ended = [t for t in m.tenures if t.end is not None]
    if ended and _coin(draw):
        t = draw(st.sampled_from(ended))
        assert t.end is not None
        late = _day(t.end.hi + draw(st.integers(0, 400)))
        broken = attrs.evolve(m, tenures=_replace(m.tenures, t, attrs.evolve(t, attested=(*t.attested, late))))
        return Inconsistency(broken, "span-order", (t.id,), f"{t.id} is attested on {late}, after it ended")
    year = draw(st.integers(1950, 2040))
    founded, dissolved = draw(partial_dates(year, year)), draw(partial_dates(year - 10, year - 1))
    body_id = _fresh([b.id for b in m.all_bodies], "defunct-group")
    body = Body(id=body_id, name_en="Defunct group", founded=founded, dissolved=dissolved, sources=_cite(m))
    broken = attrs.evolve(m, all_bodies=(*m.all_bodies, body))
    return Inconsistency(broken, "span-order", (body_id,), f"{body_id} is dissolved before it is founded")


def _definite(t: Tenure) -> tuple[int, int] | None:
    span = t.span()
    return (span.certain_from, span.certain_until - 1) if span.has_certain else None


@_injects("tenure-overlap")
def _overlap(draw: st.DrawFn, m: Mechanism) -> Inconsistency:
    single = {p.id for p in m.posts if p.seats == 1}
    candidates = [t for t in m.tenures if t.post in single and not t.overlap_allowed and _definite(t)]
    broken, intruder = _with_person(m, "intruder")
    if candidates:
        t = draw(st.sampled_from(candidates))
        span = _definite(t)
        assert span is not None
        day = draw(st.integers(*span))
        new = Tenure(post=t.post, person=intruder, start=_day(day), end=_day(day + 1), sources=_cite(m))
        broken = attrs.evolve(broken, tenures=(*broken.tenures, new))
        return Inconsistency(
            broken, "tenure-overlap", (t.id, new.id), f"{intruder} holds {t.post} on a day {t.person} does"
        )
    post_id = _fresh([p.id for p in m.posts], "extra.post")
    broken, other = _with_person(broken, "incumbent")
    post = Post(id=post_id, name_en="Extra post", sources=_cite(m))
    a = Tenure(post=post_id, person=other, start=_day(730000), end=_day(730100), sources=_cite(m))
    b = Tenure(post=post_id, person=intruder, start=_day(730050), end=_day(730200), sources=_cite(m))
    broken = attrs.evolve(broken, posts=(*broken.posts, post), tenures=(*broken.tenures, a, b))
    return Inconsistency(broken, "tenure-overlap", (a.id, b.id), f"two people hold {post_id} at once")


@_injects("incompatible-posts")
def _incompatible(draw: st.DrawFn, m: Mechanism) -> Inconsistency:
    clash = {(p.id, q) for p in m.posts for q in p.incompatible_with}
    clash |= {(b, a) for a, b in clash}
    candidates = [(t, b) for t in m.tenures if _definite(t) for a, b in sorted(clash) if a == t.post]
    if candidates:
        t, other_post = draw(st.sampled_from(candidates))
        span = _definite(t)
        assert span is not None
        day = draw(st.integers(*span))
        new = Tenure(
            post=other_post,
            person=t.person,
            start=_day(day),
            end=_day(day + 1),
            overlap_allowed=True,  # the post's own holder is not the point here
            sources=_cite(m),
        )
        broken = attrs.evolve(m, tenures=(*m.tenures, new))
        return Inconsistency(
            broken, "incompatible-posts", (t.id, new.id), f"{t.person} holds {t.post} and {other_post} at once"
        )
    broken, person = _with_person(m, "pluralist")
    first, second = _fresh([p.id for p in m.posts], "extra.first"), _fresh([p.id for p in m.posts], "extra.second")
    posts_ = (
        Post(id=first, name_en="First", incompatible_with=(second,), sources=_cite(m)),
        Post(id=second, name_en="Second", sources=_cite(m)),
    )
    a = Tenure(post=first, person=person, start=_day(730000), end=_day(730100), sources=_cite(m))
    b = Tenure(post=second, person=person, start=_day(730050), end=_day(730200), sources=_cite(m))
    broken = attrs.evolve(broken, posts=(*broken.posts, *posts_), tenures=(*broken.tenures, a, b))
    return Inconsistency(broken, "incompatible-posts", (a.id, b.id), f"{person} holds {first} and {second} at once")


@_injects("meeting-outside-body")
def _before_founding(draw: st.DrawFn, m: Mechanism) -> Inconsistency:
    body = draw(st.sampled_from([b for b in m.all_bodies if b.dissolved is None]))
    years = [x.year for x in m.meetings if x.body == body.id]
    founded = body.founded or PartialDate(min(years, default=2000) - 1)
    changed = attrs.evolve(body, founded=founded)
    meeting_id = _fresh([x.id for x in m.meetings], f"{body.id}.before-founding")
    early = Meeting(
        id=meeting_id, body=body.id, date=draw(partial_dates(founded.year - 1, founded.year - 1)), sources=_cite(m)
    )
    broken = attrs.evolve(m, all_bodies=_replace(m.all_bodies, body, changed), meetings=(*m.meetings, early))
    return Inconsistency(
        broken, "meeting-outside-body", (meeting_id, body.id), f"{meeting_id} met before {body.id} was founded"
    )


def _symposia(m: Mechanism) -> list[Meeting]:
    return sorted(m.symposia, key=lambda x: (x.date.sort_key, x.id))


@_injects("host-not-member")
def _not_yet_member(draw: st.DrawFn, m: Mechanism) -> Inconsistency:
    hosted = [x for x in _symposia(m) if x.host is not None]
    assume(hosted)
    host = draw(st.sampled_from(sorted({x.host for x in hosted if x.host is not None})))
    first = min((x for x in hosted if x.host == host), key=lambda x: x.date.lo)
    member = m.member(host)
    joined = MembershipChange(
        since=_day(first.date.hi + 1), status=MembershipStatus.FULL, event="joined late", sources=_cite(m)
    )
    broken = attrs.evolve(m, members=_replace(m.members, member, attrs.evolve(member, history=(joined,))))
    return Inconsistency(broken, "host-not-member", (first.id, host), f"{host} hosted {first.id} before it joined")


@_injects("rotation-deviation")
def _off_rotation(draw: st.DrawFn, m: Mechanism) -> Inconsistency:
    policy = m.rotation
    assert policy is not None
    governed = [x for x in _symposia(m) if x.host is not None and policy.governs(x.year)]
    if governed:
        x = draw(st.sampled_from(governed))
    else:  # hold the next meeting the rotation expects
        after = policy.next_after(max((x.year for x in m.symposia), default=policy.first_year))
        assume(after is not None)
        assert after is not None
        year, host = after
        x = Meeting(
            id=_fresh([x.id for x in m.meetings], f"{m.host_body}.{year}"),
            body=m.host_body,
            date=PartialDate(year),
            host=host,
            sources=_cite(m),
        )
        m = attrs.evolve(m, meetings=(*m.meetings, x))
    expected = x.host
    actual = draw(st.sampled_from([i for i in (mm.id for mm in m.members) if i != expected]))
    ordered = _symposia(m)
    before = ordered[ordered.index(x) - 1] if ordered.index(x) > 0 else None
    changed = []
    for y in m.meetings:
        if y is x:
            y = attrs.evolve(y, host=actual)
        elif y.next_host is not None and (y.next_host_year == x.year or (y is before and y.next_host_year is None)):
            y = attrs.evolve(y, next_host=None, next_host_year=None)  # no decision to contradict
        changed.append(y)
    broken = attrs.evolve(m, meetings=tuple(changed))
    ids = (x.id, actual) if expected is None else (x.id, actual, expected)
    return Inconsistency(broken, "rotation-deviation", ids, f"{actual} hosts {x.id} instead of {expected}")


@_injects("next-host-mismatch")
def _wrong_next_host(draw: st.DrawFn, m: Mechanism) -> Inconsistency:
    ordered = _symposia(m)
    pairs = [(x, y) for i, x in enumerate(ordered) for y in ordered[i + 1 :] if y.host is not None]
    assume(pairs)
    x, y = draw(st.sampled_from(pairs))
    decided = draw(st.sampled_from([mm.id for mm in m.members if mm.id != y.host]))
    broken = attrs.evolve(
        m, meetings=_replace(m.meetings, x, attrs.evolve(x, next_host=decided, next_host_year=y.year))
    )
    assert y.host is not None
    return Inconsistency(
        broken, "next-host-mismatch", (x.id, y.id, decided, y.host), f"{x.id} chose {decided}, but {y.host} hosted"
    )


@_injects("attendee-not-in-office")
def _absentee(draw: st.DrawFn, m: Mechanism) -> Inconsistency:
    assume(m.meetings)
    x = draw(st.sampled_from(m.meetings))
    post = draw(st.sampled_from(m.posts))
    broken, person = _with_person(m, "impostor")
    changed = attrs.evolve(x, attendees=(*x.attendees, Attendance(person=person, post=post.id)))
    broken = attrs.evolve(broken, meetings=_replace(broken.meetings, x, changed))
    return Inconsistency(
        broken, "attendee-not-in-office", (x.id, person, post.id), f"{person} attends {x.id} as {post.id}"
    )


def _plan_pair(m: Mechanism, first: tuple[int, int], second: tuple[int, int], code: str) -> Inconsistency:
    series = _fresh(sorted({p.series for p in m.plans if p.series} | {p.id for p in m.plans}), "extra-series")
    a, b = (
        Plan(
            id=f"{series}.{name}",
            name_en=name.upper(),
            kind=PlanKind.WORK_PRIORITIES,
            series=series,
            first_year=years[0],
            last_year=years[1],
            sources=_cite(m),
        )
        for name, years in (("a", first), ("b", second))
    )
    return Inconsistency(attrs.evolve(m, plans=(*m.plans, a, b)), code, (a.id, b.id), f"{a.id} and {b.id}")


def _series_pairs(m: Mechanism) -> list[tuple[Plan, Plan]]:
    pairs: list[tuple[Plan, Plan]] = []
    for series in sorted({p.series for p in m.plans if p.series}):
        ordered = sorted((p for p in m.plans if p.series == series), key=lambda p: p.first_year or 0)
        pairs.extend(itertools.pairwise(ordered))
    return pairs


@_injects("plan-series-overlap")
def _plans_overlap(draw: st.DrawFn, m: Mechanism) -> Inconsistency:
    pairs = _series_pairs(m)
    if pairs and _coin(draw):
        earlier, later = draw(st.sampled_from(pairs))
        assert earlier.last_year is not None
        changed = attrs.evolve(later, first_year=earlier.last_year)
        broken = attrs.evolve(m, plans=_replace(m.plans, later, changed))
        return Inconsistency(
            broken, "plan-series-overlap", (earlier.id, later.id), f"{later.id} starts in {earlier.id}'s last year"
        )
    year = draw(st.integers(1990, 2040))
    return _plan_pair(m, (year, year + 2), (year + draw(st.integers(0, 2)), year + 3), "plan-series-overlap")


@_injects("plan-series-gap")
def _plans_gap(draw: st.DrawFn, m: Mechanism) -> Inconsistency:
    pairs = [(a, b) for a, b in _series_pairs(m) if b.last_year is not None and b.first_year != b.last_year]
    if pairs and _coin(draw):
        earlier, later = draw(st.sampled_from(pairs))
        assert later.first_year is not None
        changed = attrs.evolve(later, first_year=later.first_year + 1)
        broken = attrs.evolve(m, plans=_replace(m.plans, later, changed))
        return Inconsistency(
            broken, "plan-series-gap", (earlier.id, later.id), f"{later.id} starts a year after {earlier.id} ends"
        )
    year = draw(st.integers(1990, 2040))
    return _plan_pair(m, (year, year), (year + draw(st.integers(2, 4)), year + 5), "plan-series-gap")
