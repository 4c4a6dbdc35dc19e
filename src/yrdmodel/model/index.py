"""Indexes a [`Mechanism`][yrdmodel.Mechanism] builds once, so that queries never scan all records."""

from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TypeVar

from yrdmodel.errors import AmbiguousAnswerError
from yrdmodel.model.dates import Truth
from yrdmodel.model.interval import Span, bound_by_seats, full_days, settle
from yrdmodel.model.people import Person
from yrdmodel.model.posts import Tenure

__all__ = ["PostTenures", "by_id", "group", "post_spans"]

T = TypeVar("T")


class PostTenures:
    """The tenures of one post with their spans, sorted for as-of queries in O(log n).

    The spans (`Span`) are settled once, at build, with the
    ``as_of`` rule and the post's seats (see `post_spans`). Tenures are sorted by the
    first day they may cover, and their bounds are kept in compact columns. `at` bisects
    on the first possible day and walks back only while the running maximum of the possible
    ends (``reach``) says an earlier tenure may still cover the asked day. When the certain
    ranges of the post do not overlap (the usual case), `holder` answers with one bisect
    over them and no further lookup.

    Args:
        rows: The tenures of the post, each with its span.
        people: People by id, to resolve holders once at build.
    """

    __slots__ = (
        "_certain_from", "_certain_until", "_people", "_position", "_possible_until", "_reach", "_starts", "batch",
        "certain", "tenures",
    )  # fmt: skip

    def __init__(self, rows: Iterable[tuple[Span, Tenure]], people: Mapping[str, Person]) -> None:
        ordered = sorted(rows, key=lambda row: (row[0].possible_from, row[0].certain_from))
        self.tenures: tuple[Tenure, ...] = tuple(t for _, t in ordered)
        self._position: dict[int, int] | None = None  # built on the first span() call
        self._starts = array("l", (s.possible_from for s, _ in ordered))
        self._certain_from = array("l", (s.certain_from for s, _ in ordered))
        self._certain_until = array("l", (s.certain_until for s, _ in ordered))
        self._possible_until = array("l", (s.possible_until for s, _ in ordered))
        reach, furthest = array("l"), -(2**62)
        for s, _ in ordered:
            furthest = max(furthest, s.possible_until)
            reach.append(furthest)
        self._reach = reach
        self._people = people
        self.certain: Segments | None = _disjoint_segments(ordered, people)
        """The certain ranges in order as ``(starts, ends, holders)`` (half-open), or None when two share a day."""
        self.batch: object | None = None
        """The numpy form of `certain`, built by ``yrdmodel.model.batch`` on first use (None until then)."""

    def at(self, day: int) -> list[tuple[Truth, Tenure]]:
        """The tenures that may cover the day ordinal ``day``, each with YES or MAYBE, in start order."""
        found: list[tuple[Truth, Tenure]] = []
        reach, possible_until = self._reach, self._possible_until
        i = bisect_right(self._starts, day) - 1
        while i >= 0 and reach[i] > day:
            if possible_until[i] > day:
                certain = self._certain_from[i] <= day < self._certain_until[i]
                found.append((Truth.YES if certain else Truth.MAYBE, self.tenures[i]))
            i -= 1
        found.reverse()
        return found

    def holder(self, day: int) -> Person | None:
        """The person who certainly held the post on the day ordinal ``day``, or None.

        Raises:
            AmbiguousAnswerError: Several tenures certainly cover the day.
        """
        if self.certain is not None:
            starts, ends, holders = self.certain
            i = bisect_right(starts, day) - 1
            return holders[i] if i >= 0 and day < ends[i] else None
        definite = [t for truth, t in self.at(day) if truth is Truth.YES]
        if len(definite) > 1:
            names = ", ".join(t.person for t in definite)
            raise AmbiguousAnswerError(f"{len(definite)} holders of {definite[0].post} on that day ({names})")
        return self._people.get(definite[0].person) if definite else None

    def holders_of(self, days: Sequence[int]) -> list[Person | None]:
        """`holder` of each day ordinal, in order."""
        if self.certain is None:
            return [self.holder(day) for day in days]
        starts, ends, holders = self.certain
        found: list[Person | None] = []
        for day in days:
            i = bisect_right(starts, day) - 1
            found.append(holders[i] if i >= 0 and day < ends[i] else None)
        return found

    @property
    def spans(self) -> tuple[Span, ...]:
        """The settled spans, in the order of `tenures` (made from the compact columns)."""
        return tuple(self._span(i) for i in range(len(self.tenures)))

    def _span(self, i: int) -> Span:
        return Span(self._certain_from[i], self._certain_until[i], self._starts[i], self._possible_until[i])

    def columns(self) -> tuple[Sequence[int], Sequence[int], Sequence[int], Sequence[int]]:
        """The settled spans as columns, in the order of `tenures`.

        Returns:
            ``(certain_from, certain_until, possible_from, possible_until)``, read-only.
        """
        return self._certain_from, self._certain_until, self._starts, self._possible_until

    def rows(self) -> Iterator[tuple[Span, Tenure]]:
        """``(span, tenure)`` in start order, with the spans settled at build."""
        return ((self._span(i), t) for i, t in enumerate(self.tenures))

    def span(self, tenure: Tenure) -> Span:
        """The settled span of one of the post's tenures (ValueError if it is not one of them)."""
        if self._position is None:
            self._position = {id(t): i for i, t in enumerate(self.tenures)}
        i = self._position.get(id(tenure))
        return self._span(i if i is not None and self.tenures[i] is tenure else self.tenures.index(tenure))

    def neighbours(self, tenure: Tenure) -> tuple[Tenure | None, Tenure | None]:
        """The tenures just before and just after ``tenure`` in start order."""
        i = self.tenures.index(tenure)
        before = self.tenures[i - 1] if i > 0 else None
        after = self.tenures[i + 1] if i + 1 < len(self.tenures) else None
        return before, after


