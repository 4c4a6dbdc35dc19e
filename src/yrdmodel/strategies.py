"""Hypothesis strategies for yrdmodel: partial dates, records, and whole mechanisms.

Install the extra (``pip install "yrdmodel[hypothesis]"``) and import the module; it is not
imported by ``import yrdmodel``::

    from hypothesis import given
    from yrdmodel import strategies as yst

    @given(yst.mechanisms())
    def test_my_report_handles_any_valid_mechanism(m):
        assert m.validate().findings == ()  # generated mechanisms are valid by construction
        my_report(m)

    @given(yst.inconsistent_mechanisms("tenure-overlap"))
    def test_my_checker_finds_overlaps(broken):
        assert set(broken.ids) in [set(f.ids) for f in my_checker(broken.mechanism)]

What is generated:

- :func:`partial_dates` and :func:`spans` (a start and an end that cannot fall before it);
- one record at a time: :func:`sources`, :func:`citations`, :func:`members`,
  :func:`membership_changes`, :func:`bodies`, :func:`posts`, :func:`people`, :func:`tenures`,
  :func:`attendances`, :func:`meetings`, :func:`plans`, :func:`rotation_policies`. Each is a
  valid record on its own; the ids it refers to are arbitrary slugs unless given;
- :func:`mechanisms`: whole mechanisms that are valid by construction. Ids are unique and
  every reference resolves; every record cites a source; the tenures of a post never hold
  more seats than it has (handovers are on the same day or leave a gap, and a handover with
  an acting holder is marked ``overlap_allowed``); no one holds two incompatible posts at once;
  attendees held their post on the meeting's day; symposia follow a generated rotation policy
  and the hosts they decide; plans of a series follow each other without gap or overlap.
  ``m.validate()`` has no findings at all, not even possible ones, and ``loads(dumps(m)) == m``;
- :func:`inconsistent_mechanisms`: a valid mechanism with one inconsistency put in, as an
  :class:`Inconsistency` that says which finding code and ids validation should report. Every
  finding code of :data:`yrdmodel.validation.rules.CODES` can be asked for.

With the package installed, ``st.from_type()`` knows the model classes (Hypothesis calls
:func:`_hypothesis_setup_hook` through the ``hypothesis`` entry point; importing this module
registers them too): ``st.from_type(yrdmodel.Mechanism)`` is :func:`mechanisms`,
``st.from_type(yrdmodel.Tenure)`` is :func:`tenures`, and so on.
"""

import datetime
import functools
import itertools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from yrdmodel.model.bodies import Body, BodyKind, Count, Tier
from yrdmodel.model.dates import PartialDate, Precision, Truth
from yrdmodel.model.mechanism import SYMPOSIUM, Mechanism
from yrdmodel.model.meetings import Attendance, Meeting
from yrdmodel.model.members import Member, MemberKind, MembershipChange, MembershipStatus
from yrdmodel.model.people import Alias, Identifier, Person
from yrdmodel.model.plans import Plan, PlanKind
from yrdmodel.model.posts import Post, Tenure
from yrdmodel.model.rotation import ExceptionKind, RotationException, RotationPolicy
from yrdmodel.model.sources import Citation, Confidence, Source, SourceKind
from yrdmodel.validation.rules import CODES, overlap

__all__ = [
    "Inconsistency",
    "attendances",
    "bodies",
    "citations",
    "inconsistent_mechanisms",
    "injectable_codes",
    "mechanisms",
    "meetings",
    "members",
    "membership_changes",
    "partial_dates",
    "people",
    "plans",
    "posts",
    "rotation_policies",
    "slugs",
    "sources",
    "spans",
    "tenures",
]

T = TypeVar("T")
Draw = Callable[[st.SearchStrategy[Any]], Any]

MIN_YEAR = 1949
"""The first year :func:`partial_dates` draws from by default."""
MAX_YEAR = 2049
"""The last year :func:`partial_dates` draws from by default."""

_PRECISIONS = (Precision.DAY, Precision.MONTH, Precision.YEAR)
_PRECISION = st.sampled_from(_PRECISIONS)
_STEP = st.integers(0, 3 * 2500 - 1)
"""A number of days (up to about seven years) and a precision, in one draw."""

# Basic values ------------------------------------------------------------------------------------


def slugs() -> st.SearchStrategy[str]:
    """Ids as yrdmodel wants them: lower-case slugs such as ``"li-qiang"`` or ``"group.energy"``.

    Returns:
        A strategy of slugs.
    """
    word = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
    return st.tuples(word, st.lists(st.tuples(st.sampled_from("-."), word), max_size=2)).map(
        lambda parts: parts[0] + "".join(sep + w for sep, w in parts[1])
    )


