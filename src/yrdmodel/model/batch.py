"""Answers for many days at once from numpy arrays of day ordinals (numpy is imported only here)."""

import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from yrdmodel.errors import ArgumentTypeError, InvalidArgumentError, UnknownIdError
from yrdmodel.model.index import PostTenures
from yrdmodel.model.people import Person

if TYPE_CHECKING:
    import numpy.typing as npt
    import pandas as pd

__all__ = ["AllPosts", "check_ordinals", "holders_of_ordinals", "post_arrays"]

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
    arrays = post_arrays(index)
    if arrays is None:  # certain ranges overlap somewhere: each day may need the ambiguity check
        return index.holders_of(ordinals.tolist())
    starts, ends, table = arrays
    i = np.searchsorted(starts, ordinals, side="right") - 1  # >= 0: the sentinel starts at day 0
    return table[np.where(ordinals < ends[i], i, 0)].tolist()  # type: ignore[no-any-return]


def post_arrays(index: PostTenures) -> "tuple[npt.NDArray[Any], npt.NDArray[Any], npt.NDArray[Any]] | None":
    """A post's certain ranges as numpy arrays ``(starts, ends, holders)``, cached on the index at first use.

    Position 0 is a sentinel (the empty range at day 0, held by None), so that a search never
    falls before the first range. None when two certain ranges share a day.
    """
    import numpy as np

    if index.batch is None:
        segments = index.certain
        if segments is None:
            index.batch = False
        else:
            starts, ends, holders = segments
            table = np.empty(len(holders) + 1, dtype=object)
            table[0] = None
            table[1:] = holders
            index.batch = (
                np.array([0, *starts], dtype=np.int64),
                np.array([0, *ends], dtype=np.int64),
                table,
            )
    return index.batch or None  # type: ignore[return-value]


