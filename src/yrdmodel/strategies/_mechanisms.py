"""Whole mechanisms, valid by construction."""

import functools
import itertools
from collections.abc import Sequence
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from yrdmodel.model.bodies import Body, BodyKind, Count, Tier
from yrdmodel.model.dates import PartialDate, Precision, Truth
from yrdmodel.model.mechanism import Mechanism
from yrdmodel.model.meetings import Attendance, Meeting
from yrdmodel.model.members import Member, MemberKind, MembershipChange, MembershipStatus
from yrdmodel.model.people import Alias, Person
from yrdmodel.model.plans import Plan, PlanKind
from yrdmodel.model.posts import Post, Tenure
from yrdmodel.model.rotation import RotationPolicy
from yrdmodel.model.sources import Citation, Confidence, Source, Sourced, SourceKind, confidence_allowed
from yrdmodel.strategies._dates import (
    _PRECISION,
    _PRECISIONS,
    _STEP,
    _coarse,
    _coin,
    _first_day,
    _last_day,
    _optional,
    _texts,
    partial_dates,
    spans,
)
from yrdmodel.strategies._records import _meeting_dates, _tenure, rotation_policies
from yrdmodel.validation.rules import overlap

# Whole mechanisms --------------------------------------------------------------------------------

_NOTES = (None, None, "date uncertain", "日期存疑 (seed 003)", "ü ç ñ \u200b")
_ALIASES = st.sampled_from(
    [(), (), (Alias("Wu Zhengrong", note="misspelt in seed 003"),), (Alias("李强"), Alias("Li Qiang (politician)"))]
)


@functools.lru_cache(maxsize=64)
def _sourced_choices(source_ids: tuple[str, ...]) -> list[tuple[tuple[str, Any], ...]]:
    """Every combination of citations, confidence and note a record of a mechanism may have."""
    cited: list[tuple[Citation, ...]] = [(Citation(i),) for i in source_ids]
    if len(source_ids) > 1:
        cited.append((Citation(source_ids[1], note="the date only"), Citation(source_ids[0])))
    return [
        (("sources", c), ("confidence", confidence), ("note", note))
        for note in _NOTES
        for confidence in Confidence
        for c in cited
    ]


_MEMBER_POOL = ("shanghai", "jiangsu", "zhejiang", "anhui", "fujian", "jiangxi", "hubei", "hunan")
_GROUPS = ("energy", "transport", "environment", "science", "industry")


SYMPOSIUM = "symposium"
SourcedT = TypeVar("SourcedT", bound=Sourced)
"""The id of a generated mechanism's decision body, declared by its rotation policy or its ``decision_body``."""

_TIER_BODIES = (
    (SYMPOSIUM, "Main Leaders' Symposium", BodyKind.SYMPOSIUM, Tier.DECISION),
    ("joint-meeting", "Joint Meeting", BodyKind.JOINT_MEETING, Tier.COORDINATION),
    ("cooperation-office", "Cooperation Office", BodyKind.OFFICE, Tier.EXECUTION),
)
"""The bodies a generated mechanism may have in each tier, in the order they are drawn."""


