"""The record walk: every record inside a mechanism (or any record), parents first, with its place.

The walk reads which fields may hold records from the attrs classes themselves, so a new nested
record kind is walked without an edit here. Validation, the views and the dataset's tests read
records through it.

>>> import yrdmodel
>>> m = yrdmodel.load()
>>> path, record = next(iter_records(m))
>>> path, type(record).__name__
('$.members[0]', 'Member')
"""

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, get_args

import attrs

from yrdmodel.model.dates import PartialDate
from yrdmodel.model.schema import renamed
from yrdmodel.model.sources import Sourced

if TYPE_CHECKING:
    from yrdmodel.model.mechanism import Mechanism

__all__ = ["Where", "iter_records", "nested_fields", "path_of", "walk", "walk_records"]


def _holds_records(annotation: Any) -> bool:
    """Whether a field of this type may hold records (attrs instances other than dates)."""
    if isinstance(annotation, type):
        return attrs.has(annotation) and annotation is not PartialDate
    return any(_holds_records(arg) for arg in get_args(annotation) if arg is not Ellipsis)


@functools.cache
def nested_fields(cls: type) -> tuple[tuple[str, str], ...]:
    """``(field name, key in the data)`` of the fields of ``cls`` that may hold records."""
    return tuple(
        (f.name, renamed(cls).get(f.name, f.alias))
        for f in attrs.fields(attrs.resolve_types(cls))
        if f.init and _holds_records(f.type)
    )


Where = tuple[Any, str, int | None] | None
"""A record's place, built only when a finding needs it: ``(parent's place, key, index)``, None for the top."""


def path_of(where: Where) -> str:
    """The JSON path of a place (``$.tenures[3].sources[0]``)."""
    if where is None:
        return "$"
    parent, key, index = where
    return f"{path_of(parent)}.{key}" + ("" if index is None else f"[{index}]")


def walk_records(root: Any, skip: frozenset[str] = frozenset()) -> Iterator[tuple[Any, Any, Where]]:
    """``(record, owner, place)`` for ``root`` and every record below it, parents first, in data order.

    The owner is the nearest record with an id that holds the record (itself, if it has one).
    The walk keeps no record's tuple alive longer than it takes to visit it: a data set of a
    million tenures must not become a million long-lived objects for the garbage collector.
    ``skip`` names fields of ``root`` not to enter (the rules check tenures in loops of their own).
    """
    plans: dict[type, tuple[bool, tuple[tuple[str, str], ...]]] = {}
    stack: list[Iterator[tuple[Any, Any, Where]]] = [iter(((root, None, None),))]
    while stack:
        for value, owner, where in stack[-1]:
            cls = value.__class__
            plan = plans.get(cls)
            if plan is None:
                plan = plans[cls] = (hasattr(cls, "id"), nested_fields(cls))
            if plan[0]:
                owner = value
            yield value, owner, where
            fields = plan[1] if value is not root else tuple(f for f in plan[1] if f[0] not in skip)
            if fields:
                stack.append(_children(value, owner, where, fields))
                break
        else:
            stack.pop()


def _children(
    value: Any, owner: Any, where: Where, fields: tuple[tuple[str, str], ...]
) -> Iterator[tuple[Any, Any, Where]]:
    for name, key in fields:
        item = getattr(value, name)
        if item.__class__ is tuple:
            for i, element in enumerate(item):
                yield element, owner, (where, key, i)
        elif item is not None:
            yield item, owner, (where, key, None)


def walk(value: Any, path: str = "$") -> Iterator[tuple[str, Any]]:
    """Every record below ``value`` (itself included), with its JSON path.

    Args:
        value: A mechanism or any record.
        path: The path of ``value``.

    Yields:
        ``(path, record)`` pairs, parents before their parts.
    """
    for record, _, where in walk_records(value):
        yield path + path_of(where)[1:], record


def iter_records(mechanism: "Mechanism") -> Iterator[tuple[str, Sourced]]:
    """Every sourced record of a mechanism (nested ones included), with its JSON path.

    Args:
        mechanism: The mechanism.

    Yields:
        ``(path, record)`` pairs such as ``("$.tenures[3]", tenure)``.
    """
    for record, _, where in walk_records(mechanism):
        if isinstance(record, Sourced):
            yield path_of(where), record
