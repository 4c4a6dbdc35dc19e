"""The consistency rules of a mechanism, each reporting findings with a stable code.

Every rule is a function from a mechanism to findings, registered in :data:`RULES` under
its code. Rules never raise on bad data: a dangling id is a finding here, not a KeyError.
"""

import datetime
import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import combinations, pairwise
from typing import Any

import attrs

from yrdmodel.model.bodies import Body
from yrdmodel.model.dates import PartialDate, Truth
from yrdmodel.model.index import group
from yrdmodel.model.mechanism import SYMPOSIUM, Mechanism
from yrdmodel.model.meetings import Attendance, Meeting
from yrdmodel.model.members import Member
from yrdmodel.model.plans import Plan
from yrdmodel.model.posts import Post, Tenure
from yrdmodel.model.rotation import RotationException, RotationPolicy
from yrdmodel.model.sources import Citation, Sourced
from yrdmodel.validation.report import Finding, Severity, ValidationReport

__all__ = ["CODES", "RULES", "iter_records", "reference_problems", "validate"]

Rule = Callable[[Mechanism], Iterator[Finding]]
RULES: dict[str, Rule] = {}
"""Rule functions by finding code, in the order they run."""

CODES: dict[str, str] = {}
"""Every finding code, with one sentence on what it means."""


def rule(code: str, meaning: str) -> Callable[[Rule], Rule]:
    """Register a rule function under a finding code."""

    def register(function: Rule) -> Rule:
        RULES[code] = function
        CODES[code] = meaning
        return function

    return register


def validate(mechanism: Mechanism) -> ValidationReport:
    """Run every rule and collect the findings."""
    return ValidationReport(finding for check in RULES.values() for finding in check(mechanism))


def _finding(code: str, truth: Truth, message: str, *ids: str, severity: Severity = Severity.ERROR) -> Finding:
    """A finding; one that only might hold (``Truth.MAYBE``) is a possible warning."""
    possible = truth is Truth.MAYBE
    return Finding(code, Severity.WARNING if possible else severity, message, ids, possible)


# Walking records --------------------------------------------------------------------------------


def walk(value: Any, path: str = "$") -> Iterator[tuple[str, Any]]:
    """Every attrs instance below ``value`` (itself included), with its JSON path."""
    if isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from walk(item, f"{path}[{i}]")
    elif attrs.has(type(value)) and not isinstance(value, PartialDate):
        yield path, value
        for field in attrs.fields(type(value)):
            if field.init and isinstance(getattr(value, field.name), tuple | Sourced):
                key = "bodies" if field.name == "all_bodies" else field.name
                yield from walk(getattr(value, field.name), f"{path}.{key}")


def iter_records(mechanism: Mechanism) -> Iterator[tuple[str, Sourced]]:
    """Every sourced record of a mechanism (nested ones included), with its JSON path."""
    for path, value in walk(mechanism):
        if isinstance(value, Sourced):
            yield path, value


_REFERENCES: dict[type, tuple[tuple[str, str], ...]] = {
    Citation: (("source", "sources"),),
    Body: (("parent", "all_bodies"),),
    Post: (("member", "members"), ("body", "all_bodies"), ("incompatible_with", "posts")),
    Tenure: (("post", "posts"), ("person", "people")),
    Meeting: (("body", "all_bodies"), ("host", "members"), ("next_host", "members"), ("plans_adopted", "plans")),
    Attendance: (("person", "people"), ("post", "posts")),
    Plan: (("adopted_at", "meetings"), ("issued_by", "all_bodies")),
    RotationPolicy: (("body", "all_bodies"), ("order", "members")),
    RotationException: (("host", "members"),),
}
_KINDS = ("sources", "members", "all_bodies", "posts", "people", "meetings", "plans")


