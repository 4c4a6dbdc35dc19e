"""The consistency rules of a mechanism, each reporting findings with a stable code.

Every rule is a function from a mechanism to findings, registered in `RULES` under
its code; `CODES` says in one sentence what each code means. Rules never raise on
bad data: a dangling id is a finding here, not a ``KeyError``.

Rules are three-valued. Where partial or unknown dates leave open whether a problem is
real, the finding is a warning with ``possible=True``; where the problem certainly holds,
it is an error, except for the rules that report departures which may be real (a host
outside the rotation, a decided host that did not host, a gap between plans): those are
always warnings.

Tenures are half-open, ``[start, end)``: a successor who starts the day the predecessor
leaves does not overlap them.
"""

import contextlib
import datetime
import gc
import itertools
import operator
import threading
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import attrgetter, itemgetter
from typing import Any

from yrdmodel.errors import shorten
from yrdmodel.model.dates import PartialDate, Truth
from yrdmodel.model.index import PostTenures, group
from yrdmodel.model.interval import Span
from yrdmodel.model.mechanism import Mechanism
from yrdmodel.model.meetings import Meeting
from yrdmodel.model.members import Member
from yrdmodel.model.plans import Plan
from yrdmodel.model.posts import Tenure
from yrdmodel.model.schema import collections, record_classes, references
from yrdmodel.model.sources import Confidence, Sourced, confidence_allowed
from yrdmodel.model.walk import Where, nested_fields, path_of
from yrdmodel.validation import columns
from yrdmodel.validation.report import Finding, Severity, ValidationReport

__all__ = ["CODES", "RULES", "overlap", "reference_problems", "validate"]

Rule = Callable[[Mechanism], Iterable[Finding]]
"""A rule: every finding of one code in a mechanism."""

RULES: dict[str, Rule] = {}
"""Rule functions by finding code, in the order they run."""

CODES: dict[str, str] = {}
"""Every finding code, with one sentence on what it means."""


def rule(code: str, meaning: str) -> Callable[[Rule], Rule]:
    """Register a rule function under a finding code.

    Args:
        code: The stable finding code the rule reports.
        meaning: One sentence on what a finding of that code means.

    Returns:
        A decorator that registers the function and returns it unchanged.
    """

    def register(function: Rule) -> Rule:
        RULES[code] = function
        CODES[code] = meaning
        return function

    return register


def validate(mechanism: Mechanism) -> ValidationReport:
    """Run every rule and collect the findings.

    Args:
        mechanism: The mechanism to check.

    Returns:
        The report; ``report.ok`` is true when no finding is an error.
    """
    # The rules make many objects and no garbage: the cyclic collector, run by their allocations, would
    # only traverse the mechanism again and again (as in loads; half the time at 10^4 records).
    collecting = gc.isenabled()
    gc.disable()
    try:
        with _once(mechanism):  # the column checks, the walk and the pass over the flat kinds: once for every rule
            return ValidationReport(finding for check in RULES.values() for finding in check(mechanism))
    finally:
        if collecting:
            gc.enable()


_WALKED = threading.local()
"""What `validate` computes once for all its rules, as ``(mechanism, {name: result})``, per thread."""

_COLUMNS = True
"""Whether the rules check columns (`yrdmodel.validation.columns`) before records; the tests turn it off to compare."""


@contextlib.contextmanager
def _once(mechanism: Mechanism) -> Iterator[None]:
    """Within it, `_shared` makes each of its results for ``mechanism`` once."""
    current = getattr(_WALKED, "current", None)
    _WALKED.current = (mechanism, {})
    try:
        yield
    finally:
        _WALKED.current = current


def _shared(mechanism: Mechanism, name: str, make: Callable[[Mechanism], Any]) -> Any:
    """``make(mechanism)``, made once per `validate` run when one is running."""
    current = getattr(_WALKED, "current", None)
    if current is None or current[0] is not mechanism:
        return make(mechanism)
    found = current[1].get(name)
    if found is None:
        found = current[1][name] = make(mechanism)
    return found


def _walked(mechanism: Mechanism) -> list[tuple[Any, Any, Where]]:
    """`_walk`, from the walk `validate` made when it is running: the records of the `_suspects` fields only."""
    records: list[tuple[Any, Any, Where]] = _shared(mechanism, "walk", _walk)
    return records


def _walk(mechanism: Mechanism) -> list[tuple[Any, Any, Where]]:
    """``(record, owner, place)`` as `yrdmodel.model.walk.walk_records` gives them, but for citations and some fields.

    The rules check a record's citations (``record.sources``) where they check the record, so the
    walk does not visit them: most records hold nothing else, and they are visited without a generator.
    Of the mechanism's fields it enters only those that may hold a problem (`_suspects`), and not the
    `_FLAT` kinds.
    """
    found: list[tuple[Any, Any, Where]] = []
    add = found.append
    plans: dict[type, tuple[bool, tuple[tuple[str, str], ...]]] = {}
    entered = _suspects(mechanism) - _SKIP

    def visit(value: Any, owner: Any, where: Where) -> None:
        cls = value.__class__
        plan = plans.get(cls)
        if plan is None:
            fields = tuple(f for f in nested_fields(cls) if f[0] != "sources" or cls is Mechanism)
            plan = plans[cls] = (hasattr(cls, "id"), fields)
        if plan[0]:
            owner = value
        add((value, owner, where))
        for name, key in plan[1]:
            if value is mechanism and name not in entered:
                continue
            item = getattr(value, name)
            if item.__class__ is tuple:
                for i, element in enumerate(item):
                    leaf = plans.get(element.__class__)
                    if leaf is not None and not leaf[1]:  # a record that holds none: no call
                        add((element, element if leaf[0] else owner, (where, key, i)))
                    else:
                        visit(element, owner, (where, key, i))
            elif item is not None:
                visit(item, owner, (where, key, None))

    visit(mechanism, None, None)
    return found


def _finding(
    code: str,
    truth: Truth,
    message: str,
    *ids: str | None,
    severity: Severity = Severity.ERROR,
    path: str | None = None,
) -> Finding:
    """A finding; one that only might hold (``Truth.MAYBE``) is a possible warning. None ids are left out."""
    possible = truth is Truth.MAYBE
    if possible:
        message = f"possibly: {message}"
    message = shorten(message)  # ids and values from the data may be long
    named = tuple(dict.fromkeys(i for i in ids if i is not None))
    return Finding(code, Severity.WARNING if possible else severity, message, named, possible, path)


def _name(owner: Any, where: Where) -> str:
    """The id that names a record in findings: its owner's id, or its path when it has none."""
    return path_of(where) if owner is None else str(owner.id)


# Ids --------------------------------------------------------------------------------------------