@functools.cache
def _texts(max_size: int = 24) -> st.SearchStrategy[str]:
    """Names and notes: any text that can be written as UTF-8 (no lone surrogates)."""
    return st.text(st.characters(codec="utf-8"), max_size=max_size)


@functools.lru_cache(maxsize=1024)
def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def _coarse(ordinal: int, precision: Precision) -> PartialDate:
    """The partial date of the given precision that contains a day."""
    day = datetime.date.fromordinal(ordinal)
    if precision is Precision.YEAR:
        return PartialDate(day.year)
    if precision is Precision.MONTH:
        return PartialDate(day.year, day.month)
    return PartialDate(day.year, day.month, day.day)


def _first_day(year: int) -> int:
    return datetime.date(year, 1, 1).toordinal()


def _last_day(year: int) -> int:
    return datetime.date(year, 12, 31).toordinal()


def partial_dates(
    min_year: int = MIN_YEAR, max_year: int = MAX_YEAR, precisions: Sequence[Precision] = _PRECISIONS
) -> st.SearchStrategy[PartialDate]:
    """Dates known to the day, the month or the year.

    Args:
        min_year: The earliest year.
        max_year: The latest year.
        precisions: The precisions to draw from.

    Returns:
        A strategy of :class:`~yrdmodel.PartialDate`.
    """
    days = st.integers(_first_day(min_year), _last_day(max_year))
    return st.builds(_coarse, days, st.sampled_from(tuple(precisions)))


@st.composite
def spans(
    draw: Draw, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR, open_ended: bool = True
) -> tuple[PartialDate, PartialDate | None]:
    """A start and an end that cannot fall before it, as a tenure or a body's life has them.

    The end is the first day after the span (spans are half-open), so it may be the start
    itself; where both are partial, the end's earliest day is not before the start's latest.

    Args:
        draw: Supplied by Hypothesis.
        min_year: The earliest year.
        max_year: The latest year.
        open_ended: Whether the end may be None (still running, or unknown).

    Returns:
        ``(start, end)``.
    """
    first = draw(st.integers(_first_day(min_year), _last_day(max_year)))
    start = _coarse(first, draw(_PRECISION))
    if open_ended and draw(st.booleans()):
        return start, None
    last = draw(st.integers(start.hi, max(start.hi, _last_day(max_year))))
    end = _coarse(last, draw(_PRECISION))
    if end.lo < start.hi:
        end = _coarse(last, Precision.DAY)
    return start, end


# One record at a time ----------------------------------------------------------------------------


def sources(ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Source]:
    """Sources of facts.

    Args:
        ids: Strategy for the source's id (default: :func:`slugs`).

    Returns:
        A strategy of :class:`~yrdmodel.Source`.
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
        A strategy of non-empty tuples of :class:`~yrdmodel.Citation`.
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
        A strategy of :class:`~yrdmodel.MembershipChange`.
    """
    return st.builds(
        MembershipChange,
        since=partial_dates(min_year, max_year),
        status=st.sampled_from(MembershipStatus),
        event=_texts(),
        **_sourced(),
    )


@st.composite
def _histories(draw: Draw, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR) -> tuple[MembershipChange, ...]:
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
        A strategy of :class:`~yrdmodel.Member`.
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
def bodies(draw: Draw, id: str | None = None) -> Body:
    """Bodies of a mechanism, founded before they are dissolved.

    Args:
        draw: Supplied by Hypothesis.
        id: The body's id; default an arbitrary slug.

    Returns:
        A :class:`~yrdmodel.Body`.
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
        A strategy of :class:`~yrdmodel.Post`.
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
        A strategy of :class:`~yrdmodel.Person`.
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
def tenures(draw: Draw, post: str | None = None, person: str | None = None) -> Tenure:
    """Tenures whose dates are in order: confirmation and attestations fall inside the span.

    Args:
        draw: Supplied by Hypothesis.
        post: The post held; default an arbitrary slug.
        person: Who held it; default an arbitrary slug.

    Returns:
        A :class:`~yrdmodel.Tenure`.
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
    draw: Draw,
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
        A strategy of :class:`~yrdmodel.Attendance`.
    """
    return st.builds(
        Attendance,
        person=st.just(person) if person is not None else slugs(),
        post=st.just(post) if post is not None else _optional(slugs()),
        role=_optional(_texts()),
        note=_optional(_texts()),
    )


@st.composite
def _meeting_dates(draw: Draw, year: int) -> tuple[PartialDate, PartialDate | None]:
    """A meeting's date in a year, and the last day of a meeting of several days."""
    day = draw(st.integers(_first_day(year), _last_day(year)))
    date = _coarse(day, draw(_PRECISION))
    if date.precision is Precision.DAY and draw(st.booleans()):
        return date, _coarse(day + draw(st.integers(1, 3)), Precision.DAY)
    return date, None


