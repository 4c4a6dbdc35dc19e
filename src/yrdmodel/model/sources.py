"""Sources, citations and the fields every sourced record shares."""

import enum
import re
from collections.abc import Iterable
from typing import Any

import attrs

from yrdmodel.model.dates import PartialDate
from yrdmodel.model.schema import refers

__all__ = ["Citation", "Confidence", "Source", "SourceKind", "Sourced", "check_id", "confidence_allowed"]

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
    """Attrs validator: like `check_id`, but None is allowed."""
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
    """A mainland state-owned outlet: Xinhua, People's Daily, China Daily, CCTV, provincial party papers."""
    NEWS = "news"
    """Other established press: Hong Kong, Macao and Taiwan outlets, commercial mainland press, wire copies on portals."""
    REFERENCE = "reference"
    """Wikipedia or a mirror of it."""
    SECONDARY = "secondary"
    """Content farms, forums, blogs, unidentified sites, and excerpts without an address."""


class Confidence(enum.Enum):
    """How sure the researchers are of a record (the fact table's grades).

    A record may not claim more than its sources' kinds allow (`confidence_allowed`);
    the ``weak-support`` validation rule reports those that do.
    """

    HIGH = "high"
    """A seed or an official source, or two agreeing sources of which one is state media, news or official."""
    MEDIUM = "medium"
    """One reliable source."""
    LOW = "low"
    """Inferred, weak, or existence only."""

    @property
    def rank(self) -> int:
        """2 for high, 1 for medium, 0 for low: confidences compare by rank."""
        return _RANKS[self]


_RANKS = {Confidence.HIGH: 2, Confidence.MEDIUM: 1, Confidence.LOW: 0}
_PRESS = frozenset({SourceKind.OFFICIAL, SourceKind.STATE_MEDIA, SourceKind.NEWS})


def confidence_allowed(sources: Iterable["Source"]) -> Confidence:
    """The most confidence a record may claim on these sources, by their kinds.

    High needs a seed, an official source, or two sources of which one is state media, news
    or official. On reference or secondary sources alone a record is at most medium; on
    secondary sources alone at most low, unless one of them is an identified copy of a text
    (its title, publisher and publication date are recorded): then at most medium.

    Args:
        sources: The sources a record cites.

    Returns:
        The highest confidence the sources allow.

    Examples:
        >>> wiki = Source(id="wiki", kind=SourceKind.REFERENCE, ref="https://en.wikipedia.org/wiki/Li_Qiang")
        >>> xinhua = Source(id="xinhua", kind=SourceKind.STATE_MEDIA, ref="http://www.xinhuanet.com/")
        >>> confidence_allowed([wiki]), confidence_allowed([xinhua]), confidence_allowed([wiki, xinhua])
        (<Confidence.MEDIUM: 'medium'>, <Confidence.MEDIUM: 'medium'>, <Confidence.HIGH: 'high'>)
    """
    cited = list(sources)
    kinds = {s.kind for s in cited}
    if kinds & {SourceKind.SEED, SourceKind.OFFICIAL} or (len(cited) >= 2 and kinds & _PRESS):
        return Confidence.HIGH
    if kinds - {SourceKind.SECONDARY}:
        return Confidence.MEDIUM
    identified = any(s.title and s.publisher and s.published for s in cited)
    return Confidence.MEDIUM if identified else Confidence.LOW


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

    def _repr_html_(self) -> str:
        from yrdmodel.model.html import record_html

        return record_html(self)


@attrs.frozen
class Citation:
    """A record's reference to a [`Source`][yrdmodel.Source].

    Attributes:
        source: The id of the source.
        note: What the source supports, where it supports only part of the record.
    """

    source: str = attrs.field(validator=check_id, metadata=refers("sources"))
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

    def _repr_html_(self) -> str:
        from yrdmodel.model.html import record_html

        return record_html(self)
