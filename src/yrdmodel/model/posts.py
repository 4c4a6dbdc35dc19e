"""Posts and the tenures of the people who held them."""

import datetime
from typing import Any

import attrs
import pendulum

from yrdmodel.model.dates import DateLike, PartialDate, Truth, as_date
from yrdmodel.model.interval import FOREVER, NEVER, Span, settle
from yrdmodel.model.schema import refers
from yrdmodel.model.sources import Sourced, check_id, check_ids, check_optional_id

__all__ = ["Post", "Tenure"]


def _check_seats(post: object, attribute: Any, seats: int | None) -> None:
    if seats is not None and seats < 1:
        raise ValueError(f"a post has at least one seat, not {seats}")


@attrs.frozen(kw_only=True)
class Post(Sourced):
    """A post that people hold for a span of dates.

    Attributes:
        id: Stable slug: ``"<member>.party-secretary"``, ``"<member>.governor"``, ``"shanghai.mayor"``, ...
        name_en: The post's English title, e.g. "Party Secretary of Jiangsu".
        name_zh: Its Chinese title, where known.
        member: The member whose post it is, if any.
        body: The body whose post it is, if any.
        seats: How many people hold it at once; None when unknown.
        main_leader: Whether its holder is one of the eight main leaders at the symposium.
        incompatible_with: Posts one person may not hold at the same time as this one.
    """

    id: str = attrs.field(validator=check_id)
    name_en: str
    name_zh: str | None = None
    member: str | None = attrs.field(default=None, validator=check_optional_id, metadata=refers("members"))
    body: str | None = attrs.field(default=None, validator=check_optional_id, metadata=refers("all_bodies"))
    seats: int | None = attrs.field(default=1, validator=_check_seats)
    main_leader: bool = False
    incompatible_with: tuple[str, ...] = attrs.field(default=(), validator=check_ids, metadata=refers("posts"))


def _check_order(tenure: "Tenure", attribute: "attrs.Attribute[PartialDate | None]", end: PartialDate | None) -> None:
    if end is not None and tenure.start is not None and end.before(tenure.start) is Truth.YES:
        raise ValueError(f"end {end} is before start {tenure.start}")


@attrs.frozen(kw_only=True)
class Tenure(Sourced):
    """One person's time in one post.

    A tenure covers the days from ``start`` up to, not including, ``end``: the end is the
    day the person left (the departure announcement or the accepted resignation), which is
    usually the day the successor started. Dates keep the precision the sources give, so
    [`covers`][yrdmodel.Tenure.covers] answers yes, no or maybe.

    Attributes:
        post: The post held.
        person: Who held it.
        start: First day in the post, acting period included; None when unknown.
        end: Day the person left the post; None when no end is known (the holder was
            still in office at the latest attestation, or the end was not found).
        acting: True when the term began as acting holder, False when a source says it
            did not, None when not stated.
        confirmed: When the person was elected or confirmed as the full holder.
        attested: Days a source shows the person in the post (they bound an unknown start or end).
        how_started: How the tenure began ("appointed", "acting, then elected"), where known.
        how_ended: How it ended ("resignation accepted", "transferred"), where known.
        overlap_allowed: The data marks an overlap with another holder of the post as real
            (a handover with an acting holder), so validation does not report it.
    """

    post: str = attrs.field(validator=check_id, metadata=refers("posts"))
    person: str = attrs.field(validator=check_id, metadata=refers("people"))
    start: PartialDate | None = None
    end: PartialDate | None = attrs.field(default=None, validator=_check_order)
    acting: bool | None = None
    confirmed: PartialDate | None = None
    attested: tuple[PartialDate, ...] = ()
    how_started: str | None = None
    how_ended: str | None = None
    overlap_allowed: bool = False

    @property
    def id(self) -> str:
        """A stable id: ``"<post>:<person>"``, plus ``":<start>"`` when the start is known."""
        base = f"{self.post}:{self.person}"
        return base if self.start is None else f"{base}:{self.start}"

    def evidence(self) -> tuple[tuple[int, int], tuple[tuple[int, int], ...]]:
        """What the dates say about the tenure's days, as closed ranges of day ordinals.

        Returns:
            The range the tenure lies in (from the first day the start may be to the last day
            before the end may be) and the ranges it has a day in (the start, the day before
            the end, each attested day).
        """
        start, end = self.start, self.end
        touched = [(a.lo, a.hi) for a in self.attested]
        if start is not None:
            touched.append((start.lo, start.hi))
        if end is not None:
            touched.append((end.lo - 1, end.hi - 1))
        possible = (start.lo if start is not None else NEVER, end.hi - 1 if end is not None else FOREVER - 1)
        return possible, tuple(touched)

    def span(self, *, checked_through: int | None = None) -> Span:
        """The days the tenure covers on its own dates (the mechanism's rules: `Mechanism.span`).

        Args:
            checked_through: For a tenure without an end, the day ordinal through which the
                data's curators checked it (the ``as_of`` rule); None for none.
        """
        possible, touched = self.evidence()
        return settle(possible, touched, checked_through=checked_through if self.end is None else None)

    def length(self) -> tuple[pendulum.Interval[pendulum.Date] | None, pendulum.Interval[pendulum.Date] | None]:
        """How long the tenure lasted, at least and at most, as pendulum intervals (``.in_years()``, ``.in_words()``).

        The first is the span the person certainly held the post (None if no day is certain), the
        second the span they may have held it (None when an unknown start or end leaves it open).
        Each runs from its first day to the day after its last (the tenure's ``end``, which is half-open).

        Examples:
            >>> t = Tenure(post="zj.governor", person="li-qiang", start=PartialDate(2012, 12, 21),
            ...            end=PartialDate(2016, 6), sources=())
            >>> at_least, at_most = t.length()
            >>> at_least.in_months(), at_most.in_months(), at_most.end
            (41, 42, Date(2016, 6, 30))
        """
        span = self.span()
        certain = _interval(span.certain_from, span.certain_until - 1) if span.has_certain else None
        bounded = span.possible_from > NEVER and span.possible_until < FOREVER
        possible = _interval(span.possible_from, span.possible_until - 1) if bounded else None
        return certain, possible

    def covers(self, on: DateLike) -> Truth:
        """Whether the person held the post on a day, on the tenure's own dates: YES, NO or MAYBE.

        `Mechanism.holders_with_truth` also applies the data's ``as_of`` and the post's seats.
        """
        return self.span().covers(as_date(on).toordinal())


def _interval(first: int, last: int) -> pendulum.Interval[pendulum.Date]:
    """The pendulum interval from day ordinal ``first`` to the day after ``last``."""
    start, end = datetime.date.fromordinal(first), datetime.date.fromordinal(last + 1)
    return pendulum.Interval(
        pendulum.Date(start.year, start.month, start.day), pendulum.Date(end.year, end.month, end.day)
    )
