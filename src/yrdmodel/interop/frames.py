"""Tidy pandas data frames of tenures, meetings, plans and main leaders (needs the ``pandas`` extra).

Install pandas (``pip install pandas``; in a yrdmodel checkout ``pip install ".[pandas]"``). pandas is imported when a frame is first
asked for, never by ``import yrdmodel``.

Every frame has one row per record and one column per value. A partial date becomes three
columns, so that no day is invented: ``<name>_first`` and ``<name>_last`` (``datetime64[s]``,
the first and last day the date may be; ``NaT`` when unknown) and ``<name>_precision`` (an
ordered categorical: ``"year"`` < ``"month"`` < ``"day"``). A date known to the day has
``_first == _last``. Optional whole numbers are ``Int64`` and optional flags ``boolean``, so
that missing values stay missing.

Examples:
    >>> import yrdmodel
    >>> frame = yrdmodel.tenures_frame(yrdmodel.load())
    >>> list(frame.columns[:4])
    ['tenure', 'post', 'post_name', 'member']
"""

import datetime
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

from yrdmodel.model.dates import DateLike, PartialDate, day_ordinal
from yrdmodel.model.mechanism import Mechanism
from yrdmodel.model.posts import Tenure

if TYPE_CHECKING:
    import numpy.typing as npt
    import pandas as pd

__all__ = ["PRECISIONS", "leaders_frame", "meetings_frame", "plans_frame", "tenures_frame"]

PRECISIONS = ("year", "month", "day")
"""The categories of every ``*_precision`` column, coarsest first."""

_DATE_DTYPE = "datetime64[s]"

Row = dict[str, Any]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - pandas is installed in the test environment
        raise ImportError(
            'the data frames need pandas: pip install pandas (in a yrdmodel checkout: pip install ".[pandas]")'
        ) from exc
    return pandas


def tenures_frame(m: Mechanism) -> "pd.DataFrame":
    """One row per tenure: who held which post, from when to when.

    Columns: ``tenure`` (its id), ``post``, ``post_name``, ``member``, ``body``, ``main_leader``,
    ``person``, ``person_name``, ``person_name_zh``, the partial-date columns of ``start``,
    ``end`` and ``confirmed``, ``acting`` (``boolean``; missing when not stated),
    ``attested`` (how many days a source shows the person in the post) and ``confidence``.
    The end is the day the person left (exclusive), as in [`Tenure`][yrdmodel.Tenure].

    Args:
        m: The mechanism.

    Returns:
        The tenures in data order.
    """
    posts = {p.id: p for p in m.posts}
    people = {p.id: p for p in m.people}
    rows = []
    for t in m.tenures:
        post, person = posts.get(t.post), people.get(t.person)
        row: Row = {
            "tenure": t.id,
            "post": t.post,
            "post_name": post.name_en if post else None,
            "member": post.member if post else None,
            "body": post.body if post else None,
            "main_leader": post.main_leader if post else None,
            "person": t.person,
            "person_name": person.name_en if person else None,
            "person_name_zh": person.name_zh if person else None,
        }
        row |= _date_columns("start", t.start) | _date_columns("end", t.end) | _date_columns("confirmed", t.confirmed)
        row |= {"acting": t.acting, "attested": len(t.attested), "confidence": t.confidence.value}
        rows.append(row)
    return _frame(
        rows,
        _TENURE_COLUMNS,
        dates=("start", "end", "confirmed"),
        dtypes={"acting": "boolean", "main_leader": "boolean", "attested": "Int64"},
    )


_TENURE_COLUMNS = (
    "tenure",
    "post",
    "post_name",
    "member",
    "body",
    "main_leader",
    "person",
    "person_name",
    "person_name_zh",
    *(f"{name}_{part}" for name in ("start", "end", "confirmed") for part in ("first", "last", "precision")),
    "acting",
    "attested",
    "confidence",
)


