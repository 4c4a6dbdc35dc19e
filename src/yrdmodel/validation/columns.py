"""Whole-column checks: the parts of a mechanism that cannot hold a problem of the per-record rules.

The ``duplicate-id``, ``dangling-id``, ``missing-source``, ``weak-support`` and ``span-order`` rules look
at every record. Most data has none of these problems, so `validate` first asks here, with set operations
over columns of one attribute, and checks record by record only where a column check fails: a check that
passes proves that the per-record code finds nothing there, so both give the same findings in the same order.

A check may fail where there is no problem (it is then only slower); it never passes where there is one.
A column that holds one value throughout (one post, one list of citations that the records share) is
checked once.
"""

import functools
from collections.abc import Callable, Mapping, Sequence
from itertools import chain, compress, repeat
from operator import is_, is_not
from typing import Any, get_args

import attrs

from yrdmodel.model.schema import record_classes, references
from yrdmodel.model.sources import Confidence, Sourced
from yrdmodel.model.walk import nested_fields

__all__ = ["Columns", "Grade", "clean", "tenures_repeat"]

Grade = tuple[list[tuple[int, str]], tuple[Confidence, ...], str]
"""What a list of citations says: ``(index, id)`` of its unknown sources, the confidences it allows, and why."""

Checks = Mapping[type, Sequence[tuple[str, set[Any]]]]
"""By record class, its fields that hold ids, each with the ids it may name."""

_PRESENT = functools.partial(is_not, None)


@functools.cache
def _getter(cls: type, name: str) -> Callable[[Sequence[Any]], list[Any]]:
    """``[r.name for r in records]`` for records of one class: a comprehension, faster than ``attrgetter``.

    The source is made, as attrs makes its methods, from the names of a record class's attributes
    (``"post"``, ``"__class__"``), never from data; a name that is not an identifier is refused.
    """
    _identifier(name)
    getter: Callable[[Sequence[Any]], list[Any]] = eval(f"lambda records: [r.{name} for r in records]")
    return getter


def _identifier(name: str) -> None:
    """Refuse to make code of anything but an attribute name (see `_getter`)."""
    if not name.isidentifier():
        raise ValueError(f"not an attribute name: {name!r}")


class Columns(dict[str, list[Any]]):
    """The columns of some records of one class, each made the first time it is asked for.

    Attributes:
        records: The records.
    """

    def __init__(self, records: Sequence[Any]) -> None:
        super().__init__()
        self.records = records
        self._distinct: dict[str, set[Any]] = {}

    def __missing__(self, name: str) -> list[Any]:
        records = self.records
        found = self[name] = _getter(records[0].__class__, name)(records) if records else []
        return found

    def distinct(self, name: str) -> set[Any]:
        """The distinct values of a column (kept: do not change it)."""
        found = self._distinct.get(name)
        if found is None:
            found = self._distinct[name] = set(_one(self[name]))
        return found


