"""Views: typed, frozen records that answer the questions every surface shows.

The command line, the notebook HTML, ``--json`` and the data page render these views and work
nothing out themselves, so the host of a year, the body tree, the coverage and the source counts
are computed in one place.

>>> import yrdmodel
>>> from yrdmodel.model.views import host_years
>>> m = yrdmodel.load()
>>> row = next(r for r in host_years(m) if r.year == 2021)
>>> (row.host, row.expected, row.deviation)
('jiangsu', 'jiangsu', False)
"""

import enum
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from yrdmodel.model.bodies import Body, Tier
from yrdmodel.model.dates import DateLike, PartialDate, Truth, as_date
from yrdmodel.model.posts import Tenure
from yrdmodel.model.sources import SourceKind
from yrdmodel.model.walk import iter_records

if TYPE_CHECKING:
    from yrdmodel.model.mechanism import Mechanism

__all__ = [
    "BodyNode",
    "Coverage",
    "HostYear",
    "LeaderHolding",
    "PostLeaders",
    "SourceSummary",
    "body_tree",
    "coverage",
    "host_years",
    "leaders_on",
    "source_summary",
    "to_data",
    "year_ranges",
]


# Hosts -------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class HostYear:
    """One year of the rotating symposium: who hosted, who the rule expects, or a gap.

    Attributes:
        year: The year.
        meeting: The id of the symposium held that year (None: none is recorded, a gap).
        date: Its date, at the precision known.
        city: Where it was held.
        host: The member id that hosted, or that a meeting decided would host.
        decided_at: The meeting that decided this year's host, if one did.
        expected: The member id the rotation rule expects (None: no rule, or no meeting expected).
        governed: Whether the rotation rule governs this year.
        deviation: The rule governs the year and the host differs from what it expects.
    """

    year: int
    meeting: str | None = None
    date: PartialDate | None = None
    city: str | None = None
    host: str | None = None
    decided_at: str | None = None
    expected: str | None = None
    governed: bool = False
    deviation: bool = False

    @property
    def held(self) -> bool:
        """A symposium is recorded for the year."""
        return self.meeting is not None

    @property
    def gap(self) -> bool:
        """No symposium is recorded for the year and none was decided for it."""
        return self.meeting is None and self.decided_at is None


def host_years(m: "Mechanism") -> tuple[HostYear, ...]:
    """Every year from the first recorded symposium to the last recorded or decided one.

    Years without a recorded symposium are in the result as gaps (``row.gap``), not left out.

    Args:
        m: The mechanism.
    """
    policy = m.rotation
    held: dict[int, Any] = {}
    for s in m.symposia:
        held.setdefault(s.year, s)
    decided = {s.next_host_year: s for s in m.symposia if s.next_host and s.next_host_year}
    years = held.keys() | decided.keys()
    if not years:
        return ()
    rows = []
    for year in range(min(years), max(years) + 1):
        meeting = held.get(year)
        decision = decided.get(year)
        host = meeting.host if meeting is not None else None
        host = host or (decision.next_host if decision is not None else None)
        expected = policy.host_for(year) if policy is not None else None
        governed = policy is not None and policy.governs(year)
        rows.append(
            HostYear(
                year=year,
                meeting=meeting.id if meeting is not None else None,
                date=meeting.date if meeting is not None else None,
                city=meeting.city if meeting is not None else None,
                host=host,
                decided_at=decision.id if decision is not None else None,
                expected=expected,
                governed=governed,
                deviation=bool(governed and host is not None and host != expected),
            )
        )
    return tuple(rows)


# Bodies ------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class BodyNode:
    """A body with the bodies under it.

    Attributes:
        body: The body.
        part_of: Its parent's id when the parent is outside this tree (else None).
        children: The bodies under it.
    """

    body: Body
    part_of: str | None = None
    children: tuple["BodyNode", ...] = ()


def body_tree(m: "Mechanism", bodies: Sequence[Body] | None = None) -> tuple[BodyNode, ...]:
    """Bodies as a tree: each under its parent when the parent is among ``bodies``, else at the top.

    Args:
        m: The mechanism.
        bodies: The bodies to arrange (default: all of them).
    """
    chosen = tuple(m.all_bodies if bodies is None else bodies)
    within = {b.id for b in chosen}
    placed: set[str] = set()

    def node(b: Body) -> BodyNode:
        placed.add(b.id)
        children = [c for c in m.children(b.id) if c.id in within and c.id not in placed]
        return BodyNode(
            body=b,
            part_of=b.parent if b.parent is not None and b.parent not in within else None,
            children=tuple(node(c) for c in children if c.id not in placed),
        )

    tree = [node(b) for b in chosen if b.parent is None or b.parent not in within]
    tree += [node(b) for b in chosen if b.id not in placed]  # bodies whose parents form a cycle
    return tuple(tree)


def tier_trees(m: "Mechanism") -> tuple[tuple[Tier | None, tuple[BodyNode, ...]], ...]:
    """The body tree of each tier, then of the related bodies outside the tiers (tier None)."""
    trees: list[tuple[Tier | None, tuple[BodyNode, ...]]] = [(tier, body_tree(m, m.bodies(tier))) for tier in Tier]
    trees.append((None, body_tree(m, tuple(b for b in m.all_bodies if b.tier is None))))
    return tuple(trees)