def meetings_frame(m: Mechanism) -> "pd.DataFrame":
    """One row per meeting, of every body.

    Columns: ``meeting`` (its id), ``body``, ``body_name``, ``tier`` (missing for bodies outside
    the three tiers), ``year``, the partial-date columns of ``date`` and ``end_date`` (missing
    for a one-day or unknown span), ``host``, ``host_name``, ``city``, ``name_en``, ``theme_en``,
    ``edition`` (``Int64``), ``attendees`` (how many are recorded), ``plans_adopted`` (how many),
    ``next_host``, ``next_host_year`` (``Int64``) and ``confidence``.

    Args:
        m: The mechanism.

    Returns:
        The meetings sorted by date (coarser dates first on the same first day), then id.
    """
    bodies = {b.id: b for b in m.all_bodies}
    members = {x.id: x for x in m.members}
    rows = []
    for x in sorted(m.meetings, key=lambda x: (x.date.sort_key, x.id)):
        body, host = bodies.get(x.body), members.get(x.host or "")
        row: Row = {
            "meeting": x.id,
            "body": x.body,
            "body_name": body.name_en if body else None,
            "tier": body.tier.value if body and body.tier else None,
            "year": x.year,
        }
        row |= _date_columns("date", x.date) | _date_columns("end_date", x.end_date)
        row |= {
            "host": x.host,
            "host_name": host.name_en if host else None,
            "city": x.city,
            "name_en": x.name_en,
            "theme_en": x.theme_en,
            "edition": x.edition,
            "attendees": len(x.attendees),
            "plans_adopted": len(x.plans_adopted),
            "next_host": x.next_host,
            "next_host_year": x.next_host_year,
            "confidence": x.confidence.value,
        }
        rows.append(row)
    return _frame(
        rows,
        _MEETING_COLUMNS,
        dates=("date", "end_date"),
        dtypes={
            "year": "Int64",
            "edition": "Int64",
            "attendees": "Int64",
            "plans_adopted": "Int64",
            "next_host_year": "Int64",
        },
    )


_MEETING_COLUMNS = (
    "meeting",
    "body",
    "body_name",
    "tier",
    "year",
    *(f"{name}_{part}" for name in ("date", "end_date") for part in ("first", "last", "precision")),
    "host",
    "host_name",
    "city",
    "name_en",
    "theme_en",
    "edition",
    "attendees",
    "plans_adopted",
    "next_host",
    "next_host_year",
    "confidence",
)


def plans_frame(m: Mechanism) -> "pd.DataFrame":
    """One row per plan.

    Columns: ``plan`` (its id), ``name_en``, ``name_zh``, ``kind``, ``series``, ``first_year``
    and ``last_year`` (``Int64``), the partial-date columns of ``adopted`` and ``issued``,
    ``adopted_at`` (a meeting id), ``issued_by`` (a body id), ``issuer`` (in words),
    ``areas`` and ``key_fields`` (how many are listed), ``area_count`` and ``task_count``
    (``Int64``, the numbers the sources give) and ``confidence``.

    Args:
        m: The mechanism.

    Returns:
        The plans in data order.
    """
    rows = []
    for p in m.plans:
        row: Row = {
            "plan": p.id,
            "name_en": p.name_en,
            "name_zh": p.name_zh,
            "kind": p.kind.value,
            "series": p.series,
            "first_year": p.first_year,
            "last_year": p.last_year,
        }
        row |= _date_columns("adopted", p.adopted) | _date_columns("issued", p.issued)
        row |= {
            "adopted_at": p.adopted_at,
            "issued_by": p.issued_by,
            "issuer": p.issuer,
            "areas": len(p.areas),
            "key_fields": len(p.key_fields),
            "area_count": p.area_count,
            "task_count": p.task_count,
            "confidence": p.confidence.value,
        }
        rows.append(row)
    return _frame(
        rows,
        _PLAN_COLUMNS,
        dates=("adopted", "issued"),
        dtypes={
            "first_year": "Int64",
            "last_year": "Int64",
            "areas": "Int64",
            "key_fields": "Int64",
            "area_count": "Int64",
            "task_count": "Int64",
        },
    )