@st.composite
def meetings(draw: Draw, id: str | None = None, body: str | None = None, host: str | None = None) -> Meeting:
    """Meetings, whose end (if any) is not before their first day.

    Args:
        draw: Supplied by Hypothesis.
        id: The meeting's id; default an arbitrary slug.
        body: The body that met; default an arbitrary slug.
        host: The host; default an arbitrary slug or none.

    Returns:
        A :class:`~yrdmodel.Meeting`.
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
def plans(draw: Draw, id: str | None = None, series: str | None = None, years: tuple[int, int] | None = None) -> Plan:
    """Plans, whose last year is not before their first.

    Args:
        draw: Supplied by Hypothesis.
        id: The plan's id; default an arbitrary slug.
        series: The series it belongs to; default an arbitrary slug or none.
        years: Its first and last year; default arbitrary (or unknown).

    Returns:
        A :class:`~yrdmodel.Plan`.
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
    draw: Draw,
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
    draw: Draw,
    members: Sequence[str] | None = None,
    body: str = SYMPOSIUM,
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
        A :class:`~yrdmodel.RotationPolicy` that governs at least one year.
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


# Whole mechanisms --------------------------------------------------------------------------------

_NOTES = (None, None, "date uncertain", "日期存疑 (seed 003)", "ü ç ñ \u200b")
_ALIASES = st.sampled_from(
    [(), (), (Alias("Wu Zhengrong", note="misspelt in seed 003"),), (Alias("李强"), Alias("Li Qiang (politician)"))]
)


@functools.lru_cache(maxsize=64)
def _sourced_choices(source_ids: tuple[str, ...]) -> list[tuple[tuple[str, Any], ...]]:
    """Every combination of citations, confidence and note a record of a mechanism may have."""
    cited: list[tuple[Citation, ...]] = [(Citation(i),) for i in source_ids]
    if len(source_ids) > 1:
        cited.append((Citation(source_ids[1], note="the date only"), Citation(source_ids[0])))
    return [
        (("sources", c), ("confidence", confidence), ("note", note))
        for note in _NOTES
        for confidence in Confidence
        for c in cited
    ]


_MEMBER_POOL = ("shanghai", "jiangsu", "zhejiang", "anhui", "fujian", "jiangxi", "hubei", "hunan")
_GROUPS = ("energy", "transport", "environment", "science", "industry")


_TIER_BODIES = (
    (SYMPOSIUM, "Main Leaders' Symposium", BodyKind.SYMPOSIUM, Tier.DECISION),
    ("joint-meeting", "Joint Meeting", BodyKind.JOINT_MEETING, Tier.COORDINATION),
    ("cooperation-office", "Cooperation Office", BodyKind.OFFICE, Tier.EXECUTION),
)
"""The bodies a generated mechanism may have in each tier, in the order they are drawn."""


