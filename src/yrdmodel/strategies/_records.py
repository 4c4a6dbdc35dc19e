"""Strategies of one record at a time, each valid on its own."""

import functools
from collections.abc import Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

from yrdmodel.model.bodies import Body, BodyKind, Count, Tier
from yrdmodel.model.dates import PartialDate, Precision
from yrdmodel.model.meetings import Attendance, Meeting
from yrdmodel.model.members import Member, MemberKind, MembershipChange, MembershipStatus
from yrdmodel.model.people import Alias, Identifier, Person
from yrdmodel.model.plans import Plan, PlanKind
from yrdmodel.model.posts import Post, Tenure
from yrdmodel.model.rotation import ExceptionKind, RotationException, RotationPolicy
from yrdmodel.model.sources import Citation, Confidence, Source, SourceKind
from yrdmodel.strategies._dates import (
    _PRECISION,
    MAX_YEAR,
    MIN_YEAR,
    _coarse,
    _first_day,
    _last_day,
    _optional,
    _texts,
    partial_dates,
    slugs,
    spans,
)

# One record at a time ----------------------------------------------------------------------------


def sources(ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Source]:
    """Sources of facts.

    Args:
        ids: Strategy for the source's id (default: [`slugs`][yrdmodel.strategies.slugs]).

    Returns:
        A strategy of [`Source`][yrdmodel.Source].
    """
    return st.builds(
        Source,
        id=ids if ids is not None else slugs(),
        kind=st.sampled_from(SourceKind),
        ref=_texts(),
        title=_optional(_texts()),
        publisher=_optional(_texts()),
        published=_optional(partial_dates()),
        note=_optional(_texts()),
    )


def citations(source_ids: Sequence[str] | None = None) -> st.SearchStrategy[tuple[Citation, ...]]:
    """One or two citations, of the given sources or of arbitrary source ids.

    Args:
        source_ids: The ids to cite; default arbitrary slugs.

    Returns:
        A strategy of non-empty tuples of [`Citation`][yrdmodel.Citation].
    """
    return _citations(tuple(source_ids) if source_ids else None)


@functools.lru_cache(maxsize=256)
def _citations(source_ids: tuple[str, ...] | None) -> st.SearchStrategy[tuple[Citation, ...]]:
    ids = st.lists(st.sampled_from(source_ids) if source_ids else slugs(), min_size=1, max_size=2, unique=True)
    return st.builds(
        lambda cited, note: (Citation(cited[0], note=note), *(Citation(i) for i in cited[1:])),
        ids,
        _optional(_texts()),
    )


def _sourced(source_ids: Sequence[str] | None = None) -> dict[str, st.SearchStrategy[Any]]:
    """The keyword strategies of the fields every sourced record has."""
    return dict(_sourced_parts(tuple(source_ids) if source_ids else None))


@functools.lru_cache(maxsize=256)
def _sourced_parts(source_ids: tuple[str, ...] | None) -> tuple[tuple[str, st.SearchStrategy[Any]], ...]:
    return (
        ("sources", _citations(source_ids)),
        ("confidence", st.sampled_from(Confidence)),
        ("note", _optional(_texts())),
    )


def _sourced_dict(source_ids: Sequence[str] | None = None) -> st.SearchStrategy[dict[str, Any]]:
    """The fields every sourced record has, drawn at once."""
    return _sourced_dicts(tuple(source_ids) if source_ids else None)


@functools.lru_cache(maxsize=256)
def _sourced_dicts(source_ids: tuple[str, ...] | None) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(dict(_sourced_parts(source_ids)))


def membership_changes(min_year: int = MIN_YEAR, max_year: int = MAX_YEAR) -> st.SearchStrategy[MembershipChange]:
    """Dated changes of a member's status.

    Args:
        min_year: The earliest year of the change.
        max_year: The latest year of the change.

    Returns:
        A strategy of [`MembershipChange`][yrdmodel.MembershipChange].
    """
    return st.builds(
        MembershipChange,
        since=partial_dates(min_year, max_year),
        status=st.sampled_from(MembershipStatus),
        event=_texts(),
        **_sourced(),
    )


