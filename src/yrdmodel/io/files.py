"""Loading and saving mechanisms as JSON or TOML, and the packaged YRD dataset.

Everything that reads data goes through :func:`_build`: parse, structure with the shared
converter, check references. Any problem becomes one :class:`~yrdmodel.DataError`
listing every problem with its path; nothing half built is returned and no code in the
data runs (``json`` and ``tomllib`` only parse).
"""

import functools
import json
import os
import tomllib
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

import cattrs

from yrdmodel.errors import DataError, Problem
from yrdmodel.io.converter import converter, make_converter, unstructure_mechanism
from yrdmodel.model.mechanism import Mechanism
from yrdmodel.validation.rules import reference_problems

__all__ = ["Format", "dumps", "load", "loads"]

Format = Literal["json", "toml"]

PACKAGED_FILES = ("mechanism", "sources", "members", "bodies", "posts", "people", "tenures", "meetings", "plans")
"""The packaged dataset's files (``src/yrdmodel/data/<name>.toml``); each holds the top-level keys of one kind."""


def loads(text: str | bytes, *, format: Format = "json", source: str | None = None) -> Mechanism:
    """Build a mechanism from JSON or TOML text.

    Args:
        text: The document (``bytes`` must be UTF-8).
        format: ``"json"`` or ``"toml"``.
        source: A name for the input, used in error messages.

    Raises:
        DataError: The text is not a valid mechanism; ``.problems`` lists every problem.
    """
    return _build(_parse(text, format, source), source)


def load(path: str | os.PathLike[str] | None = None) -> Mechanism:
    """Load the packaged YRD dataset, or a mechanism from a JSON or TOML file.

    Args:
        path: A ``.json`` or ``.toml`` file of the same schema as :func:`dumps` writes.
            Without it, the packaged dataset is returned; it is read once and cached.

    Raises:
        DataError: The file cannot be read or is not a valid mechanism.
    """
    if path is None:
        return _packaged()
    file = Path(path)
    format: Format = "toml" if file.suffix.lower() == ".toml" else "json"
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise DataError([Problem("$", f"cannot read the file: {exc.strerror or exc}")], str(file)) from None
    return loads(data, format=format, source=str(file))


def dumps(mechanism: Mechanism, *, indent: int | None = 2) -> str:
    """The mechanism as JSON text; ``loads(dumps(m)) == m``."""
    return json.dumps(unstructure_mechanism(mechanism), ensure_ascii=False, indent=indent)


@functools.cache
def _packaged() -> Mechanism:
    document: dict[str, Any] = {}
    problems: list[Problem] = []
    for name in PACKAGED_FILES:
        resource = files("yrdmodel.data").joinpath(f"{name}.toml")
        part = _parse(resource.read_bytes(), "toml", f"yrdmodel/data/{name}.toml")
        for key in part.keys() & document.keys():
            problems.append(Problem(f"$.{key}", f"given again in {name}.toml"))
        document.update(part)
    if problems:
        raise DataError(problems, "the packaged dataset")
    return _build(document, "the packaged dataset")


def _parse(text: str | bytes, format: Format, source: str | None) -> dict[str, Any]:
    parser: Callable[[str], Any] = json.loads if format == "json" else tomllib.loads
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        data = parser(text)
    except UnicodeDecodeError as exc:
        raise DataError([Problem("$", f"not UTF-8 text (byte {exc.start})")], source) from None
    except json.JSONDecodeError as exc:
        raise DataError(
            [Problem("$", f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")], source
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise DataError([Problem("$", f"not TOML: {exc}")], source) from None
    except RecursionError:
        raise DataError([Problem("$", "nested too deeply")], source) from None
    except ValueError as exc:  # e.g. JSON numbers too long for int()
        raise DataError([Problem("$", f"not {format.upper()}: {exc}")], source) from None
    if not isinstance(data, dict):
        raise DataError([Problem("$", f"expected an object at the top, not {type(data).__name__}")], source)
    return data


def _build(data: dict[str, Any], source: str | None) -> Mechanism:
    try:
        mechanism = make_converter(detailed=False).structure(data, Mechanism)
    except (RecursionError, Exception):
        raise DataError(_structure_problems(data), source) from None
    problems = [Problem(path, message) for path, message in reference_problems(mechanism)]
    if problems:
        raise DataError(problems, source)
    return mechanism


def _structure_problems(data: dict[str, Any]) -> list[Problem]:
    """Structure again with the detailed converter to find every problem and its path."""
    try:
        converter.structure(data, Mechanism)
    except RecursionError:
        return [Problem("$", "nested too deeply")]
    except Exception as exc:  # cattrs groups, ValueError and TypeError from validators
        if isinstance(exc, cattrs.BaseValidationError):
            lines = cattrs.transform_error(exc, path="$", format_exception=_describe)
            return [Problem(*reversed(line.rsplit(" @ ", 1))) for line in lines]
        return [Problem("$", _describe(exc, None))]
    return [Problem("$", "invalid data")]  # pragma: no cover - the fast converter rejected it


def _describe(exc: BaseException, type_: Any) -> str:
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown key{'s' if len(exc.extra_fields) > 1 else ''}: {', '.join(sorted(exc.extra_fields))}"
    if isinstance(exc, KeyError):
        return "required field missing"
    name = getattr(type_, "__name__", None) or str(type_ or "")
    text = str(exc) or type(exc).__name__
    return f"{text} (expected {name})" if name and isinstance(exc, TypeError) and "expected" not in text else text