class _Builder:
    """Draws the records of one valid mechanism, each kind after the kinds it refers to."""

    def __init__(
        self, draw: st.DrawFn, min_members: int, max_members: int, min_symposia: int, max_symposia: int
    ) -> None:
        self.draw = draw
        self.first_year = draw(st.integers(1985, 2030))
        self.last_year = self.first_year + draw(st.integers(max(2, 2 * min_symposia), 12))
        self.min_symposia, self.max_symposia = min_symposia, max_symposia
        self.source_ids = [f"source-{i}" for i in range(draw(st.integers(1, 3)))]
        # The first source is a seed, so that any record citing it may be of high confidence.
        self.sources = [
            Source(
                id=i,
                kind=SourceKind.SEED if n == 0 else draw(st.sampled_from(SourceKind)),
                ref=f"{i}.txt",
                title=draw(_optional(_texts(12))),
            )
            for n, i in enumerate(self.source_ids)
        ]
        count = draw(st.integers(min_members, max_members))
        self.member_ids: list[str] = draw(
            st.lists(st.sampled_from(_MEMBER_POOL), min_size=count, max_size=count, unique=True)
        )
        self.people: dict[str, Person] = {}
        self.person_pool = [f"person-{i}" for i in range(draw(st.integers(1, 10)))]
        self.cited, self.stride = draw(st.integers(0, 99)), draw(st.sampled_from([1, 5, 7, 11]))

    def sourced(self) -> dict[str, Any]:
        """The sources, confidence and note of the next record.

        Records take the combinations in turn from a drawn starting point and stride, so that
        a mechanism has a variety of them without a draw for each record.
        """
        choices = _sourced_choices(tuple(self.source_ids))
        self.cited += self.stride
        chosen = dict(choices[self.cited % len(choices)])
        allowed = self.allowed(chosen["sources"])
        if chosen["confidence"].rank > allowed.rank:  # a valid mechanism claims no more than its sources allow
            chosen["confidence"] = allowed
        return chosen

    def allowed(self, citations: Sequence[Citation]) -> Confidence:
        """The most confidence these citations' sources allow."""
        by_id = {s.id: s for s in self.sources}
        return confidence_allowed(by_id[c.source] for c in citations)

    def supported(self, record: SourcedT) -> SourcedT:
        """The record with its confidence lowered to what its sources' kinds allow."""
        allowed = self.allowed(record.sources)
        if record.confidence.rank > allowed.rank:
            return attrs.evolve(record, confidence=allowed)
        return record

    def year_date(self, year: int) -> PartialDate:
        """A partial date inside one year."""
        day = self.draw(st.integers(_first_day(year), _last_day(year)))
        return _coarse(day, self.draw(_PRECISION))

    # Members, bodies and posts ---------------------------------------------------------------

    def members(self) -> list[Member]:
        found = []
        for member_id in self.member_ids:
            full = self.draw(st.integers(self.first_year - 30, self.first_year - 1))
            history = []
            if self.draw(st.booleans()):
                invited = self.draw(st.integers(full - 10, full - 1))
                history.append(
                    MembershipChange(
                        since=self.year_date(invited),
                        status=MembershipStatus.INVITED,
                        event="invited",
                        **self.sourced(),
                    )
                )
            history.append(
                MembershipChange(
                    since=self.year_date(full), status=MembershipStatus.FULL, event="joined", **self.sourced()
                )
            )
            found.append(
                Member(
                    id=member_id,
                    name_en=member_id.title(),
                    name_zh=self.draw(_texts(4)),
                    kind=MemberKind.MUNICIPALITY if member_id == "shanghai" else MemberKind.PROVINCE,
                    capital=self.draw(_optional(_texts(8))),
                    history=tuple(history),
                    **self.sourced(),
                )
            )
        return found

    def founded(self) -> PartialDate | None:
        """A founding date before the first meeting, or None."""
        year = self.draw(st.integers(self.first_year - 30, self.first_year - 1))
        return self.year_date(year) if self.draw(st.booleans()) else None

    def bodies(self) -> list[Body]:
        found: list[Body] = []
        for i, (body_id, name, kind, tier) in enumerate(_TIER_BODIES):
            if i == 0 or self.draw(st.booleans()):  # the symposium always, the others maybe
                found.append(
                    Body(id=body_id, name_en=name, kind=kind, tier=tier, founded=self.founded(), **self.sourced())
                )
        if found[-1].id == "cooperation-office":
            for group in self.draw(st.lists(st.sampled_from(_GROUPS), max_size=2, unique=True)):
                founded, dissolved = self.draw(spans(self.first_year - 20, self.last_year))
                counts = [
                    Count(value=self.draw(st.integers(0, 20)), as_of=self.year_date(self.last_year), **self.sourced())
                    for _ in range(self.draw(st.integers(0, 1)))
                ]
                found.append(
                    Body(
                        id=f"group.{group}",
                        name_en=f"{group.title()} group",
                        kind=BodyKind.GROUP,
                        tier=Tier.EXECUTION,
                        parent="cooperation-office",
                        founded=founded,
                        dissolved=dissolved,
                        counts=tuple(counts),
                        **self.sourced(),
                    )
                )
        return found

    def posts(self, members: Sequence[Member], body_ids: Sequence[str]) -> list[Post]:
        found = []
        for member in members:
            secretary = f"{member.id}.party-secretary"
            head = f"{member.id}.mayor" if member.kind is MemberKind.MUNICIPALITY else f"{member.id}.governor"
            declared = self.draw(st.sampled_from(["secretary", "head", "both"]))
            found.append(
                Post(
                    id=secretary,
                    name_en=f"Party Secretary of {member.name_en}",
                    member=member.id,
                    main_leader=True,
                    incompatible_with=(head,) if declared in ("secretary", "both") else (),
                    **self.sourced(),
                )
            )
            found.append(
                Post(
                    id=head,
                    name_en=f"{member.head_of_government} of {member.name_en}",
                    member=member.id,
                    main_leader=True,
                    incompatible_with=(secretary,) if declared in ("head", "both") else (),
                    **self.sourced(),
                )
            )
            if self.draw(st.booleans()):
                found.append(
                    Post(
                        id=f"{member.id}.vice-governor",
                        name_en=f"Vice {member.head_of_government} of {member.name_en}",
                        member=member.id,
                        seats=self.draw(st.integers(2, 3)),
                        **self.sourced(),
                    )
                )
        if "cooperation-office" in body_ids:
            found.append(
                Post(id="cooperation-office.director", name_en="Director", body="cooperation-office", **self.sourced())
            )
            if self.draw(st.booleans()):
                found.append(
                    Post(
                        id="cooperation-office.staff",
                        name_en="Seconded staff",
                        body="cooperation-office",
                        seats=None,
                        **self.sourced(),
                    )
                )
        return found

    # Tenures ---------------------------------------------------------------------------------

    def chain(self, post: Post) -> list[Tenure]:
        """Successive tenures of one seat: each ends on or before the day the next one starts."""
        draw = self.draw
        count = draw(st.integers(0, 3))
        if count == 0:
            return []
        # Each day is a step after the one before, drawn with its precision; a successor whose
        # step is 0 starts the day the predecessor leaves.
        day = _first_day(self.first_year - 20)
        starts: list[int] = []
        ends: list[int] = []
        dates: list[list[PartialDate | None]] = []
        for _ in range(count):
            gap, start_precision = divmod(draw(_STEP), 3)
            starts.append(day + gap)
            gap, end_precision = divmod(draw(_STEP), 3)
            ends.append(starts[-1] + 1 + gap)
            day = ends[-1]
            dates.append([_coarse(starts[-1], _PRECISIONS[start_precision]), _coarse(day, _PRECISIONS[end_precision])])
        shape = draw(st.integers(0, 3))
        if shape & 1:
            dates[-1][1] = None  # still in office, or the end is unknown
        # Coarse dates must not make the span run backwards or meet the next tenure; where they
        # would, the day is given in full.
        changed = True
        while changed:
            changed = False
            flat = [d for pair in dates for d in pair]
            for i in range(len(flat) - 1):
                a, b = flat[i], flat[i + 1]
                if a is None or b is None:
                    continue
                bad = b.lo < a.hi if i % 2 == 0 else a.hi > b.lo
                if bad:
                    dates[i // 2][i % 2] = _coarse(starts[i // 2] if i % 2 == 0 else ends[i // 2], Precision.DAY)
                    j = i + 1
                    dates[j // 2][j % 2] = _coarse(starts[j // 2] if j % 2 == 0 else ends[j // 2], Precision.DAY)
                    changed = True
        if dates[0][1] is not None and shape & 2:
            dates[0][0] = None  # the start is unknown: an attestation bounds it
        return [
            _tenure(
                draw,
                post=post.id,
                person=draw(st.sampled_from(self.person_pool)),
                start=start,
                end=end,
                source_ids=self.source_ids,
                sourced=self.sourced(),
            )
            for start, end in dates
        ]

    def acting_overlaps(self, post: Post, chain: list[Tenure]) -> list[Tenure]:
        """Acting holders whose overlap with a handover the data marks as real."""
        found = []
        for before, after in itertools.pairwise(chain):
            if before.end is None or after.start is None or not self.draw(st.booleans()):
                continue
            start = _coarse(max(before.end.lo - self.draw(st.integers(1, 60)), 1), Precision.DAY)
            end = _coarse(after.start.hi + self.draw(st.integers(1, 60)), Precision.DAY)
            found.append(
                _tenure(
                    self.draw,
                    post=post.id,
                    person=self.fresh_person("acting"),
                    start=start,
                    end=end,
                    source_ids=self.source_ids,
                    sourced=self.sourced(),
                    acting=True,
                    overlap_allowed=True,
                )
            )
        return found

    def fresh_person(self, stem: str = "person") -> str:
        taken = set(self.person_pool) | set(self.people)
        n = len(taken)
        while f"{stem}-{n}" in taken:
            n += 1
        self.person_pool.append(f"{stem}-{n}")
        return f"{stem}-{n}"

    def tenures(self, posts: Sequence[Post]) -> list[Tenure]:
        found: list[Tenure] = []
        for post in posts:
            for _ in range(post.seats or 2):
                chain = self.chain(post)
                found.extend(chain)
                if post.seats == 1:
                    found.extend(self.acting_overlaps(post, chain))
        return self.separate(found, posts)

    def separate(self, tenures: list[Tenure], posts: Sequence[Post]) -> list[Tenure]:
        """Give a fresh person any tenure that would hold an incompatible post at once, or repeat an id."""
        clash = {(p.id, q) for p in posts for q in p.incompatible_with}
        clash |= {(b, a) for a, b in clash}
        held: dict[str, list[Tenure]] = {}
        ids: set[str] = set()
        kept = []
        for t in tenures:
            mine = held.get(t.person, [])
            if t.id in ids or any((t.post, o.post) in clash and overlap(t, o) is not Truth.NO for o in mine):
                t = attrs.evolve(t, person=self.fresh_person())
            held.setdefault(t.person, []).append(t)
            ids.add(t.id)
            kept.append(t)
        return kept

    def people_for(self, person_ids: Sequence[str]) -> list[Person]:
        for person_id in person_ids:
            if person_id not in self.people:
                self.people[person_id] = Person(
                    id=person_id,
                    name_en=self.draw(_texts(16)),
                    name_zh=self.draw(_optional(_texts(4))),
                    aliases=self.draw(_ALIASES),
                    **self.sourced(),
                )
        return list(self.people.values())

    # Meetings and plans ----------------------------------------------------------------------

    def rotation(self) -> RotationPolicy:
        policy: RotationPolicy = self.draw(
            rotation_policies(self.member_ids, SYMPOSIUM, (self.first_year - 6, self.first_year + 2), self.source_ids)
        )
        exceptions = tuple(self.supported(e) for e in policy.exceptions)
        return self.supported(attrs.evolve(policy, exceptions=exceptions))

    def symposia(
        self, policy: RotationPolicy | None, posts: Sequence[Post], tenures: Sequence[Tenure]
    ) -> list[Meeting]:
        draw = self.draw
        hosts: dict[int, str | None] = {}
        for year in range(self.first_year, self.last_year + 1):
            if policy is not None and policy.governs(year):
                expected = policy.host_for(year)
                if expected is not None:
                    hosts[year] = expected
            else:
                hosts[year] = draw(_optional(st.sampled_from(self.member_ids)))
        eligible = sorted(hosts)
        years = sorted(
            draw(
                st.lists(
                    st.sampled_from(eligible) if eligible else st.nothing(),
                    min_size=min(self.min_symposia, len(eligible)),
                    max_size=min(self.max_symposia, len(eligible)),
                    unique=True,
                )
            )
        )
        leaders = [p for p in posts if p.main_leader]
        found = []
        for year in years:
            date, end_date = draw(_meeting_dates(year))
            attendees = []
            for post in leaders:
                for t in tenures:
                    if t.post == post.id and _certainly_held(t, date) and draw(st.booleans()):
                        attendees.append(Attendance(person=t.person, post=post.id, role=post.name_en))
            for guest in draw(st.lists(st.sampled_from(self.person_pool), max_size=2, unique=True)):
                attendees.append(Attendance(person=guest, role=draw(_texts(12))))
            found.append(
                Meeting(
                    id=f"{SYMPOSIUM}.{year}",
                    body=SYMPOSIUM,
                    date=date,
                    end_date=end_date,
                    host=hosts[year],
                    city=draw(_optional(_texts(12))),
                    name_en=draw(_optional(_texts())),
                    theme_en=draw(_optional(_texts())),
                    attendees=tuple(attendees),
                    outcomes=tuple(draw(st.lists(_texts(), max_size=2))),
                    **self.sourced(),
                )
            )
        # Some meetings decide who hosts the next one: always the member that then did.
        for i, (x, y) in enumerate(itertools.pairwise(found)):
            if y.host is not None and draw(st.booleans()):
                next_year = draw(st.sampled_from([y.year, None]))
                found[i] = attrs.evolve(x, next_host=y.host, next_host_year=next_year)
        return found

    def joint_meetings(self) -> list[Meeting]:
        years = self.draw(st.lists(st.integers(self.first_year, self.last_year), max_size=3, unique=True))
        found = []
        for year in sorted(years):
            date, end_date = self.draw(_meeting_dates(year))
            found.append(
                Meeting(
                    id=f"joint-meeting.{year}",
                    body="joint-meeting",
                    date=date,
                    end_date=end_date,
                    host=self.draw(_optional(st.sampled_from(self.member_ids))),
                    **self.sourced(),
                )
            )
        return found

    def plans(self, meetings: list[Meeting], body_ids: Sequence[str]) -> list[Plan]:
        found = []
        series_kinds = (("three-year-action", PlanKind.THREE_YEAR_ACTION, 3), ("annual-work", PlanKind.ANNUAL_WORK, 1))
        for series, kind, longest in series_kinds:
            if not self.draw(st.booleans()):
                continue
            year = self.draw(st.integers(self.first_year - 5, self.last_year))
            for _ in range(self.draw(st.integers(1, 3))):
                length = self.draw(st.integers(1, longest))
                found.append(self.plan(f"{series}.{year}", kind, series, year, year + length - 1, meetings, body_ids))
                year += length
        for i in range(self.draw(st.integers(0, 2))):
            first = self.draw(_optional(st.integers(self.first_year, self.last_year)))
            last = None if first is None else self.draw(_optional(st.integers(first, first + 3)))
            found.append(
                self.plan(f"plan-{i}", self.draw(st.sampled_from(PlanKind)), None, first, last, meetings, body_ids)
            )
        return found

    def plan(
        self,
        plan_id: str,
        kind: PlanKind,
        series: str | None,
        first: int | None,
        last: int | None,
        meetings: list[Meeting],
        body_ids: Sequence[str],
    ) -> Plan:
        adopted_at = None
        if meetings and _coin(self.draw):
            i = self.draw(st.integers(0, len(meetings) - 1))
            adopted_at = meetings[i].id
            if self.draw(st.booleans()):
                meetings[i] = attrs.evolve(meetings[i], plans_adopted=(*meetings[i].plans_adopted, plan_id))
        return Plan(
            id=plan_id,
            name_en=self.draw(_texts()),
            kind=kind,
            series=series,
            first_year=first,
            last_year=last,
            adopted=self.draw(_optional(partial_dates(self.first_year, self.last_year))),
            adopted_at=adopted_at,
            issued_by=self.draw(_optional(st.sampled_from(tuple(body_ids)))),
            areas=tuple(self.draw(st.lists(_texts(8), max_size=2))),
            task_count=self.draw(_optional(st.integers(0, 200))),
            **self.sourced(),
        )


def _certainly_held(t: Tenure, date: PartialDate) -> bool:
    """Whether a tenure certainly covers every day a meeting's date may be."""
    span = t.span()
    return span.certain_from <= date.lo and date.hi < span.certain_until


def mechanisms(
    *,
    min_members: int = 1,
    max_members: int = 4,
    min_symposia: int = 0,
    max_symposia: int = 6,
    rotation: bool | None = None,
) -> st.SearchStrategy[Mechanism]:
    """Whole mechanisms that are valid by construction: ``m.validate()`` has no findings.

    Members joined before the first meeting; bodies were founded before their meetings;
    every post's tenures fit its seats; attendees held their posts on the meeting's day;
    symposium hosts follow the rotation policy (when there is one) and the hosts earlier
    meetings decided; plans of a series follow each other year after year.

    Args:
        min_members: The fewest members (at least 1).
        max_members: The most members (at most 8).
        min_symposia: The fewest symposia (at most 6), where the rotation leaves that many years to hold them.
        max_symposia: The most symposia.
        rotation: Whether there is a rotation policy; None for either.

    Returns:
        A strategy of [`Mechanism`][yrdmodel.Mechanism].

    Raises:
        InvalidArgument: A bound is out of its range or a minimum is above its maximum.
    """
    if not 1 <= min_members <= max_members <= len(_MEMBER_POOL):
        raise InvalidArgument(
            f"need 1 <= min_members <= max_members <= {len(_MEMBER_POOL)}, "
            f"got min_members={min_members}, max_members={max_members}"
        )
    if not 0 <= min_symposia <= min(max_symposia, 6):
        raise InvalidArgument(
            f"need 0 <= min_symposia <= max_symposia and min_symposia <= 6, "
            f"got min_symposia={min_symposia}, max_symposia={max_symposia}"
        )
    return _mechanisms(min_members, max_members, min_symposia, max_symposia, rotation)


@st.composite
def _mechanisms(
    draw: st.DrawFn, min_members: int, max_members: int, min_symposia: int, max_symposia: int, rotation: bool | None
) -> Mechanism:
    build = _Builder(draw, min_members, max_members, min_symposia, max_symposia)
    members_ = build.members()
    bodies_ = build.bodies()
    body_ids = [b.id for b in bodies_]
    posts_ = build.posts(members_, body_ids)
    tenures_ = build.tenures(posts_)
    policy = build.rotation() if (draw(st.booleans()) if rotation is None else rotation) else None
    meetings_ = build.symposia(policy, posts_, tenures_)
    if "joint-meeting" in body_ids:
        meetings_ += build.joint_meetings()
    plans_ = build.plans(meetings_, body_ids)
    people_ = build.people_for([*build.person_pool])
    return Mechanism(
        name_en=draw(_texts()),
        name_zh=draw(_optional(_texts())),
        as_of=draw(_optional(partial_dates(build.last_year, build.last_year))),
        sources=tuple(build.sources),
        members=tuple(members_),
        all_bodies=tuple(bodies_),
        posts=tuple(posts_),
        people=tuple(people_),
        tenures=tuple(draw(st.permutations(tenures_))),
        meetings=tuple(meetings_),
        plans=tuple(plans_),
        rotation=policy,
        decision_body=SYMPOSIUM if policy is None else draw(st.sampled_from([None, SYMPOSIUM])),
    )