@st.composite
def _histories(draw: st.DrawFn, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR) -> tuple[MembershipChange, ...]:
    """A membership history, oldest first: changes in distinct years, the last one full membership."""
    years = sorted(draw(st.lists(st.integers(min_year, max_year), max_size=3, unique=True)))
    changes = []
    for i, year in enumerate(years):
        last = i == len(years) - 1
        status = MembershipStatus.FULL if last else draw(st.sampled_from(MembershipStatus))
        change: MembershipChange = draw(membership_changes(year, year))
        changes.append(attrs.evolve(change, status=status))
    return tuple(changes)


def members(id: str | None = None) -> st.SearchStrategy[Member]:
    """Member regions, with a membership history that is oldest first.

    Args:
        id: The member's id; default an arbitrary slug.

    Returns:
        A strategy of [`Member`][yrdmodel.Member].
    """
    return st.builds(
        Member,
        id=st.just(id) if id is not None else slugs(),
        name_en=_texts(),
        name_zh=_texts(),
        kind=st.sampled_from(MemberKind),
        capital=_optional(_texts()),
        history=_histories(),
        **_sourced(),
    )


@st.composite
def bodies(draw: st.DrawFn, id: str | None = None) -> Body:
    """Bodies of a mechanism, founded before they are dissolved.

    Args:
        draw: Supplied by Hypothesis.
        id: The body's id; default an arbitrary slug.

    Returns:
        A [`Body`][yrdmodel.Body].
    """
    founded, dissolved = draw(spans())
    body: Body = draw(
        st.builds(
            Body,
            id=st.just(id) if id is not None else slugs(),
            name_en=_texts(),
            name_zh=_optional(_texts()),
            kind=st.sampled_from(BodyKind),
            tier=_optional(st.sampled_from(Tier)),
            parent=_optional(slugs()),
            founded=st.sampled_from([founded, None]),
            dissolved=st.just(dissolved),
            seat=_optional(_texts()),
            description=_optional(_texts()),
            counts=st.lists(_counts(), max_size=2).map(tuple),
            **_sourced(),
        )
    )
    return body


def _counts() -> st.SearchStrategy[Count]:
    return st.builds(Count, value=st.integers(0, 100), as_of=partial_dates(), **_sourced())


def posts(id: str | None = None, member: str | None = None) -> st.SearchStrategy[Post]:
    """Posts, with one or more seats or an unknown number of them.

    Args:
        id: The post's id; default an arbitrary slug.
        member: The member whose post it is; default an arbitrary slug or none.

    Returns:
        A strategy of [`Post`][yrdmodel.Post].
    """
    return st.builds(
        Post,
        id=st.just(id) if id is not None else slugs(),
        name_en=_texts(),
        name_zh=_optional(_texts()),
        member=st.just(member) if member is not None else _optional(slugs()),
        body=_optional(slugs()),
        seats=st.none() | st.integers(1, 5),
        main_leader=st.booleans(),
        incompatible_with=st.lists(slugs(), max_size=2).map(tuple),
        **_sourced(),
    )


def people(id: str | None = None) -> st.SearchStrategy[Person]:
    """People, with names in any script, aliases and identifiers.

    Args:
        id: The person's id; default an arbitrary slug.

    Returns:
        A strategy of [`Person`][yrdmodel.Person].
    """
    return st.builds(
        Person,
        id=st.just(id) if id is not None else slugs(),
        name_en=_texts(),
        name_zh=_optional(_texts()),
        aliases=st.lists(st.builds(Alias, name=_texts(), note=_optional(_texts())), max_size=2).map(tuple),
        identifiers=st.lists(st.builds(Identifier, scheme=slugs(), value=_texts()), max_size=1).map(tuple),
        **_sourced(),
    )


@st.composite
def tenures(draw: st.DrawFn, post: str | None = None, person: str | None = None) -> Tenure:
    """Tenures whose dates are in order: confirmation and attestations fall inside the span.

    Args:
        draw: Supplied by Hypothesis.
        post: The post held; default an arbitrary slug.
        person: Who held it; default an arbitrary slug.

    Returns:
        A [`Tenure`][yrdmodel.Tenure].
    """
    start, end = draw(spans())
    return _tenure(
        draw,
        post=post if post is not None else draw(slugs()),
        person=person if person is not None else draw(slugs()),
        start=start,
        end=end,
        source_ids=None,
    )


