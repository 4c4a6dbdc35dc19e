"""Indexes a [`Mechanism`][yrdmodel.Mechanism] builds once, so that queries never scan all records."""

from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import TypeVar

from yrdmodel.errors import AmbiguousAnswerError
from yrdmodel.model.dates import Truth
from yrdmodel.model.people import Person
from yrdmodel.model.posts import Tenure

__all__ = ["PostTenures", "by_id", "group"]

T = TypeVar("T")


class PostTenures:
    """The tenures of one post, sorted for as-of queries in O(log n).

    Tenures are sorted by the first day they may cover, and their day bounds are kept in
    compact columns. `at` bisects on the first possible day and walks back only while
    the running maximum of the last possible day (``reach``) says an earlier tenure may still
    cover the asked day. When the definite spans of the post do not overlap (the usual case),
    `holder` answers with one bisect over them and no further lookup.

    Args:
        tenures: The tenures of the post.
        people: People by id, to resolve holders once at build.
    """

    __slots__ = (
        "_definite_from", "_definite_to", "_people", "_possible_to", "_reach", "_segments", "_starts", "tenures"
    )  # fmt: skip

    def __init__(self, tenures: Iterable[Tenure], people: Mapping[str, Person]) -> None:
        rows = sorted(((t.bounds(), t) for t in tenures), key=lambda row: (row[0][2], row[0][0]))
        self.tenures: tuple[Tenure, ...] = tuple(t for _, t in rows)
        self._starts = array("l", (b[2] for b, _ in rows))
        self._definite_from = array("l", (b[0] for b, _ in rows))
        self._definite_to = array("l", (b[1] for b, _ in rows))
        self._possible_to = array("l", (b[3] for b, _ in rows))
        reach, furthest = array("l"), -(2**62)
        for b, _ in rows:
            furthest = max(furthest, b[3])
            reach.append(furthest)
        self._reach = reach
        self._people = people
        self._segments = _disjoint_segments(rows, people)

    def at(self, day: int) -> list[tuple[Truth, Tenure]]:
        """The tenures that may cover the day ordinal ``day``, each with YES or MAYBE, in start order."""
        found: list[tuple[Truth, Tenure]] = []
        reach, possible_to = self._reach, self._possible_to
        i = bisect_right(self._starts, day) - 1
        while i >= 0 and reach[i] >= day:
            if possible_to[i] >= day:
                definite = self._definite_from[i] <= day <= self._definite_to[i]
                found.append((Truth.YES if definite else Truth.MAYBE, self.tenures[i]))
            i -= 1
        found.reverse()
        return found

    def holder(self, day: int) -> Person | None:
        """The person who certainly held the post on the day ordinal ``day``, or None.

        Raises:
            AmbiguousAnswerError: Several tenures certainly cover the day.
        """
        if self._segments is not None:
            starts, ends, holders = self._segments
            i = bisect_right(starts, day) - 1
            return holders[i] if i >= 0 and day <= ends[i] else None
        definite = [t for truth, t in self.at(day) if truth is Truth.YES]
        if len(definite) > 1:
            names = ", ".join(t.person for t in definite)
            raise AmbiguousAnswerError(f"{len(definite)} holders of {definite[0].post} on that day ({names})")
        return self._people.get(definite[0].person) if definite else None

    def rows(self) -> Iterator[tuple[tuple[int, int, int, int], Tenure]]:
        """``(bounds, tenure)`` in start order, with the bounds [`Tenure.bounds`][yrdmodel.Tenure.bounds] gives, computed once at build."""
        columns = zip(self._definite_from, self._definite_to, self._starts, self._possible_to, strict=True)
        return zip(columns, self.tenures, strict=True)

    def neighbours(self, tenure: Tenure) -> tuple[Tenure | None, Tenure | None]:
        """The tenures just before and just after ``tenure`` in start order."""
        i = self.tenures.index(tenure)
        before = self.tenures[i - 1] if i > 0 else None
        after = self.tenures[i + 1] if i + 1 < len(self.tenures) else None
        return before, after


Segments = tuple[list[int], list[int], list[Person | None]]


def _disjoint_segments(
    rows: list[tuple[tuple[int, int, int, int], Tenure]], people: Mapping[str, Person]
) -> Segments | None:
    """The non-empty definite spans in order with their holders, or None when two of them share a day."""
    spans = sorted(((b[0], b[1], t) for b, t in rows if b[0] <= b[1]), key=lambda span: span[:2])
    starts: list[int] = []
    ends: list[int] = []
    holders: list[Person | None] = []
    for start, end, tenure in spans:
        if ends and start <= ends[-1]:
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