_COLLECTIONS = {c.field: c for c in collections(Mechanism)}
"""The mechanism's collections by field name (``"all_bodies"``), as the schema states them."""
_REFERRING = tuple(cls for cls in record_classes(Mechanism) if references(cls))
"""The record classes with fields that hold ids."""


def _dangling(mechanism: Mechanism) -> Iterator[tuple[str, str, str, str]]:
    """``(path, referring record's name, missing id, message)`` for every id that names no record."""
    known = _ids(mechanism)
    checks = {cls: [(field, known[kind], kind) for field, kind in references(cls)] for cls in _REFERRING}
    yield from _flat(mechanism).dangling
    cited = _cited(mechanism)
    graded = cited.by_tuple
    for value, owner, where in _walked(mechanism):
        citations = getattr(value, "sources", None) if value is not mechanism else None
        if citations and (grade := graded.get(id(citations)) or cited(citations))[0]:
            for j, ref in grade[0]:
                yield (
                    path_of(((where, "sources", j), "source", None)),
                    _name(owner, where),
                    ref,
                    f"unknown source id {ref!r}",
                )
        for field, names, kind in checks.get(value.__class__, ()):
            refs = getattr(value, field)
            if refs.__class__ is tuple:
                for i, ref in enumerate(refs):
                    if ref not in names:
                        yield (
                            path_of((where, field, i)),
                            _name(owner, where),
                            ref,
                            f"unknown {_COLLECTIONS[kind].noun} id {ref!r}",
                        )
            elif refs is not None and refs not in names:
                yield (
                    path_of((where, field, None)),
                    _name(owner, where),
                    refs,
                    f"unknown {_COLLECTIONS[kind].noun} id {refs!r}",
                )


def _ids(mechanism: Mechanism) -> dict[str, set[Any]]:
    """The ids of each collection's records (but tenures'), once per `validate` run."""
    ids: dict[str, set[Any]] = _shared(mechanism, "ids", _id_sets)
    return ids


def _id_sets(mechanism: Mechanism) -> dict[str, set[Any]]:
    return {kind: set(columns.Columns(getattr(mechanism, kind))["id"]) for kind in _COLLECTIONS if kind != "tenures"}


def _suspects(mechanism: Mechanism) -> frozenset[str]:
    """The mechanism's fields (``"tenures"``, ``"rotation"``) in which a per-record rule may find something.

    In the others a duplicate or dangling id, a missing or unknown source or weak support cannot be:
    their columns (`yrdmodel.validation.columns`) prove it, and the rules do not look at their records.
    """
    found: frozenset[str] = _shared(mechanism, "suspects", _suspect_pass)
    return found


def _suspect_pass(mechanism: Mechanism) -> frozenset[str]:
    fields = [name for name, _ in nested_fields(Mechanism)]
    if not _COLUMNS:
        return frozenset(fields)
    known = _ids(mechanism)
    checks = {cls: [(field, known[kind]) for field, kind in references(cls)] for cls in _REFERRING}
    cited = _cited(mechanism)
    found = set()
    for name in fields:
        value = getattr(mechanism, name)
        records = value if value.__class__ is tuple else () if value is None else (value,)
        try:
            table = columns.Columns(records)  # for this collection only: a column of 10^6 records is 8 MB
            if name == "tenures":
                repeats = columns.tenures_repeat(table)
            else:
                repeats = name in known and len(known[name]) < len(records)
            if repeats or not columns.clean(records, checks, cited, table):
                found.add(name)
        except Exception:  # data the rules report, or raise on, as they find it record by record
            found.add(name)
    return frozenset(found)


_FLAT: dict[str, tuple[tuple[str, str], ...]] = {"tenures": references(Tenure), "people": ()}
"""Kinds whose records hold no records but citations (besides plain values): the rules check them in tight
loops rather than by walking, since they are most of a large data set. Each with its fields that hold ids."""
_SKIP = frozenset(_FLAT)


_Grade = columns.Grade


class _Cited:
    """What one list of citations says: the cited ids that name no source, and the confidences it allows."""

    def __init__(self, mechanism: Mechanism) -> None:
        self.sources = {s.id: s for s in mechanism.sources}
        self._by_ids: dict[tuple[str, ...], _Grade] = {}
        self.by_tuple: dict[int, _Grade] = {}  # by id of a citation tuple: records share them

    def __call__(self, citations: tuple[Any, ...]) -> "_Grade":
        """``(missing, allowed, why)``: ``(index, id)`` of the unknown sources, the confidences allowed, and why.

        The confidences are a tuple, highest first, so that ``in`` finds one by identity without hashing.
        """
        found = self.by_tuple.get(id(citations))  # the tuples outlive the validate() run
        if found is None:
            cited = tuple(c.source for c in citations)
            found = self._by_ids.get(cited)
            if found is None:
                sources = self.sources
                known = [sources[i] for i in cited if i in sources]
                most = confidence_allowed(known)
                kinds = ", ".join(sorted({s.kind.value for s in known})) or "none known"
                missing = [(j, ref) for j, ref in enumerate(cited) if ref not in sources]
                allowed = tuple(c for c in Confidence if c.rank <= most.rank)
                found = self._by_ids[cited] = (missing, allowed, f"on sources of kind {kinds}: at most {most.value}")
            self.by_tuple[id(citations)] = found
        return found


def _cited(mechanism: Mechanism) -> _Cited:
    cited: _Cited = _shared(mechanism, "cited", _Cited)
    return cited


class _FlatFound:
    """What the per-record rules find in the `_FLAT` kinds, from one pass over them (`_flat`)."""

    def __init__(self) -> None:
        self.duplicates: dict[str, list[int]] = {}  # positions of records whose id an earlier one has, by kind
        self.dangling: list[tuple[str, str, str, str]] = []  # as _dangling gives them
        self.missing: list[tuple[str, str]] = []  # (path, id) of records that cite no source
        self.weak: list[tuple[str, Any, str]] = []  # (path, record, why) of records claiming too much


def _flat(mechanism: Mechanism) -> _FlatFound:
    """`_FlatFound` of a mechanism, once per `validate` run."""
    flat: _FlatFound = _shared(mechanism, "flat", _flat_pass)
    return flat


