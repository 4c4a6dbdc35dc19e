"""The packaged YRD dataset: TOML files edited by people, and a JSON form generated from them.

The TOML files (``<name>.toml``, one per kind of record) are the source the curators edit.
``packaged.json`` holds the same document, merged, for a fast `yrdmodel.load`: parsing
JSON is many times faster than parsing TOML. It is written only for data whose references
check, and records a checksum of the TOML files it was made from; when they differ (a TOML
file was edited and the JSON not regenerated), the TOML files are read instead, so an answer
never comes from stale data. Regenerate it with::

    python -m yrdmodel.data

(see `yrdmodel.data.generate`).
"""

import json
import zlib
from pathlib import Path
from typing import Any

from yrdmodel.model.mechanism import Mechanism
from yrdmodel.model.schema import collections

__all__ = [
    "FAST_FORM",
    "PACKAGED_FILES",
    "REGENERATE",
    "fast_document",
    "toml_checksum",
    "toml_document",
]

PACKAGED_FILES = ("mechanism", *(c.key for c in collections(Mechanism)))
"""The packaged dataset's files (``<name>.toml``); each holds the top-level keys of one kind."""

FAST_FORM = "packaged.json"
"""The generated JSON form of the TOML files, beside them."""

REGENERATE = "python -m yrdmodel.data"
"""The command that writes `FAST_FORM` from the TOML files."""


_HERE = Path(__file__).parent


def _read(name: str) -> bytes:
    """A file of the package: beside this module, or through importlib.resources (e.g. in a zip)."""
    try:
        return (_HERE / name).read_bytes()
    except OSError:
        from importlib.resources import files

        return files(__name__).joinpath(name).read_bytes()


def _toml_texts() -> list[tuple[str, bytes]]:
    texts = []
    for name in PACKAGED_FILES:
        try:
            texts.append((name, _read(f"{name}.toml")))
        except OSError as exc:
            from yrdmodel.errors import DataError, Problem

            problem = Problem("$", f"cannot read the file: {exc.strerror or exc}", "unreadable")
            raise DataError([problem], f"yrdmodel/data/{name}.toml") from None
    return texts


def toml_checksum(texts: list[tuple[str, bytes]] | None = None) -> str:
    """A checksum of the TOML files (each file's name, size and CRC-32): it changes when one is edited.

    Windows line ends (CRLF) count as LF, so that such a checkout matches too.

    Args:
        texts: ``(name, bytes)`` of each file; read from the package when not given.
    """
    texts = _toml_texts() if texts is None else texts
    lines = [(name, text.replace(b"\r\n", b"\n")) for name, text in texts]
    return " ".join(f"{name}.toml:{len(text)}:{zlib.crc32(text):08x}" for name, text in lines)


def toml_document(texts: list[tuple[str, bytes]] | None = None) -> dict[str, Any]:
    """The packaged dataset as one document, parsed from the TOML files.

    Args:
        texts: ``(name, bytes)`` of each file; read from the package when not given.

    Raises:
        DataError: A file cannot be parsed, or two files give the same top-level key.
    """
    import tomllib

    from yrdmodel.errors import DataError, Problem

    document: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, text in _toml_texts() if texts is None else texts:
        try:
            part = tomllib.loads(text.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise DataError([Problem("$", f"not valid TOML: {exc}", "syntax")], f"yrdmodel/data/{name}.toml") from None
        again = part.keys() & document.keys()
        problems.extend(Problem(f"$.{key}", f"given again in {name}.toml", "reference") for key in again)
        document.update(part)
    if problems:
        raise DataError(problems, "the packaged dataset")
    return document


def fast_document() -> dict[str, Any] | None:
    """The document of `FAST_FORM`, or None when it is missing or was not made from the current TOML files.

    A document given here was made from exactly these TOML files, and its references checked then.
    """
    try:
        form = json.loads(_read(FAST_FORM))
    except (OSError, ValueError):
        return None
    if not isinstance(form, dict) or form.get("toml_checksum") != toml_checksum():
        return None
    found = form.get("document")
    return found if isinstance(found, dict) else None
