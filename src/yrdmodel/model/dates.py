"""Dates known to a year, a month or a day, and three-valued answers about them.

Sources often give only "2020-09" or "2013". A [`PartialDate`][yrdmodel.PartialDate] keeps that
precision: it stands for *some day* in its range, never for the first day of it.
Questions a partial date cannot settle are answered with `Truth.MAYBE`.
"""

import calendar
import datetime
import enum
import functools
import re
from typing import TypeAlias

import attrs
import pendulum

from yrdmodel.errors import ArgumentTypeError, InvalidArgumentError

__all__ = ["DateLike", "PartialDate", "Precision", "Truth", "as_date", "day_ordinal", "parse_partial_date"]

DateLike: TypeAlias = str | datetime.date
"""What queries accept as a day: an ISO ``YYYY-MM-DD`` string, ``datetime.date`` or ``pendulum.Date``."""

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)  # ASCII digits only (not full-width)


class Truth(enum.Enum):
    """A three-valued answer: yes, no, or maybe (the data cannot settle it).

    ``Truth`` refuses to be used as a ``bool``, so that a *maybe* is never read
    as a yes or a no by accident: compare with ``is Truth.YES`` instead.
    """

    NO = "no"
    MAYBE = "maybe"
    YES = "yes"

    def __bool__(self) -> bool:
        raise TypeError("Truth is three-valued: compare with Truth.YES, Truth.MAYBE or Truth.NO")

    def __and__(self, other: "Truth") -> "Truth":
        return _ORDER[min(_RANK[self], _RANK[other])]

    def __or__(self, other: "Truth") -> "Truth":
        return _ORDER[max(_RANK[self], _RANK[other])]

    def __invert__(self) -> "Truth":
        return _ORDER[2 - _RANK[self]]

    @classmethod
    def between(cls, value: int, definite: tuple[int, int], possible: tuple[int, int]) -> "Truth":
        """Whether ``value`` lies in a closed range known only up to an inner and outer bound.

        Args:
            value: The point asked about (for example a day ordinal).
            definite: Closed range where the answer is certainly yes (may be empty).
            possible: Closed range outside which the answer is certainly no.
        """
        if definite[0] <= value <= definite[1]:
            return cls.YES
        if possible[0] <= value <= possible[1]:
            return cls.MAYBE
        return cls.NO


_ORDER = (Truth.NO, Truth.MAYBE, Truth.YES)
_RANK = {t: i for i, t in enumerate(_ORDER)}


class Precision(enum.IntEnum):
    """How much of a date a source gives."""

    YEAR = 1
    MONTH = 2
    DAY = 3


def _check_month(instance: "PartialDate", attribute: "attrs.Attribute[int | None]", value: int | None) -> None:
    if value is not None and not 1 <= value <= 12:
        raise ValueError(f"month must be 1-12, not {value}")


def _check_day(instance: "PartialDate", attribute: "attrs.Attribute[int | None]", value: int | None) -> None:
    if value is None:
        return
    if instance.month is None:
        raise ValueError("a day needs a month")  # a day that does not exist (2021-02-30): __attrs_post_init__


def _check_year(instance: "PartialDate", attribute: "attrs.Attribute[int]", value: int) -> None:
    if not 1 <= value <= 9999:
        raise ValueError(f"year must be 1-9999, not {value}")