def _flat_pass(mechanism: Mechanism) -> _FlatFound:
    found = _FlatFound()
    cited = _cited(mechanism)
    graded = cited.by_tuple
    known = _ids(mechanism)
    suspects = _suspects(mechanism)
    dangling, missing, weak = found.dangling, found.missing, found.weak
    for kind, fields in _FLAT.items():
        duplicates = found.duplicates[kind] = []
        if kind not in suspects:
            continue
        seen: set[Any] = set()
        is_tenure = kind == "tenures"
        checks = [(field, known[target], _COLLECTIONS[target].noun) for field, target in fields]
        for i, record in enumerate(getattr(mechanism, kind)):
            # A tenure's id is made of its post, person and start: compare those, and make the id only if needed.
            if is_tenure:
                start = record.start
                identity = (record.post, record.person, start.lo, start.hi) if start else (record.post, record.person)
            else:
                identity = record.id
            if identity in seen:
                duplicates.append(i)
            else:
                seen.add(identity)
            for field, names, noun in checks:
                ref = getattr(record, field)
                if ref not in names:
                    dangling.append((f"$.{kind}[{i}].{field}", record.id, ref, f"unknown {noun} id {ref!r}"))
            citations = record.sources
            if not citations:
                missing.append((f"$.{kind}[{i}]", record.id))
                continue
            grade = graded.get(id(citations))
            unknown, allowed, why = cited(citations) if grade is None else grade
            if unknown:
                for j, ref in unknown:
                    path = f"$.{kind}[{i}].sources[{j}].source"
                    dangling.append((path, record.id, ref, f"unknown source id {ref!r}"))
            if record.confidence not in allowed:
                weak.append((f"$.{kind}[{i}]", record, why))
    return found


def _duplicates(mechanism: Mechanism) -> Iterator[tuple[str, str, str]]:
    """``(path, id, message)`` for every record whose id an earlier record of its kind has."""
    flat = _flat(mechanism).duplicates
    suspects = _suspects(mechanism)
    for c in _COLLECTIONS.values():
        kind, noun, key = c.field, c.noun, c.key
        if kind not in suspects:
            continue
        records = getattr(mechanism, kind)
        if kind in flat:
            for i in flat[kind]:
                record = records[i]
                where = f"$.{key}[{i}]" + ("" if kind == "tenures" else ".id")
                yield where, record.id, f"another {noun} already has the id {record.id!r}"
            continue
        seen: set[Any] = set()
        for i, record in enumerate(records):
            if record.id in seen:
                yield f"$.{key}[{i}].id", record.id, f"another {noun} already has the id {record.id!r}"
            seen.add(record.id)


def reference_problems(mechanism: Mechanism) -> list[tuple[str, str]]:
    """Duplicate and dangling ids as ``(path, message)``: the problems that make a data file malformed.

    Args:
        mechanism: The mechanism, as structured from a file.

    Returns:
        The problems, duplicates first; empty when every id is unique and every reference resolves.
    """
    with _once(mechanism):
        duplicates = [(path, message) for path, _, message in _duplicates(mechanism)]
        return duplicates + [(path, message) for path, _, _, message in _dangling(mechanism)]


@rule("duplicate-id", "Two records of one kind share an id.")
def _check_duplicates(m: Mechanism) -> Iterator[Finding]:
    for path, record_id, message in _duplicates(m):
        yield _finding("duplicate-id", Truth.YES, f"{path}: {message}", record_id, path=path)


@rule("dangling-id", "A record refers to an id that no record of that kind has.")
def _check_dangling(m: Mechanism) -> Iterator[Finding]:
    for path, owner, ref, message in _dangling(m):
        yield _finding("dangling-id", Truth.YES, f"{path}: {message}", owner, ref, path=path)


@rule("missing-source", "A record, or a dated part of one such as a membership change, cites no source.")
def _check_sources(m: Mechanism) -> Iterator[Finding]:
    for path, record_id in _flat(m).missing:
        yield _finding("missing-source", Truth.YES, f"{path} cites no source", record_id, path=path)
    for record, owner, where in _walked(m):
        if isinstance(record, Sourced) and not record.sources:
            path = path_of(where)
            yield _finding("missing-source", Truth.YES, f"{path} cites no source", _name(owner, where), path=path)


# Dates --------------------------------------------------------------------------------------------


def _after_end(end: PartialDate, day: PartialDate) -> Truth:
    """Whether ``day`` falls on or after ``end``, the first day outside a half-open span."""
    if day.lo >= end.hi:
        return Truth.YES
    if day.hi < end.lo:
        return Truth.NO
    return Truth.MAYBE


@rule(
    "span-order",
    "Dates out of order: an end before its start, a confirmation or attestation outside its tenure, "
    "a membership history not oldest first, or a rotation that ends before it begins.",
)
def _check_span_order(m: Mechanism) -> Iterator[Finding]:
    # Most tenures are settled without building anything: find the others in one comprehension.
    unsettled = [
        t
        for t in m.tenures
        if t.attested or t.confirmed or not (t.start is None or t.end is None or t.end.lo >= t.start.hi)
    ]
    for t in unsettled:
        checks: list[tuple[Truth, str]] = []
        if t.start is not None:
            if t.end is not None:
                checks.append((t.end.before(t.start), f"ends ({t.end}) before it starts ({t.start})"))
            if t.confirmed is not None:
                checks.append((t.confirmed.before(t.start), f"is confirmed ({t.confirmed}) before it starts"))
            checks.extend((a.before(t.start), f"is attested on {a}, before it starts ({t.start})") for a in t.attested)
        if t.end is not None:
            if t.confirmed is not None:
                checks.append((_after_end(t.end, t.confirmed), f"is confirmed ({t.confirmed}) after it ends"))
            checks.extend((_after_end(t.end, a), f"is attested on {a}, after it ends ({t.end})") for a in t.attested)
        for truth, what in checks:
            if truth is not Truth.NO:
                yield _finding("span-order", truth, f"tenure {t.id} {what}", t.id)
    for x in [x for x in m.meetings if x.end_date is not None]:
        if x.end_date is not None and (truth := x.end_date.before(x.date)) is not Truth.NO:
            yield _finding("span-order", truth, f"meeting {x.id} ends ({x.end_date}) before it starts ({x.date})", x.id)
    for b in m.all_bodies:
        if b.founded and b.dissolved and (truth := b.dissolved.before(b.founded)) is not Truth.NO:
            message = f"body {b.id} is dissolved ({b.dissolved}) before it is founded ({b.founded})"
            yield _finding("span-order", truth, message, b.id)
    for member in m.members:
        for earlier, later in zip(member.history, member.history[1:], strict=False):
            if (truth := later.since.before(earlier.since)) is not Truth.NO:
                message = f"member {member.id}'s history is not oldest first ({later.since} after {earlier.since})"
                yield _finding("span-order", truth, message, member.id)
    policy = m.rotation
    if policy is not None and policy.until is not None and policy.until < policy.first_year:
        message = f"the rotation of {policy.body} ends ({policy.until}) before it begins ({policy.first_year})"
        yield _finding("span-order", Truth.YES, message, "$.rotation")


