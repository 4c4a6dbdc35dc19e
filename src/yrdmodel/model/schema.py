"""The record schema, stated once in attrs field metadata and read from there by every layer.

A [`Mechanism`][yrdmodel.Mechanism] field made with `collection` holds one kind of record: it says
the noun messages use for one record and the key the field has in data files. A record field made
with `refers` holds the id (or ids) of records of a collection. The converter, the reference
checks, [`yrdmodel.merge`][yrdmodel.merge], the packaged files and the data page derive their tables from
`collections` and `references`, so adding a collection or a reference is one edit here
and on the field.

>>> from yrdmodel import Mechanism, Post
>>> body = next(c for c in collections(Mechanism) if c.record.__name__ == "Body")
>>> body.field != body.key, body.noun
(True, 'body')
>>> references(Post)
(('member', 'members'), ('body', 'all_bodies'), ('incompatible_with', 'posts'))
"""

import functools
from typing import get_args

import attrs

__all__ = ["Collection", "collection", "collections", "record_classes", "references", "refers", "renamed", "summarised"]

_NOUN = "yrdmodel.noun"
_KEY = "yrdmodel.key"
_REFERS = "yrdmodel.refers"


def collection(noun: str, *, key: str | None = None) -> dict[str, str]:
    """Metadata for a mechanism field that holds records.

    Args:
        noun: What one record is called in messages (``"body"``).
        key: The field's key in data files, where it is not the field's name.

    Returns:
        The ``metadata`` of the ``attrs.field``.
    """
    return {_NOUN: noun} if key is None else {_NOUN: noun, _KEY: key}


def refers(to: str) -> dict[str, str]:
    """Metadata for a record field that holds the id (or a tuple of ids) of records of a collection.

    Args:
        to: The mechanism field of the records named (``"all_bodies"``).

    Returns:
        The ``metadata`` of the ``attrs.field``.
    """
    return {_REFERS: to}


@attrs.frozen
class Collection:
    """One collection of a mechanism.

    Attributes:
        field: The mechanism's attribute (``"all_bodies"``).
        key: Its key in data files and the packaged file's name (``"bodies"``).
        noun: What one record is called (``"body"``).
        record: The class of its records.
    """

    field: str
    key: str
    noun: str
    record: type


@functools.cache
def collections(cls: type) -> tuple[Collection, ...]:
    """The collections of a mechanism class, in field order."""
    found = []
    for f in attrs.fields(attrs.resolve_types(cls)):
        if _NOUN in f.metadata:
            (record,) = [a for a in get_args(f.type) if a is not Ellipsis]
            found.append(Collection(f.name, f.metadata.get(_KEY, f.name), f.metadata[_NOUN], record))
    return tuple(found)


def summarised(cls: type) -> tuple[Collection, ...]:
    """The collections in the order summaries count them: the records, then the sources they cite."""
    found = collections(cls)
    return tuple(c for c in found if c.field != "sources") + tuple(c for c in found if c.field == "sources")


@functools.cache
def references(cls: type) -> tuple[tuple[str, str], ...]:
    """``(field, collection)`` for each field of a record class that holds ids, in field order."""
    return tuple((f.name, f.metadata[_REFERS]) for f in attrs.fields(cls) if _REFERS in f.metadata)


@functools.cache
def record_classes(cls: type) -> tuple[type, ...]:
    """``cls`` and every attrs class its fields may hold, at any depth, each once, parents first."""
    found: dict[type, None] = {}

    def visit(annotation: object) -> None:
        if isinstance(annotation, type) and attrs.has(annotation):
            if annotation not in found:
                found[annotation] = None
                for f in attrs.fields(attrs.resolve_types(annotation)):
                    visit(f.type)
        else:
            for arg in get_args(annotation):
                visit(arg)

    visit(cls)
    return tuple(found)


def renamed(cls: type) -> dict[str, str]:
    """The fields of a class whose key in data files is not their name, with that key."""
    return {f.name: f.metadata[_KEY] for f in attrs.fields(cls) if _KEY in f.metadata}
