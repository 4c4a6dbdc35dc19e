"""The [`Mechanism`][yrdmodel.Mechanism]: every record of a cooperation mechanism, and the questions asked of it."""

import datetime
import enum
import numbers
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs
import pendulum

from yrdmodel.errors import (
    AmbiguousAnswerError,
    ArgumentTypeError,
    InvalidArgumentError,
    UndeclaredError,
    UnknownIdError,
)
from yrdmodel.model.bodies import Body, BodyKind, Tier
from yrdmodel.model.dates import DateLike, PartialDate, Truth, as_date, day_ordinal
from yrdmodel.model.index import PostTenures, by_id, group, post_spans
from yrdmodel.model.interval import Span
from yrdmodel.model.meetings import Meeting
from yrdmodel.model.members import Member
from yrdmodel.model.people import Person
from yrdmodel.model.plans import Plan, PlanKind
from yrdmodel.model.posts import Post, Tenure
from yrdmodel.model.rotation import Deviation, RotationPolicy
from yrdmodel.model.schema import collection, refers, summarised
from yrdmodel.model.sources import Source, check_ids
from yrdmodel.model.walk import iter_records

if TYPE_CHECKING:
    import numpy.typing as npt
    import pandas as pd

    from yrdmodel.model.lookup import PersonMatch
    from yrdmodel.validation.report import ValidationReport

__all__ = ["Event", "EventKind", "Mechanism"]


def _array_of_days(days: object) -> bool:
    """Whether ``days`` is answered as an array: a numpy array, or a column of integers or ``datetime64``."""
    return type(days).__module__ == "numpy" or getattr(getattr(days, "dtype", None), "kind", None) in ("i", "u", "M")


class EventKind(enum.Enum):
    """What happened in a member's [`Event`][yrdmodel.Event]."""

    HOSTED = "hosted"
    """The member hosted a meeting."""
    TOOK_OFFICE = "took_office"
    """Someone began a tenure in one of the member's posts."""
    LEFT_OFFICE = "left_office"
    """Someone's tenure in one of the member's posts ended."""


@attrs.frozen
class Event:
    """One dated entry of a member's timeline.

    Attributes:
        date: When it happened, at the precision known.
        kind: What happened.
        subject: The id of the meeting or tenure concerned.
        text: A one-line description.
    """

    date: PartialDate
    kind: EventKind
    subject: str
    text: str


class _Index:
    """Lookups built once from a mechanism's records (those of names and of people's tenures on first use)."""

    __slots__ = (
        "_all_people",
        "_all_tenures",
        "_names",
        "_tenures_by_person",
        "batch",
        "bodies",
        "children",
        "host_body",
        "meetings",
        "members",
        "people",
        "plans",
        "posts",
        "sources",
        "symposia",
        "tenures_by_post",
    )

    def __init__(self, m: "Mechanism") -> None:
        self.sources = by_id(m.sources)
        self.members = by_id(m.members)
        self.bodies = by_id(m.all_bodies)
        self.posts = by_id(m.posts)
        self.people = by_id(m.people)
        self.meetings = by_id(m.meetings)
        self.plans = by_id(m.plans)
        self.children = group((b for b in m.all_bodies if b.parent is not None), "parent")
        self._all_people, self._all_tenures = m.people, m.tenures
        self._names: dict[str, tuple[str, ...]] | None = None
        self._tenures_by_person: dict[str, tuple[Tenure, ...]] | None = None
        self.batch: object | None = None  # the numpy form of every post's certain ranges, on first holders_at
        checked = m.as_of.lo if m.as_of is not None else None
        current = None if m.current_posts is None else frozenset(m.current_posts)
        self.tenures_by_post = {}
        for post_id, ts in group(m.tenures, "post").items():
            post = self.posts.get(post_id)
            seats = 1 if post is None else post.seats  # a dangling post counts as one seat, as in validate()
            through = checked if current is None or post_id in current else None
            self.tenures_by_post[post_id] = PostTenures(
                zip(post_spans(ts, seats, through), ts, strict=True), self.people
            )
        body = m.decision_body if m.decision_body is not None else m.rotation.body if m.rotation else None
        self.host_body = body
        self.symposia = tuple(sorted((x for x in m.meetings if x.body == body), key=lambda x: x.date.sort_key))

    @property
    def names(self) -> dict[str, tuple[str, ...]]:
        """Ids of the people by each folded name they go by (built on first use, to save memory)."""
        if self._names is None:
            names: dict[str, set[str]] = {}
            for person in self._all_people:
                for name in (person.id, *person.names):
                    names.setdefault(_fold(name), set()).add(person.id)
            self._names = {name: tuple(sorted(ids)) for name, ids in names.items()}
        return self._names

    @property
    def tenures_by_person(self) -> dict[str, tuple[Tenure, ...]]:
        """Each person's tenures by start (built on first use, to save memory)."""
        if self._tenures_by_person is None:
            self._tenures_by_person = {
                person: tuple(sorted(ts, key=_tenure_key)) for person, ts in group(self._all_tenures, "person").items()
            }
        return self._tenures_by_person