_PLAN_COLUMNS = (
    "plan",
    "name_en",
    "name_zh",
    "kind",
    "series",
    "first_year",
    "last_year",
    *(f"{name}_{part}" for name in ("adopted", "issued") for part in ("first", "last", "precision")),
    "adopted_at",
    "issued_by",
    "issuer",
    "areas",
    "key_fields",
    "area_count",
    "task_count",
    "confidence",
)


def leaders_frame(m: Mechanism, dates: "DateLike | Iterable[DateLike] | npt.NDArray[Any]") -> "pd.DataFrame":
    """Who held each main-leader post on each of some days, long format.

    For every day and every main-leader post there is one row per tenure that may cover the
    day, with ``truth`` ``"yes"`` (certainly held) or ``"maybe"`` (a partial or unknown date
    leaves it open); a post that no tenure may cover that day has one row with ``person``
    and ``truth`` missing. ``frame[frame.truth == "yes"]`` gives what
    `leaders` answers: the tenures' spans are the ones the mechanism
    settles (`span`), certain through ``as_of`` and bounded by seats.
    The rows are computed with numpy, a slice of days per tenure, not a Python call per answer.

    Columns: ``date`` (``datetime64[s]``), ``post``, ``post_name``, ``member``, ``person``,
    ``person_name``, ``truth`` (categorical ``"maybe"`` < ``"yes"``) and ``tenure`` (its id).

    Args:
        m: The mechanism.
        dates: One day or several: ISO ``YYYY-MM-DD`` strings, ``datetime.date``,
            ``pendulum.Date`` or pandas timestamps; or a numpy array of integer day ordinals
            (``date.toordinal()``) or of ``datetime64`` values.

    Returns:
        The rows by day (in the order given), then post in data order, then tenure by start.

    Raises:
        InvalidArgumentError: A day is not a whole real day (also a ``ValueError``).
        ArgumentTypeError: A day is not a string or a date (also a ``TypeError``).
    """
    import numpy as np

    days = _ordinals(dates)
    order = np.argsort(days, kind="stable")
    ordered = days[order]
    people = {p.id: p for p in m.people}
    posts = m.main_leader_posts()
    positions, post_rows, tenure_rows, certain_rows = [], [], [], []
    tenures: list[Tenure | None] = [None]  # row 0: no tenure
    for p, post in enumerate(posts):
        covered = np.zeros(len(days), dtype=bool)
        for t in m.tenures_for(post.id):
            span = m.span(t)
            lo, hi = np.searchsorted(ordered, [span.possible_from, span.possible_until], side="left")
            if lo == hi:
                continue
            where = order[lo:hi]
            covered[where] = True
            positions.append(where)
            post_rows.append(np.full(hi - lo, p))
            tenure_rows.append(np.full(hi - lo, len(tenures)))
            certain_rows.append((ordered[lo:hi] >= span.certain_from) & (ordered[lo:hi] < span.certain_until))
            tenures.append(t)
        empty = np.flatnonzero(~covered)
        positions.append(empty)
        post_rows.append(np.full(len(empty), p))
        tenure_rows.append(np.zeros(len(empty), dtype=np.int64))
        certain_rows.append(np.zeros(len(empty), dtype=bool))
    position = np.concatenate(positions) if positions else np.zeros(0, dtype=np.int64)
    post_of = np.concatenate(post_rows) if post_rows else np.zeros(0, dtype=np.int64)
    tenure_of = np.concatenate(tenure_rows) if tenure_rows else np.zeros(0, dtype=np.int64)
    certain = np.concatenate(certain_rows) if certain_rows else np.zeros(0, dtype=bool)
    rank = np.lexsort((tenure_of, post_of, position))  # tenures were numbered by start within each post
    position, post_of, tenure_of, certain = position[rank], post_of[rank], tenure_of[rank], certain[rank]

    def column(values: list[Any]) -> Any:
        table = np.empty(len(values), dtype=object)
        table[:] = values
        return table

    person_of = [t.person if t else None for t in tenures]
    post_table = column([x.id for x in posts])
    pd = _pandas()
    frame = pd.DataFrame(
        {
            "date": _datetimes(days[position]),
            "post": post_table[post_of],
            "post_name": column([x.name_en for x in posts])[post_of],
            "member": column([x.member for x in posts])[post_of],
            "person": column(person_of)[tenure_of],
            "person_name": column([people[i].name_en if i in people else None for i in person_of])[tenure_of],
            "truth": column([None, "maybe", "yes"])[np.where(tenure_of == 0, 0, np.where(certain, 2, 1))],
            "tenure": column([t.id if t else None for t in tenures])[tenure_of],
        }
    )
    frame["truth"] = pd.Categorical(frame["truth"], categories=["maybe", "yes"], ordered=True)
    text = pd.Series(["text"]).dtype
    if not pd.api.types.is_object_dtype(text):
        for name in ("post", "post_name", "member", "person", "person_name", "tenure"):
            frame[name] = frame[name].astype(text)
    return frame  # type: ignore[no-any-return]