def _dangling(mechanism: Mechanism) -> Iterator[tuple[str, str, str]]:
    known = {kind: {record.id for record in getattr(mechanism, kind)} for kind in _KINDS}
    for path, value in walk(mechanism):
        for field, kind in _REFERENCES.get(type(value), ()):
            refs = getattr(value, field)
            for i, ref in enumerate(refs if isinstance(refs, tuple) else (refs,)):
                if ref is not None and ref not in known[kind]:
                    where = f"{path}.{field}" + (f"[{i}]" if isinstance(refs, tuple) else "")
                    noun = kind.replace("all_", "").rstrip("s").replace("peopl", "person")
                    yield where, ref, f"unknown {noun} id {ref!r}"


def _duplicates(mechanism: Mechanism) -> Iterator[tuple[str, str, str]]:
    for kind in (*_KINDS, "tenures"):
        seen: set[str] = set()
        for i, record in enumerate(getattr(mechanism, kind)):
            if record.id in seen:
                yield f"$.{kind.replace('all_', '')}[{i}].id", record.id, f"id {record.id!r} is used twice"
            seen.add(record.id)


def reference_problems(mechanism: Mechanism) -> list[tuple[str, str]]:
    """Dangling and duplicate ids as ``(path, message)``: the problems that make a file malformed."""
    return [(path, message) for path, _, message in (*_duplicates(mechanism), *_dangling(mechanism))]


@rule("duplicate-id", "Two records of one kind share an id.")
def _check_duplicates(m: Mechanism) -> Iterator[Finding]:
    for path, ref, message in _duplicates(m):
        yield _finding("duplicate-id", Truth.YES, f"{path}: {message}", ref)


@rule("dangling-id", "A record refers to an id that no record of that kind has.")
def _check_dangling(m: Mechanism) -> Iterator[Finding]:
    for path, ref, message in _dangling(m):
        yield _finding("dangling-id", Truth.YES, f"{path}: {message}", ref)


@rule("missing-source", "A record cites no source.")
def _check_sources(m: Mechanism) -> Iterator[Finding]:
    for path, record in iter_records(m):
        if not record.sources:
            yield _finding("missing-source", Truth.YES, f"{path} cites no source", getattr(record, "id", path))


# Dates --------------------------------------------------------------------------------------------


@rule("span-order", "Dates out of order: an end before its start, a confirmation or attestation outside the tenure.")
def _check_span_order(m: Mechanism) -> Iterator[Finding]:
    for t in m.tenures:
        checks: list[tuple[Truth, str]] = []
        if t.start is not None:
            checks.extend(
                (d.before(t.start), f"{what} before it starts")
                for d, what in (
                    (t.end, "ends"),
                    (t.confirmed, "is confirmed"),
                    *((a, f"is attested on {a},") for a in t.attested),
                )
                if d is not None
            )
        if t.end is not None:
            checks.extend((_not_after(t.end, a), f"is attested on {a}, after it ends") for a in t.attested)
        for truth, what in checks:
            if truth is not Truth.NO:
                yield _finding("span-order", truth, f"tenure {t.id} {what}", t.id)
    for x in m.meetings:
        if x.end_date is not None and (truth := x.end_date.before(x.date)) is not Truth.NO:
            yield _finding("span-order", truth, f"meeting {x.id} ends before it starts", x.id)
    for b in m.all_bodies:
        if b.founded and b.dissolved and (truth := b.dissolved.before(b.founded)) is not Truth.NO:
            yield _finding("span-order", truth, f"body {b.id} is dissolved before it is founded", b.id)


def _not_after(a_end: PartialDate, attested: PartialDate) -> Truth:
    """Whether a tenure ending at ``a_end`` (exclusive) cannot include the day ``attested``."""
    if attested.hi < a_end.lo:
        return Truth.NO
    if attested.lo >= a_end.hi:
        return Truth.YES
    return Truth.MAYBE


def overlap(a: Tenure, b: Tenure) -> Truth:
    """Whether two tenures share at least one day."""
    da0, da1, pa0, pa1 = a.bounds()
    db0, db1, pb0, pb1 = b.bounds()
    if da0 <= da1 and db0 <= db1 and max(da0, db0) <= min(da1, db1):
        return Truth.YES
    return Truth.MAYBE if max(pa0, pb0) <= min(pa1, pb1) else Truth.NO


