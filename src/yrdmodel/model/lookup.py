"""Finding people by a name that is not quite right: near misses, toneless pinyin, Chinese prefixes.

>>> import yrdmodel
>>> m = yrdmodel.load()
>>> [match.person.id for match in m.find_people("Li Qiamg")][:1]
['li-qiang']
"""

import difflib
import unicodedata
from collections.abc import Iterable

import attrs

from yrdmodel.model.people import Person

__all__ = ["PersonMatch", "find_people", "fold_name"]


@attrs.frozen
class PersonMatch:
    """A person whose name is near the text searched for.

    Attributes:
        person: The person.
        name: The name (id, pinyin, alias or Chinese name) that matched best.
        score: How close, from 0 to 1 (1: the same name, ignoring case, tones, spaces and hyphens).
    """

    person: Person
    name: str
    score: float


def fold_name(text: str) -> str:
    """A name folded for comparison: no case, tone marks, spaces, hyphens or apostrophes.

    >>> fold_name("Lǐ Qiáng")
    'liqiang'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) and c not in " -'\u2019_.\u00b7")
    return unicodedata.normalize("NFC", kept).casefold()


def _is_chinese(text: str) -> bool:
    return bool(text) and all(unicodedata.east_asian_width(c) in "WF" for c in text)


def _score(query: str, folded: str, name: str) -> float:
    """How well ``query`` (as typed) and its folded form match one name."""
    target = fold_name(name)
    if not target or not folded:
        return 0.0
    if folded == target:
        return 1.0
    if _is_chinese(query.strip()) and target.startswith(folded):
        return 0.6 + 0.35 * len(folded) / len(target)
    words = [fold_name(w) for w in name.replace("-", " ").split()]
    if folded in words:  # a whole word of the name: a surname or a given name
        return 0.75 + 0.2 * len(folded) / len(target)
    if any(w.startswith(folded) for w in words if w):
        return 0.55 + 0.35 * len(folded) / len(target)
    ratio = difflib.SequenceMatcher(None, folded, target).ratio()
    return ratio if ratio >= 0.6 else 0.0


def _names(person: Person) -> Iterable[str]:
    yield person.id
    yield from person.names


def find_people(people: Iterable[Person], text: str, *, limit: int = 5) -> tuple[PersonMatch, ...]:
    """The people whose names best match ``text``, best first.

    Matches ignore case, tone marks, spaces and hyphens; a Chinese text matches the start of a Chinese
    name (``王`` finds every 王); a pinyin word matches the start of a word of a name (``Wang``, ``li``);
    other near misses are scored with `difflib.SequenceMatcher`.

    Args:
        people: The people to search.
        text: What the user typed.
        limit: At most this many matches.
    """
    folded = fold_name(text)
    found = []
    for person in people:
        scored = [(_score(text, folded, name), name) for name in _names(person)]
        score, name = max(scored, key=lambda x: x[0])
        if score > 0:
            found.append(PersonMatch(person=person, name=name, score=round(score, 3)))
    found.sort(key=lambda x: (-x.score, x.person.name_en))
    return tuple(found[: max(limit, 0)])
