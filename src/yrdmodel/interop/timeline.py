"""A timeline figure of the main leaders' tenures and the symposium hosts (needs matplotlib).

Install matplotlib (``pip install matplotlib``; in a yrdmodel checkout ``pip install ".[plot]"``). matplotlib is
imported only when [`draw_timeline`][yrdmodel.draw_timeline] is called, so ``import yrdmodel`` never needs it.
"""

import datetime
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast

import attrs

from yrdmodel.model.dates import DateLike, as_date
from yrdmodel.model.interval import Span
from yrdmodel.model.mechanism import Mechanism
from yrdmodel.model.meetings import Meeting
from yrdmodel.model.posts import Post

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.ticker import Formatter, Locator

__all__ = ["TENURE_GID", "draw_timeline"]

TENURE_GID = "tenure:"
"""Prefix of the ``gid`` of every bar drawn for a tenure; the rest of the gid is the tenure's id.

A tenure's bar may be drawn in up to three pieces (uncertain start, known span, uncertain end);
all of them share the tenure's gid, so the tenures shown can be counted from the axes' patches.
"""

_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")
_BAR_HEIGHT = 0.62
_GROUP_GAP = 0.7
_UNCERTAIN_ALPHA = 0.3
_HATCH = "////"


@attrs.frozen
class _Row:
    """One post's row: where it is drawn and what it is called."""

    post: Post
    y: float
    label: str
    colour: str


@attrs.frozen
class _Segment:
    """A piece of a tenure's bar, from ``first`` to ``last`` (day ordinals, inclusive)."""

    first: int
    last: int
    certain: bool


def _window(m: Mechanism, posts: list[Post], start: DateLike | None, end: DateLike | None) -> tuple[int, int]:
    """The first and last day ordinals to draw, from the arguments or from the data."""
    main = {p.id for p in posts}
    tenures = [t for t in m.tenures if t.post in main]
    if start is not None:
        first = as_date(start).toordinal()
    else:
        starts = [d.lo for t in tenures for d in (t.start, *t.attested) if d is not None]
        if not starts:
            raise ValueError("the data has no main leader's tenure with a known day: give start")
        first = datetime.date(datetime.date.fromordinal(min(starts)).year, 1, 1).toordinal()
    if end is not None:
        last = as_date(end).toordinal()
    elif m.as_of is not None:
        last = m.as_of.hi
    else:
        ends = [d.hi for t in tenures for d in (t.start, t.end, *t.attested) if d is not None]
        ends += [s.last_date.hi for s in m.symposia]
        if not ends:
            raise ValueError("the data has no dated tenure or symposium: give end")
        last = datetime.date(datetime.date.fromordinal(max(ends)).year, 12, 31).toordinal()
    if last < first:
        raise ValueError(f"the window ends ({datetime.date.fromordinal(last)}) before it starts")
    return first, last


def _segments(span: Span, first: int, last: int) -> list[_Segment]:
    """The pieces of a tenure's bar inside the window: uncertain, certain, uncertain.

    The span is the one the mechanism settles (`span`), so the bars
    show what the queries answer: certain through ``as_of``, bounded by the other holders.
    """
    if span.has_certain:
        pieces = [
            (span.possible_from, span.certain_from - 1, False),
            (span.certain_from, span.certain_until - 1, True),
            (span.certain_until, span.possible_until - 1, False),
        ]
    else:
        pieces = [(span.possible_from, span.possible_until - 1, False)]
    clipped = [(max(lo, first), min(hi, last), certain) for lo, hi, certain in pieces]
    return [_Segment(lo, hi, certain) for lo, hi, certain in clipped if lo <= hi]