# Tenures ------------------------------------------------------------------------------------------

MAX_LISTED = 50
"""The most tenure ids one ``tenure-overlap`` finding lists (its message says how many more there are)."""


def overlap(a: Tenure, b: Tenure) -> Truth:
    """Whether two tenures share at least one day, on their own dates (`Tenure.span`).

    Args:
        a: A tenure.
        b: Another tenure.

    Returns:
        YES when both certainly held office on a common day, NO when they certainly did not,
        MAYBE when partial or unknown dates leave it open. ``validate()`` compares the spans
        the mechanism settles (`Mechanism.span`), which also apply ``as_of`` and seats.
    """
    return a.span().overlaps(b.span())


@rule(
    "tenure-overlap",
    "More people hold a post at once than it has seats (overlaps the data marks as allowed are not counted).",
)
def _check_overlaps(m: Mechanism) -> Iterator[Finding]:
    """One finding per stretch of days on which a post is crowded, listing the tenures present there.

    The spans compared are the settled ones (`Mechanism.span`); a possible crowd with the
    same tenures as a certain one is not reported again.
    """
    posts = {p.id: p for p in m.posts}
    allowed = attrgetter("overlap_allowed")
    for post_id, index in m.tenures_by_post.items():
        post = posts.get(post_id)
        seats = 1 if post is None else post.seats
        tenures = index.tenures
        if seats is None or len(tenures) <= seats:  # the number of seats is unknown; too few to crowd it
            continue
        columns = index.columns()  # certain_from, certain_until, possible_from, possible_until
        kept: Sequence[int] = range(len(tenures))
        if any(map(allowed, tenures)):
            kept = [i for i, t in enumerate(tenures) if not t.overlap_allowed]
            columns = tuple([column[i] for i in kept] for column in columns)  # type: ignore[assignment]
        certain_from, certain_until, possible_from, possible_until = columns
        possible = _stretches(possible_from, possible_until, seats)
        if not possible:  # no day with too many possible holders: nothing certain either
            continue
        certain = _stretches(certain_from, certain_until, seats)
        reported: set[tuple[int, ...]] = set()
        for truth, stretches in ((Truth.YES, certain), (Truth.MAYBE, possible)):
            for _, _, crowd in stretches:
                key = tuple(crowd)
                if key in reported:  # the same tenures in another stretch, or already reported as certain
                    continue
                reported.add(key)
                listed = [tenures[kept[i]] for i in crowd[:MAX_LISTED]]
                yield _overlap_finding(post_id, seats, truth, listed, len(crowd))


def _overlap_finding(post_id: str, seats: int, truth: Truth, listed: list[Tenure], count: int) -> Finding:
    """The finding of a crowd of ``count`` tenures, of which ``listed`` are the first (at most `MAX_LISTED`)."""
    names = ", ".join(t.person for t in listed[:10]) + (f" and {count - 10} more" if count > 10 else "")
    if seats == 1:
        message = f"{names} hold {post_id} at the same time"
    else:
        message = f"{count} people ({names}) hold {post_id} at once; it has {seats} seats"
    if count > MAX_LISTED:
        message += f" (the first {MAX_LISTED} tenures are listed)"
    return _finding("tenure-overlap", truth, message, *(t.id for t in listed))


Stretch = tuple[int, int, list[int]]
"""A crowded stretch: its first day, the day after its last, and the positions of the ranges in it, ascending."""

_VECTOR = 64
"""From how many values on the rules sort and search with numpy, when numpy is installed (see `_numpy`)."""


def _stretches(lo: Sequence[int], hi: Sequence[int], seats: int) -> list[Stretch]:
    """Each maximal stretch of days inside more than ``seats`` of the half-open ranges ``[lo[i], hi[i])``, in order.

    Two crowded stretches that touch (one ends the day the other starts) are one. Many ranges
    go to `_stretches_numpy` when numpy is installed, others to `_stretches_plain`: the same answer.
    """
    return _stretches_plain(lo, hi, seats) if _numpy(len(lo)) is None else _stretches_numpy(lo, hi, seats)


def _numpy(size: int) -> Any:
    """numpy, to work on ``size`` values at once; None for fewer than `_VECTOR`, or when numpy is not installed."""
    if size < _VECTOR:
        return None
    try:
        import numpy
    except ImportError:  # pragma: no cover - the plain paths are tested on their own
        return None
    return numpy


def _stretches_plain(lo: Sequence[int], hi: Sequence[int], seats: int) -> list[Stretch]:
    """`_stretches` in plain Python: one sweep over the sorted starts and ends, then a bisect per range.

    O(n log n) plus the size of the answer.
    """
    live = [i for i in range(len(lo)) if lo[i] < hi[i]]
    if len(live) <= seats:
        return []
    starts = sorted([lo[i] for i in live])
    ends = sorted([hi[i] for i in live])
    stretch_starts: list[int] = []
    stretch_ends: list[int] = []
    count = j = 0
    for day in starts:
        while ends[j] <= day:  # a range ending on a day does not meet one starting on it
            count -= 1
            if count == seats:
                stretch_ends.append(ends[j])
            j += 1
        count += 1
        if count == seats + 1:
            if stretch_ends and stretch_ends[-1] == day:  # crowded again the same day: one stretch
                stretch_ends.pop()
            else:
                stretch_starts.append(day)
    if len(stretch_ends) < len(stretch_starts):
        stretch_ends.append(ends[j + count - seats - 1])
    if not stretch_starts:
        return []
    members: list[list[int]] = [[] for _ in stretch_starts]
    for i in live:
        for k in range(bisect_right(stretch_ends, lo[i]), bisect_left(stretch_starts, hi[i])):
            members[k].append(i)
    return list(zip(stretch_starts, stretch_ends, members, strict=True))