@attrs.frozen(repr=False)
class PartialDate:
    """A date known to the year, the month or the day.

    Attributes:
        year: The year (1-9999).
        month: The month, or None when only the year is known.
        day: The day, or None when only the year or month is known.

    Examples:
        >>> d = PartialDate.parse("2020-09")
        >>> d.precision.name, str(d.first), str(d.last)
        ('MONTH', '2020-09-01', '2020-09-30')
        >>> d.contains("2020-09-10")
        True
    """

    year: int = attrs.field(validator=_check_year)
    month: int | None = attrs.field(default=None, validator=_check_month)
    day: int | None = attrs.field(default=None, validator=_check_day)
    lo: int = attrs.field(init=False, eq=False, repr=False)
    """Ordinal of the first day the date may be."""
    hi: int = attrs.field(init=False, eq=False, repr=False)
    """Ordinal of the last day the date may be."""

    def __attrs_post_init__(self) -> None:
        year, month, day = self.year, self.month, self.day
        if month is None:
            lo = datetime.date(year, 1, 1).toordinal()
            hi = lo + (365 if calendar.isleap(year) else 364)
        elif day is None:
            lo = datetime.date(year, month, 1).toordinal()
            hi = lo + calendar.monthrange(year, month)[1] - 1
        else:
            lo = hi = datetime.date(year, month, day).toordinal()  # ValueError for 2021-02-30
        object.__setattr__(self, "lo", lo)
        object.__setattr__(self, "hi", hi)

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        """Parse ``'YYYY'``, ``'YYYY-MM'`` or ``'YYYY-MM-DD'``.

        Raises:
            ValueError: The text is not such a date, or names a day that does not exist.
        """
        return parse_partial_date(text)

    @classmethod
    def of(cls, day: datetime.date) -> "PartialDate":
        """The day-precision partial date of a ``datetime.date``."""
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> Precision:
        """How much of the date is known."""
        if self.month is None:
            return Precision.YEAR
        return Precision.MONTH if self.day is None else Precision.DAY

    @property
    def first(self) -> pendulum.Date:
        """The first day the date may be."""
        return _from_ordinal(self.lo)

    @property
    def last(self) -> pendulum.Date:
        """The last day the date may be."""
        return _from_ordinal(self.hi)

    @property
    def sort_key(self) -> tuple[int, int]:
        """A key that sorts dates by their first possible day, coarser dates first."""
        return (self.lo, int(self.precision))

    def contains(self, day: DateLike) -> bool:
        """Whether ``day`` is one of the days this date may be."""
        return self.lo <= as_date(day).toordinal() <= self.hi

    def before(self, other: "PartialDate") -> Truth:
        """Whether this date is strictly earlier than ``other``."""
        if self.hi < other.lo:
            return Truth.YES
        if self.lo >= other.hi:
            return Truth.NO
        return Truth.MAYBE

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __repr__(self) -> str:
        return f"PartialDate('{self}')"


@functools.lru_cache(maxsize=65536)
def parse_partial_date(text: str) -> PartialDate:
    """[`PartialDate.parse`][yrdmodel.PartialDate.parse] as a plain function, cached: equal dates are one object."""
    match = _ISO.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f"not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {text!r}")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    return PartialDate(year, month, day)


@functools.lru_cache(maxsize=65536)
def _from_ordinal(ordinal: int) -> pendulum.Date:
    day = datetime.date.fromordinal(ordinal)
    return pendulum.Date(day.year, day.month, day.day)


_DAY_FORMS = "an ISO 'YYYY-MM-DD' string, a datetime.date or a pendulum.Date"


def day_ordinal(value: DateLike, argument: str = "day") -> int:
    """The proleptic Gregorian ordinal of a query's day (see `as_date`); fast for date objects."""
    if isinstance(value, datetime.date):
        return value.toordinal()
    return as_date(value, argument).toordinal()


def as_date(value: DateLike, argument: str = "day") -> pendulum.Date:
    """Turn a query's date argument into a ``pendulum.Date``.

    Args:
        value: An ISO ``YYYY-MM-DD`` string, a ``datetime.date`` or a ``pendulum.Date``
            (a ``datetime.datetime`` is cut to its date).
        argument: The argument's name, for the error message.

    Raises:
        InvalidArgumentError: A string that is not a real day in full (``"2021-02-30"``,
            ``"2021-06"``); a partial date cannot name one day. Also a ``ValueError``.
        ArgumentTypeError: Anything else. Also a ``TypeError``.
    """
    if isinstance(value, pendulum.Date):
        return value
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return pendulum.Date(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            parsed = parse_partial_date(value)
        except ValueError as exc:
            raise InvalidArgumentError(f"{argument}: {value!r} is not a real day ({exc}); give {_DAY_FORMS}") from None
        if parsed.precision is not Precision.DAY:
            raise InvalidArgumentError(f"{argument}: a query needs a whole day, not {value!r}; give {_DAY_FORMS}")
        return parsed.first
    raise ArgumentTypeError(f"{argument}: expected a day as {_DAY_FORMS}, not {type(value).__name__} {value!r}")