# Coverage ----------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Coverage:
    """What the data covers, and the years of the rotating symposium it has no record of.

    Attributes:
        people: Number of people.
        posts: Number of posts.
        main_leader_posts: Number of main-leader posts.
        tenures: Number of tenures.
        tenure_dates: The earliest and latest tenure bound (None: no dated tenure).
        meetings: Number of meetings.
        meetings_by_body: Body id and its number of meetings, most first.
        meeting_dates: The earliest and latest meeting date.
        symposium_years: The years with a recorded symposium.
        gap_years: The years between the first and last symposium with none recorded.
        plans: Number of plans.
        plan_years: The first and last year the plans cover.
    """

    people: int
    posts: int
    main_leader_posts: int
    tenures: int
    tenure_dates: tuple[PartialDate, PartialDate] | None
    meetings: int
    meetings_by_body: tuple[tuple[str, int], ...]
    meeting_dates: tuple[PartialDate, PartialDate] | None
    symposium_years: tuple[int, ...]
    gap_years: tuple[int, ...]
    plans: int
    plan_years: tuple[int, int] | None


def _range(dates: Sequence[PartialDate]) -> tuple[PartialDate, PartialDate] | None:
    if not dates:
        return None
    return min(dates, key=lambda d: d.sort_key), max(dates, key=lambda d: (d.hi, int(d.precision)))


def coverage(m: "Mechanism") -> Coverage:
    """How much the data covers, with the gaps in the symposium years.

    Args:
        m: The mechanism.
    """
    years = sorted({s.year for s in m.symposia})
    plan_years = [y for p in m.plans for y in (p.first_year, p.last_year) if y is not None]
    return Coverage(
        people=len(m.people),
        posts=len(m.posts),
        main_leader_posts=len(m.main_leader_posts()),
        tenures=len(m.tenures),
        tenure_dates=_range([d for t in m.tenures for d in (t.start, t.end) if d is not None]),
        meetings=len(m.meetings),
        meetings_by_body=tuple(Counter(x.body for x in m.meetings).most_common()),
        meeting_dates=_range([x.date for x in m.meetings]),
        symposium_years=tuple(years),
        gap_years=tuple(y for y in range(years[0], years[-1] + 1) if y not in years) if years else (),
        plans=len(m.plans),
        plan_years=(min(plan_years), max(plan_years)) if plan_years else None,
    )


def year_ranges(years: Sequence[int], dash: str = "-") -> str:
    """Sorted years as ranges: ``[2006, 2007, 2008, 2010]`` as ``"2006-2008, 2010"``.

    Args:
        years: Years in increasing order.
        dash: What joins the ends of a range.

    >>> year_ranges([2006, 2007, 2008, 2010])
    '2006-2008, 2010'
    """
    runs: list[list[int]] = []
    for y in years:
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}{dash}{r[-1]}" for r in runs)


# Sources -----------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class SourceSummary:
    """The sources by kind, how many are cited, and the records by confidence.

    Attributes:
        total: Number of sources.
        by_kind: Source kind and count, in the order of `SourceKind`.
        cited: Number of sources some record cites.
        records_by_confidence: Confidence value and number of records, high first.
    """

    total: int
    by_kind: tuple[tuple[SourceKind, int], ...]
    cited: int
    records_by_confidence: tuple[tuple[str, int], ...]


def source_summary(m: "Mechanism") -> SourceSummary:
    """Count the sources by kind and the records by confidence.

    Args:
        m: The mechanism.
    """
    kinds = Counter(s.kind for s in m.sources)
    confidence = Counter(record.confidence.value for _, record in iter_records(m))
    return SourceSummary(
        total=len(m.sources),
        by_kind=tuple((kind, kinds[kind]) for kind in SourceKind if kinds[kind]),
        cited=len(set(m.cited_sources()) & {s.id for s in m.sources}),
        records_by_confidence=tuple((c, confidence[c]) for c in ("high", "medium", "low") if confidence[c]),
    )


# Leaders -----------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class LeaderHolding:
    """A person who holds, or may hold, a post on a day.

    Attributes:
        person: The person's id.
        certain: The data settles it (False: possibly).
        tenure: The tenure.
    """

    person: str
    certain: bool
    tenure: Tenure


@attrs.frozen(kw_only=True)
class PostLeaders:
    """A main-leader post and who held it on a day.

    Attributes:
        post: The post's id.
        holders: The certain holder and every possible one (empty: no record covers the day).
    """

    post: str
    holders: tuple[LeaderHolding, ...]


def leaders_on(m: "Mechanism", on: DateLike) -> tuple[PostLeaders, ...]:
    """Who held each main-leader post on a day, certain holders and possible ones.

    Args:
        m: The mechanism.
        on: The day.
    """
    day = as_date(on)
    return tuple(
        PostLeaders(
            post=post.id,
            holders=tuple(
                LeaderHolding(person=t.person, certain=truth is Truth.YES, tenure=t)
                for truth, t in m.holders_with_truth(post.id, day)
            ),
        )
        for post in m.main_leader_posts()
    )


# JSON --------------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, PartialDate | pendulum.Date):
        return str(value)
    return value


def to_data(view: Any) -> Any:
    """A view (or a tuple of them) as plain JSON values: dates and enums as strings.

    Args:
        view: An attrs record, a tuple or list of them, or a plain value.

    >>> to_data(HostYear(year=2015))["gap"]
    True
    """
    if isinstance(view, enum.Enum | PartialDate | pendulum.Date):
        return _plain(view)
    if attrs.has(type(view)):
        data = {k: to_data(v) for k, v in attrs.asdict(view, recurse=False).items()}
        for name in ("held", "gap"):
            if isinstance(getattr(type(view), name, None), property):
                data[name] = getattr(view, name)
        return data
    if isinstance(view, tuple | list):
        return [to_data(v) for v in view]
    if isinstance(view, dict):
        return {str(_plain(k)): to_data(v) for k, v in view.items()}
    return _plain(view)