def _stretches_numpy(lo: Sequence[int], hi: Sequence[int], seats: int) -> list[Stretch]:
    """`_stretches` with numpy: the sweep as a running sum over the sorted starts and ends, the members by search."""
    import numpy as np

    los, his = np.asarray(lo, dtype=np.int64), np.asarray(hi, dtype=np.int64)
    live = los < his
    starts, ends = np.sort(los[live]), np.sort(his[live])
    n = starts.size
    # How many ranges run just after each start: if never more than the seats, nothing is crowded (the usual case).
    if n <= seats or int((np.arange(1, n + 1) - np.searchsorted(ends, starts, "right")).max()) <= seats:
        return []
    days = np.concatenate((ends, starts))
    steps = np.concatenate((np.full(n, -1, dtype=np.int64), np.ones(n, dtype=np.int64)))
    order = np.lexsort((steps, days))  # by day, ends before starts on the same day
    days, steps = days[order], steps[order]
    count = np.cumsum(steps)
    opened = days[(steps == 1) & (count == seats + 1)]
    closed = days[(steps == -1) & (count == seats)]
    rejoined = closed[:-1] == opened[1:]  # crowded again the same day: one stretch
    first = opened[np.concatenate(([True], ~rejoined))]
    after = closed[np.concatenate((~rejoined, [True]))]
    begin = np.searchsorted(after, los, "right")
    counts = np.where(live, np.maximum(np.searchsorted(first, his, "left") - begin, 0), 0)
    positions = np.repeat(np.arange(los.size), counts)
    offsets = np.arange(positions.size) - np.repeat(np.cumsum(counts) - counts, counts)
    stretch = np.repeat(begin, counts) + offsets
    positions = positions[np.argsort(stretch, kind="stable")].tolist()
    bounds = [0, *np.cumsum(np.bincount(stretch, minlength=first.size)).tolist()]
    spans = zip(first.tolist(), after.tolist(), strict=True)
    return [(a, b, positions[bounds[k] : bounds[k + 1]]) for k, (a, b) in enumerate(spans)]


@rule("incompatible-posts", "One person holds two posts the model marks incompatible at the same time.")
def _check_incompatible(m: Mechanism) -> Iterator[Finding]:
    clash: set[tuple[str, str]] = set()
    for post in m.posts:
        for other in post.incompatible_with:
            clash.update({(post.id, other), (other, post.id)})
    indexes = {a: m.tenures_by_post[a] for a, _ in clash if a in m.tenures_by_post}
    persons = {a: list(map(attrgetter("person"), index.tenures)) for a, index in indexes.items()}
    held_by = {a: set(names) for a, names in persons.items()}
    # Only people who held two posts that clash, each at some time, may hold them at once.
    suspects = set().union(*(held_by[a] & held_by[b] for a, b in clash if a in held_by and b in held_by))
    if not suspects:
        return
    # The settled spans (`Mechanism.span`) of their tenures in those posts, from the indexes' columns, by person.
    rows: dict[str, list[_Bounds]] = defaultdict(list)
    for a, index in indexes.items():
        certain_from, certain_until, possible_from, possible_until = index.columns()
        spans = zip(possible_from, possible_until, certain_from, certain_until, index.tenures, strict=True)
        names = persons[a]
        if names and names.count(names[0]) == len(names):  # one person only: no check per tenure
            if names[0] in suspects:
                rows[names[0]].extend(spans)
            continue
        for name, span in zip(names, spans, strict=True):
            if name in suspects:
                rows[name].append(span)
    position: dict[int, int] = {}  # of each tenure in the data, on first need
    found: list[tuple[int, int, int, Truth, str]] = []
    for person, held in rows.items():
        held.sort(key=itemgetter(0))
        reach = itertools.accumulate(map(itemgetter(1), held), max)
        if not any(map(operator.gt, reach, map(itemgetter(0), held[1:]))):
            continue  # each tenure may start only after all before it have ended: none at once
        if not position:
            position = dict(zip(map(id, m.tenures), itertools.count()))
        pairs = _clashing_pairs(held, clash, position)
        first_held = min(position[id(row[4])] for row in held)  # people in the order of their first tenure
        found.extend((first_held, i, j, truth, person) for i, j, truth in pairs)
    tenures = m.tenures
    for _, i, j, truth, person in sorted(found, key=itemgetter(0, 1, 2)):  # in the order of the data
        first, second = tenures[i], tenures[j]
        message = f"{person} holds {first.post} and {second.post} at the same time"
        yield _finding("incompatible-posts", truth, message, first.id, second.id)


_Bounds = tuple[int, int, int, int, Tenure]
"""A tenure's settled span as ``(possible_from, possible_until, certain_from, certain_until, tenure)``."""


def _clashing_pairs(
    held: list[_Bounds], clash: set[tuple[str, str]], position: dict[int, int]
) -> list[tuple[int, int, Truth]]:
    """``(i, j, truth)`` for the tenures of one person, by first possible day, in clashing posts that may overlap.

    ``i < j`` are the tenures' positions in the data. A sweep by first possible day: only tenures
    that may still run are compared, not every pair.
    """
    running: list[_Bounds] = []
    pairs: list[tuple[int, int, Truth]] = []
    for span in held:
        opens, t = span[0], span[4]
        running = [row for row in running if row[1] > opens]
        for other in running:
            if (t.post, other[4].post) in clash:
                if max(other[2], span[2]) < min(other[3], span[3]):  # as Span.overlaps
                    truth = Truth.YES
                elif max(other[0], opens) < min(other[1], span[1]):
                    truth = Truth.MAYBE
                else:
                    continue
                i, j = position[id(t)], position[id(other[4])]
                pairs.append((min(i, j), max(i, j), truth))
        running.append(span)
    return pairs


# Meetings -----------------------------------------------------------------------------------------


@rule("meeting-outside-body", "A meeting is dated before its body was founded or on or after it was dissolved.")
def _check_meeting_lifetime(m: Mechanism) -> Iterator[Finding]:
    bodies = {b.id: b for b in m.all_bodies}
    dated = {key: b for key, b in bodies.items() if b.founded is not None or b.dissolved is not None}
    if not dated:  # no body with a known life: no meeting to check
        return
    for x in m.meetings:
        body = dated.get(x.body)
        if body is None:
            continue
        if body.founded is not None and (truth := x.last_date.before(body.founded)) is not Truth.NO:
            message = f"{x.id} ({x.date}) is before {body.id} was founded ({body.founded})"
            yield _finding("meeting-outside-body", truth, message, x.id, body.id)
        if body.dissolved is not None and (truth := _after_end(body.dissolved, x.date)) is not Truth.NO:
            message = f"{x.id} ({x.date}) is after {body.id} was dissolved ({body.dissolved})"
            yield _finding("meeting-outside-body", truth, message, x.id, body.id)


def _not_member(member: Member, date: PartialDate) -> Truth:
    """Whether a member was not a full member on a day that ``date`` leaves open.

    ``Member.is_member`` changes only on the first or last day a change may be, so those
    days and the ends of the date's range are the only ones to try.
    """
    days = {date.lo, date.hi}
    for change in member.history:
        days.update(d for d in (change.since.lo, change.since.hi) if date.lo <= d <= date.hi)
    answers = {member.is_member(datetime.date.fromordinal(d)) for d in days}
    if answers == {Truth.YES}:
        return Truth.NO
    if answers == {Truth.NO}:
        return Truth.YES
    return Truth.MAYBE


