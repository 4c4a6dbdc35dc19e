"""Posts and the tenures of the people who held them."""

import datetime
from typing import Any

import attrs
import pendulum

from yrdmodel.model.dates import DateLike, PartialDate, Precision, Truth, as_date
from yrdmodel.model.schema import refers
from yrdmodel.model.sources import Sourced, check_id, check_ids, check_optional_id

__all__ = ["Post", "Tenure"]

FOREVER = 10**7
"""An ordinal after every real day (``date.max`` is 3652059)."""
NEVER = -1
"""An ordinal before every real day."""


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

    def bounds(self) -> tuple[int, int, int, int]:
        """Day ordinals ``(definite_from, definite_to, possible_from, possible_to)``, all inclusive.

        Between the definite bounds the person certainly held the post; outside the possible
        bounds certainly not. An unknown start or end is bounded by the attested days.
        """
        start, end, attested = self.start, self.end, self.attested
        possible_from = start.lo if start is not None else NEVER
        possible_to = end.hi - 1 if end is not None else FOREVER
        definite_from = min([a.hi for a in attested], default=FOREVER)
        if start is not None:
            definite_from = min(definite_from, start.hi)
        if end is not None:
            definite_to = end.lo - 1
        else:
            seen = [a.lo for a in attested]
            if start is not None and start.precision is Precision.DAY:
                seen.append(start.lo)
            definite_to = max(seen, default=NEVER)
        # Inconsistent data (an attestation outside the span) must not widen the possible range.
        return max(definite_from, possible_from), min(definite_to, possible_to), possible_from, possible_to

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
        definite_from, definite_to, possible_from, possible_to = self.bounds()
        certain = _interval(definite_from, definite_to) if definite_from <= definite_to else None
        possible = _interval(possible_from, possible_to) if possible_from > NEVER and possible_to < FOREVER else None
        return certain, possible

    def covers(self, on: DateLike) -> Truth:
        """Whether the person held the post on a day: YES, NO, or MAYBE where dates are partial."""
        day = as_date(on).toordinal()
        definite_from, definite_to, possible_from, possible_to = self.bounds()
        return Truth.between(day, (definite_from, definite_to), (possible_from, possible_to))


def _interval(first: int, last: int) -> pendulum.Interval[pendulum.Date]:
    """The pendulum interval from day ordinal ``first`` to the day after ``last``."""
    start, end = datetime.date.fromordinal(first), datetime.date.fromordinal(last + 1)
    return pendulum.Interval(
        pendulum.Date(start.year, start.month, start.day), pendulum.Date(end.year, end.month, end.day)
    )
