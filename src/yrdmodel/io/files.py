"""Loading and saving mechanisms as JSON or TOML, and the packaged YRD dataset.

Everything that reads data goes through `_build`: parse, structure with the shared
converter, check references. Any problem becomes one [`DataError`][yrdmodel.DataError]
listing every problem with its path; nothing half built is returned and no code in the
data runs (``json`` and ``tomllib`` only parse).
"""

import os
import re
import stat
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from yrdmodel.errors import DataError, Problem, ProblemKind
from yrdmodel.io.fast import gc_paused, structure_fast
from yrdmodel.model.mechanism import Mechanism

__all__ = ["MAX_SIZE", "Format", "dumps", "load", "loads"]

Format = Literal["json", "toml"]

MAX_SIZE = 256 * 2**20
"""The default cap on what one load reads: 256 MiB (bytes of a file, characters of a text).

Larger input is refused before it is parsed; pass ``max_size`` to `load` or `loads`
to change it."""

_MAX_TOML_KEY_PARTS = 256
"""The most parts a TOML key or table header may have (``a.b.c`` has 3); the schema needs 4."""


def loads(
    text: str | bytes,
    *,
    format: Format = "json",
    source: str | None = None,
    check_references: bool = True,
    max_size: int = MAX_SIZE,
) -> Mechanism:
    """Build a mechanism from JSON or TOML text.

    The text is refused, with a `DataError`, when it is longer than
    ``max_size``, repeats a key in one JSON object, or holds a lone surrogate (text that
    cannot be saved as UTF-8). A leading byte-order mark is allowed.

    Args:
        text: The document (``bytes`` must be UTF-8).
        format: ``"json"`` or ``"toml"``.
        source: A name for the input, used in error messages.
        check_references: Refuse records that refer to ids the document does not hold. Turn it
            off for an extension meant for [`yrdmodel.merge`][yrdmodel.merge], whose references are checked
            when it is merged.
        max_size: The longest text accepted, in bytes (characters for ``str``); `MAX_SIZE`
            (256 MiB) by default.

    Raises:
        DataError: The text is not a valid mechanism; ``.problems`` lists every problem.
    """
    with gc_paused():  # many objects and no garbage: collecting while they are made only costs time
        return _build(_parse(text, format, source, max_size), source, check_references)


def load(
    path: str | os.PathLike[str] | None = None, *, check_references: bool = True, max_size: int = MAX_SIZE
) -> Mechanism:
    """Load the packaged YRD dataset, or a mechanism from a JSON or TOML file.

    Only regular files are read (not a directory, a pipe or a device such as ``/dev/zero``),
    and at most ``max_size`` bytes of them.

    Args:
        path: A ``.json`` or ``.toml`` file of the same schema as [`dumps`][yrdmodel.dumps] writes.
            Without it, the packaged dataset is returned; it is read once and cached, and
            every caller (every thread) gets the same object.
        check_references: As for [`loads`][yrdmodel.loads]: off for an extension meant for
            [`yrdmodel.merge`][yrdmodel.merge].
        max_size: The largest file accepted, in bytes; `MAX_SIZE` (256 MiB) by default.

    Raises:
        DataError: The file cannot be read or is not a valid mechanism.
    """
    if path is None:
        return _packaged()
    try:
        name = os.fspath(path)
    except TypeError:
        raise DataError([Problem("$", f"expected a file path, not {type(path).__name__}", "unreadable")]) from None
    if not isinstance(name, str):
        raise DataError([Problem("$", f"expected a file path, not {type(name).__name__}", "unreadable")])
    data = _read(name, max_size)
    format: Format = "toml" if Path(name).suffix.lower() == ".toml" else "json"
    return loads(data, format=format, source=name, check_references=check_references, max_size=max_size)


def dumps(mechanism: Mechanism, *, indent: int | None = 2, format: str = "json") -> str:
    """The mechanism as JSON text, or TOML with ``format="toml"`` (needs tomli-w); ``loads(dumps(m)) == m``.

    Raises:
        DataError: A text of the mechanism holds a lone surrogate, so it could not be saved
            as UTF-8 (a mechanism built in code; [`loads`][yrdmodel.loads] refuses them).
        ValueError: ``format`` is neither ``"json"`` nor ``"toml"``.
    """
    import json

    if format not in ("json", "toml"):
        raise ValueError(f"unknown format {format!r}: use 'json' or 'toml'")
    from yrdmodel.io.converter import unstructure_mechanism

    document = unstructure_mechanism(mechanism)
    text = json.dumps(document, ensure_ascii=False, indent=indent)
    if not text.isascii() and _SURROGATE.search(text):
        raise DataError(_content_problems(document, duplicates=False, surrogates=True), "the mechanism")
    if format == "toml":
        try:
            import tomli_w
        except ImportError as exc:
            raise ImportError('TOML output needs tomli-w: pip install tomli-w (or the "toml" extra)') from exc
        return tomli_w.dumps(document)
    return text