Segments = tuple[list[int], "array[int]", list[Person | None]]


def post_spans(tenures: Sequence[Tenure], seats: int | None, checked_through: int | None) -> list[Span]:
    """The spans of a post's tenures under the as-of and seat rules, in the order given.

    1. Each tenure's own dates give its span (`settle`).
    2. An open tenure is *checked* through ``checked_through`` when, bounded by the seats
       (the other tenures' certain days), it may still run on that day: one that a successor
       certainly closed earlier is not vouched for. A checked tenure is certain from its certain
       start through that day.
    3. The seats then bound every tenure (except those marked ``overlap_allowed``) by the
       certain days of the others, as of step 2.

    Args:
        tenures: The post's tenures.
        seats: The post's seats; None when unknown (then the seats bound nothing).
        checked_through: The day ordinal through which the data's curators checked the post's
            open tenures (``as_of``), or None.
    """
    evidence = [t.evidence() for t in tenures]
    own = [settle(possible, touched) for possible, touched in evidence]
    bounded = [] if seats is None else [i for i, t in enumerate(tenures) if not t.overlap_allowed]
    through: list[int | None] = [None] * len(tenures)
    if checked_through is not None:
        full = full_days((own[i] for i in bounded), seats) if seats is not None else ([], [])
        free = set(bounded)
        for i, t in enumerate(tenures):
            if t.end is None:
                reach = bound_by_seats(own[i], full, evidence[i][1]) if i in free else own[i]
                if reach.possible_until > checked_through:
                    through[i] = checked_through
    spans = [
        settle(possible, touched, checked_through=through[i]) if through[i] is not None else own[i]
        for i, (possible, touched) in enumerate(evidence)
    ]
    if seats is None:
        return spans
    full = full_days((spans[i] for i in bounded), seats)
    for i in bounded:
        spans[i] = bound_by_seats(spans[i], full, evidence[i][1], checked_through=through[i])
    return spans


def _disjoint_segments(rows: list[tuple[Span, Tenure]], people: Mapping[str, Person]) -> Segments | None:
    """The non-empty certain ranges in order with their holders, or None when two of them share a day."""
    spans = sorted(((s.certain_from, s.certain_until, t) for s, t in rows if s.has_certain), key=lambda x: x[:2])
    starts: list[int] = []  # a list: a bisect reads its ints without making one per probe
    ends = array("l")  # read once per answer: a compact column, no int object kept per range
    holders: list[Person | None] = []
    for start, end, tenure in spans:
        if ends and start < ends[-1]:
            return None
        starts.append(start)
        ends.append(end)
        holders.append(people.get(tenure.person))
    return starts, ends, holders


def by_id(records: Iterable[T], key: str = "id") -> dict[str, T]:
    """Map records by an id attribute; with duplicate ids the first record wins."""
    index: dict[str, T] = {}
    for record in records:
        index.setdefault(getattr(record, key), record)
    return index


def group(records: Iterable[T], key: str) -> dict[str, list[T]]:
    """Group records by the value of one attribute, keeping their order."""
    groups: dict[str, list[T]] = defaultdict(list)
    for record in records:
        groups[getattr(record, key)].append(record)
    return dict(groups)