_EPOCH = datetime.date(1970, 1, 1).toordinal()


def _ordinals(dates: "DateLike | Iterable[DateLike] | npt.NDArray[Any]") -> "npt.NDArray[Any]":
    """The days asked about as an int64 array of day ordinals, checked."""
    import numpy as np

    from yrdmodel.model.batch import check_ordinals

    if isinstance(dates, str | datetime.date):
        return np.array([day_ordinal(dates, "dates")], dtype=np.int64)
    dtype = getattr(dates, "dtype", None)
    if type(dates).__module__ == "numpy" or getattr(dtype, "kind", None) == "M":  # a pandas DatetimeIndex too
        return check_ordinals(cast("npt.NDArray[Any]", dates), "dates")
    return np.array([day_ordinal(day, "dates") for day in cast("Iterable[DateLike]", dates)], dtype=np.int64)


def _datetimes(ordinals: "npt.NDArray[Any]") -> "npt.NDArray[Any]":

    return (ordinals - _EPOCH).astype("datetime64[D]").astype("datetime64[s]")


def _day(value: datetime.date | None) -> datetime.datetime | None:
    return None if value is None else datetime.datetime(value.year, value.month, value.day)


def _date_columns(name: str, value: PartialDate | None) -> Row:
    if value is None:
        return {f"{name}_first": None, f"{name}_last": None, f"{name}_precision": None}
    return {
        f"{name}_first": _day(value.first),
        f"{name}_last": _day(value.last),
        f"{name}_precision": value.precision.name.lower(),
    }


def _frame(
    rows: list[Row],
    columns: Sequence[str],
    *,
    dates: Iterable[str] = (),
    dtypes: dict[str, str] | None = None,
) -> "pd.DataFrame":
    pd = _pandas()
    frame = pd.DataFrame.from_records(rows, columns=list(columns))
    for name in dates:
        for part in ("first", "last"):
            frame[f"{name}_{part}"] = pd.Series([r[f"{name}_{part}"] for r in rows], dtype=_DATE_DTYPE)
        frame[f"{name}_precision"] = pd.Categorical(
            [r[f"{name}_precision"] for r in rows], categories=list(PRECISIONS), ordered=True
        )
    for column, dtype in (dtypes or {}).items():
        frame[column] = pd.array([r[column] for r in rows], dtype=dtype)
    # Columns of text that are empty everywhere come out as ``object``: give them the text dtype
    # this pandas uses for the others (``str`` from pandas 3 on; ``object`` before, a no-op).
    text = pd.Series(["text"]).dtype
    if not pd.api.types.is_object_dtype(text):
        for column in frame.columns:
            if pd.api.types.is_object_dtype(frame[column].dtype):
                frame[column] = frame[column].astype(text)
    return frame  # type: ignore[no-any-return]