def _unreadable(why: str, source: str | None) -> DataError:
    return DataError([Problem("$", f"cannot read the file: {why}", "unreadable")], source)


def _read(name: str, max_size: int) -> bytes:
    """The bytes of a regular file of at most ``max_size`` bytes, without ever blocking on a pipe."""
    if "\x00" in name:
        raise _unreadable("a file name cannot hold a null character", name)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(name, flags)  # non-blocking: opening a FIFO with no writer returns at once
    except OSError as exc:
        raise _unreadable(exc.strerror or type(exc).__name__, name) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _unreadable("it is a directory", name)
        if not stat.S_ISREG(info.st_mode):
            raise _unreadable("not a regular file (a pipe, socket or device)", name)
        if info.st_size > max_size:
            raise _too_large(name, max_size)
        chunks: list[bytes] = []
        size = 0
        while size <= max_size:  # the file may grow while it is read
            chunk = os.read(fd, min(max_size + 1 - size, 2**24))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise _unreadable(exc.strerror or type(exc).__name__, name) from None
    finally:
        os.close(fd)
    if size > max_size:
        raise _too_large(name, max_size)
    return b"".join(chunks)


def _too_large(source: str | None, max_size: int) -> DataError:
    return DataError([Problem("$", f"larger than the limit of {max_size} bytes (max_size)", "limit")], source)


_PACKAGED: list[Mechanism] = []
_PACKAGED_LOCK = threading.Lock()


def _packaged() -> Mechanism:
    """The packaged dataset, built once: threads asking at the same time wait for the one build."""
    if _PACKAGED:
        return _PACKAGED[0]
    with _PACKAGED_LOCK:
        if not _PACKAGED:
            _PACKAGED.append(_build_packaged())
        return _PACKAGED[0]


def _build_packaged() -> Mechanism:
    from yrdmodel.data import fast_document, toml_document

    fast = fast_document()
    if fast is not None:  # made from exactly the TOML files, whose references were checked then
        return _build(fast, "the packaged dataset", check_references=False)
    return _build(toml_document(), "the packaged dataset")


class _Duplicates(dict[str, Any]):
    """A JSON object that repeated keys; the keys repeated are kept to report them with their path."""

    repeated: tuple[str, ...] = ()


def _repeated(pairs: list[tuple[str, Any]], result: dict[str, Any]) -> _Duplicates:
    """A JSON object that gave a key more than once, marked with the keys it repeated."""
    seen: set[str] = set()
    repeated: dict[str, None] = {}
    for key, _ in pairs:
        if key in seen:
            repeated[key] = None
        seen.add(key)
    marked = _Duplicates(result)
    marked.repeated = tuple(repeated)
    return marked


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _values(data: Any, path: str = "$") -> Iterator[tuple[str, Any]]:
    """``(path, value)`` for every object, list, key and string of a parsed document, iteratively."""
    from yrdmodel.io.converter import key_path

    stack: list[tuple[str, Any]] = [(path, data)]
    while stack:
        where, value = stack.pop()
        yield where, value
        if isinstance(value, dict):
            for key, item in value.items():
                inner = key_path(where, key)
                yield inner, key
                stack.append((inner, item))
        elif isinstance(value, list):
            stack.extend((f"{where}[{i}]", item) for i, item in enumerate(value))


def _content_problems(data: Any, duplicates: bool, surrogates: bool) -> list[Problem]:
    """Repeated keys and lone surrogates, with their paths (only looked for where the text may hold them)."""
    from yrdmodel.io.converter import key_path

    found: list[Problem] = []
    for where, value in _values(data):
        if duplicates and isinstance(value, _Duplicates):
            found.extend(Problem(key_path(where, k), "key given twice in one object", "syntax") for k in value.repeated)
        if surrogates and isinstance(value, str) and _SURROGATE.search(value):
            found.append(Problem(where, "holds a lone surrogate (\\ud800-\\udfff), which is not text", "syntax"))
    return found


_TOML_KEY_DOT = re.compile(r"\w\s*\.(?=\s*\w)")


def _strings_as_words(line: str) -> str:
    """``line`` with each TOML string replaced by ``s``, in one pass (a regex could take quadratic time)."""
    out: list[str] = []
    i, n = 0, len(line)
    next_quote = {'"': line.find('"'), "'": line.find("'")}
    while i < n:
        for quote, at in next_quote.items():
            if 0 <= at < i:
                next_quote[quote] = line.find(quote, i)
        starts = [at for at in next_quote.values() if at >= 0]
        if not starts:
            out.append(line[i:])
            break
        start = min(starts)
        out.append(line[i:start] + "s")
        end = start
        while True:  # the closing quote: in a basic string, one not escaped by an odd run of backslashes
            end = line.find(line[start], end + 1)
            if end < 0 or line[start] == "'":
                break
            escapes = end - 1
            while line[escapes] == "\\":
                escapes -= 1
            if (end - 1 - escapes) % 2 == 0:
                break
        if end < 0:  # an unclosed string runs to the end of the line
            break
        i = end + 1
    return "".join(out)


