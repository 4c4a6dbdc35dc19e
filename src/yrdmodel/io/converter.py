"""The cattrs converter every reader and writer goes through.

Hooks live here, not on the model classes: partial dates are ISO strings, enums are their
values, empty and default fields are left out, and unknown keys are an error.

There are two converters that accept and reject exactly the same input: a fast one for
data that is expected to be good, and a detailed one that is used only after the fast
one failed, to find every problem with its path (`structure_problems`).
"""

import enum
import functools
import re
import sys
from collections.abc import Callable, Mapping
from typing import Any, get_args, get_origin

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import AttributeValidationNote, ClassValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from yrdmodel.errors import shorten
from yrdmodel.model.dates import PartialDate, parse_partial_date
from yrdmodel.model.mechanism import Mechanism
from yrdmodel.model.schema import renamed
from yrdmodel.model.sources import Citation

__all__ = ["make_converter", "structure_mechanism", "structure_problems", "unstructure_mechanism"]


def _structure_date(value: Any, _: type) -> PartialDate:
    if not isinstance(value, str):
        hint = " (quote dates in TOML)" if hasattr(value, "isoformat") else ""
        raise TypeError(f"expected a date string (YYYY, YYYY-MM or YYYY-MM-DD), not {type(value).__name__}{hint}")
    try:
        return parse_partial_date(value)
    except ValueError as exc:
        raise ValueError(f"not a valid date {_short(value)}: {shorten(str(exc), 120)}") from None


def _structure_optional_date(value: Any, cl: Any) -> PartialDate | None:
    return None if value is None else _structure_date(value, cl)


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, not {type(value).__name__}")
    return value


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, not {type(value).__name__}")
    # Ids recur in every record that refers to them: keep one copy of each short string.
    return sys.intern(value) if len(value) <= 64 else value


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, not {type(value).__name__}")
    return value


def _structure_enum(value: Any, cl: type[enum.Enum]) -> enum.Enum:
    try:
        return cl(value)
    except (ValueError, TypeError):
        allowed = ", ".join(repr(member.value) for member in cl)
        raise ValueError(f"{_short(value)} is not one of {allowed}") from None


