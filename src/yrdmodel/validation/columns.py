"""Whole-column checks: the parts of a mechanism that cannot hold a problem of the per-record rules.

The ``duplicate-id``, ``dangling-id``, ``missing-source``, ``weak-support`` and ``span-order`` rules look
at every record. Most data has none of these problems, so `validate` first asks here, with set operations
over columns of one attribute (which run at C speed rather than a Python step per record), and checks
record by record only where a column check fails: a check that passes proves that the per-record code
finds nothing there, so both give the same findings in the same order.

A check may fail where there is no problem (it is then only slower); it never passes where there is one.
"""

from collections.abc import Callable, Mapping, Sequence
from functools import cache, partial
from itertools import chain, compress, repeat
from operator import and_, attrgetter, ge, is_, is_not
from typing import Any

import attrs

from yrdmodel.model.sources import Confidence, Sourced
from yrdmodel.model.walk import nested_fields

__all__ = ["Grade", "clean", "column", "ids_repeat", "plain_dates", "tenures_repeat"]

Grade = tuple[list[tuple[int, str]], tuple[Confidence, ...], str]
"""What a list of citations says: ``(index, id)`` of its unknown sources, the confidences it allows, and why."""

Checks = Mapping[type, Sequence[tuple[str, set[Any]]]]
"""By record class, its fields that hold ids, each with the ids it may name."""

_PRESENT = partial(is_not, None)


def column(records: Sequence[Any], name: str) -> list[Any]:
    """The attribute ``name`` of every record, in order."""
    return list(map(attrgetter(name), records))


def ids_repeat(ids: Sequence[Any]) -> bool:
    """Whether an id occurs twice."""
    return len(set(ids)) < len(ids)


def tenures_repeat(posts: Sequence[str], people: Sequence[str], starts: Sequence[Any]) -> bool:
    """Whether two tenures have one id: the same post, person and start (or both no start).

    Args:
        posts: The tenures' posts.
        people: Their people.
        starts: Their starts (partial dates, or None).

    Returns:
        True when two tenures share an id.
    """
    n = len(posts)
    if len(set(people)) == n or len(set(posts)) == n:
        return False
    undated = list(map(is_, starts, repeat(None)))
    count = sum(undated)
    if count and len(set(compress(zip(posts, people, strict=True), undated))) < count:
        return True
    if count == n:
        return False
    dated = [not u for u in undated]
    first = list(compress(starts, dated))
    keys = zip(
        compress(posts, dated),
        compress(people, dated),
        map(attrgetter("lo"), first),
        map(attrgetter("hi"), first),
        strict=True,
    )
    return len(set(keys)) < n - count


def plain_dates(tenures: Sequence[Any]) -> bool:
    """Whether no tenure is attested or confirmed and each that has both ends after its start's last day.

    Such tenures need no ``span-order`` check: their dates cannot be out of order.
    """
    if any(map(attrgetter("attested"), tenures)) or any(map(attrgetter("confirmed"), tenures)):
        return False
    starts, ends = column(tenures, "start"), column(tenures, "end")
    both = list(map(and_, map(is_not, starts, repeat(None)), map(is_not, ends, repeat(None))))
    return all(map(ge, map(attrgetter("lo"), compress(ends, both)), map(attrgetter("hi"), compress(starts, both))))


@cache
def _plan(cls: type) -> tuple[bool | None, tuple[str, ...]]:
    """Whether a class is `Sourced` (None when it holds ``sources`` without being so), and its fields that hold records."""
    sourced = issubclass(cls, Sourced)
    if not sourced and "sources" in attrs.fields_dict(cls):
        return None, ()
    return sourced, tuple(name for name, _ in nested_fields(cls) if name != "sources")


def clean(records: Sequence[Any], checks: Checks, grade: Callable[[Any], Grade]) -> bool:
    """Whether no record here or below cites no source or an unknown one, claims too much, or names an unknown id.

    Args:
        records: Records of any classes.
        checks: By record class, its fields that hold ids and the ids each may name.
        grade: What a tuple of citations says (its unknown sources and the confidences it allows).

    Returns:
        True when none of these problems is anywhere in or below the records; False when one may be.
    """
    if not records:
        return True
    classes = set(map(type, records))
    if len(classes) > 1:
        groups: dict[type, list[Any]] = {cls: [] for cls in classes}
        for record in records:
            groups[record.__class__].append(record)
        return all(clean(group, checks, grade) for group in groups.values())
    cls = classes.pop()
    sourced, fields = _plan(cls)
    if sourced is None or (sourced and not _well_cited(records, grade)):
        return False
    for field, names in checks.get(cls, ()):
        values = column(records, field)
        if not names.issuperset(filter(_PRESENT, values)) and not (
            set(map(type, values)) == {tuple} and names.issuperset(chain.from_iterable(values))
        ):
            return False
    return all(clean(_below(column(records, name)), checks, grade) for name in fields)


def _below(values: list[Any]) -> list[Any]:
    """The records a column of fields holds: the items of the tuples, the records that are not None."""
    kinds = set(map(type, values))
    if kinds == {tuple}:
        return list(chain.from_iterable(values))
    if tuple not in kinds:
        return list(filter(_PRESENT, values))
    found: list[Any] = []
    for value in values:
        if value.__class__ is tuple:
            found.extend(value)
        elif value is not None:
            found.append(value)
    return found


def _well_cited(records: Sequence[Any], grade: Callable[[Any], Grade]) -> bool:
    """Whether every record cites sources, all known, that allow the confidence it claims."""
    citations = column(records, "sources")
    if not all(citations):
        return False
    allowed: dict[int, set[int]] = {}
    for key, cited in dict(zip(map(id, citations), citations, strict=True)).items():  # records share citation tuples
        unknown, confidences, _ = grade(cited)
        if unknown:
            return False
        allowed[key] = set(map(id, confidences))
    claimed = column(records, "confidence")
    if set(map(id, claimed)) <= set.intersection(*allowed.values()):  # what the weakest citations allow
        return True
    return all(c in allowed[key] for key, c in set(zip(map(id, citations), map(id, claimed), strict=True)))