class _Builder:
    """Draws the records of one valid mechanism, each kind after the kinds it refers to."""

    def __init__(self, draw: Draw, min_members: int, max_members: int, min_symposia: int, max_symposia: int) -> None:
        self.draw = draw
        self.first_year = draw(st.integers(1985, 2030))
        self.last_year = self.first_year + draw(st.integers(max(2, 2 * min_symposia), 12))
        self.min_symposia, self.max_symposia = min_symposia, max_symposia
        self.source_ids = [f"source-{i}" for i in range(draw(st.integers(1, 3)))]
        self.sources = [
            Source(id=i, kind=draw(st.sampled_from(SourceKind)), ref=f"{i}.txt", title=draw(_optional(_texts(12))))
            for i in self.source_ids
        ]
        count = draw(st.integers(min_members, max_members))
        self.member_ids: list[str] = draw(
            st.lists(st.sampled_from(_MEMBER_POOL), min_size=count, max_size=count, unique=True)
        )
        self.people: dict[str, Person] = {}
        self.person_pool = [f"person-{i}" for i in range(draw(st.integers(1, 10)))]
        self.cited, self.stride = draw(st.integers(0, 99)), draw(st.sampled_from([1, 5, 7, 11]))

    def sourced(self) -> dict[str, Any]:
        """The sources, confidence and note of the next record.

        Records take the combinations in turn from a drawn starting point and stride, so that
        a mechanism has a variety of them without a draw for each record.
        """
        choices = _sourced_choices(tuple(self.source_ids))
        self.cited += self.stride
        return dict(choices[self.cited % len(choices)])

    def year_date(self, year: int) -> PartialDate:
        """A partial date inside one year."""
        day = self.draw(st.integers(_first_day(year), _last_day(year)))
        return _coarse(day, self.draw(_PRECISION))

    # Members, bodies and posts ---------------------------------------------------------------

    def members(self) -> list[Member]:
        found = []
        for member_id in self.member_ids:
            full = self.draw(st.integers(self.first_year - 30, self.first_year - 1))
            history = []
            if self.draw(st.booleans()):
                invited = self.draw(st.integers(full - 10, full - 1))
                history.append(
                    MembershipChange(
                        since=self.year_date(invited),
                        status=MembershipStatus.INVITED,
                        event="invited",
                        **self.sourced(),
                    )
                )
            history.append(
                MembershipChange(
                    since=self.year_date(full), status=MembershipStatus.FULL, event="joined", **self.sourced()
                )
            )
            found.append(
                Member(
                    id=member_id,
                    name_en=member_id.title(),
                    name_zh=self.draw(_texts(4)),
                    kind=MemberKind.MUNICIPALITY if member_id == "shanghai" else MemberKind.PROVINCE,
                    capital=self.draw(_optional(_texts(8))),
                    history=tuple(history),
                    **self.sourced(),
                )
            )
        return found

    def founded(self) -> PartialDate | None:
        """A founding date before the first meeting, or None."""
        year = self.draw(st.integers(self.first_year - 30, self.first_year - 1))
        return self.year_date(year) if self.draw(st.booleans()) else None

    def bodies(self) -> list[Body]:
        found: list[Body] = []
        for i, (body_id, name, kind, tier) in enumerate(_TIER_BODIES):
            if i == 0 or self.draw(st.booleans()):  # the symposium always, the others maybe
                found.append(
                    Body(id=body_id, name_en=name, kind=kind, tier=tier, founded=self.founded(), **self.sourced())
                )
        if found[-1].id == "cooperation-office":
            for group in self.draw(st.lists(st.sampled_from(_GROUPS), max_size=2, unique=True)):
                founded, dissolved = self.draw(spans(self.first_year - 20, self.last_year))
                counts = [
                    Count(value=self.draw(st.integers(0, 20)), as_of=self.year_date(self.last_year), **self.sourced())
                    for _ in range(self.draw(st.integers(0, 1)))
                ]
                found.append(
                    Body(
                        id=f"group.{group}",
                        name_en=f"{group.title()} group",
                        kind=BodyKind.GROUP,
                        tier=Tier.EXECUTION,
                        parent="cooperation-office",
                        founded=founded,
                        dissolved=dissolved,
                        counts=tuple(counts),
                        **self.sourced(),
                    )
                )
        return found

    def posts(self, members: Sequence[Member], body_ids: Sequence[str]) -> list[Post]:
        found = []
        for member in members:
            secretary = f"{member.id}.party-secretary"
            head = f"{member.id}.mayor" if member.kind is MemberKind.MUNICIPALITY else f"{member.id}.governor"
            declared = self.draw(st.sampled_from(["secretary", "head", "both"]))
            found.append(
                Post(
                    id=secretary,
                    name_en=f"Party Secretary of {member.name_en}",
                    member=member.id,
                    main_leader=True,
                    incompatible_with=(head,) if declared in ("secretary", "both") else (),
                    **self.sourced(),
                )
            )
            found.append(
                Post(
                    id=head,
                    name_en=f"{member.head_of_government} of {member.name_en}",
                    member=member.id,
                    main_leader=True,
                    incompatible_with=(secretary,) if declared in ("head", "both") else (),
                    **self.sourced(),
                )
            )
            if self.draw(st.booleans()):
                found.append(
                    Post(
                        id=f"{member.id}.vice-governor",
                        name_en=f"Vice {member.head_of_government} of {member.name_en}",
                        member=member.id,
                        seats=self.draw(st.integers(2, 3)),
                        **self.sourced(),
                    )
                )
        if "cooperation-office" in body_ids:
            found.append(
                Post(id="cooperation-office.director", name_en="Director", body="cooperation-office", **self.sourced())
            )
            if self.draw(st.booleans()):
                found.append(
                    Post(
                        id="cooperation-office.staff",
                        name_en="Seconded staff",
                        body="cooperation-office",
                        seats=None,
                        **self.sourced(),
                    )
                )
        return found

    # Tenures ---------------------------------------------------------------------------------

    def chain(self, post: Post) -> list[Tenure]:
        """Successive tenures of one seat: each ends on or before the day the next one starts."""
        draw = self.draw
        count = draw(st.integers(0, 3))
        if count == 0:
            return []
        # Each day is a step after the one before, drawn with its precision; a successor whose
        # step is 0 starts the day the predecessor leaves.
        day = _first_day(self.first_year - 20)
        starts: list[int] = []
        ends: list[int] = []
        dates: list[list[PartialDate | None]] = []
        for _ in range(count):
            gap, start_precision = divmod(draw(_STEP), 3)
            starts.append(day + gap)
            gap, end_precision = divmod(draw(_STEP), 3)
            ends.append(starts[-1] + 1 + gap)
            day = ends[-1]
            dates.append([_coarse(starts[-1], _PRECISIONS[start_precision]), _coarse(day, _PRECISIONS[end_precision])])
        shape = draw(st.integers(0, 3))
        if shape & 1:
            dates[-1][1] = None  # still in office, or the end is unknown
        # Coarse dates must not make the span run backwards or meet the next tenure; where they
        # would, the day is given in full.
        changed = True
        while changed:
            changed = False
            flat = [d for pair in dates for d in pair]
            for i in range(len(flat) - 1):
                a, b = flat[i], flat[i + 1]
                if a is None or b is None:
                    continue
                bad = b.lo < a.hi if i % 2 == 0 else a.hi > b.lo
                if bad:
                    dates[i // 2][i % 2] = _coarse(starts[i // 2] if i % 2 == 0 else ends[i // 2], Precision.DAY)
                    j = i + 1
                    dates[j // 2][j % 2] = _coarse(starts[j // 2] if j % 2 == 0 else ends[j // 2], Precision.DAY)
                    changed = True
        if dates[0][1] is not None and shape & 2:
            dates[0][0] = None  # the start is unknown: an attestation bounds it
        return [
            _tenure(
                draw,
                post=post.id,
                person=draw(st.sampled_from(self.person_pool)),
                start=start,
                end=end,
                source_ids=self.source_ids,
                sourced=self.sourced(),
            )
            for start, end in dates
        ]

    def acting_overlaps(self, post: Post, chain: list[Tenure]) -> list[Tenure]:
        """Acting holders whose overlap with a handover the data marks as real."""
        found = []
        for before, after in itertools.pairwise(chain):
            if before.end is None or after.start is None or not self.draw(st.booleans()):
                continue
            start = _coarse(max(before.end.lo - self.draw(st.integers(1, 60)), 1), Precision.DAY)
            end = _coarse(after.start.hi + self.draw(st.integers(1, 60)), Precision.DAY)
            found.append(
                _tenure(
                    self.draw,
                    post=post.id,
                    person=self.fresh_person("acting"),
                    start=start,
                    end=end,
                    source_ids=self.source_ids,
                    sourced=self.sourced(),
                    acting=True,
                    overlap_allowed=True,
                )
            )
        return found

    def fresh_person(self, stem: str = "person") -> str:
        taken = set(self.person_pool) | set(self.people)
        n = len(taken)
        while f"{stem}-{n}" in taken:
            n += 1
        self.person_pool.append(f"{stem}-{n}")
        return f"{stem}-{n}"

    def tenures(self, posts: Sequence[Post]) -> list[Tenure]:
        found: list[Tenure] = []
        for post in posts:
            for _ in range(post.seats or 2):
                chain = self.chain(post)
                found.extend(chain)
                if post.seats == 1:
                    found.extend(self.acting_overlaps(post, chain))
        return self.separate(found, posts)

    def separate(self, tenures: list[Tenure], posts: Sequence[Post]) -> list[Tenure]:
        """Give a fresh person any tenure that would hold an incompatible post at once, or repeat an id."""
        clash = {(p.id, q) for p in posts for q in p.incompatible_with}
        clash |= {(b, a) for a, b in clash}
        held: dict[str, list[Tenure]] = {}
        ids: set[str] = set()
        kept = []
        for t in tenures:
            mine = held.get(t.person, [])
            if t.id in ids or any((t.post, o.post) in clash and overlap(t, o) is not Truth.NO for o in mine):
                t = attrs.evolve(t, person=self.fresh_person())
            held.setdefault(t.person, []).append(t)
            ids.add(t.id)
            kept.append(t)
        return kept

    def people_for(self, person_ids: Sequence[str]) -> list[Person]:
        for person_id in person_ids:
            if person_id not in self.people:
                self.people[person_id] = Person(
                    id=person_id,
                    name_en=self.draw(_texts(16)),
                    name_zh=self.draw(_optional(_texts(4))),
                    aliases=self.draw(_ALIASES),
                    **self.sourced(),
                )
        return list(self.people.values())

    # Meetings and plans ----------------------------------------------------------------------

    def rotation(self) -> RotationPolicy:
        policy: RotationPolicy = self.draw(
            rotation_policies(self.member_ids, SYMPOSIUM, (self.first_year - 6, self.first_year + 2), self.source_ids)
        )
        return policy

    def symposia(
        self, policy: RotationPolicy | None, posts: Sequence[Post], tenures: Sequence[Tenure]
    ) -> list[Meeting]:
        draw = self.draw
        hosts: dict[int, str | None] = {}
        for year in range(self.first_year, self.last_year + 1):
            if policy is not None and policy.governs(year):
                expected = policy.host_for(year)
                if expected is not None:
                    hosts[year] = expected
            else:
                hosts[year] = draw(_optional(st.sampled_from(self.member_ids)))
        eligible = sorted(hosts)
        years = sorted(
            draw(
                st.lists(
                    st.sampled_from(eligible) if eligible else st.nothing(),
                    min_size=min(self.min_symposia, len(eligible)),
                    max_size=min(self.max_symposia, len(eligible)),
                    unique=True,
                )
            )
        )
        leaders = [p for p in posts if p.main_leader]
        found = []
        for year in years:
            date, end_date = draw(_meeting_dates(year))
            attendees = []
            for post in leaders:
                for t in tenures:
                    if t.post == post.id and _certainly_held(t, date) and draw(st.booleans()):
                        attendees.append(Attendance(person=t.person, post=post.id, role=post.name_en))
            for guest in draw(st.lists(st.sampled_from(self.person_pool), max_size=2, unique=True)):
                attendees.append(Attendance(person=guest, role=draw(_texts(12))))
            found.append(
                Meeting(
                    id=f"{SYMPOSIUM}.{year}",
                    body=SYMPOSIUM,
                    date=date,
                    end_date=end_date,
                    host=hosts[year],
                    city=draw(_optional(_texts(12))),
                    name_en=draw(_optional(_texts())),
                    theme_en=draw(_optional(_texts())),
                    attendees=tuple(attendees),
                    outcomes=tuple(draw(st.lists(_texts(), max_size=2))),
                    **self.sourced(),
                )
            )
        # Some meetings decide who hosts the next one: always the member that then did.
        for i, (x, y) in enumerate(itertools.pairwise(found)):
            if y.host is not None and draw(st.booleans()):
                year = draw(st.sampled_from([y.year, None]))
                found[i] = attrs.evolve(x, next_host=y.host, next_host_year=year)
        return found

    def joint_meetings(self) -> list[Meeting]:
        years = self.draw(st.lists(st.integers(self.first_year, self.last_year), max_size=3, unique=True))
        found = []
        for year in sorted(years):
            date, end_date = self.draw(_meeting_dates(year))
            found.append(
                Meeting(
                    id=f"joint-meeting.{year}",
                    body="joint-meeting",
                    date=date,
                    end_date=end_date,
                    host=self.draw(_optional(st.sampled_from(self.member_ids))),
                    **self.sourced(),
                )
            )
        return found

    def plans(self, meetings: list[Meeting], body_ids: Sequence[str]) -> list[Plan]:
        found = []
        series_kinds = (("three-year-action", PlanKind.THREE_YEAR_ACTION, 3), ("annual-work", PlanKind.ANNUAL_WORK, 1))
        for series, kind, longest in series_kinds:
            if not self.draw(st.booleans()):
                continue
            year = self.draw(st.integers(self.first_year - 5, self.last_year))
            for _ in range(self.draw(st.integers(1, 3))):
                length = self.draw(st.integers(1, longest))
                found.append(self.plan(f"{series}.{year}", kind, series, year, year + length - 1, meetings, body_ids))
                year += length
        for i in range(self.draw(st.integers(0, 2))):
            first = self.draw(_optional(st.integers(self.first_year, self.last_year)))
            last = None if first is None else self.draw(_optional(st.integers(first, first + 3)))
            found.append(
                self.plan(f"plan-{i}", self.draw(st.sampled_from(PlanKind)), None, first, last, meetings, body_ids)
            )
        return found

    def plan(
        self,
        plan_id: str,
        kind: PlanKind,
        series: str | None,
        first: int | None,
        last: int | None,
        meetings: list[Meeting],
        body_ids: Sequence[str],
    ) -> Plan:
        adopted_at = None
        if meetings and self.draw(st.booleans()):
            i = self.draw(st.integers(0, len(meetings) - 1))
            adopted_at = meetings[i].id
            if self.draw(st.booleans()):
                meetings[i] = attrs.evolve(meetings[i], plans_adopted=(*meetings[i].plans_adopted, plan_id))
        return Plan(
            id=plan_id,
            name_en=self.draw(_texts()),
            kind=kind,
            series=series,
            first_year=first,
            last_year=last,
            adopted=self.draw(_optional(partial_dates(self.first_year, self.last_year))),
            adopted_at=adopted_at,
            issued_by=self.draw(_optional(st.sampled_from(tuple(body_ids)))),
            areas=tuple(self.draw(st.lists(_texts(8), max_size=2))),
            task_count=self.draw(_optional(st.integers(0, 200))),
            **self.sourced(),
        )


def _certainly_held(t: Tenure, date: PartialDate) -> bool:
    """Whether a tenure certainly covers every day a meeting's date may be."""
    span = t.span()
    return span.certain_from <= date.lo and date.hi < span.certain_until


@st.composite
def mechanisms(
    draw: Draw,
    *,
    min_members: int = 1,
    max_members: int = 4,
    min_symposia: int = 0,
    max_symposia: int = 6,
    rotation: bool | None = None,
) -> Mechanism:
    """Whole mechanisms that are valid by construction: ``m.validate()`` has no findings.

    Members joined before the first meeting; bodies were founded before their meetings;
    every post's tenures fit its seats; attendees held their posts on the meeting's day;
    symposium hosts follow the rotation policy (when there is one) and the hosts earlier
    meetings decided; plans of a series follow each other year after year.

    Args:
        draw: Supplied by Hypothesis.
        min_members: The fewest members (at least 1).
        max_members: The most members (at most 8).
        min_symposia: The fewest symposia, where the rotation leaves that many years to hold them.
        max_symposia: The most symposia.
        rotation: Whether there is a rotation policy; None for either.

    Returns:
        A :class:`~yrdmodel.Mechanism`.
    """
    build = _Builder(draw, max(1, min_members), min(max_members, len(_MEMBER_POOL)), min_symposia, max_symposia)
    members_ = build.members()
    bodies_ = build.bodies()
    body_ids = [b.id for b in bodies_]
    posts_ = build.posts(members_, body_ids)
    tenures_ = build.tenures(posts_)
    policy = build.rotation() if (draw(st.booleans()) if rotation is None else rotation) else None
    meetings_ = build.symposia(policy, posts_, tenures_)
    if "joint-meeting" in body_ids:
        meetings_ += build.joint_meetings()
    plans_ = build.plans(meetings_, body_ids)
    people_ = build.people_for([*build.person_pool])
    return Mechanism(
        name_en=draw(_texts()),
        name_zh=draw(_optional(_texts())),
        as_of=draw(_optional(partial_dates(build.last_year, build.last_year))),
        sources=tuple(build.sources),
        members=tuple(members_),
        all_bodies=tuple(bodies_),
        posts=tuple(posts_),
        people=tuple(people_),
        tenures=tuple(draw(st.permutations(tenures_))),
        meetings=tuple(meetings_),
        plans=tuple(plans_),
        rotation=policy,
    )


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


Injector = Callable[[Draw, Mechanism], Inconsistency]
_INJECTORS: dict[str, Injector] = {}


def _injects(code: str) -> Callable[[Injector], Injector]:
    def register(function: Injector) -> Injector:
        _INJECTORS[code] = function
        return function

    return register


def injectable_codes() -> tuple[str, ...]:
    """The finding codes :func:`inconsistent_mechanisms` can put in: every code validation reports.

    Returns:
        The codes, in the order validation runs its rules.
    """
    return tuple(code for code in CODES if code in _INJECTORS)


def inconsistent_mechanisms(code: str | None = None) -> st.SearchStrategy[Inconsistency]:
    """A valid mechanism with one inconsistency of the given kind put in.

    Validation of ``result.mechanism`` reports exactly one finding: of code ``result.code``,
    naming ``result.ids``.

    Args:
        code: A finding code (see :func:`injectable_codes`); None for any.

    Returns:
        A strategy of :class:`Inconsistency`.

    Raises:
        ValueError: ``code`` is not a finding code.
    """
    codes = injectable_codes()
    if code is not None and code not in codes:
        raise ValueError(f"no such finding code {code!r}; the codes are {', '.join(codes)}")
    return _inconsistent(code)


@st.composite
def _inconsistent(draw: Draw, code: str | None) -> Inconsistency:
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
    kinds = ("members", "all_bodies", "posts", "people", "tenures", "meetings", "plans")
    return [(kind, record) for kind in kinds for record in getattr(m, kind)]


def _day(ordinal: int) -> PartialDate:
    return _coarse(ordinal, Precision.DAY)


@_injects("duplicate-id")
def _duplicate(draw: Draw, m: Mechanism) -> Inconsistency:
    kinds = ("sources", "members", "all_bodies", "posts", "people")
    kind, record = draw(st.sampled_from([(k, r) for k in kinds for r in getattr(m, k)]))
    copy = attrs.evolve(record, note="a second record under the same id")
    broken = _evolve(m, kind, (*getattr(m, kind), copy))
    return Inconsistency(broken, "duplicate-id", (record.id,), f"a second {kind} record with the id {record.id!r}")


@_injects("dangling-id")
def _dangle(draw: Draw, m: Mechanism) -> Inconsistency:
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


@_injects("missing-source")
def _unsourced(draw: Draw, m: Mechanism) -> Inconsistency:
    kind, record = draw(st.sampled_from(_top_records(m)))
    broken = _evolve(m, kind, _replace(getattr(m, kind), record, attrs.evolve(record, sources=())))
    return Inconsistency(broken, "missing-source", (record.id,), f"{record.id} cites no source")


@_injects("span-order")
def _out_of_order(draw: Draw, m: Mechanism) -> Inconsistency:
    ended = [t for t in m.tenures if t.end is not None]
    if ended and draw(st.booleans()):
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
def _overlap(draw: Draw, m: Mechanism) -> Inconsistency:
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
def _incompatible(draw: Draw, m: Mechanism) -> Inconsistency:
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
def _before_founding(draw: Draw, m: Mechanism) -> Inconsistency:
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
    return sorted((x for x in m.meetings if x.body == SYMPOSIUM), key=lambda x: (x.date.sort_key, x.id))


@_injects("host-not-member")
def _not_yet_member(draw: Draw, m: Mechanism) -> Inconsistency:
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
def _off_rotation(draw: Draw, m: Mechanism) -> Inconsistency:
    policy = m.rotation
    assert policy is not None
    governed = [x for x in _symposia(m) if x.host is not None and policy.governs(x.year)]
    if governed:
        x = draw(st.sampled_from(governed))
    else:  # hold the next meeting the rotation expects
        after = policy.next_after(max((x.year for x in m.meetings if x.body == SYMPOSIUM), default=policy.first_year))
        assume(after is not None)
        assert after is not None
        year, host = after
        x = Meeting(
            id=_fresh([x.id for x in m.meetings], f"{SYMPOSIUM}.{year}"),
            body=SYMPOSIUM,
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
def _wrong_next_host(draw: Draw, m: Mechanism) -> Inconsistency:
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
def _absentee(draw: Draw, m: Mechanism) -> Inconsistency:
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
def _plans_overlap(draw: Draw, m: Mechanism) -> Inconsistency:
    pairs = _series_pairs(m)
    if pairs and draw(st.booleans()):
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
def _plans_gap(draw: Draw, m: Mechanism) -> Inconsistency:
    pairs = [(a, b) for a, b in _series_pairs(m) if b.last_year is not None and b.first_year != b.last_year]
    if pairs and draw(st.booleans()):
        earlier, later = draw(st.sampled_from(pairs))
        assert later.first_year is not None
        changed = attrs.evolve(later, first_year=later.first_year + 1)
        broken = attrs.evolve(m, plans=_replace(m.plans, later, changed))
        return Inconsistency(
            broken, "plan-series-gap", (earlier.id, later.id), f"{later.id} starts a year after {earlier.id} ends"
        )
    year = draw(st.integers(1990, 2040))
    return _plan_pair(m, (year, year), (year + draw(st.integers(2, 4)), year + 5), "plan-series-gap")


# Registration with st.from_type ------------------------------------------------------------------


def _hypothesis_setup_hook() -> None:
    """Register the model classes with ``st.from_type``.

    Hypothesis calls this through the ``hypothesis`` entry point of the installed package;
    importing this module calls it too.
    """
    registered: dict[type, st.SearchStrategy[Any]] = {
        PartialDate: partial_dates(),
        Source: sources(),
        Citation: citations().map(lambda c: c[0]),
        Member: members(),
        MembershipChange: membership_changes(),
        Body: bodies(),
        Count: _counts(),
        Post: posts(),
        Person: people(),
        Alias: st.builds(Alias, name=_texts(), note=_optional(_texts())),
        Identifier: st.builds(Identifier, scheme=slugs(), value=_texts()),
        Tenure: tenures(),
        Attendance: attendances(),
        Meeting: meetings(),
        Plan: plans(),
        RotationException: _rotation_exceptions(),
        RotationPolicy: rotation_policies(),
        Mechanism: mechanisms(),
        Inconsistency: inconsistent_mechanisms(),
    }
    for cls, strategy in registered.items():
        st.register_type_strategy(cls, strategy)


_hypothesis_setup_hook()