def _one(values: list[Any]) -> list[Any]:
    """``values``, or its first item alone when all are it (one post, citations the records share)."""
    if not values or values[-1] is not values[0] or values[len(values) // 2] is not values[0]:
        return values
    return values[:1] if values.count(values[0]) == len(values) else values  # by identity, without a call


def tenures_repeat(tenures: Columns) -> bool:
    """Whether two tenures may have one id: the same post, person and start (or both no start).

    Args:
        tenures: The tenures' columns.

    Returns:
        False when no two tenures share an id.
    """
    people = tenures["person"]
    n = len(people)
    if len(tenures.distinct("person")) == n or len(tenures.distinct("post")) == n:
        return False
    posts, starts = tenures["post"], tenures["start"]
    days = {s.lo for s in starts if s is not None}
    if len(days) == n:  # all dated, each from a day of its own
        return False
    undated = list(map(is_, starts, repeat(None)))
    count = sum(undated)
    if count and len(set(compress(zip(posts, people, strict=True), undated))) < count:
        return True
    if count == n:
        return False
    dated = [s for s in starts if s is not None]
    pairs = compress(zip(posts, people, strict=True), map(_PRESENT, starts))
    return len({(*pair, s.lo, s.hi) for pair, s in zip(pairs, dated, strict=True)}) < len(dated)


def _checked(cls: Any) -> bool:
    """Whether a rule looks at records of a class: it cites sources or holds ids."""
    return issubclass(cls, Sourced) or bool(references(cls)) or "sources" in attrs.fields_dict(cls)


def _may_hold_checked(annotation: Any) -> bool:
    """Whether a field of this type may hold, at any depth, records that a rule looks at."""
    if isinstance(annotation, type):
        return attrs.has(annotation) and any(_checked(c) for c in record_classes(annotation))
    return any(_may_hold_checked(arg) for arg in get_args(annotation) if arg is not Ellipsis)


@functools.cache
def _plan(cls: type) -> tuple[bool, tuple[str, ...]]:
    """Whether records of a class cite sources, and the fields of theirs that the checks enter.

    The fields entered are those that hold records (but citations) of classes the rules look at.
    """
    sourced = "sources" in attrs.fields_dict(cls)
    types = {f.name: f.type for f in attrs.fields(attrs.resolve_types(cls))}
    return sourced, tuple(
        name for name, _ in nested_fields(cls) if name != "sources" and _may_hold_checked(types[name])
    )


def clean(records: Sequence[Any], checks: Checks, grade: Callable[[Any], Grade], given: Columns | None = None) -> bool:
    """Whether no record here or below cites no source or an unknown one, claims too much, or names an unknown id.

    Args:
        records: Records of any classes.
        checks: By record class, its fields that hold ids and the ids each may name.
        grade: What a tuple of citations says (its unknown sources and the confidences it allows).
        given: The records' columns, where some are made already.

    Returns:
        True when none of these problems is anywhere in or below the records; False when one may be.
    """
    if not records:
        return True
    first = records[0]
    cls = first.__class__
    sourced, fields = _plan(cls)
    refs = checks.get(cls, ())
    table = Columns(records) if given is None else given
    same = _same(records, _SHARED[sourced] + tuple(field for field, _ in refs))
    if "__class__" not in same:
        classes = table.distinct("__class__")
        if len(classes) > 1:
            groups: dict[type, list[Any]] = {cls: [] for cls in classes}
            for record in records:
                groups[record.__class__].append(record)
            return all(clean(group, checks, grade) for group in groups.values())
    if sourced:
        if "sources" in same and "confidence" in same:  # one list of citations, one confidence
            if not (first.sources and _graded_well(first, grade)):
                return False
        elif not _well_cited(table, grade):
            return False
    for field, names in refs:
        values = {getattr(first, field)} if field in same else table.distinct(field)
        for value in values - names:  # as the rules read a value: an id, ids, or none
            if not (value is None or (value.__class__ is tuple and names.issuperset(value))):
                return False
    return all(clean(_below(table[name]), checks, grade) for name in fields)


_SHARED = {False: ("__class__",), True: ("__class__", "sources", "confidence")}
"""The fields that records of one class, citing the same sources with the same confidence, share."""


def _same(records: Sequence[Any], names: tuple[str, ...]) -> frozenset[str]:
    """Those of the fields ``names`` that hold one value (by identity) in every record.

    The fields that hold it in the first, middle and last records are checked in one pass.
    """
    first, middle, last = records[0], records[len(records) // 2], records[-1]
    values = {name: getattr(first, name) for name in names}
    likely = tuple(n for n, v in values.items() if getattr(middle, n) is v and getattr(last, n) is v)
    if likely and _differing(first.__class__, likely)(records, *(values[n] for n in likely)):
        return frozenset()
    return frozenset(likely)


@functools.cache
def _differing(cls: type, names: tuple[str, ...]) -> Callable[..., list[Any]]:
    """``f(records, *values)``: the records whose fields ``names`` are not the values given (by identity)."""
    for name in names:
        _identifier(name)
    values = [f"v{i}" for i in range(len(names))]
    test = " or ".join(f"r.{name} is not {value}" for name, value in zip(names, values, strict=True))
    found: Callable[..., list[Any]] = eval(f"lambda records, {', '.join(values)}: [r for r in records if {test}]")
    return found


def _graded_well(record: Any, grade: Callable[[Any], Grade]) -> bool:
    """Whether a record's sources are all known and allow the confidence it claims."""
    unknown, allowed, _ = grade(record.sources)
    return not unknown and record.confidence in allowed


def _below(values: list[Any]) -> list[Any]:
    """The records a column of tuples of records holds (the only fields below the top that hold records)."""
    values = _one(values)
    if set(map(type, values)) != {tuple}:
        raise TypeError("a field that holds records holds something else")  # left to the per-record rules
    return list(chain.from_iterable(values))


def _well_cited(records: Columns, grade: Callable[[Any], Grade]) -> bool:
    """Whether every record cites sources, all known, that allow the confidence it claims."""
    citations = records["sources"]
    if not all(citations):
        return False
    claimed = records["confidence"]
    shared = _one(citations)
    if len(shared) == 1:  # records share their citations
        unknown, confidences, _ = grade(shared[0])
        return not unknown and set(map(id, _one(claimed))) <= set(map(id, confidences))
    allowed: dict[int, set[int]] = {}
    for key, cited in dict(zip(map(id, citations), citations, strict=True)).items():
        unknown, confidences, _ = grade(cited)
        if unknown:
            return False
        allowed[key] = set(map(id, confidences))
    if set(map(id, _one(claimed))) <= set.intersection(*allowed.values()):  # what the weakest citations allow
        return True
    return all(c in allowed[key] for key, c in set(zip(map(id, citations), map(id, claimed), strict=True)))
