"""The exceptions yrdmodel raises.

Each class also subclasses the builtin it resembles, so ``except KeyError`` keeps
working in code that does not know about yrdmodel.
"""

from collections.abc import Iterable

import attrs

__all__ = [
    "AmbiguousAnswerError",
    "ArgumentTypeError",
    "DataError",
    "InvalidArgumentError",
    "MergeConflictError",
    "Problem",
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
    """

    def __init__(self, kind: str, key: object) -> None:
        super().__init__(kind, key)
        self.kind = kind
        self.key = key

    def __str__(self) -> str:
        return f"no {self.kind} with id or name {self.key!r}"


class InvalidArgumentError(YrdModelError, ValueError):
    """A query's argument has the right type but no valid value: ``"2021-02-30"``, ``"2021-06"`` as a day.

    The message names the argument and the forms it accepts.
    """


class ArgumentTypeError(YrdModelError, TypeError):
    """A query's argument has a type the query does not accept: ``"2021"`` or ``True`` as a year.

    The message names the argument and the forms it accepts; no answer is guessed from it.
    """


class AmbiguousAnswerError(YrdModelError, ValueError):
    """A question expecting one answer has several definite answers in the data."""


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
