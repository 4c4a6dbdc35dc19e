"""Indexes a :class:`~yrdmodel.Mechanism` builds once, so that queries never scan all records."""

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from typing import TypeVar

from yrdmodel.model.dates import Truth
from yrdmodel.model.posts import Tenure

__all__ = ["PostTenures", "by_id", "group"]

T = TypeVar("T")


class PostTenures:
    """The tenures of one post, sorted for as-of queries in O(log n).

    Tenures are sorted by the first day they may cover. A query bisects on that day and
    walks back only while some earlier tenure may still reach the asked day, which the
    running maximum ``reach`` tells without looking at the tenures themselves.
    """

    __slots__ = ("_bounds", "_reach", "_starts", "tenures")

    def __init__(self, tenures: Iterable[Tenure]) -> None:
        rows = sorted(((t.bounds(), t) for t in tenures), key=lambda row: (row[0][2], row[0][0]))
        self.tenures: tuple[Tenure, ...] = tuple(t for _, t in rows)
        self._bounds: tuple[tuple[int, int, int, int], ...] = tuple(b for b, _ in rows)
        self._starts: list[int] = [b[2] for b in self._bounds]
        reach: list[int] = []
        furthest = -(10**9)
        for b in self._bounds:
            furthest = max(furthest, b[3])
            reach.append(furthest)
        self._reach = reach

    def at(self, day: int) -> list[tuple[Truth, Tenure]]:
        """The tenures that may cover the day ordinal ``day``, each with YES or MAYBE, in start order."""
        found: list[tuple[Truth, Tenure]] = []
        bounds, reach = self._bounds, self._reach
        i = bisect_right(self._starts, day) - 1
        while i >= 0 and reach[i] >= day:
            definite_from, definite_to, _, possible_to = bounds[i]
            if possible_to >= day:
                truth = Truth.YES if definite_from <= day <= definite_to else Truth.MAYBE
                found.append((truth, self.tenures[i]))
            i -= 1
        found.reverse()
        return found

    def neighbours(self, tenure: Tenure) -> tuple[Tenure | None, Tenure | None]:
        """The tenures just before and just after ``tenure`` in start order."""
        i = self.tenures.index(tenure)
        before = self.tenures[i - 1] if i > 0 else None
        after = self.tenures[i + 1] if i + 1 < len(self.tenures) else None
        return before, after


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