def _tenure(
    draw: st.DrawFn,
    *,
    post: str,
    person: str,
    start: PartialDate | None,
    end: PartialDate | None,
    source_ids: Sequence[str] | None,
    sourced: dict[str, Any] | None = None,
    **fields: Any,
) -> Tenure:
    """A tenure of ``[start, end)``, with a confirmation and attestations inside it where there is room."""
    lo = start.hi if start is not None else (end.lo - 1000 if end is not None else _first_day(2000))
    hi = end.lo - 1 if end is not None else lo + 3000
    attested: tuple[PartialDate, ...] = ()
    confirmed = None
    flags = draw(st.integers(0, 15))
    how = _HOW[flags % 4]
    if lo <= hi:
        # An unknown start needs an attested day to bound it; otherwise days are attested now and then.
        if start is None or flags & 4:
            attested = (_coarse(draw(st.integers(lo, hi)), Precision.DAY),)
        if start is not None and flags & 8:
            confirmed = _coarse(draw(st.integers(lo, hi)), Precision.DAY)
    values: dict[str, Any] = {
        "acting": how[0],
        "confirmed": confirmed,
        "attested": attested,
        "how_started": how[1],
        "how_ended": how[2] if end is not None else None,
        **(sourced if sourced is not None else draw(_sourced_dict(source_ids))),
    }
    return Tenure(post=post, person=person, start=start, end=end, **{**values, **fields})


_HOW = (
    (None, None, None),
    (True, "acting, then elected", "transferred"),
    (False, "elected by the People's Congress", "resignation accepted"),
    (None, "任命", "调任"),
)
"""``(acting, how_started, how_ended)`` as the sources phrase them."""


def attendances(person: str | None = None, post: str | None = None) -> st.SearchStrategy[Attendance]:
    """People recorded at a meeting.

    Args:
        person: The person's id; default an arbitrary slug.
        post: The post they attended in; default an arbitrary slug or none.

    Returns:
        A strategy of [`Attendance`][yrdmodel.Attendance].
    """
    return st.builds(
        Attendance,
        person=st.just(person) if person is not None else slugs(),
        post=st.just(post) if post is not None else _optional(slugs()),
        role=_optional(_texts()),
        note=_optional(_texts()),
    )


@st.composite
def _meeting_dates(draw: st.DrawFn, year: int) -> tuple[PartialDate, PartialDate | None]:
    """A meeting's date in a year, and the last day of a meeting of several days."""
    day = draw(st.integers(_first_day(year), _last_day(year)))
    date = _coarse(day, draw(_PRECISION))
    if date.precision is Precision.DAY and draw(st.booleans()):
        return date, _coarse(day + draw(st.integers(1, 3)), Precision.DAY)
    return date, None


@st.composite
def meetings(draw: st.DrawFn, id: str | None = None, body: str | None = None, host: str | None = None) -> Meeting:
    """Meetings, whose end (if any) is not before their first day.

    Args:
        draw: Supplied by Hypothesis.
        id: The meeting's id; default an arbitrary slug.
        body: The body that met; default an arbitrary slug.
        host: The host; default an arbitrary slug or none.

    Returns:
        A [`Meeting`][yrdmodel.Meeting].
    """
    date, end_date = draw(_meeting_dates(draw(st.integers(MIN_YEAR, MAX_YEAR))))
    return Meeting(
        id=id if id is not None else draw(slugs()),
        body=body if body is not None else draw(slugs()),
        date=date,
        end_date=end_date,
        host=host if host is not None else draw(_optional(slugs())),
        city=draw(_optional(_texts())),
        name_en=draw(_optional(_texts())),
        name_zh=draw(_optional(_texts())),
        edition=draw(_optional(st.integers(1, 30))),
        attendees=tuple(draw(st.lists(attendances(), max_size=3))),
        outcomes=tuple(draw(st.lists(_texts(), max_size=2))),
        plans_adopted=tuple(draw(st.lists(slugs(), max_size=2))),
        next_host=draw(_optional(slugs())),
        next_host_year=draw(_optional(st.integers(MIN_YEAR, MAX_YEAR))),
        **draw(_sourced_dict()),
    )


