"""Sources, citations and the fields every sourced record shares."""

import enum
import re
from typing import Any

import attrs

from yrdmodel.model.dates import PartialDate

__all__ = ["Citation", "Confidence", "Source", "SourceKind", "Sourced", "check_id"]

_ID = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")
_GOOD_IDS: set[str] = set()
"""Ids already checked: most ids recur (a post in each of its tenures), so the regex runs once per id."""


def check_id(instance: object, attribute: "attrs.Attribute[Any]", value: str) -> None:
    """Attrs validator: ids are lower-case slugs such as ``"li-qiang"`` or ``"jiangsu.governor"``."""
    if isinstance(value, str) and value in _GOOD_IDS:
        return
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ValueError(f"{attribute.name} must be a lower-case slug (a-z, 0-9, '-', '.'), not {value!r}")
    if len(value) <= 64 and len(_GOOD_IDS) < 1_000_000:  # at most 64 MB: a huge id is not kept
        _GOOD_IDS.add(value)


def check_optional_id(instance: object, attribute: "attrs.Attribute[Any]", value: str | None) -> None:
    """Attrs validator: like :func:`check_id`, but None is allowed."""
    if value is not None:
        check_id(instance, attribute, value)


def check_ids(instance: object, attribute: "attrs.Attribute[Any]", value: tuple[str, ...]) -> None:
    """Attrs validator: every item of a tuple is an id."""
    for item in value:
        check_id(instance, attribute, item)


class SourceKind(enum.Enum):
    """What kind of source a fact comes from, best first."""

    SEED = "seed"
    """One of the project's primary source documents (``shared/seeds``)."""
    OFFICIAL = "official"
    """A government site."""
    STATE_MEDIA = "state_media"
    """An established news outlet."""
    REFERENCE = "reference"
    """Wikipedia or a mirror of it."""
    SECONDARY = "secondary"
    """Mirrors, aggregators, blogs and excerpts without an address."""


class Confidence(enum.Enum):
    """How sure the researchers are of a record (the fact table's grades)."""

    HIGH = "high"
    """A seed, or two agreeing sources."""
    MEDIUM = "medium"
    """One reliable source."""
    LOW = "low"
    """Inferred, weak, or existence only."""


@attrs.frozen
class Source:
    """A document that facts are taken from.

    Attributes:
        id: Stable slug, e.g. ``"seed-003"``.
        kind: What kind of source it is.
        ref: Where to find it: a seed file name, a URL, or a description when no URL was recorded.
        title: Its title, where known.
        publisher: Who published it, where known.
        published: When it was published, at the precision known.
        note: Anything a reader of the source should know.
    """

    id: str = attrs.field(validator=check_id)
    kind: SourceKind
    ref: str
    title: str | None = None
    publisher: str | None = None
    published: PartialDate | None = None
    note: str | None = None


@attrs.frozen
class Citation:
    """A record's reference to a :class:`Source`.

    Attributes:
        source: The id of the source.
        note: What the source supports, where it supports only part of the record.
    """

    source: str = attrs.field(validator=check_id)
    note: str | None = None


@attrs.frozen(kw_only=True)
class Sourced:
    """The fields every fact record carries: its citations, confidence and a note.

    Attributes:
        sources: Citations, best source first. A shipped record has at least one.
        confidence: The researchers' confidence in the record.
        note: Doubts about single fields and other remarks.
    """

    sources: tuple[Citation, ...] = ()
    confidence: Confidence = Confidence.HIGH
    note: str | None = None
