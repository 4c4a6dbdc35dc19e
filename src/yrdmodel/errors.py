"""The exceptions yrdmodel raises.

Each class also subclasses the builtin it resembles, so ``except KeyError`` keeps
working in code that does not know about yrdmodel.
"""

from collections.abc import Iterable
from typing import Literal

import attrs

__all__ = [
    "AmbiguousAnswerError",
    "ArgumentTypeError",
    "DataError",
    "InvalidArgumentError",
    "MergeConflictError",
    "Problem",
    "ProblemKind",
    "UndeclaredError",
    "UnknownIdError",
    "YrdModelError",
    "shorten",
]

MAX_MESSAGE = 300
"""The most characters of one message (or one problem's message) an error shows."""
MAX_PATH = 200
"""The most characters of a path (a JSON path or a file name) an error shows."""


def shorten(text: str, limit: int = MAX_MESSAGE) -> str:
    """``text`` cut to at most ``limit`` characters, ending in ``...`` where it was cut.

    Every message built from input goes through it, so that a huge key or value in the data
    cannot make a huge message.
    """
    return text if len(text) <= limit else text[: max(limit - 3, 0)] + "..."


_MAX_LISTED = 50
"""The most problems (or conflicts) the message of one error lists; all are in its attributes."""


def _shorten_path(text: str) -> str:
    return shorten(text, MAX_PATH)


ProblemKind = Literal["unreadable", "syntax", "schema", "reference", "limit"]
"""What kind of problem a `Problem` is: the input cannot be read (a missing file, not a
regular file, not UTF-8), is not JSON or TOML (``syntax``), does not fit the record schema
(``schema``), refers to ids it does not hold or repeats one (``reference``), or goes beyond a
bound set to keep loading fast and small (``limit``)."""


class YrdModelError(Exception):
    """Base class of every error raised by yrdmodel; its message is cut to `MAX_MESSAGE` characters."""

    def __str__(self) -> str:
        return shorten(super().__str__())


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
        return shorten(f"no {self.kind} with id or name {self.key!r}") + hint


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


class UndeclaredError(YrdModelError, LookupError):
    """The data does not declare what a question needs, such as the body whose meetings rotate."""


@attrs.frozen
class Problem:
    """One problem found in input data.

    Paths and messages are cut to `MAX_PATH` and `MAX_MESSAGE` characters.

    Attributes:
        path: Where the problem is, as a JSON path (``$.tenures[3].start``).
        message: What is wrong there.
        kind: What kind of problem it is (not compared: two problems at one place saying the
            same thing are equal).
    """

    path: str = attrs.field(converter=_shorten_path)
    message: str = attrs.field(converter=shorten)
    kind: ProblemKind = attrs.field(default="schema", eq=False)

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
        self.source = None if source is None else _shorten_path(source)
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f" in {self.source}" if self.source else ""
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''}{where}"
        more = f"\n  ... and {count - _MAX_LISTED} more" if count > _MAX_LISTED else ""
        return head + "".join(f"\n  {p}" for p in self.problems[:_MAX_LISTED]) + more


class MergeConflictError(YrdModelError, ValueError):
    """Two datasets being merged give different records under the same id.

    Args:
        conflicts: One line per conflict, naming the kind and id (``"person li-qiang: name_zh differs"``).
    """

    def __init__(self, conflicts: Iterable[str]) -> None:
        self.conflicts: tuple[str, ...] = tuple(shorten(c) for c in conflicts)
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.conflicts)
        more = f"\n  ... and {count - _MAX_LISTED} more" if count > _MAX_LISTED else ""
        return f"{count} conflicts" + "".join(f"\n  {c}" for c in self.conflicts[:_MAX_LISTED]) + more