def _toml_too_nested(text: str) -> bool:
    """Whether a TOML line has a dotted key of more than `_MAX_TOML_KEY_PARTS` parts.

    ``tomllib`` takes time quadratic in the parts of a key (in a header, a key or an inline
    table). Only lines with that many dots are looked at; strings count as one key part each,
    so a value or note full of dots is not a key.
    """
    if text.count(".") <= _MAX_TOML_KEY_PARTS:
        return False
    for line in text.splitlines():
        if line.count(".") > _MAX_TOML_KEY_PARTS:
            keys = _strings_as_words(line)
            if len(_TOML_KEY_DOT.findall(keys)) > _MAX_TOML_KEY_PARTS:
                return True
    return False


def _parse(text: object, format: object, source: str | None, max_size: int = MAX_SIZE) -> dict[str, Any]:
    """Parse a document; every way it can fail is a [`DataError`][yrdmodel.DataError]."""
    if format not in ("json", "toml"):
        raise DataError([Problem("$", f"unknown format {format!r}: use 'json' or 'toml'", "syntax")], source)
    if isinstance(text, bytearray | memoryview):
        text = bytes(text)
    if not isinstance(text, str | bytes):
        raise DataError(
            [Problem("$", f"expected text (str or bytes), not {type(text).__name__}", "unreadable")], source
        )
    if len(text) > max_size:
        raise _too_large(source, max_size)
    import json
    import tomllib

    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")  # a byte-order mark is allowed, and dropped
        except UnicodeDecodeError as exc:
            raise DataError([Problem("$", f"not UTF-8 text (byte {exc.start})", "unreadable")], source) from None
        surrogates = False  # UTF-8 cannot hold them
    else:
        text = text.removeprefix("\ufeff")
        surrogates = not text.isascii() and _SURROGATE.search(text) is not None
    if format == "toml" and _toml_too_nested(text):
        message = f"a key or table header has more than {_MAX_TOML_KEY_PARTS} dotted parts"
        raise DataError([Problem("$", message, "limit")], source)
    repeated = False
    try:
        if format == "json":
            surrogates = surrogates or _SURROGATE_ESCAPE.search(text) is not None

            def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
                result = dict(pairs)
                if len(result) == len(pairs):
                    return result
                nonlocal repeated
                repeated = True
                return _repeated(pairs, result)

            data = json.loads(text, object_pairs_hook=hook)
        else:
            data = tomllib.loads(text)
    except json.JSONDecodeError as exc:
        message = f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        raise DataError([Problem("$", message, "syntax")], source) from None
    except tomllib.TOMLDecodeError as exc:
        raise DataError([Problem("$", f"not TOML: {exc}", "syntax")], source) from None
    except RecursionError:
        raise DataError([Problem("$", "nested too deeply", "limit")], source) from None
    except ValueError as exc:  # JSON numbers too long for int(); not a library bug: these come from the text
        raise DataError([Problem("$", f"not {str(format).upper()}: {exc}", "syntax")], source) from None
    if not isinstance(data, dict):
        raise DataError([Problem("$", f"expected an object at the top, not {type(data).__name__}", "schema")], source)
    if repeated or surrogates:
        problems = _content_problems(data, repeated, surrogates)
        if problems:
            raise DataError(problems, source)
    return data


def _structure(data: dict[str, Any], source: str | None) -> Mechanism:
    """The converter's mechanism, or a DataError with every problem the detailed converter finds."""
    from yrdmodel.io.converter import DATA_ERRORS, make_converter, structure_problems

    try:
        return make_converter(detailed=False).structure(data, Mechanism)
    except (RecursionError, *DATA_ERRORS) as exc:  # type: ignore[misc]  # a tuple built of exception classes
        problems = structure_problems(data)  # the detailed converter says what and where
        if not problems:  # the two converters disagree: a bug in yrdmodel, not bad data
            raise exc
        raise DataError(_problem_list(problems, "schema"), source) from None


def _build(data: dict[str, Any], source: str | None, check_references: bool = True) -> Mechanism:
    """Structure a parsed document: fast when it is good, and every problem with its path when not."""
    try:
        mechanism = structure_fast(data)  # no cattrs: quick for good data
    except Exception:  # on any doubt the converter decides, and says what and where when it refuses
        mechanism = _structure(data, source)
    if not check_references:
        return mechanism
    from yrdmodel.validation.rules import reference_problems

    if problems := reference_problems(mechanism):
        raise DataError(_problem_list(problems, "reference"), source)
    return mechanism


def _problem_list(problems: Iterable[tuple[str, str]], kind: ProblemKind) -> list[Problem]:
    """Problems of one kind (`Problem` cuts long paths and messages)."""
    return [Problem(path, message, kind) for path, message in problems]
