"""Loading and saving mechanisms as JSON or TOML, and the packaged YRD dataset.

Everything that reads data goes through :func:`_build`: parse, structure with the shared
converter, check references. Any problem becomes one :class:`~yrdmodel.DataError`
listing every problem with its path; nothing half built is returned and no code in the
data runs (``json`` and ``tomllib`` only parse).
"""

import functools
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal

from yrdmodel.errors import DataError, Problem
from yrdmodel.io.fast import gc_paused, structure_fast
from yrdmodel.model.mechanism import Mechanism

__all__ = ["Format", "dumps", "load", "loads"]

Format = Literal["json", "toml"]


def loads(
    text: str | bytes, *, format: Format = "json", source: str | None = None, check_references: bool = True
) -> Mechanism:
    """Build a mechanism from JSON or TOML text.

    Args:
        text: The document (``bytes`` must be UTF-8).
        format: ``"json"`` or ``"toml"``.
        source: A name for the input, used in error messages.
        check_references: Refuse records that refer to ids the document does not hold. Turn it
            off for an extension meant for :func:`yrdmodel.merge`, whose references are checked
            when it is merged.

    Raises:
        DataError: The text is not a valid mechanism; ``.problems`` lists every problem.
    """
    with gc_paused():  # many objects and no garbage: collecting while they are made only costs time
        return _build(_parse(text, format, source), source, check_references)


def load(path: str | os.PathLike[str] | None = None, *, check_references: bool = True) -> Mechanism:
    """Load the packaged YRD dataset, or a mechanism from a JSON or TOML file.

    Args:
        path: A ``.json`` or ``.toml`` file of the same schema as :func:`dumps` writes.
            Without it, the packaged dataset is returned; it is read once and cached.
        check_references: As for :func:`loads`: off for an extension meant for :func:`yrdmodel.merge`.

    Raises:
        DataError: The file cannot be read or is not a valid mechanism.
    """
    if path is None:
        return _packaged()
    try:
        file = Path(path)
    except TypeError:
        raise DataError([Problem("$", f"expected a file path, not {type(path).__name__}")]) from None
    format: Format = "toml" if file.suffix.lower() == ".toml" else "json"
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise DataError([Problem("$", f"cannot read the file: {exc.strerror or exc}")], str(file)) from None
    return loads(data, format=format, source=str(file), check_references=check_references)


def dumps(mechanism: Mechanism, *, indent: int | None = 2) -> str:
    """The mechanism as JSON text; ``loads(dumps(m)) == m``."""
    import json

    from yrdmodel.io.converter import unstructure_mechanism

    return json.dumps(unstructure_mechanism(mechanism), ensure_ascii=False, indent=indent)


@functools.cache
def _packaged() -> Mechanism:
    from yrdmodel.data import fast_document, toml_document

    fast = fast_document()
    if fast is not None:  # made from exactly the TOML files, whose references were checked then
        return _build(fast, "the packaged dataset", check_references=False)
    return _build(toml_document(), "the packaged dataset")


def _parse(text: object, format: object, source: str | None) -> dict[str, Any]:
    """Parse a document; every way it can fail is a :class:`DataError`."""
    if format not in ("json", "toml"):
        raise DataError([Problem("$", f"unknown format {format!r}: use 'json' or 'toml'")], source)
    if isinstance(text, bytearray | memoryview):
        text = bytes(text)
    if not isinstance(text, str | bytes):
        raise DataError([Problem("$", f"expected text (str or bytes), not {type(text).__name__}")], source)
    import json
    import tomllib

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
        raise DataError([Problem("$", f"not {str(format).upper()}: {exc}")], source) from None
    if not isinstance(data, dict):
        raise DataError([Problem("$", f"expected an object at the top, not {type(data).__name__}")], source)
    return data


def _build(data: dict[str, Any], source: str | None, check_references: bool = True) -> Mechanism:
    """Structure a parsed document: fast when it is good, and every problem with its path when not."""
    try:
        mechanism = structure_fast(data)  # no cattrs: quick for good data
    except Exception:  # the converter accepts the same, and says what and where when it does not
        from yrdmodel.io.converter import make_converter, structure_problems

        try:
            mechanism = make_converter(detailed=False).structure(data, Mechanism)
        except Exception:  # RecursionError included; the detailed converter says what and where
            raise DataError(_problem_list(structure_problems(data)), source) from None
    if not check_references:
        return mechanism
    from yrdmodel.validation.rules import reference_problems

    problems = reference_problems(mechanism)
    if problems:
        raise DataError(_problem_list(problems), source)
    return mechanism


_MAX_MESSAGE = 300


def _problem_list(problems: Iterable[tuple[str, str]]) -> list[Problem]:
    """Problems with messages cut to a readable length (a huge bad value must not make a huge error)."""
    return [
        Problem(path, message if len(message) <= _MAX_MESSAGE else message[:_MAX_MESSAGE] + "...")
        for path, message in problems
    ]
