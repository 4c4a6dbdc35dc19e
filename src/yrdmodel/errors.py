"""The exceptions yrdmodel raises.

Each class also subclasses the builtin it resembles, so ``except KeyError`` keeps
working in code that does not know about yrdmodel.
"""

from collections.abc import Iterable

import attrs

__all__ = [
    "AmbiguousAnswerError",
    "DataError",
    "MergeConflictError",
    "Problem",
    "UndeclaredError",
    "UnknownIdError",
    "YrdModelError",
]


class YrdModelError(Exception):
    """Base class of every error raised by yrdmodel."""


class UnknownIdError(YrdModelError, KeyError):
    """A lookup named an id (or name) that the mechanism does not hold.

    Args:
        kind: What was looked up ("member", "post", "person", ...).
        key: The id or name that was not found.
        suggestions: Near matches to offer ("did you mean ...").
    """

    def __init__(self, kind: str, key: object, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(kind, key)
        self.kind = kind
        self.key = key
        self.suggestions = suggestions

    def __str__(self) -> str:
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        return f"no {self.kind} with id or name {self.key!r}{hint}"


class AmbiguousAnswerError(YrdModelError, ValueError):
    """A question expecting one answer has several definite answers in the data."""


class UndeclaredError(YrdModelError, LookupError):
    """The data does not declare what a question needs, such as the body whose meetings rotate."""


@attrs.frozen
class Problem:
    """One problem found in input data.

    Attributes:
        path: Where the problem is, as a JSON path (``$.tenures[3].start``).
        message: What is wrong there.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class DataError(YrdModelError, ValueError):
    """Input data is malformed; ``problems`` lists every problem with its place.

    Args:
        problems: The problems found, at least one.
        source: A name for the input (a file path), shown in the message.
    """

    def __init__(self, problems: Iterable[Problem], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f" in {self.source}" if self.source else ""
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''}{where}"
        return head + "".join(f"\n  {p}" for p in self.problems)


class MergeConflictError(YrdModelError, ValueError):
    """Two datasets being merged give different records under the same id.

    Args:
        conflicts: One line per conflict, naming the kind and id (``"person li-qiang: name_zh differs"``).
    """

    def __init__(self, conflicts: Iterable[str]) -> None:
        self.conflicts: tuple[str, ...] = tuple(conflicts)
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{len(self.conflicts)} conflicts" + "".join(f"\n  {c}" for c in self.conflicts)