def _lanes(spans: Sequence[tuple[int, int]], tolerance: int = 92) -> list[tuple[int, int]]:
    """Each bar's lane and the number of lanes it shares its stretch of the row with.

    Bars that overlap by ``tolerance`` days or more (two people who may each have held the post
    for a long stretch) get lanes of their own; a bar that overlaps no other that much keeps the
    whole row (a handover known only to the month overlaps a little, and shares it).
    """

    def clash(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return min(a[1], b[1]) - max(a[0], b[0]) >= tolerance

    lanes: list[list[tuple[int, int]]] = []
    chosen: list[int] = []
    for span in spans:
        free = next((i for i, lane in enumerate(lanes) if not any(clash(span, other) for other in lane)), len(lanes))
        if free == len(lanes):
            lanes.append([])
        lanes[free].append(span)
        chosen.append(free)
    count = len(lanes)
    return [
        (lane, count if any(clash(span, other) for j, other in enumerate(spans) if j != i) else 1)
        for i, (span, lane) in enumerate(zip(spans, chosen, strict=True))
    ]


def _short_title(post: Post, member_name: str) -> str:
    """Drop the member from a post's title: "Party Secretary of Jiangsu" -> "Party Secretary"."""
    for suffix in (f" of {member_name}", f", {member_name}"):
        if post.name_en.endswith(suffix):
            return post.name_en[: -len(suffix)]
    return post.name_en


def _fitting_name(name: str, inches: float, fontsize: float = 7.5) -> str:
    """The name, or the family name with an initial, that fits in a bar ``inches`` wide; else ""."""
    family, _, given = name.partition(" ")
    for text in (name, f"{family} {given[:1]}." if given else family, family):
        if len(text) * 0.6 * fontsize / 72 + 0.08 < inches:  # ~0.6 em per character, some margin
            return text
    return ""


def _rows(m: Mechanism) -> tuple[list[_Row], list[tuple[str, float, float]]]:
    """The rows, top to bottom, grouped by member, and each member's (id, top y, bottom y)."""
    posts = m.main_leader_posts()
    rows: list[_Row] = []
    groups: list[tuple[str, float, float]] = []
    y = 0.0
    members = [(x.id, x.name_en) for x in m.members]
    known = {x.id for x in m.members}
    members += sorted({(p.member, p.member) for p in posts if p.member is not None and p.member not in known})
    members.append(("", ""))  # posts of no member come last
    for i, (member_id, member_name) in enumerate(members):
        own = [p for p in posts if (p.member or "") == member_id]
        if not own:
            continue
        top = y
        for post in own:
            rows.append(_Row(post, y, _short_title(post, member_name), _COLOURS[i % len(_COLOURS)]))
            y += 1
        groups.append((member_id, top, y - 1))
        y += _GROUP_GAP
    return rows, groups


def draw_timeline(
    m: Mechanism, *, start: DateLike | None = None, end: DateLike | None = None, ax: "Axes | None" = None
) -> "Figure":
    """Draw who held each main-leader post when, and where each year's symposium was held.

    Each main-leader post (a member's party secretary and its governor or mayor) is a row; rows are
    grouped by member. Each tenure is a bar labelled with the holder's name where it fits. Dates are
    drawn as honestly as the data gives them: the part of a bar that only *may* belong to the tenure
    (a start or end known only to the month or the year, an unknown start or end, or the time after
    the last day a source shows an incumbent in office) is lighter and hatched. In a post with one
    seat, an uncertain part stops where another person certainly held the post, since a tenure is
    one span of days; two bars that may overlap for months or more share the row in two lanes.

    A symposium is a star on its host member's rows at the meeting's date, with a dotted line and
    the year at the top; a date known only to the month or year gets a grey bracket over its range.
    A host that a meeting decided on, for a symposium the data does not yet hold, is a hollow star
    across that year.

    Every piece of a tenure's bar has the gid ``yrdmodel.interop.timeline.TENURE_GID + tenure.id``, so
    ``{p.get_gid() for p in ax.patches}`` tells which tenures were drawn.

    Args:
        m: The mechanism to draw.
        start: The first day to show. Defaults to 1 January of the year of the earliest known
            start (or attestation) of a main leader's tenure.
        end: The last day to show. Defaults to the last day of the data's ``as_of`` date, or, when
            the data has none, to 31 December of the year of its latest date.
        ax: The matplotlib axes to draw into. Without it, a new figure is made (with
            ``matplotlib.figure.Figure``, not pyplot, so no global state changes).

    Returns:
        The figure that holds the drawing (``ax``'s figure when ``ax`` is given).

    Raises:
        ImportError: matplotlib is not installed.
        ValueError: The window ends before it starts, or the data has no date to choose one from.

    Examples:
        >>> import yrdmodel
        >>> fig = yrdmodel.draw_timeline(yrdmodel.load(), start="2017-01-01", end="2024-12-31")
        >>> fig.savefig("timeline.png")  # doctest: +SKIP
    """
    try:
        import matplotlib.dates as mdates
        from matplotlib.figure import Figure
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch
    except ImportError as exc:  # pragma: no cover - the plot extra is installed in tests
        raise ImportError(
            'draw_timeline needs matplotlib: pip install matplotlib (in a yrdmodel checkout: pip install ".[plot]")'
        ) from exc

    rows, groups = _rows(m)
    first, last = _window(m, [r.post for r in rows], start, end)
    if ax is None:
        fig = Figure(figsize=(12, 1.6 + 0.42 * (len(rows) + _GROUP_GAP * len(groups))), layout="constrained")
        ax = fig.add_subplot()
    else:
        parent = ax.get_figure(root=True)
        if parent is None:  # pragma: no cover - an Axes always belongs to a figure
            raise ValueError("the axes belong to no figure")
        fig = parent

    # matplotlib.dates has no type hints.
    date2num = cast("Callable[[datetime.date], float]", mdates.date2num)
    year_locator = cast("Callable[[int], Locator]", mdates.YearLocator)
    date_formatter = cast("Callable[[str], Formatter]", mdates.DateFormatter)

    def x(ordinal: int) -> float:
        return float(date2num(datetime.date.fromordinal(ordinal)))

    def width(lo: int, hi: int) -> float:
        return x(hi) - x(lo) + 1  # from the start of the first day to the end of the last

    span_days = last - first + 1
    axes_inches = fig.get_figwidth() * ax.get_position().width * 0.85  # less the space for labels
    group_y = {member: (top + bottom) / 2 for member, top, bottom in groups}

    # Light bands behind every other member's rows.
    for i, (_, top, bottom) in enumerate(groups):
        if i % 2 == 0:
            ax.axhspan(top - 0.5, bottom + 0.5, color="#f2f2f2", zorder=0, linewidth=0)

    # Tenures.
    people = {p.id: p for p in m.people}
    for row in rows:
        tenures = m.tenures_for(row.post.id)
        drawn = [(tenure, pieces) for tenure in tenures if (pieces := _segments(m.span(tenure), first, last))]
        lanes = _lanes([(pieces[0].first, pieces[-1].last) for _, pieces in drawn])
        for (tenure, pieces), (lane, shared) in zip(drawn, lanes, strict=True):
            if shared == 1:
                lane = 0
            height = _BAR_HEIGHT / shared
            fontsize = 7.5 if shared == 1 else 6.5
            y = row.y - _BAR_HEIGHT / 2 + (lane + 0.5) * height
            for piece in pieces:
                ax.barh(
                    y,
                    width(piece.first, piece.last),
                    left=x(piece.first),
                    height=height * (0.92 if shared > 1 else 1.0),
                    color=row.colour,
                    alpha=1.0 if piece.certain else _UNCERTAIN_ALPHA,
                    hatch=None if piece.certain else _HATCH,
                    edgecolor="white" if piece.certain else row.colour,
                    linewidth=0.8 if piece.certain else 0.0,
                    gid=TENURE_GID + tenure.id,
                    zorder=2,
                )
            person = people.get(tenure.person)
            full_name = person.name_en if person is not None else tenure.person
            # The name goes on the longest certain piece where it fits, else on the longest uncertain one.
            for piece in sorted(pieces, key=lambda p: (not p.certain, p.first - p.last)):
                name = _fitting_name(full_name, (piece.last - piece.first + 1) / span_days * axes_inches, fontsize)
                if name:
                    ax.text(
                        (x(piece.first) + x(piece.last) + 1) / 2,
                        y,
                        name,
                        ha="center",
                        va="center",
                        fontsize=fontsize,
                        color="white" if piece.certain else "black",
                        zorder=3,
                        clip_on=True,
                    )
                    break

    # Symposia and their hosts.
    held: list[Meeting] = [s for s in m.symposia if s.last_date.hi >= first and s.date.lo <= last]
    labelled_at = float(-span_days)
    for s in held:
        lo, hi = max(s.date.lo, first), min(s.last_date.hi, last)
        middle = (x(lo) + x(hi) + 1) / 2
        ax.axvline(middle, color="#888888", linestyle=":", linewidth=0.8, zorder=1)
        if hi - lo > 1:  # a date known only to the month or year: a bracket over the days it may be
            ax.plot(
                [x(lo), x(hi) + 1],
                [1.0, 1.0],
                transform=ax.get_xaxis_transform(),
                color="#888888",
                linewidth=3,
                solid_capstyle="butt",
                clip_on=False,
                zorder=1,
            )
        if (lo + hi) / 2 - labelled_at > span_days / 45:  # skip a year label that would overlap the last
            labelled_at = (lo + hi) / 2
            ax.annotate(
                str(s.year),
                (middle, 1.0),
                xycoords=("data", "axes fraction"),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=7,
                color="#555555",
            )
        if s.host in group_y:
            error = (width(lo, hi) / 2) if hi > lo else None
            ax.errorbar(middle, group_y[s.host], xerr=error, color="black", linewidth=0.8, capsize=2, zorder=4)
            ax.plot(middle, group_y[s.host], marker="*", markersize=12, color="gold", mec="black", mew=0.8, zorder=5)
    hosted_years = {s.year for s in m.symposia}
    decided = {s.next_host_year: s.next_host for s in m.symposia if s.next_host and s.next_host_year is not None}
    shown_decided = False
    for year, host in sorted(decided.items()):
        if year in hosted_years or host not in group_y:
            continue
        lo = max(datetime.date(year, 1, 1).toordinal(), first)
        hi = min(datetime.date(year, 12, 31).toordinal(), last)
        if lo > hi:
            continue
        middle = (x(lo) + x(hi) + 1) / 2
        ax.errorbar(middle, group_y[host], xerr=width(lo, hi) / 2, color="black", linewidth=0.8, capsize=2, zorder=4)
        ax.plot(middle, group_y[host], marker="*", markersize=12, color="white", mec="black", mew=0.8, zorder=5)
        shown_decided = True

    # Axes.
    ax.set_xlim(x(first), x(last) + 1 + span_days / 80)  # a margin for the last star
    ax.set_ylim(max((r.y for r in rows), default=0) + 0.6, -0.6)
    ax.set_yticks([r.y for r in rows], [r.label for r in rows], fontsize=8)
    ax.tick_params(axis="y", length=0)
    for member, top, bottom in groups:
        name = next((x.name_en for x in m.members if x.id == member), member or "other")
        ax.annotate(
            name,
            (0, (top + bottom) / 2),
            xycoords=("axes fraction", "data"),
            xytext=(-92, 0),
            textcoords="offset points",
            ha="right",
            va="center",
            fontsize=9,
            fontweight="bold",
        )
    ax.xaxis.set_major_locator(year_locator(1 if span_days <= 20 * 366 else 5))
    ax.xaxis.set_major_formatter(date_formatter("%Y"))
    ax.tick_params(axis="x", labelsize=8)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6, zorder=0)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    handles: list[Patch | Line2D] = [
        Patch(facecolor="#666666", edgecolor="white", label="in post (dates known to the day)"),
        Patch(
            facecolor="#666666",
            alpha=_UNCERTAIN_ALPHA,
            hatch=_HATCH,
            edgecolor="#666666",
            linewidth=0,
            label="may be in post (a date known only to the month or year, or unknown)",
        ),
        Line2D(
            [], [], linestyle="", marker="*", markersize=12, color="gold", mec="black", label="hosted the symposium"
        ),
    ]
    if shown_decided:
        handles.append(
            Line2D(
                [],
                [],
                linestyle="",
                marker="*",
                markersize=12,
                color="white",
                mec="black",
                label="decided host (meeting not in the data)",
            )
        )
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.08),
        ncols=len(handles),
        fontsize=7.5,
        frameon=False,
    )
    ax.set_title(f"Main leaders and symposium hosts: {m.name_en}", fontsize=10, loc="left", pad=16)
    return fig