# Tenures ------------------------------------------------------------------------------------------


@rule(
    "tenure-overlap", "More people hold a post at once than it has seats (overlaps the data marks as allowed excepted)."
)
def _check_overlaps(m: Mechanism) -> Iterator[Finding]:
    posts = {p.id: p for p in m.posts}
    for post_id, tenures in group(m.tenures, "post").items():
        post = posts.get(post_id)
        seats = post.seats if post is not None else 1
        if seats is None:
            continue
        yield from _post_overlaps(post_id, seats, sorted(tenures, key=lambda t: t.bounds()[2]))


def _post_overlaps(post_id: str, seats: int, tenures: list[Tenure]) -> Iterator[Finding]:
    active: list[Tenure] = []
    for t in tenures:
        start = t.bounds()[2]
        active = [a for a in active if a.bounds()[3] >= start]
        if not t.overlap_allowed:
            clashes = [(overlap(a, t), a) for a in active if not a.overlap_allowed]
            clashes = [(truth, a) for truth, a in clashes if truth is not Truth.NO]
            definite = [a for truth, a in clashes if truth is Truth.YES]
            if seats == 1:
                for truth, a in clashes:
                    yield _finding(
                        "tenure-overlap", truth, f"{a.person} and {t.person} overlap in {post_id}", a.id, t.id
                    )
            elif len(clashes) >= seats:
                truth = Truth.YES if len(definite) >= seats else Truth.MAYBE
                ids = [a.id for _, a in clashes]
                yield _finding("tenure-overlap", truth, f"more than {seats} holders of {post_id} at once", *ids, t.id)
        active.append(t)


@rule("incompatible-posts", "One person holds two posts the model marks incompatible at the same time.")
def _check_incompatible(m: Mechanism) -> Iterator[Finding]:
    clash: set[tuple[str, str]] = set()
    for post in m.posts:
        for other in post.incompatible_with:
            clash.update({(post.id, other), (other, post.id)})
    for tenures in group(m.tenures, "person").values():
        for a, b in combinations(tenures, 2):
            if (a.post, b.post) in clash and (truth := overlap(a, b)) is not Truth.NO:
                yield _finding(
                    "incompatible-posts", truth, f"{a.person} holds {a.post} and {b.post} at once", a.id, b.id
                )


# Meetings -----------------------------------------------------------------------------------------


def _over(date: PartialDate, test: Callable[[int], Truth]) -> Truth:
    """Combine a day test over the first and last day a partial date may be."""
    first, last = test(date.lo), test(date.hi)
    return first if first is last else Truth.MAYBE


@rule("meeting-outside-body", "A meeting is dated before its body was founded or after it was dissolved.")
def _check_meeting_lifetime(m: Mechanism) -> Iterator[Finding]:
    bodies = {b.id: b for b in m.all_bodies}
    for x in m.meetings:
        body = bodies.get(x.body)
        if body is None:
            continue
        if body.founded is not None and (truth := x.last_date.before(body.founded)) is not Truth.NO:
            yield _finding(
                "meeting-outside-body", truth, f"{x.id} is before {body.id} was founded ({body.founded})", x.id, body.id
            )
        if body.dissolved is not None and (truth := ~x.date.before(body.dissolved)) is not Truth.NO:
            yield _finding(
                "meeting-outside-body",
                truth,
                f"{x.id} is after {body.id} was dissolved ({body.dissolved})",
                x.id,
                body.id,
            )


def _is_member(member: Member, day: int) -> Truth:
    return member.is_member(datetime.date.fromordinal(day))


@rule("host-not-member", "A symposium's host was not a full member on the meeting's date.")
def _check_host_member(m: Mechanism) -> Iterator[Finding]:
    members = {x.id: x for x in m.members}
    for x in m.meetings:
        member = members.get(x.host or "")
        if x.body == SYMPOSIUM and member is not None:
            truth = ~_over(x.date, functools.partial(_is_member, member))
            if truth is not Truth.NO:
                yield _finding(
                    "host-not-member",
                    truth,
                    f"{member.id} hosted {x.id} but was not a full member then",
                    x.id,
                    member.id,
                )


