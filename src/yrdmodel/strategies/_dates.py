"""Strategies of values: ids, texts, partial dates and spans."""

import datetime
import functools
from collections.abc import Sequence
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from yrdmodel.model.dates import PartialDate, Precision

T = TypeVar("T")

MIN_YEAR = 1949
"""The first year [`partial_dates`][yrdmodel.strategies.partial_dates] draws from by default."""
MAX_YEAR = 2049
"""The last year [`partial_dates`][yrdmodel.strategies.partial_dates] draws from by default."""

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


def _check_years(min_year: int, max_year: int) -> None:
    """Refuse a range of years that is empty or that dates cannot hold, as Hypothesis' own strategies do."""
    if not 1 <= min_year <= max_year <= 9998:
        raise InvalidArgument(f"need 1 <= min_year <= max_year <= 9998, got min_year={min_year}, max_year={max_year}")


def _coin(draw: st.DrawFn) -> bool:
    """A drawn yes or no (a function, so that mypy does not infer the draw's type from an ``and``)."""
    return draw(st.booleans())


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
        A strategy of [`PartialDate`][yrdmodel.PartialDate].
    """
    _check_years(min_year, max_year)
    days = st.integers(_first_day(min_year), _last_day(max_year))
    return st.builds(_coarse, days, st.sampled_from(tuple(precisions)))


def spans(
    min_year: int = MIN_YEAR, max_year: int = MAX_YEAR, open_ended: bool = True
) -> st.SearchStrategy[tuple[PartialDate, PartialDate | None]]:
    """A start and an end that cannot fall before it, as a tenure or a body's life has them.

    The end is the first day after the span (spans are half-open), so it may be the start
    itself; where both are partial, the end's earliest day is not before the start's latest.

    Args:
        min_year: The earliest year.
        max_year: The latest year.
        open_ended: Whether the end may be None (still running, or unknown).

    Returns:
        A strategy of ``(start, end)``.

    Raises:
        InvalidArgument: The years are out of order or out of range.
    """
    _check_years(min_year, max_year)
    return _spans(min_year, max_year, open_ended)


@st.composite
def _spans(draw: st.DrawFn, min_year: int, max_year: int, open_ended: bool) -> tuple[PartialDate, PartialDate | None]:
    first = draw(st.integers(_first_day(min_year), _last_day(max_year)))
    start = _coarse(first, draw(_PRECISION))
    if open_ended and draw(st.booleans()):
        return start, None
    last = draw(st.integers(start.hi, max(start.hi, _last_day(max_year))))
    end = _coarse(last, draw(_PRECISION))
    if end.lo < start.hi:
        end = _coarse(last, Precision.DAY)
    return start, end