@rule(
    "host-not-member",
    "A symposium's host was not a full member on the meeting's date (a member with no recorded history is "
    "taken to be a member throughout).",
)
def _check_host_member(m: Mechanism) -> Iterator[Finding]:
    members = {x.id: x for x in m.members}
    changed = {key: member for key, member in members.items() if member.history}
    if not changed:  # every member taken to be one throughout
        return
    for x in m.symposia:
        member = changed.get(x.host) if x.host is not None else None
        if member is None:
            continue
        if (truth := _not_member(member, x.date)) is not Truth.NO:
            message = f"{member.id} hosted {x.id} ({x.date}) but was not a full member then"
            yield _finding("host-not-member", truth, message, x.id, member.id)


def _by_date(meetings: list[Meeting]) -> list[Meeting]:
    """Meetings by the `PartialDate.sort_key` of their dates, then id; the keys made without a call per meeting."""
    dates = list(map(attrgetter("date"), meetings))
    lo = list(map(attrgetter("lo"), dates))
    if all(map(operator.lt, lo, itertools.islice(lo, 1, None))):  # one meeting a day, in order: nothing to sort
        return list(meetings)
    # On the same first day a coarser date spans more days: minus its width sorts as its precision does.
    widths = map(operator.sub, lo, map(attrgetter("hi"), dates))
    keys = list(zip(lo, widths, map(attrgetter("id"), meetings), strict=True))
    return list(map(meetings.__getitem__, sorted(range(len(meetings)), key=keys.__getitem__)))


def _by_body(m: Mechanism) -> dict[str, list[Meeting]]:
    """Each body's meetings by date (`_by_date`), bodies in the order of their first meeting, once per run."""
    found: dict[str, list[Meeting]] = _shared(m, "meetings by body", _meetings_by_body)
    return found


def _meetings_by_body(m: Mechanism) -> dict[str, list[Meeting]]:
    meetings = list(m.meetings)
    bodies = list(map(attrgetter("body"), meetings))
    if bodies and bodies.count(bodies[0]) == len(bodies):  # one body (the symposium, mostly): no grouping
        return {bodies[0]: _by_date(meetings)}
    return {body: _by_date(held) for body, held in group(meetings, "body").items()}


@rule("rotation-deviation", "A meeting's host is not the one the rotation policy expects for its year.")
def _check_rotation(m: Mechanism) -> Iterator[Finding]:
    policy = m.rotation
    if policy is None:
        return
    hosted = [x for x in _by_body(m).get(policy.body, ()) if x.host is not None]
    years = list(map(attrgetter("date.year"), hosted))
    hosts = policy.hosts_for(years)
    governed = {year for year in hosts if policy.governs(year)}
    for x, year in zip(hosted, years, strict=True):
        expected = hosts[year]
        if x.host != expected and year in governed:
            wanted = f"{expected} to host" if expected else "no meeting"
            message = f"{x.id}: the rotation expects {wanted} in {year}, but {x.host} hosted"
            yield _finding("rotation-deviation", Truth.YES, message, x.id, x.host, expected, severity=Severity.WARNING)


@rule(
    "next-host-mismatch",
    "A meeting decided who would host the next one, and a different member hosted it.",
)
def _check_next_host(m: Mechanism) -> Iterator[Finding]:
    if all(map(operator.is_, map(attrgetter("next_host"), m.meetings), itertools.repeat(None))):
        return  # no meeting decided a host: nothing to sort
    for ordered in _by_body(m).values():
        hosts = list(map(attrgetter("host"), ordered))
        years = list(map(attrgetter("date.year"), ordered))  # in order, as the meetings are
        nexts = list(map(attrgetter("next_host"), ordered))
        np = _numpy(len(ordered))
        decisions = _decisions(nexts) if np is None else _unsettled(np, ordered, hosts, years, nexts)
        if not decisions:
            continue
        hosted = Counter(itertools.compress(years, map(operator.is_not, hosts, itertools.repeat(None))))
        times = Counter(zip(years, hosts, strict=True))  # how many meetings each member hosted in each year
        for i in decisions:
            x, decided, host = ordered[i], nexts[i], hosts[i]
            year = x.next_host_year
            if year is None:  # the next meeting of the body, whenever it was held
                if i + 1 == len(ordered) or hosts[i + 1] is None or hosts[i + 1] == decided:
                    continue
                y = ordered[i + 1]
            else:  # the year's meetings with a host, but this one: in O(1), however many there are
                own = host is not None and years[i] == year  # this meeting is among them
                if hosted[year] == own or times[year, decided] > (own and host == decided):
                    continue
                j = bisect_left(years, year)  # the year's first meeting with a host, but this one
                while hosts[j] is None or ordered[j] is x:
                    j += 1
                y = ordered[j]
            message = f"{x.id} decided that {decided} would host in {year or years[i + 1]}, but {y.host} hosted {y.id}"
            yield _finding(
                "next-host-mismatch", Truth.YES, message, x.id, y.id, decided, y.host, severity=Severity.WARNING
            )


def _decisions(nexts: list[Any]) -> list[int]:
    """The positions of the meetings that decided a next host."""
    return list(itertools.compress(range(len(nexts)), map(operator.is_not, nexts, itertools.repeat(None))))


def _unsettled(np: Any, ordered: list[Meeting], hosts: list[Any], years: list[int], nexts: list[Any]) -> list[int]:
    """The positions of the decisions in ``ordered`` that `_check_next_host` must look at, found with numpy.

    Those without a year, and those with one that no other meeting of the year may follow (the
    same counts as the rule's: its meetings with a host, and how many the decided member hosted).
    """
    code = {name: k for k, name in enumerate(dict.fromkeys(itertools.chain((None,), hosts, nexts)))}
    host = np.fromiter(map(code.__getitem__, hosts), np.int64, len(hosts))
    decided = np.fromiter(map(code.__getitem__, nexts), np.int64, len(nexts))
    year = np.asarray(years, np.int64)
    try:
        asked = np.array(list(map(attrgetter("next_host_year"), ordered)), dtype=float)  # NaN where None
    except OverflowError:  # a year past any float: the plain way
        return _decisions(nexts)
    dated = ~np.isnan(asked)
    target = np.where(dated, np.clip(asked, -1, 10_000), -1).astype(np.int64)  # years of meetings are 1 to 9999
    hosted = host != 0

    def count(values: Any, keys: Any) -> Any:
        """How many times each key is among the values."""
        table, counts = np.unique(values, return_counts=True)
        if not table.size:
            return np.zeros(keys.size, np.int64)
        at = np.minimum(np.searchsorted(table, keys), table.size - 1)
        return np.where(table[at] == keys, counts[at], 0)

    own = hosted & (year == target)  # the decision's meeting is one of the year's
    others = count(year[hosted], target) - own
    times = count(year[hosted] * len(code) + host[hosted], target * len(code) + decided) - (own & (host == decided))
    settled = dated & ((others == 0) | (times > 0))
    return np.flatnonzero((decided != 0) & ~settled).tolist()  # type: ignore[no-any-return]