@st.composite
def plans(
    draw: st.DrawFn, id: str | None = None, series: str | None = None, years: tuple[int, int] | None = None
) -> Plan:
    """Plans, whose last year is not before their first.

    Args:
        draw: Supplied by Hypothesis.
        id: The plan's id; default an arbitrary slug.
        series: The series it belongs to; default an arbitrary slug or none.
        years: Its first and last year; default arbitrary (or unknown).

    Returns:
        A [`Plan`][yrdmodel.Plan].
    """
    if years is None:
        first = draw(_optional(st.integers(MIN_YEAR, MAX_YEAR)))
        last = None if first is None else draw(_optional(st.integers(first, first + 5)))
    else:
        first, last = years
    return Plan(
        id=id if id is not None else draw(slugs()),
        name_en=draw(_texts()),
        name_zh=draw(_optional(_texts())),
        kind=draw(st.sampled_from(PlanKind)),
        series=series if series is not None else draw(_optional(slugs())),
        first_year=first,
        last_year=last,
        adopted=draw(_optional(partial_dates())),
        adopted_by=draw(_optional(_texts())),
        issued=draw(_optional(partial_dates())),
        issuer=draw(_optional(_texts())),
        areas=tuple(draw(st.lists(_texts(), max_size=2))),
        key_fields=tuple(draw(st.lists(_texts(), max_size=2))),
        task_count=draw(_optional(st.integers(0, 200))),
        summary=draw(_optional(_texts())),
        **draw(_sourced_dict()),
    )


@st.composite
def _rotation_exceptions(
    draw: st.DrawFn,
    year: int | None = None,
    hosts: st.SearchStrategy[str] | None = None,
    source_ids: Sequence[str] | None = None,
) -> RotationException:
    """A year that departs from the rotation: a swapped year names the host that takes it."""
    kind = draw(st.sampled_from(ExceptionKind))
    return RotationException(
        year=year if year is not None else draw(st.integers(MIN_YEAR, MAX_YEAR)),
        kind=kind,
        host=draw(hosts if hosts is not None else slugs()) if kind is ExceptionKind.SWAPPED else None,
        **draw(_sourced_dict(source_ids)),
    )


@st.composite
def rotation_policies(
    draw: st.DrawFn,
    members: Sequence[str] | None = None,
    body: str = "symposium",
    years: tuple[int, int] | None = None,
    source_ids: Sequence[str] | None = None,
) -> RotationPolicy:
    """Rotation policies: an order of members, an anchor year, and exceptions in distinct years.

    Args:
        draw: Supplied by Hypothesis.
        members: The member ids that may rotate (the order is a non-empty selection of them);
            default arbitrary slugs.
        body: The body whose meetings rotate.
        years: The range of years the anchor and start are drawn from.
        source_ids: The sources the policy and its exceptions may cite; default arbitrary slugs.

    Returns:
        A [`RotationPolicy`][yrdmodel.RotationPolicy] that governs at least one year.
    """
    low, high = years or (1990, 2040)
    if members:
        order = draw(st.permutations(list(members)))[: draw(st.integers(1, len(members)))]
        hosts: st.SearchStrategy[str] = st.sampled_from(tuple(members))
    else:
        order = draw(st.lists(slugs(), min_size=1, max_size=5, unique=True))
        hosts = slugs()
    anchor = draw(st.integers(low, high))
    since = draw(_optional(st.integers(low, high)))
    first = anchor if since is None else since
    until = draw(_optional(st.integers(first, first + 30)))
    exception_years = draw(st.lists(st.integers(first, until or first + 30), max_size=2, unique=True))
    exceptions = [draw(_rotation_exceptions(year, hosts, source_ids)) for year in exception_years]
    return RotationPolicy(
        body=body,
        order=tuple(order),
        anchor_year=anchor,
        interval=draw(st.sampled_from([1, 1, 1, 2])),
        since=since,
        until=until,
        exceptions=tuple(exceptions),
        **draw(_sourced_dict(source_ids)),
    )


def _aliases() -> st.SearchStrategy[Alias]:
    return st.builds(Alias, name=_texts(), note=_optional(_texts()))


def _identifiers() -> st.SearchStrategy[Identifier]:
    return st.builds(Identifier, scheme=slugs(), value=_texts())


def _citation() -> st.SearchStrategy[Citation]:
    return citations().map(lambda c: c[0])
