"""Answers for many days at once from numpy arrays of day ordinals (numpy is imported only here)."""

import datetime
from typing import TYPE_CHECKING, Any

from yrdmodel.errors import ArgumentTypeError, InvalidArgumentError
from yrdmodel.model.index import PostTenures
from yrdmodel.model.people import Person

if TYPE_CHECKING:
    import numpy.typing as npt

__all__ = ["check_ordinals", "holders_of_ordinals"]

_LAST = datetime.date.max.toordinal()
_EPOCH = datetime.date(1970, 1, 1).toordinal()


def check_ordinals(days: "npt.NDArray[Any]", argument: str = "days") -> "npt.NDArray[Any]":
    """A one-dimensional int64 array of real day ordinals, or a refusal naming ``argument``.

    Args:
        days: Integer day ordinals (``date.toordinal()``) or ``datetime64`` values.
        argument: The argument's name, for the error message.

    Raises:
        ArgumentTypeError: Not an array of integers or of ``datetime64``.
        InvalidArgumentError: Not one-dimensional, or an ordinal outside 1 .. ``date.max``.
    """
    import numpy as np

    array = np.asarray(days)
    if array.dtype.kind == "M":  # numpy datetime64 (a pandas DatetimeIndex too): whole days since 1970
        values = array.astype("datetime64[D]")
        if np.isnat(values).any():
            raise InvalidArgumentError(f"{argument}: a missing date (NaT) is not a day")
        array = values.astype(np.int64) + _EPOCH
    if array.dtype.kind not in "iu":
        raise ArgumentTypeError(
            f"{argument}: a numpy array must hold integer day ordinals (date.toordinal()) or datetime64 values,"
            f" not {array.dtype}"
        )
    if array.ndim != 1:
        raise InvalidArgumentError(f"{argument}: expected a one-dimensional array of day ordinals, not {array.ndim}-d")
    array = array.astype(np.int64, copy=False)
    if array.size and (int(array.min()) < 1 or int(array.max()) > _LAST):
        raise InvalidArgumentError(f"{argument}: day ordinals run from 1 to {_LAST} (date.toordinal())")
    return array


def holders_of_ordinals(index: PostTenures | None, days: "npt.NDArray[Any]") -> list[Person | None]:
    """The certain holder on each day ordinal of an array, vectorized when the certain ranges are disjoint."""
    import numpy as np

    ordinals = check_ordinals(days)
    if index is None:
        return [None] * len(ordinals)
    segments = index.segments()
    if segments is None:  # certain ranges overlap somewhere: each day may need the ambiguity check
        return index.holders_of(ordinals.tolist())
    starts, ends, holders = segments
    if not starts:
        return [None] * len(ordinals)
    i = np.searchsorted(np.asarray(starts, dtype=np.int64), ordinals, side="right") - 1
    inside = (i >= 0) & (ordinals < np.asarray(ends, dtype=np.int64)[np.maximum(i, 0)])
    table = np.empty(len(holders) + 1, dtype=object)
    table[: len(holders)] = holders
    table[len(holders)] = None
    return table[np.where(inside, i, len(holders))].tolist()  # type: ignore[no-any-return]