def _short(value: Any, limit: int = 60) -> str:
    """The repr of a value, cut short so that a huge input does not make a huge message."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}..."


def _is_tuple(cl: Any) -> bool:
    args = get_args(cl)
    return get_origin(cl) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_factory(cl: Any, conv: cattrs.Converter) -> Callable[[Any, Any], tuple[Any, ...]]:
    inner = homogenous_tuple_structure_factory(cl, conv)

    def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise TypeError(f"expected a list, not {type(value).__name__}")
        return tuple(inner(value, cl))

    if get_args(cl)[0] is not Citation:
        return structure_tuple
    shared: dict[tuple[Any, ...], tuple[Any, ...]] = {}

    def structure_citations(value: Any, _: Any) -> tuple[Any, ...]:
        # Most records of a file cite the same few sources: structure each list of citations once
        # and share the result. Only plain well-formed lists are looked up; the rest go the long way.
        try:
            key = tuple((item["source"], item.get("note")) for item in value if item.keys() <= _CITATION_KEYS)
        except (TypeError, KeyError, AttributeError):
            return structure_tuple(value, cl)
        if len(key) != len(value):
            return structure_tuple(value, cl)
        found = shared.get(key)
        if found is None:
            found = structure_tuple(value, cl)
            # Keep only short lists of short citations: a huge note must not outlive its document.
            if len(shared) < 4096 and sum(len(s) + len(n or "") for s, n in key) <= _SHARED_CHARS:
                shared[key] = found
        return found

    return structure_citations


_CITATION_KEYS = frozenset({"source", "note"})
_SHARED_CHARS = 512
"""The most characters of ids and notes a shared list of citations may hold (4096 lists: 2 MiB at most)."""


def _is_record(cl: Any) -> bool:
    return isinstance(cl, type) and attrs.has(cl) and cl not in (PartialDate, Mechanism)


def _record_factory(cl: type, conv: cattrs.Converter, detailed: bool) -> Callable[[Any, Any], Any]:
    """Structure a record (an attrs class) from a mapping; in detailed mode, place constructor errors at their fields."""
    inner: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cl, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=detailed
    )

    if not detailed:  # the fast converter refuses the same input, only less helpfully
        return inner

    def structure_record(value: Any, _: Any) -> Any:
        if not isinstance(value, Mapping):
            raise TypeError(f"expected an object, not {type(value).__name__}")
        try:
            return inner(value, cl)
        except ClassValidationError as exc:
            with_notes, without = exc.group_exceptions()
            if with_notes:  # some fields are malformed: cattrs already says which
                raise
            # The fields are well formed, but there are unknown keys or the constructor refused
            # them (a validator or ``__attrs_post_init__``): say which fields the validators refuse.
            located = _locate(cl, conv, value)
            if not located:
                raise
            extra = [e for e in without if isinstance(e, cattrs.ForbiddenExtraKeysError)]
            raise ClassValidationError(f"While structuring {cl.__name__}", [*extra, *located], cl) from None

    return structure_record


def _locate(cl: type, conv: cattrs.Converter, value: Mapping[str, Any]) -> list[Exception]:
    """Run each field's validator on its own, to tell which fields a refused record is wrong in.

    Only called after the fields themselves structured well, so structuring them again succeeds.
    """
    record: Any = object.__new__(cl)
    fields = [f for f in attrs.fields(attrs.resolve_types(cl)) if f.init]
    try:
        for field in fields:
            if field.alias in value:
                item = conv.structure(value[field.alias], field.type)
            elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                item = field.default.factory()
            else:
                item = field.default
            object.__setattr__(record, field.name, item)
    except DATA_ERRORS:  # pragma: no cover - the fields structured well a moment ago
        return []
    located: list[Exception] = []
    for field in fields:
        if field.validator is None:
            continue
        try:
            field.validator(record, field, getattr(record, field.name))
        except (ValueError, TypeError) as exc:
            exc.__notes__ = [AttributeValidationNote(f"Structuring {cl.__name__}", field.alias, field.type)]
            located.append(exc)
    return located


@functools.cache
def make_converter(detailed: bool = True) -> cattrs.Converter:
    """Build the converter; ``detailed=False`` is faster and only for data that is known to be good.

    Both kinds accept and reject exactly the same input; the detailed one collects every
    error with its path.

    Args:
        detailed: Collect every error with its path (slower) instead of stopping at the first.

    Returns:
        A converter with the hooks of the data format.
    """
    conv = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True, detailed_validation=detailed)
    conv.register_structure_hook_factory(_is_record, lambda cl: _record_factory(cl, conv, detailed))
    conv.register_structure_hook(PartialDate, _structure_date)
    conv.register_structure_hook_func(lambda cl: cl == PartialDate | None, _structure_optional_date)
    conv.register_unstructure_hook(PartialDate, str)
    # cattrs coerces by default (int("3")); data files must say what they mean.
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook_factory(
        lambda cl: isinstance(cl, type) and issubclass(cl, enum.Enum), lambda cl: _structure_enum
    )
    conv.register_structure_hook_factory(_is_tuple, lambda cl: _tuple_factory(cl, conv))
    # Fields whose key in data files is not their name (``all_bodies`` is ``bodies``; see model/schema.py).
    keys: dict[str, Any] = {name: override(rename=key) for name, key in renamed(Mechanism).items()}
    conv.register_structure_hook(
        Mechanism,
        make_dict_structure_fn(
            Mechanism,
            conv,
            **keys,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=detailed,
        ),
    )
    conv.register_unstructure_hook(
        Mechanism,
        make_dict_unstructure_fn(Mechanism, conv, **keys, _cattrs_omit_if_default=True),
    )
    return conv


def structure_mechanism(data: Any) -> Mechanism:
    """Structure a parsed document into a [`Mechanism`][yrdmodel.Mechanism] (cattrs errors propagate).

    Args:
        data: A parsed JSON or TOML document.

    Returns:
        The mechanism (references between records are not checked here).

    Raises:
        TypeError: The document is not an object.
        cattrs.BaseValidationError: Some values are malformed.
    """
    if not isinstance(data, dict):
        raise TypeError(f"expected an object at the top, not {type(data).__name__}")
    return make_converter().structure(data, Mechanism)


def unstructure_mechanism(mechanism: Mechanism) -> dict[str, Any]:
    """Plain data (dicts, lists, strings, numbers) for a mechanism.

    Args:
        mechanism: The mechanism.

    Returns:
        What `json.dumps` can write.
    """
    return make_converter().unstructure(mechanism)  # type: ignore[no-any-return]


def structure_problems(data: Any) -> list[tuple[str, str]]:
    """Every problem that keeps ``data`` from being a [`Mechanism`][yrdmodel.Mechanism], as ``(path, message)``.

    The walk of cattrs' error tree is `cattrs.transform_error`; what is added here is
    only the keys of the data that are not field names (unknown keys, renamed fields).

    Args:
        data: A parsed document that the fast converter refused.

    Returns:
        The problems, paths like ``$.tenures[3].start``; empty if the document is a mechanism.
    """
    try:
        structure_mechanism(data)
    except RecursionError:
        return [("$", "nested too deeply")]
    except DATA_ERRORS as exc:
        extras: list[cattrs.ForbiddenExtraKeysError] = []

        def describe(error: BaseException, type_: Any) -> str:
            if isinstance(error, cattrs.ForbiddenExtraKeysError):
                extras.append(error)
                return _EXTRA
            return _describe(error, type_)

        found: list[tuple[str, str]] = []
        for line in cattrs.transform_error(exc, "$", describe):
            message, _, path = line.rpartition(" @ ")  # cattrs' paths hold only field names and indices
            path = _renamed(path)
            if message == _EXTRA:
                found.extend(
                    (key_path(path, key), "unknown key") for key in sorted(extras.pop(0).extra_fields, key=str)
                )
            else:
                found.append((path, message))
        return found
    return []


DATA_ERRORS: tuple[type[Exception], ...] = (
    cattrs.BaseValidationError,
    cattrs.ForbiddenExtraKeysError,
    ValueError,
    TypeError,
    KeyError,
    AttributeError,
)
"""What structuring raises for malformed data; anything else is a bug in yrdmodel, not bad data."""

_EXTRA = "\x00unknown keys"

_RENAMED: dict[str, str] = {f"$.{name}": f"$.{key}" for name, key in renamed(Mechanism).items()}
"""Paths of fields whose key in the data is not their name."""

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _renamed(path: str) -> str:
    for name, key in _RENAMED.items():
        if path == name or path.startswith((name + ".", name + "[")):
            return key + path[len(name) :]
    return path


def key_path(path: str, key: object) -> str:
    """The path of ``key`` in the object at ``path``: ``$.a.b``, or ``$.a['two words']``."""
    return f"{path}.{key}" if isinstance(key, str) and _IDENTIFIER.fullmatch(key) else f"{path}[{_short(key)}]"


def _describe(exc: BaseException, type_: Any) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    text = str(exc) or type(exc).__name__
    if isinstance(exc, AttributeError | TypeError) and "expected" not in text:
        name = getattr(type_, "__name__", None)
        return f"{text} (expected {name})" if name else text
    return text
