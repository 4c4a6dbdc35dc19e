"""The days a tenure certainly and possibly covers: one interval type for every place that needs bounds.

A `Span` holds two half-open ranges of day ordinals (``datetime.date.toordinal()``):
``certain`` (the days the tenure certainly covers, possibly empty) and ``possible`` (outside
it, certainly not). `settle` builds a span from what the data says about a run of days;
`bound_by_seats` narrows it with the certain days of a post's other holders. Queries,
validation, frames, the Popolo export and the timeline all read spans, so the rules of partial
dates (the docs' explanation page "Partial dates and possible answers") live here and nowhere else.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

import attrs

from yrdmodel.model.dates import DateLike, Truth, day_ordinal

__all__ = ["FOREVER", "NEVER", "Span", "bound_by_seats", "full_days", "settle"]

FOREVER = 10**7
"""An ordinal after every real day (``date.max`` is 3652059): the end of a span that has none."""
NEVER = -1
"""An ordinal before every real day: the start of a span that has none."""

Range = tuple[int, int]
"""A closed range of day ordinals ``(first, last)``; empty when ``first > last``."""


@attrs.frozen(slots=True)
class Span:
    """The days something certainly and possibly covers, as half-open ranges of day ordinals.

    ``certain_from <= day < certain_until``: certainly covered (the range may be empty);
    ``possible_from <= day < possible_until``: possibly covered; any other day: certainly not.
    The possible range holds the certain one. An unknown start is `NEVER`, an unknown end
    `FOREVER`.

    Examples:
        >>> import datetime
        >>> day = datetime.date(2020, 9, 1).toordinal()
        >>> span = Span(day + 10, day + 20, day, day + 30)
        >>> span.covers(day + 10), span.covers(day + 5), span.covers(day + 30)
        (<Truth.YES: 'yes'>, <Truth.MAYBE: 'maybe'>, <Truth.NO: 'no'>)
        >>> span.overlaps(Span(day + 15, day + 40, day + 15, day + 40))
        <Truth.YES: 'yes'>
    """

    certain_from: int
    certain_until: int
    possible_from: int
    possible_until: int

    @property
    def certain(self) -> range:
        """The day ordinals certainly covered (``day in span.certain``)."""
        return range(self.certain_from, self.certain_until)

    @property
    def possible(self) -> range:
        """The day ordinals possibly covered, certain ones included."""
        return range(self.possible_from, self.possible_until)

    @property
    def has_certain(self) -> bool:
        """Whether some day is certainly covered."""
        return self.certain_from < self.certain_until

    def covers(self, day: int | DateLike) -> Truth:
        """Whether the span covers a day (a day ordinal, ISO string or date): YES, MAYBE or NO."""
        d = day if isinstance(day, int) and not isinstance(day, bool) else day_ordinal(day)  # type: ignore[arg-type]
        if self.certain_from <= d < self.certain_until:
            return Truth.YES
        if self.possible_from <= d < self.possible_until:
            return Truth.MAYBE
        return Truth.NO

    def overlaps(self, other: "Span") -> Truth:
        """Whether two spans share a day: YES when their certain ranges meet, NO when their possible ones do not."""
        if max(self.certain_from, other.certain_from) < min(self.certain_until, other.certain_until):
            return Truth.YES
        if max(self.possible_from, other.possible_from) < min(self.possible_until, other.possible_until):
            return Truth.MAYBE
        return Truth.NO


def _clip(ranges: Iterable[Range], first: int, last: int) -> list[Range]:
    clipped = [(max(lo, first), min(hi, last)) for lo, hi in ranges]
    return [(lo, hi) for lo, hi in clipped if lo <= hi]


def settle(possible: Range, touched: Sequence[Range], *, checked_through: int | None = None) -> Span:
    """The span of one unbroken run of days, from what the data says about it.

    Args:
        possible: The closed range the run lies in (from the first day its start may be to the
            last day before its end may be; `NEVER`/`FOREVER` where unknown).
        touched: Closed ranges the run has at least one day in: the start's range, the range
            of the day before the end, each attested day.
        checked_through: For a run with no end whose curators checked it through a day (the
            data's ``as_of``): it certainly goes on through that day, if it certainly began by then.

    Returns:
        The span: certain from the last day the run may start to the first day it may stop.
    """
    first, last = possible
    certain_from, certain_to = FOREVER, NEVER
    for lo, hi in touched:  # each range clipped to the possible one; an empty result is left out
        lo, hi = max(lo, first), min(hi, last)
        if lo <= hi:
            certain_from, certain_to = min(certain_from, hi), max(certain_to, lo)
    if checked_through is not None and certain_from <= checked_through:
        certain_to = max(certain_to, checked_through)
    certain_from, certain_to = max(certain_from, first), min(certain_to, last)
    if certain_from > certain_to:
        return Span(first, first, first, last + 1)
    return Span(certain_from, certain_to + 1, first, last + 1)


def full_days(spans: Iterable[Span], seats: int) -> tuple[list[int], list[int]]:
    """The days on which ``seats`` or more of the spans are certain, as merged half-open ranges.

    Returns:
        The starts and the ends of the ranges, sorted; no two ranges touch.
    """
    changes: dict[int, int] = {}
    for span in spans:
        if span.has_certain:
            changes[span.certain_from] = changes.get(span.certain_from, 0) + 1
            changes[span.certain_until] = changes.get(span.certain_until, 0) - 1
    starts: list[int] = []
    ends: list[int] = []
    count = 0
    for day in sorted(changes):
        was_full = count >= seats
        count += changes[day]
        if count >= seats and not was_full:
            starts.append(day)
        elif count < seats and was_full:
            ends.append(day)
    return starts, ends


def bound_by_seats(
    span: Span,
    full: tuple[list[int], list[int]],
    touched: Sequence[Range],
    *,
    checked_through: int | None = None,
) -> Span:
    """A span narrowed by the days on which other holders certainly fill every seat of the post.

    A run of days cannot cross a day on which the post is full without it. A span with certain
    days keeps to the free stretch around them; one without keeps to the free stretches that
    can hold a run meeting every ``touched`` range (and going on to ``checked_through``), and
    when only one can, it is settled inside it.

    Args:
        span: The span from the tenure's own dates (see `settle`).
        full: The full days of the post (`full_days` of its certain spans).
        touched: The ranges given to `settle`.
        checked_through: As in `settle`.
    """
    starts, ends = full
    if not starts:
        return span
    if span.has_certain:
        # The last full day before the certain range, the first after it (the span's own days count
        # among the full ones, so only days outside its certain range are looked at).
        i = bisect_left(starts, span.certain_from) - 1
        lower = min(ends[i], span.certain_from) if i >= 0 else NEVER
        j = bisect_right(ends, span.certain_until)
        upper = max(starts[j], span.certain_until) if j < len(starts) else FOREVER
        if lower <= span.possible_from and upper >= span.possible_until:
            return span
        return Span(
            span.certain_from,
            span.certain_until,
            max(span.possible_from, lower),
            min(span.possible_until, upper),
        )
    first, last = span.possible_from, span.possible_until - 1
    # Free stretch k runs from ends[k - 1] (or NEVER) up to starts[k] (or FOREVER), half-open.
    lo_k, hi_k = 0, len(starts)
    for lo, hi in [
        *_clip(touched, first, last),
        *([(checked_through, FOREVER)] if checked_through is not None else []),
    ]:
        lo_k = max(lo_k, bisect_right(starts, lo))
        hi_k = min(hi_k, bisect_right(ends, hi))
    if lo_k > hi_k:  # no free stretch can hold the run: the data contradicts itself; leave it to validate()
        return span
    new_first = max(first, ends[lo_k - 1] if lo_k > 0 else NEVER)
    new_last = min(last, (starts[hi_k] if hi_k < len(starts) else FOREVER) - 1)
    if new_first > new_last:
        return span
    if lo_k == hi_k:
        return settle((new_first, new_last), touched, checked_through=checked_through)
    return Span(span.certain_from, span.certain_until, new_first, new_last + 1)