def _fold(name: str) -> str:
    return " ".join(name.replace("-", " ").split()).casefold()


def _tenure_key(tenure: Tenure) -> tuple[int, int]:
    return (tenure.start.lo, tenure.start.hi) if tenure.start is not None else (-1, -1)


def _check_current_posts(mechanism: object, attribute: Any, value: tuple[str, ...] | None) -> None:
    if value is not None:
        check_ids(mechanism, attribute, value)


def _check_year(year: object) -> int:
    """The year as an int: an int or another integral number (numpy's), never a bool, str or float."""
    if not isinstance(year, numbers.Integral) or isinstance(year, bool):
        raise ArgumentTypeError(f"year: expected an int such as 2021, not {type(year).__name__} {year!r}")
    return int(year)


def _plan_kind(kind: object) -> PlanKind:
    if isinstance(kind, PlanKind):
        return kind
    forms = ", ".join(repr(k.value) for k in PlanKind)
    if isinstance(kind, str):
        try:
            return PlanKind(kind)
        except ValueError:
            raise InvalidArgumentError(f"kind: {kind!r} is no plan kind; give a PlanKind or one of {forms}") from None
    raise ArgumentTypeError(f"kind: expected a PlanKind or one of {forms}, not {type(kind).__name__} {kind!r}")


_R = TypeVar("_R")


def _lookup(table: Mapping[str, _R], kind: str, key: str) -> _R:
    try:
        return table[key]
    except (KeyError, TypeError):
        raise UnknownIdError(kind, key) from None


