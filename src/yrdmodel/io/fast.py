"""The fast path from a parsed document to a `Mechanism`, for data expected to be good.

It reads the attrs fields of the model classes and builds plain closures from them: no
cattrs import and no generated code, so the first load of a process is quick, and each
record costs one dictionary walk. It accepts no more than the converter of
`yrdmodel.io.converter` does, and gives the same mechanism when it accepts; on anything
else it raises, and the caller goes the converter's way, which says what is wrong and where.

Within one build, equal dates are one `PartialDate` and equal lists of
citations are one tuple (they are immutable, so sharing them is invisible but saves memory).
"""

import contextlib
import enum
import gc
import sys
import types
from collections.abc import Callable, Iterator
from typing import Any, Union, get_args, get_origin

import attrs

from yrdmodel.model.dates import PartialDate, parse_partial_date
from yrdmodel.model.mechanism import Mechanism
from yrdmodel.model.schema import renamed
from yrdmodel.model.sources import Citation

__all__ = ["gc_paused", "structure_fast"]

Hook = Callable[[Any], Any]

_parse_date: Callable[[str], PartialDate] = getattr(parse_partial_date, "__wrapped__", parse_partial_date)


class _UnsupportedTypeError(TypeError):
    """A field type the fast path does not structure: the converter handles the document."""


_IDLE: list["_Build"] = []
"""Builders not in use (popping and appending a list is atomic, so threads each get their own)."""


def structure_fast(data: Any) -> Mechanism:
    """Structure a parsed document into a mechanism, or raise (any exception) if it is not plainly good.

    Args:
        data: A parsed JSON or TOML document.

    Returns:
        The mechanism the converter would give for the same document.
    """
    try:
        build = _IDLE.pop()  # hooks are made once per process (per build running at once)
    except IndexError:
        build = _Build()
    try:
        return build.hook(Mechanism)(data)  # type: ignore[no-any-return]
    finally:  # the shared values belong to this build only
        build.dates.clear()
        build.citations.clear()
        _IDLE.append(build)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a while (if it runs), and let it run again after.

    Parsing and building make many objects and no garbage: collecting while they run costs
    time and frees nothing (measured: 40% of ``json.loads`` at 10^5 tenures, 74% at 10^6).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _str(value: Any, _intern: Callable[[str], str] = sys.intern) -> str:
    if value.__class__ is not str:
        raise TypeError("expected a string")
    # Ids recur in every record that refers to them: keep one copy of each short string (as the converter does).
    return _intern(value) if len(value) <= 64 else value


def _int(value: Any) -> int:
    if value.__class__ is not int:
        raise TypeError("expected an integer")
    return value


def _bool(value: Any) -> bool:
    if value.__class__ is not bool:
        raise TypeError("expected true or false")
    return value


class _Build:
    """Hooks made on first use of each type, with the shared values of the build that uses them."""

    def __init__(self) -> None:
        self.hooks: dict[Any, Hook] = {str: _str, int: _int, bool: _bool, PartialDate: self._date}
        self.dates: dict[str, PartialDate] = {}
        self.citations: dict[str, tuple[Citation, ...]] = {}

    def hook(self, tp: Any) -> Hook:
        found = self.hooks.get(tp)
        if found is None:
            found = self.hooks[tp] = self._make(tp)
        return found

    def _make(self, tp: Any) -> Hook:
        origin, args = get_origin(tp), get_args(tp)
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return tp  # the converter calls the enum too
        if origin in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
            inner = self.hook(args[0] if args[1] is type(None) else args[1])
            return lambda value: None if value is None else inner(value)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return self._tuple(args[0])
        if isinstance(tp, type) and attrs.has(tp) and tp is not PartialDate:
            return self._record(tp)
        raise _UnsupportedTypeError(f"no fast hook for {tp!r}")

    def _date(self, value: Any) -> PartialDate:
        found = self.dates.get(value)
        if found is None:
            if value.__class__ is not str:
                raise TypeError("expected a date string")
            # Not through the parser's cache: this build shares its dates, and the cache would outlive it.
            found = self.dates[value] = _parse_date(value)
        return found

    def _tuple(self, item_type: Any) -> Hook:
        item = self.hook(item_type)

        def structure_tuple(value: Any) -> tuple[Any, ...]:
            if value.__class__ is not list and value.__class__ is not tuple:
                raise TypeError("expected a list")
            return tuple(map(item, value))

        if item_type is not Citation:
            return structure_tuple
        shared = self.citations

        def structure_citations(value: Any) -> tuple[Any, ...]:
            # Most records cite the same few sources: equal lists of citations are one tuple. Parsed data
            # holds only plain values, whose repr tells them apart (1 from "1", True from 1, 1 from 1.0).
            key = repr(value)
            found = shared.get(key)
            if found is None:
                found = shared[key] = structure_tuple(value)
            return found

        return structure_citations

    def _record(self, cl: type) -> Hook:
        fields = [field for field in attrs.fields(cl) if field.init]
        if any(isinstance(field.type, str) for field in fields):  # annotations as text: resolve them (slower)
            fields = [field for field in attrs.fields(attrs.resolve_types(cl)) if field.init]
        table: dict[str, tuple[str, Hook]] = {}
        self.hooks[cl] = lambda value: table_structure(value)  # a record may contain its own kind
        keys = renamed(cl)
        for field in fields:
            table[keys.get(field.name, field.name)] = (field.alias, self.hook(field.type))

        def table_structure(value: Any) -> Any:
            if value.__class__ is not dict:
                raise TypeError("expected an object")
            kwargs = {}
            for key, item in value.items():
                name, hook = table[key]  # KeyError: an unknown key
                kwargs[name] = hook(item)
            return cl(**kwargs)  # TypeError: a required field is missing

        return table_structure