@rule("rotation-deviation", "A symposium's host is not the one the rotation policy expects (a warning).")
def _check_rotation(m: Mechanism) -> Iterator[Finding]:
    for d in m.host_deviations():
        yield _finding(
            "rotation-deviation",
            Truth.YES,
            f"{d.year}: the rotation expects {d.expected or 'no meeting'}, {d.actual} hosted",
            f"{SYMPOSIUM}.{d.year}",
            d.actual,
            severity=Severity.WARNING,
        )


@rule("next-host-mismatch", "A meeting decided the next host, and a different member hosted that year (a warning).")
def _check_next_host(m: Mechanism) -> Iterator[Finding]:
    hosts = m.hosts
    for x in m.symposia:
        if x.next_host and x.next_host_year in hosts and hosts[x.next_host_year] != x.next_host:
            actual = hosts[x.next_host_year]
            yield _finding(
                "next-host-mismatch",
                Truth.YES,
                f"{x.id} decided {x.next_host} would host {x.next_host_year}, but {actual} did",
                x.id,
                actual,
                severity=Severity.WARNING,
            )


@rule(
    "attendee-not-in-office",
    "A meeting records an attendee in a post that the person did not hold on the meeting's date.",
)
def _check_attendees(m: Mechanism) -> Iterator[Finding]:
    tenures = {key: list(ts) for key, ts in _by_person_post(m.tenures).items()}
    for x in m.meetings:
        for a in x.attendees:
            if a.post is None:
                continue
            held = Truth.NO
            for t in tenures.get((a.person, a.post), ()):
                held = held | _held_at(t, x)
            if held is not Truth.YES:
                yield _finding(
                    "attendee-not-in-office",
                    ~held,
                    f"{a.person} attended {x.id} as {a.post} but held no such tenure then",
                    x.id,
                    a.person,
                    a.post,
                )


def _by_person_post(tenures: Iterable[Tenure]) -> dict[tuple[str, str], list[Tenure]]:
    found: dict[tuple[str, str], list[Tenure]] = defaultdict(list)
    for t in tenures:
        found[t.person, t.post].append(t)
    return found


def _held_at(t: Tenure, x: Meeting) -> Truth:
    definite_from, definite_to, possible_from, possible_to = t.bounds()
    if definite_from <= x.date.lo and x.date.hi <= definite_to:
        return Truth.YES
    if possible_to < x.date.lo or possible_from > x.last_date.hi:
        return Truth.NO
    return Truth.MAYBE


# Plans --------------------------------------------------------------------------------------------


@rule("plan-series-overlap", "Two successive plans of one series cover a common year.")
def _check_plan_overlap(m: Mechanism) -> Iterator[Finding]:
    for earlier, later in _successive_plans(m):
        if later.first_year is not None and earlier.last_year is not None and later.first_year <= earlier.last_year:
            yield _finding(
                "plan-series-overlap", Truth.YES, f"{earlier.id} and {later.id} overlap", earlier.id, later.id
            )


@rule("plan-series-gap", "Successive plans of one series leave years uncovered between them (a warning).")
def _check_plan_gap(m: Mechanism) -> Iterator[Finding]:
    for earlier, later in _successive_plans(m):
        if later.first_year is not None and earlier.last_year is not None and later.first_year > earlier.last_year + 1:
            yield _finding(
                "plan-series-gap",
                Truth.YES,
                f"no plan of series {earlier.series} covers {earlier.last_year + 1}-{later.first_year - 1}",
                earlier.id,
                later.id,
                severity=Severity.WARNING,
            )


def _successive_plans(m: Mechanism) -> Iterator[tuple[Plan, Plan]]:
    series = group((p for p in m.plans if p.series is not None and p.first_year is not None), "series")
    for plans in series.values():
        ordered = sorted(plans, key=lambda p: (p.first_year or 0, p.last_year or 0))
        yield from pairwise(ordered)