class AllPosts:
    """Every post's days cut where its certain holder changes, found through buckets of days, without a sort.

    A post's days from its first certain day on are cut at each start and at each end of its
    certain ranges that no range follows at once; each piece is held by one person, or by None
    (a gap, and the days after the last range). A cut of the post ranked ``r`` on ``day`` is
    keyed ``r * 2**22 + day``: sorting by key sorts by post, then by day. A post without
    certain ranges has one cut, on day 0, held by None. The days from a post's first certain
    day to its last are then cut into buckets of ``2**shift`` days, numbered across posts;
    ``first[b]`` is the last cut on or before bucket ``b``'s first day. A question's piece is
    ``first[b]``, or one of the few cuts inside its bucket; a day outside the post's certain
    days is asked as its last day (held by None). Posts whose certain ranges overlap (``slow``)
    are answered one pair at a time, with the ambiguity check.

    Args:
        indexes: The tenures of each post that has any.
        posts: The ids of every known post (those without tenures too).
    """

    __slots__ = (
        "any_slow",
        "base",
        "cuts",
        "first",
        "indexes",
        "lo",
        "passes",
        "rank",
        "shift",
        "slow",
        "table",
        "width",
    )

    def __init__(self, indexes: Mapping[str, PostTenures], posts: Iterable[str]) -> None:
        import numpy as np

        self.rank: dict[str, int] = {}
        for post in (*indexes, *posts):
            self.rank.setdefault(post, len(self.rank))
        self.indexes: list[PostTenures | None] = [indexes.get(post) for post in self.rank]
        starts: list[int] = []  # each post's days, then made keys
        ends: list[int] = []
        holders: list[Person | None] = []
        count = np.ones(len(self.rank), dtype=np.int64)  # ranges a post has (a post without any: its one cut)
        slow = np.zeros(len(self.rank), dtype=bool)
        lo = np.zeros(len(self.rank), dtype=np.int64)  # a post's first certain day, and how many days on it has
        width = np.zeros(len(self.rank), dtype=np.int64)
        for rank, index in enumerate(self.indexes):
            segments = None if index is None else index.certain
            if segments is None or not segments[0]:
                slow[rank] = index is not None and segments is None
                starts.append(0)  # no certain range: one cut on day 0, held by None
                ends.append(0)
                holders.append(None)
                continue
            lo[rank] = segments[0][0]
            width[rank] = segments[1][-1] - segments[0][0]
            count[rank] = len(segments[0])
            starts.extend(segments[0])
            ends.extend(segments[1])
            holders.extend(segments[2])
        offset = np.repeat(np.arange(len(count), dtype=np.int64) << _SHIFT, count)
        start = np.array(starts, dtype=np.int64) + offset
        end = np.array(ends, dtype=np.int64) + offset
        gap = end < np.append(start[1:], _LAST_KEY)  # no range follows at once (the last of a post neither)
        gap &= end > start
        at = np.arange(len(start)) + np.cumsum(gap) - gap  # where each start goes among the cuts
        self.cuts = np.empty(len(start) + int(gap.sum()) + 1, dtype=np.int64)
        self.cuts[at] = start
        self.cuts[at[gap] + 1] = end[gap]
        self.cuts[-1] = _LAST_KEY  # after every cut
        self.table = np.full(len(self.cuts) - 1, None, dtype=object)
        self.table[at] = np.fromiter(holders, dtype=object, count=len(holders))  # not inspected as sequences
        self.slow = slow
        self.any_slow = bool(slow.any())
        # The narrowest buckets whose number stays within _BUCKETS per cut (one bucket per post does).
        shift = 0
        while int((width >> shift).sum()) + len(width) > _BUCKETS * len(self.table):
            shift += 1
        buckets = (width >> shift) + 1
        self.shift = shift
        self.lo = lo
        self.width = width.astype(np.uint64)  # a day's offset, unsigned: a day before lo is beyond it
        self.base = np.cumsum(buckets) - buckets
        first_day = np.arange(len(buckets), dtype=np.int64) << _SHIFT  # of each bucket, keyed
        first_day += lo - (self.base << shift)
        first_day = np.repeat(first_day, buckets) + (np.arange(int(buckets.sum()), dtype=np.int64) << shift)
        self.first = np.searchsorted(self.cuts, first_day, side="right") - 1
        # The most cuts inside one bucket, after its first day: the steps a question may take.
        owner = self.cuts[:-1] >> _SHIFT
        offset = (self.cuts[:-1] & _DAY) - lo[owner]
        inside = (offset & ((1 << shift) - 1)) != 0
        self.passes = int(np.bincount(self.base[owner[inside]] + (offset[inside] >> shift)).max(initial=0))

    def ranks(self, posts: "Sequence[str] | npt.NDArray[Any] | pd.Series[Any]") -> "npt.NDArray[Any]":
        """The rank of each post id, or a refusal: ArgumentTypeError first, then UnknownIdError.

        A pandas column (or ``Categorical``) is hashed once per distinct id, in pandas: a
        categorical one through its codes, any other through ``pandas.factorize``.
        """
        import numpy as np

        known = self._arrow_ranks(posts)
        if known is not None:
            return known
        coded = _codes(posts)
        if coded is None:
            ids = posts.tolist() if isinstance(posts, np.ndarray) else posts
            try:
                return np.fromiter(map(self.rank.__getitem__, ids), dtype=np.int64, count=len(ids))
            except (KeyError, TypeError):
                codes, distinct = np.arange(len(ids)), list(ids)
        else:
            codes, distinct = coded
        of_distinct = np.fromiter(
            (self.rank.get(post, _UNKNOWN) if isinstance(post, str) else _NOT_STR for post in distinct),
            dtype=np.int64,
            count=len(distinct),
        )
        found = np.append(of_distinct, _MISSING)[codes]  # the code -1 of a missing value picks _MISSING
        if len(found) and found.min() < 0:
            wrong = np.flatnonzero(found <= _NOT_STR)
            if len(wrong):
                code = int(codes[wrong[0]])
                kind = "a missing value" if code < 0 else type(distinct[code]).__name__
                raise ArgumentTypeError(f"posts: a post id is a str, not {kind}")
            raise UnknownIdError("post", distinct[int(codes[np.flatnonzero(found == _UNKNOWN)[0]])])
        return found

    def _arrow_ranks(self, posts: object) -> "npt.NDArray[Any] | None":
        """The ranks of a pandas column of strings kept in Arrow (pandas' own ``str``), in one Arrow pass.

        None for any other form, and when an id is missing or unknown (`ranks` then tells which).
        """
        values = getattr(posts, "array", None)
        if type(posts).__module__.partition(".")[0] != "pandas" or not hasattr(values, "__arrow_array__"):
            return None
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc

        strings = pa.array(values)
        if not (pa.types.is_string(strings.type) or pa.types.is_large_string(strings.type)):
            return None
        found = np.asarray(
            pc.fill_null(pc.index_in(strings, value_set=pa.array(list(self.rank), type=strings.type)), -1)
        )
        return found.astype(np.int64) if not len(found) or found.min() >= 0 else None

    def holders_at(self, ranks: "npt.NDArray[Any]", ordinals: "npt.NDArray[Any]") -> list[Person | None]:
        """The certain holder of the post ranked ``ranks[k]`` on the day ordinal ``ordinals[k]``, for each k."""
        import numpy as np

        lo = self.lo[ranks]
        offset = ordinals - lo
        np.minimum(offset.view(np.uint64), self.width[ranks], out=offset.view(np.uint64))  # outside: the last day
        keys = ranks << _SHIFT
        keys += lo
        keys += offset
        offset >>= self.shift
        offset += self.base[ranks]
        i = self.first[offset]
        after = self.cuts[1:]  # after[i]: the cut after cut i
        for _ in range(min(self.passes, _PASSES)):
            i += after[i] <= keys
        if self.passes > _PASSES:  # a crowded bucket: search the rest
            left = np.flatnonzero(after[i] <= keys)
            i[left] = np.searchsorted(self.cuts, keys[left], side="right") - 1
        found: list[Person | None] = self.table[i].tolist()
        if self.any_slow:
            for k in np.flatnonzero(self.slow[ranks]).tolist():
                index = self.indexes[int(ranks[k])]
                assert index is not None
                found[k] = index.holder(int(ordinals[k]))
        return found


def _codes(posts: object) -> "tuple[npt.NDArray[Any], list[Any]] | None":
    """``(codes, distinct ids)`` of a pandas column or array (code -1: a missing value), else None."""
    if type(posts).__module__.partition(".")[0] != "pandas":
        return None
    import pandas as pd

    values = posts if isinstance(posts, pd.Categorical) else getattr(posts, "array", None)
    if isinstance(values, pd.Categorical):
        return values.codes, values.categories.tolist()
    codes, distinct = pd.factorize(cast("pd.Series[Any]", posts))
    return codes, distinct.tolist()


_UNKNOWN, _NOT_STR, _MISSING = -1, -2, -3  # ranks of the post ids that are refused
_SHIFT = 22  # day ordinals stay below 2**22 (date.max is 3_652_059)
_DAY = (1 << _SHIFT) - 1
_LAST_KEY = 2**63 - 1  # after every range
_BUCKETS = 4  # buckets per cut, at most
_PASSES = 3  # steps through a bucket before a search