def _held_at(span: Span, x: Meeting) -> Truth:
    """Whether a tenure covered a meeting's (first) day."""
    if span.certain_from <= x.date.lo and x.date.hi < span.certain_until:
        return Truth.YES
    if span.possible_until <= x.date.lo or span.possible_from > x.last_date.hi:
        return Truth.NO
    return Truth.MAYBE


class _Spans:
    """The settled spans of one person in one post, to check a meeting's day against all of them with two bisects.

    Args:
        certain_from: Where each span's certain range starts.
        certain_until: Where each span's certain range ends (the day after).
        possible_from: Where each span's possible range starts.
        possible_until: Where each span's possible range ends (the day after).
    """

    def __init__(
        self,
        certain_from: Sequence[int],
        certain_until: Sequence[int],
        possible_from: Sequence[int],
        possible_until: Sequence[int],
    ) -> None:
        self.columns = (certain_from, certain_until, possible_from, possible_until)
        self._certain: tuple[Sequence[int], Sequence[int]] | None = None  # made on first need
        self._possible: tuple[Sequence[int], Sequence[int]] | None = None

    def held_at(self, lo: int, hi: int, last: int) -> Truth:
        """Whether one of the tenures covered a meeting's first day, ``lo`` to ``hi``, the meeting ending by ``last``.

        The OR of `_held_at` over the spans: YES when one certainly covers the day (among the spans
        certain from ``lo`` or earlier, the one certain furthest), NO when none may (none that may
        start by ``last`` may run past ``lo``), MAYBE otherwise.
        """
        if self._certain is None:
            self._certain = _reaching(self.columns[0], self.columns[1])
        starts, reach = self._certain
        i = bisect_right(starts, lo) - 1
        if i >= 0 and reach[i] > hi:
            return Truth.YES
        if self._possible is None:
            self._possible = _reaching(self.columns[2], self.columns[3])
        starts, reach = self._possible
        i = bisect_right(starts, last) - 1
        return Truth.MAYBE if i >= 0 and reach[i] > lo else Truth.NO

    def not_held(self, meetings: list[Meeting]) -> list[tuple[int, Truth]]:
        """``(position, MAYBE or NO)`` of the meetings whose first day no tenure certainly covers (`held_at`).

        Many meetings are checked at once with numpy when it is installed: the same two searches.
        """
        np = _numpy(len(meetings))
        if np is None:
            return self._not_held(meetings)
        dates = list(map(attrgetter("date"), meetings))
        lo = np.fromiter(map(attrgetter("lo"), dates), np.int64, len(dates))
        hi = np.fromiter(map(attrgetter("hi"), dates), np.int64, len(dates))
        starts, ends = np.asarray(self.columns[0], np.int64), np.asarray(self.columns[1], np.int64)
        if starts.size > 1 and (starts[1:] < starts[:-1]).any():
            order = np.argsort(starts, kind="stable")
            starts, ends = starts[order], ends[order]
        i = np.searchsorted(starts, lo, "right") - 1  # held_at, for all at once
        missed = np.flatnonzero((i < 0) | (np.maximum.accumulate(ends)[i] <= hi)).tolist()
        if not missed:
            return []
        maybe = self._not_held(list(map(meetings.__getitem__, missed)))  # a few, mostly
        return [(missed[k], truth) for k, truth in maybe]

    def _not_held(self, meetings: list[Meeting]) -> list[tuple[int, Truth]]:
        found: list[tuple[int, Truth]] = []
        for k, x in enumerate(meetings):
            date = x.date
            if (truth := self.held_at(date.lo, date.hi, (x.end_date or date).hi)) is not Truth.YES:
                found.append((k, truth))
        return found


def _reaching(starts: Sequence[int], untils: Sequence[int]) -> tuple[Sequence[int], list[int]]:
    """The starts of half-open ranges in order, and the furthest end of the ranges up to each."""
    if all(map(operator.le, starts, itertools.islice(starts, 1, None))):  # as a post's index keeps them, mostly
        return starts, list(itertools.accumulate(untils, max))
    order = sorted(range(len(starts)), key=starts.__getitem__)
    return list(map(starts.__getitem__, order)), list(itertools.accumulate(map(untils.__getitem__, order), max))


def _post_spans(index: PostTenures) -> dict[str, _Spans]:
    """The `_Spans` of each person who held a post, from the settled columns of its index."""
    persons = list(map(attrgetter("person"), index.tenures))
    columns = index.columns()
    if persons and persons.count(persons[0]) == len(persons):  # one person only: the columns as they are
        return {persons[0]: _Spans(*columns)}
    positions: dict[str, list[int]] = defaultdict(list)
    for i, person in enumerate(persons):
        positions[person].append(i)
    return {person: _Spans(*(list(map(c.__getitem__, at)) for c in columns)) for person, at in positions.items()}


@rule(
    "attendee-not-in-office",
    "A meeting records an attendee in a post that the person did not hold on the meeting's date.",
)
def _check_attendees(m: Mechanism) -> Iterator[Finding]:
    people: set[str] = set()
    posts: set[str] = set()
    asked: dict[tuple[str, str], list[int]] = defaultdict(list)  # by (person, post): positions in `checked`
    checked: list[Meeting] = []  # the meeting of each attendance to check, in the order of the data
    for x in m.meetings:
        for a in x.attendees:
            person, post = a.person, a.post
            if post is None:  # a guest
                continue
            if not posts:
                people, posts = {p.id for p in m.people}, {p.id for p in m.posts}
            if person in people and post in posts:  # else a dangling id, reported as such
                asked[person, post].append(len(checked))
                checked.append(x)
    by_post = m.tenures_by_post
    held_in: dict[str, dict[str, _Spans]] = {}  # by post, on first need
    found: list[tuple[int, Finding]] = []
    for (person, post), positions in asked.items():
        spans = held_in.get(post)
        if spans is None:
            index = by_post.get(post)
            spans = held_in[post] = {} if index is None else _post_spans(index)
        held_by = spans.get(person)
        meetings = list(map(checked.__getitem__, positions))
        missed = [(k, Truth.NO) for k in range(len(meetings))] if held_by is None else held_by.not_held(meetings)
        for k, held in missed:
            x = meetings[k]
            message = f"{person} is recorded at {x.id} ({x.date}) as {post}, a post they did not hold then"
            found.append((positions[k], _finding("attendee-not-in-office", ~held, message, x.id, person, post)))
    found.sort(key=itemgetter(0))  # in the order of the data
    for _, finding in found:
        yield finding