@attrs.frozen(kw_only=True)
class Mechanism:
    """A regional cooperation mechanism: members, bodies, posts, people, tenures, meetings and plans.

    Build one with [`yrdmodel.load`][yrdmodel.load] or with the constructor; change it with ``attrs.evolve``.
    Lookups by id raise [`UnknownIdError`][yrdmodel.UnknownIdError]. Indexes are built once, when the
    mechanism is made, so queries never scan all records.

    Attributes:
        name_en: The mechanism's English name.
        name_zh: Its Chinese name.
        as_of: The date the data was last brought up to: its curators checked the open tenures
            (no end) of the posts it keeps current through that day, so such a tenure is
            certain from its certain start through ``as_of`` and only possible after it.
            Answers after it rest on no source.
        current_posts: The ids of the posts whose open tenures ``as_of`` vouches for; None (the
            default) for every post. The open tenures of other posts are certain only through
            their last attested day.
        sources: Every source the records cite.
        members: The member regions, in the order the data lists them.
        all_bodies: Every body (use [`bodies`][yrdmodel.Mechanism.bodies] to filter by tier). Serialized as ``bodies``.
        posts: Every post.
        people: Every person.
        tenures: Every tenure.
        meetings: Every meeting, of every body.
        plans: Every plan.
        rotation: The symposium's rotation policy, where the data declares one.
        decision_body: The id of the body whose yearly meeting (the symposium) the host queries are
            about; None to take the rotation policy's body. See [`host_body`][yrdmodel.Mechanism.host_body].
    """

    name_en: str
    name_zh: str | None = None
    as_of: PartialDate | None = None
    current_posts: tuple[str, ...] | None = attrs.field(
        default=None, validator=_check_current_posts, metadata=refers("posts")
    )
    sources: tuple[Source, ...] = attrs.field(default=(), metadata=collection("source"))
    members: tuple[Member, ...] = attrs.field(default=(), metadata=collection("member"))
    all_bodies: tuple[Body, ...] = attrs.field(default=(), metadata=collection("body", key="bodies"))
    posts: tuple[Post, ...] = attrs.field(default=(), metadata=collection("post"))
    people: tuple[Person, ...] = attrs.field(default=(), metadata=collection("person"))
    tenures: tuple[Tenure, ...] = attrs.field(default=(), metadata=collection("tenure"))
    meetings: tuple[Meeting, ...] = attrs.field(default=(), metadata=collection("meeting"))
    plans: tuple[Plan, ...] = attrs.field(default=(), metadata=collection("plan"))
    rotation: RotationPolicy | None = None
    decision_body: str | None = attrs.field(default=None, metadata=refers("all_bodies"))
    _index: _Index = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", _Index(self))

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(getattr(self, c.field))} {c.key}" for c in summarised(Mechanism))
        return f"<Mechanism {self.name_en!r}: {counts}>"

    def _repr_html_(self) -> str:
        from yrdmodel.model.display import mechanism_html

        return mechanism_html(self)

    def show(self, record: object) -> Any:
        """A record shown in a notebook with this mechanism: names beside ids, a person's posts."""
        from yrdmodel.model.html import show

        return show(self, record)

    # Lookups by id -------------------------------------------------------------------------------

    def member(self, member_id: str) -> Member:
        """The member with this id (``"anhui"``)."""
        return _lookup(self._index.members, "member", member_id)

    def body(self, body_id: str) -> Body:
        """The body with this id (``"cooperation-office"``)."""
        return _lookup(self._index.bodies, "body", body_id)

    def post(self, post_id: str) -> Post:
        """The post with this id (``"jiangsu.governor"``)."""
        return _lookup(self._index.posts, "post", post_id)

    def source(self, source_id: str) -> Source:
        """The source with this id (``"seed-003"``)."""
        return _lookup(self._index.sources, "source", source_id)

    def meeting(self, meeting_id: str) -> Meeting:
        """The meeting with this id (``"symposium.2018"``)."""
        return _lookup(self._index.meetings, "meeting", meeting_id)

    def plan(self, plan_id: str) -> Plan:
        """The plan with this id (``"three-year-action.2021"``)."""
        return _lookup(self._index.plans, "plan", plan_id)

    def person(self, key: str) -> Person:
        """A person by id, pinyin name, alias or Chinese name, ignoring case and hyphens.

        ``m.person("Wu Zhengrong")`` finds Wu Zhenglong through the alias seed 003 uses.

        Raises:
            UnknownIdError: No person goes by that name.
            AmbiguousAnswerError: Several people go by that name; use the id.
        """
        if key in self._index.people:
            return self._index.people[key]
        ids = self._index.names.get(_fold(key)) if isinstance(key, str) else None
        if not ids:
            near = tuple(f"{x.person.name_en} ({x.person.id})" for x in self.find_people(str(key), limit=3))
            raise UnknownIdError("person", key, near)
        if len(ids) > 1:
            raise AmbiguousAnswerError(f"{len(ids)} people go by {key!r}: {', '.join(ids)}")
        return self._index.people[ids[0]]

    def find_people(self, text: str, *, limit: int = 5) -> "tuple[PersonMatch, ...]":
        """People whose names are near ``text``, best first (see `yrdmodel.model.lookup.find_people`)."""
        from yrdmodel.model.lookup import find_people

        return find_people(self.people, text, limit=limit)

    # Bodies ----------------------------------------------------------------------------------------

    def bodies(self, tier: Tier | None = None, *, kind: BodyKind | None = None) -> tuple[Body, ...]:
        """The bodies, optionally only those of one tier and/or kind, in data order."""
        return tuple(
            b for b in self.all_bodies if (tier is None or b.tier is tier) and (kind is None or b.kind is kind)
        )

    def children(self, body_id: str) -> tuple[Body, ...]:
        """The bodies whose parent is ``body_id``."""
        self.body(body_id)
        return tuple(self._index.children.get(body_id, ()))

    # Meetings and hosts ----------------------------------------------------------------------------

    @property
    def host_body(self) -> str:
        """The id of the decision body whose meetings rotate: `decision_body`, or the rotation policy's body.

        Raises:
            UndeclaredError: The data declares neither, so no meeting is known to be a symposium.
        """
        if self._index.host_body is None:
            raise UndeclaredError(
                f"{self.name_en!r} declares no decision body (decision_body, or a rotation policy's body): "
                "no meeting is known to be a symposium"
            )
        return self._index.host_body

    @property
    def symposia(self) -> tuple[Meeting, ...]:
        """The meetings of the decision body ([`host_body`][yrdmodel.Mechanism.host_body]), by date; empty when none is declared."""
        return self._index.symposia

    def symposium(self, year: int) -> Meeting:
        """The symposium held in ``year``.

        Raises:
            UnknownIdError: The data holds no symposium for that year.
            UndeclaredError: The data declares no decision body (see [`host_body`][yrdmodel.Mechanism.host_body]).
            ArgumentTypeError: ``year`` is not an int (a ``bool`` or a string is refused).
        """
        year = _check_year(year)
        self.host_body  # noqa: B018 - refuses when no decision body is declared
        found = [s for s in self._index.symposia if s.year == year]
        if not found:
            raise UnknownIdError("symposium in year", year)
        if len(found) > 1:
            raise AmbiguousAnswerError(f"{len(found)} symposia in {year}: {', '.join(s.id for s in found)}")
        return found[0]

    @property
    def hosts(self) -> dict[int, str]:
        """Year to member id of every symposium whose host is known.

        Raises:
            UndeclaredError: The data declares no decision body (see [`host_body`][yrdmodel.Mechanism.host_body]).
        """
        self.host_body  # noqa: B018 - refuses when no decision body is declared
        return {s.year: s.host for s in self._index.symposia if s.host is not None}

    def host(self, year: int) -> Member | None:
        """The member that hosted ``year``'s symposium, or that a meeting decided would host it.

        Returns None when the data knows neither.

        Raises:
            UndeclaredError: The data declares no decision body (see [`host_body`][yrdmodel.Mechanism.host_body]).
            ArgumentTypeError: ``year`` is not an int (a ``bool`` or a string is refused).
        """
        year = _check_year(year)
        host = self.hosts.get(year)
        if host is None:
            decided = [s.next_host for s in self._index.symposia if s.next_host_year == year and s.next_host]
            host = decided[-1] if decided else None
        return None if host is None else self.member(host)

    def years_between_hosting(self, member_id: str) -> tuple[pendulum.Interval[pendulum.Date], ...]:
        """The spans between one symposium a member hosted and the next it hosted, at year precision.

        Each runs from 1 January of one hosting year to 1 January of the next, so ``.in_years()``
        is the number of years between them.

        Raises:
            UnknownIdError: No member has that id.
            UndeclaredError: The data declares no decision body (see [`host_body`][yrdmodel.Mechanism.host_body]).

        Examples:
            >>> import yrdmodel
            >>> [i.in_years() for i in yrdmodel.load().years_between_hosting("shanghai")]
            [4]
        """
        self.member(member_id)
        years = sorted(year for year, host in self.hosts.items() if host == member_id)
        return tuple(pendulum.Interval(pendulum.Date(a, 1, 1), pendulum.Date(b, 1, 1)) for a, b in pairwise(years))

    def host_deviations(self) -> tuple[Deviation, ...]:
        """Every year whose actual host of the rotating body's meeting differs from the rotation policy's."""
        policy = self.rotation
        if policy is None:
            return ()
        return policy.deviations((x.year, x.host) for x in self.meetings if x.body == policy.body and x.host)

    def meetings_between(self, start: DateLike, end: DateLike, *, body: str | None = None) -> tuple[Meeting, ...]:
        """Meetings that may have been held between two days (inclusive), by date.

        A meeting dated only to a month or year is included when its range meets the interval.
        """
        lo, hi = day_ordinal(start, "start"), day_ordinal(end, "end")
        found = (m for m in self.meetings if m.date.lo <= hi and m.last_date.hi >= lo)
        return tuple(sorted((m for m in found if body is None or m.body == body), key=lambda m: m.date.sort_key))

    # Officeholders ---------------------------------------------------------------------------------

    def holders(self, post_id: str, on: DateLike, *, include_possible: bool = False) -> tuple[Tenure, ...]:
        """The tenures of a post that cover a day, in start order.

        Args:
            post_id: The post.
            on: The day.
            include_possible: Also return tenures that only *may* cover the day because a
                date is partial or unknown. By default only definite ones are returned;
                use [`holders_with_truth`][yrdmodel.Mechanism.holders_with_truth] to tell the two apart.
        """
        return tuple(t for truth, t in self.holders_with_truth(post_id, on) if include_possible or truth is Truth.YES)

    def holders_with_truth(self, post_id: str, on: DateLike) -> tuple[tuple[Truth, Tenure], ...]:
        """Every tenure that may cover a day, with ``Truth.YES`` (certainly) or ``Truth.MAYBE``.

        The answers follow the data's ``as_of`` and the post's seats (see `span`).
        """
        day = day_ordinal(on, "on")
        index = self._post_tenures(post_id)
        return () if index is None else tuple(index.at(day))

    def holder(self, post_id: str, on: DateLike) -> Person | None:
        """The person who certainly held a post on a day.

        Returns None when no tenure certainly covers the day: the post was vacant, the data
        has a gap, or a partial date leaves it open (see `holders_with_truth`). An open
        tenure is certain through the data's ``as_of``.

        Raises:
            AmbiguousAnswerError: Several people certainly held it that day (a post with
                several seats, or an overlap in the data).
            UnknownIdError: No post has that id.
            InvalidArgumentError: ``on`` is a string that is not a whole real day.
            ArgumentTypeError: ``on`` is not a string or a date.
        """
        # The hot path of the library: kept to one dictionary lookup, one bisect and no extra calls
        # (`PostTenures.holder` inline, for the usual post whose certain ranges are disjoint).
        index = self._index.tenures_by_post.get(post_id)
        day = on.toordinal() if isinstance(on, datetime.date) else day_ordinal(on, "on")
        if index is None:
            self._post_tenures(post_id)  # raises for an unknown post; a known post without tenures has no holder
            return None
        segments = index.certain
        if segments is None:
            return index.holder(day)
        starts, ends, holders = segments
        i = bisect_right(starts, day) - 1
        return holders[i] if i >= 0 and day < ends[i] else None

    def holders_on(self, post_id: str, days: "Iterable[DateLike] | npt.NDArray[Any]") -> list[Person | None]:
        """`holder` on many days at once: the certain holder of a post on each day, or None.

        Args:
            post_id: The post.
            days: ISO strings, dates, or a numpy array or pandas column of integer day
                ordinals (``date.toordinal()``) or of ``datetime64`` values (a pandas
                ``DatetimeIndex`` too); an array is answered without a Python call per day.

        Returns:
            One answer per day, in order.

        Raises:
            AmbiguousAnswerError: Several people certainly held the post on one of the days.
            UnknownIdError: No post has that id.
            InvalidArgumentError: A day is not a real day.
            ArgumentTypeError: A day is not a string or a date, or the array is not of integers.
        """
        index = self._post_tenures(post_id)
        if _array_of_days(days):
            from yrdmodel.model.batch import holders_of_ordinals

            return holders_of_ordinals(index, cast("npt.NDArray[Any]", days))
        ordinals = [day.toordinal() if isinstance(day, datetime.date) else day_ordinal(day, "days") for day in days]
        return [None] * len(ordinals) if index is None else index.holders_of(ordinals)

    def holders_at(
        self,
        posts: "Sequence[str] | npt.NDArray[Any] | pd.Series[Any]",
        days: "Sequence[DateLike] | npt.NDArray[Any] | pd.Series[Any]",
    ) -> list[Person | None]:
        """`holder` for many (post, day) pairs at once: the certain holder of ``posts[k]`` on ``days[k]``.

        With numpy installed (the ``pandas`` extra brings it), all pairs are answered together,
        without a sort, from the certain ranges of all posts cut into buckets of days, built once
        per mechanism on first use; without it, one `holder` lookup per pair. A batch with several faults raises for the
        first kind of fault in the order listed under Raises.

        Args:
            posts: Post ids, one per question: a list, a numpy array of str, or a pandas
                column (a ``Categorical`` too), whose ids are looked up once per distinct id.
            days: One day per question, as in `holders_on`: ISO strings, dates, or a numpy
                array or pandas column of integer day ordinals (``date.toordinal()``) or of
                ``datetime64`` values.

        Returns:
            One answer per pair, in order: the person who certainly held the post that day, or None.

        Raises:
            ArgumentTypeError: ``posts`` or ``days`` is a single value, a day is not a string or
                a date, the array of days is not of integers, or a post id is not a str (a
                missing value in a pandas column either).
            InvalidArgumentError: ``posts`` and ``days`` differ in length, or a day is not a real day.
            UnknownIdError: No post has one of the ids.
            AmbiguousAnswerError: Several people certainly held one of the posts on its day.

        Examples:
            >>> import yrdmodel
            >>> m = yrdmodel.load()
            >>> answers = m.holders_at(["jiangsu.governor", "zhejiang.governor"], ["2021-06-01", "2023-01-01"])
            >>> [p.id if p else None for p in answers]
            ['wu-zhenglong', 'wang-hao']
        """
        if isinstance(posts, str) or isinstance(days, str | datetime.date):
            raise ArgumentTypeError("holders_at: posts and days are sequences, one item per question")
        if len(posts) != len(days):
            raise InvalidArgumentError(f"posts and days: one day per post, not {len(posts)} posts and {len(days)} days")
        numpy_days = _array_of_days(days)
        try:
            import numpy as np
        except ImportError:  # no numpy (and so no numpy array of days): one lookup per pair
            ordinals = [day.toordinal() if isinstance(day, datetime.date) else day_ordinal(day, "days") for day in days]
            indexes = [self._post_tenures(post) for post in posts]
            return [None if i is None else i.holder(day) for i, day in zip(indexes, ordinals, strict=True)]
        from yrdmodel.model.batch import AllPosts, check_ordinals

        if numpy_days:
            array = check_ordinals(cast("npt.NDArray[Any]", days))
        else:
            array = np.fromiter(
                (day.toordinal() if isinstance(day, datetime.date) else day_ordinal(day, "days") for day in days),
                dtype=np.int64,
                count=len(days),
            )
        if self._index.batch is None:
            self._index.batch = AllPosts(self._index.tenures_by_post, self._index.posts)
        batch = cast(AllPosts, self._index.batch)
        return batch.holders_at(batch.ranks(posts), array)

    def span(self, tenure: Tenure) -> Span:
        """The days a tenure certainly and possibly covers, under the data's rules.

        The tenure's own dates give a first span (`Tenure.span`); an open tenure of a post
        the data keeps current is then certain through ``as_of``, and a post's seats bound what
        is unknown: on a day where as many other tenures certainly hold the post as it has
        seats, this one certainly does not.

        Raises:
            UnknownIdError: The tenure is not one of the mechanism's.
        """
        index = self._index.tenures_by_post.get(tenure.post)
        try:
            return index.span(tenure)  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            raise UnknownIdError("tenure", tenure.id) from None

    @property
    def tenures_by_post(self) -> Mapping[str, PostTenures]:
        """The tenures of each post that has any, indexed for date queries (built once, with the mechanism)."""
        return self._index.tenures_by_post

    def _post_tenures(self, post_id: str) -> PostTenures | None:
        index = self._index.tenures_by_post.get(post_id)
        if index is None and post_id not in self._index.posts:
            raise UnknownIdError("post", post_id)
        return index

    def main_leader_posts(self) -> tuple[Post, ...]:
        """The main leaders' posts (each member's party secretary and governor or mayor), in data order."""
        return tuple(p for p in self.posts if p.main_leader)

    def leaders(self, on: DateLike) -> dict[str, Person | None]:
        """Post id to the person who certainly held it on a day, for every main-leader post.

        A post whose holder the data cannot settle maps to None. On the data's ``as_of`` day
        the answers are as far as the data knows: open tenures are certain through it.
        """
        day = day_ordinal(on, "on")
        posts = self._index.tenures_by_post
        return {
            post.id: None if (index := posts.get(post.id)) is None else index.holder(day)
            for post in self.main_leader_posts()
        }

    def tenures_of(self, person: str | Person) -> tuple[Tenure, ...]:
        """A person's tenures, by start (the person by id, name or [`Person`][yrdmodel.Person])."""
        person_id = person.id if isinstance(person, Person) else self.person(person).id
        return self._index.tenures_by_person.get(person_id, ())

    def tenures_for(self, post_id: str) -> tuple[Tenure, ...]:
        """A post's tenures, by start."""
        index = self._post_tenures(post_id)
        return () if index is None else index.tenures

    def predecessor(self, tenure: Tenure) -> Tenure | None:
        """The tenure of the same post just before this one, by start."""
        return self._neighbours(tenure)[0]

    def successor(self, tenure: Tenure) -> Tenure | None:
        """The tenure of the same post just after this one, by start."""
        return self._neighbours(tenure)[1]

    def _neighbours(self, tenure: Tenure) -> tuple[Tenure | None, Tenure | None]:
        index = self._index.tenures_by_post.get(tenure.post)
        if index is None or tenure not in index.tenures:
            raise UnknownIdError("tenure", tenure.id)
        return index.neighbours(tenure)

    # Plans -----------------------------------------------------------------------------------------

    def plans_of(self, kind: PlanKind | str) -> tuple[Plan, ...]:
        """The plans of one kind (a `PlanKind` or its value, ``"three_year_action"``), by first year.

        Raises:
            InvalidArgumentError: A string that is no kind's value.
            ArgumentTypeError: Neither a `PlanKind` nor a string.
        """
        kind = _plan_kind(kind)
        return tuple(sorted((p for p in self.plans if p.kind is kind), key=lambda p: (p.first_year or 0, p.id)))

    def plan_in_force(self, kind: PlanKind | str, on: DateLike) -> Plan | None:
        """The plan of a kind whose period includes the day's year, or None.

        Args:
            kind: A `PlanKind` or its value (``"three_year_action"``).
            on: The day.

        Raises:
            AmbiguousAnswerError: Two plans of the kind cover that year.
            InvalidArgumentError: ``kind`` is a string that is no kind's value, or ``on`` not a real day.
            ArgumentTypeError: ``kind`` or ``on`` has a type not accepted.
        """
        kind = _plan_kind(kind)
        year = as_date(on, "on").year
        found = [p for p in self.plans_of(kind) if p.in_force(year)]
        if len(found) > 1:
            raise AmbiguousAnswerError(f"{len(found)} {kind.value} plans in force in {year}")
        return found[0] if found else None

    # Timelines -------------------------------------------------------------------------------------

    def timeline(self, member_id: str) -> tuple[Event, ...]:
        """A member's dated events: meetings it hosted and changes of its officeholders."""
        member = self.member(member_id)
        events = [
            Event(m.date, EventKind.HOSTED, m.id, f"hosted {m.name_en or m.id}" + (f" in {m.city}" if m.city else ""))
            for m in self.meetings
            if m.host == member.id
        ]
        for post in (p for p in self.posts if p.member == member.id):
            for t in self.tenures_for(post.id):
                name = self._index.people[t.person].name_en if t.person in self._index.people else t.person
                if t.start is not None:
                    events.append(Event(t.start, EventKind.TOOK_OFFICE, t.id, f"{name} became {post.name_en}"))
                if t.end is not None:
                    events.append(Event(t.end, EventKind.LEFT_OFFICE, t.id, f"{name} left {post.name_en}"))
        return tuple(sorted(events, key=lambda e: (e.date.sort_key, e.kind is not EventKind.LEFT_OFFICE)))

    # Checks ----------------------------------------------------------------------------------------

    def validate(self) -> "ValidationReport":
        """Check every consistency rule; see `yrdmodel.validation`. Never raises on bad data."""
        from yrdmodel.validation.rules import validate

        return validate(self)

    def cited_sources(self) -> Iterable[str]:
        """Ids of the sources some record cites (for coverage summaries)."""
        for _path, record in iter_records(self):
            for citation in record.sources:
                yield citation.source