# Plans --------------------------------------------------------------------------------------------


_Series = tuple[list[Plan], list[int], list[int]]
"""A series' plans with known years, by first year then last, with their first and last years."""


def _series(m: Mechanism) -> list[_Series]:
    """Each series' plans with known years (`_Series`), once per run.

    A plan without a last year covers its first year only, as in [`Plan.in_force`][yrdmodel.Plan.in_force].
    """
    found: list[_Series] = _shared(m, "plan series", _plan_series)
    return found


def _plan_series(m: Mechanism) -> list[_Series]:
    plans = list(m.plans)
    series = list(map(attrgetter("series"), plans))
    firsts = list(map(attrgetter("first_year"), plans))
    if None in series or None in firsts:
        plans = [p for p in plans if p.series is not None and p.first_year is not None]
        series, firsts = list(map(attrgetter("series"), plans)), list(map(attrgetter("first_year"), plans))
    if not plans:
        return []
    if series.count(series[0]) == len(series):  # one series: no grouping
        groups = [(plans, firsts)]
    else:
        groups = [(held, list(map(attrgetter("first_year"), held))) for held in group(plans, "series").values()]
    found = []
    for held, first_years in groups:
        lasts = list(map(attrgetter("last_year"), held))
        if None in lasts:
            lasts = [first if last is None else last for first, last in zip(first_years, lasts, strict=True)]
        columns = (held, first_years, lasts)
        keys = list(zip(first_years, lasts, strict=True))
        if not all(map(operator.le, keys, itertools.islice(keys, 1, None))):  # else in order already
            order = sorted(range(len(held)), key=keys.__getitem__)
            columns = tuple(list(map(column.__getitem__, order)) for column in columns)  # type: ignore[assignment]
        found.append(columns)
    return found


_NAMED = 5
"""The most plans a ``plan-series-overlap`` message names; the finding's ids name them all."""


@rule(
    "plan-series-overlap",
    "Plans of one series cover a common year: one finding per stretch of years that two or more of them cover, "
    "naming every plan in it.",
)
def _check_plan_overlap(m: Mechanism) -> Iterator[Finding]:
    """One finding per stretch of years in which more than one plan of a series is in force, naming every plan in it.

    A series has one plan in force at a time, as a post of one seat has one holder: years that
    several plans cover are reported as ``tenure-overlap`` reports the days a post is crowded,
    one finding per crowded stretch, so that a crowd of plans is one finding, not one per plan
    or per pair. The finding's ids name every plan of the stretch, by first year (its message
    names the first few): each plan that shares a year with another is named, both plans of
    each such pair are named in one finding, and which of them share which years their own
    years tell.
    """
    for plans_of, firsts, lasts in _series(m):
        if len(plans_of) < 2:
            continue
        ends = list(map(operator.add, lasts, itertools.repeat(1)))  # half-open ranges of years
        for first, after, crowd in _stretches(firsts, ends, 1):
            plans = plans_of if len(crowd) == len(plans_of) else list(map(plans_of.__getitem__, crowd))
            years = f"{first}" if after == first + 1 else f"{first}-{after - 1}"
            if len(plans) == 2:
                message = f"{plans[0].id} and {plans[1].id} of series {plans[0].series} both cover {years}"
            else:
                more = f" and {len(plans) - _NAMED} more" if len(plans) > _NAMED else ""
                names = ", ".join(p.id for p in plans[:_NAMED]) + more
                message = f"{len(plans)} plans of series {plans[0].series} ({names}) cover {years}, two or more a year"
            ids = tuple(dict.fromkeys(map(attrgetter("id"), plans)))  # as _finding names them, for many at once
            yield Finding("plan-series-overlap", Severity.ERROR, shorten(message), ids)


@rule("plan-series-gap", "Successive plans of one series leave years that no plan covers.")
def _check_plan_gap(m: Mechanism) -> Iterator[Finding]:
    for plans, firsts, lasts in _series(m):
        for k, covered, j in _gaps(firsts, lasts):
            plan, furthest = plans[k], plans[j]
            years = f"{covered + 1}" if firsts[k] == covered + 2 else f"{covered + 1}-{firsts[k] - 1}"
            message = f"no plan of series {plan.series} covers {years}, between {furthest.id} and {plan.id}"
            yield _finding("plan-series-gap", Truth.YES, message, furthest.id, plan.id, severity=Severity.WARNING)


def _gaps(firsts: list[int], lasts: list[int]) -> list[tuple[int, int, int]]:
    """``(k, covered, j)`` for each range ``k`` (by first year) that starts more than a year after ``covered``.

    ``covered`` is the last year the ranges before ``k`` reach, and ``j`` the first of them to reach it.
    With numpy (when installed) for many ranges, else in plain Python: the same answer.
    """
    np = _numpy(len(firsts))
    if np is not None:
        reach_of = np.maximum.accumulate(np.asarray(lasts, np.int64))
        late = (np.flatnonzero(np.asarray(firsts[1:], np.int64) > reach_of[:-1] + 1) + 1).tolist()
        covered_of = reach_of[np.asarray(late, np.int64) - 1]
        furthest = np.searchsorted(reach_of, covered_of, "left").tolist()
        return list(zip(late, covered_of.tolist(), furthest, strict=True))
    reach = list(itertools.accumulate(lasts, max))
    late_at = itertools.compress(
        range(1, len(firsts)), map(operator.gt, firsts[1:], map(operator.add, reach, itertools.repeat(1)))
    )
    return [(k, reach[k - 1], bisect_left(reach, reach[k - 1])) for k in late_at]


# Support --------------------------------------------------------------------------------------------


@rule(
    "weak-support",
    "A record claims more confidence than the kinds of the sources it cites allow (see confidence_allowed).",
)
def _check_support(m: Mechanism) -> Iterator[Finding]:
    for path, record, why in _flat(m).weak:
        yield _weak(path, record, why)
    cited = _cited(m)
    graded = cited.by_tuple
    sourced: dict[type, bool] = {}
    for record, _, where in _walked(m):
        cls = record.__class__
        is_sourced = sourced.get(cls)
        if is_sourced is None:
            is_sourced = sourced[cls] = issubclass(cls, Sourced)
        citations = record.sources if is_sourced else None
        if citations and record.confidence not in (grade := graded.get(id(citations)) or cited(citations))[1]:
            yield _weak(path_of(where), record, grade[2])


def _weak(path: str, record: Any, why: str) -> Finding:
    """The ``weak-support`` finding of a record."""
    name = str(getattr(record, "id", path))
    message = shorten(f"{path} ({name}) is {record.confidence.value} {why}")
    return Finding("weak-support", Severity.WARNING, message, (name,), False, path)
