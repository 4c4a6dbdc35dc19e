"""The packaged YRD dataset: TOML files edited by people, and a JSON form generated from them.

The TOML files (``<name>.toml``, one per kind of record) are the source the curators edit.
``packaged.json`` holds the same document, merged, for a fast :func:`yrdmodel.load`: parsing
JSON is many times faster than parsing TOML. It records a digest of the TOML files it was
made from; when they differ (a TOML file was edited and the JSON not regenerated), the TOML
files are read instead, so an answer never comes from stale data. Regenerate it with::

    python -m yrdmodel.data
"""

import hashlib
import json
from importlib.resources import files
from pathlib import Path
from typing import Any

__all__ = ["FAST_FORM", "PACKAGED_FILES", "REGENERATE", "document", "fast_form", "toml_digest", "toml_document"]

PACKAGED_FILES = ("mechanism", "sources", "members", "bodies", "posts", "people", "tenures", "meetings", "plans")
"""The packaged dataset's files (``<name>.toml``); each holds the top-level keys of one kind."""

FAST_FORM = "packaged.json"
"""The generated JSON form of the TOML files, beside them."""

REGENERATE = "python -m yrdmodel.data"
"""The command that writes :data:`FAST_FORM` from the TOML files."""


def _toml_texts() -> list[tuple[str, bytes]]:
    package = files(__name__)
    texts = []
    for name in PACKAGED_FILES:
        try:
            texts.append((name, package.joinpath(f"{name}.toml").read_bytes()))
        except OSError as exc:
            from yrdmodel.errors import DataError, Problem

            problem = Problem("$", f"cannot read the file: {exc.strerror or exc}")
            raise DataError([problem], f"yrdmodel/data/{name}.toml") from None
    return texts


def toml_digest(texts: list[tuple[str, bytes]] | None = None) -> str:
    """The SHA-256 of the TOML files, in :data:`PACKAGED_FILES` order, each with its name.

    Args:
        texts: ``(name, bytes)`` of each file; read from the package when not given.
    """
    digest = hashlib.sha256()
    for name, text in _toml_texts() if texts is None else texts:
        digest.update(f"{name}.toml {len(text)}\n".encode())
        digest.update(text)
    return digest.hexdigest()


def toml_document(texts: list[tuple[str, bytes]] | None = None) -> dict[str, Any]:
    """The packaged dataset as one document, parsed from the TOML files.

    Args:
        texts: ``(name, bytes)`` of each file; read from the package when not given.

    Raises:
        DataError: A file cannot be parsed, or two files give the same top-level key.
    """
    from yrdmodel.errors import DataError, Problem
    from yrdmodel.io.files import _parse

    document: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, text in _toml_texts() if texts is None else texts:
        part = _parse(text, "toml", f"yrdmodel/data/{name}.toml")
        problems.extend(Problem(f"$.{key}", f"given again in {name}.toml") for key in part.keys() & document.keys())
        document.update(part)
    if problems:
        raise DataError(problems, "the packaged dataset")
    return document


def fast_form(texts: list[tuple[str, bytes]] | None = None) -> str:
    """The text of :data:`FAST_FORM` for the TOML files: their digest and their merged document.

    Args:
        texts: ``(name, bytes)`` of each file; read from the package when not given.
    """
    texts = _toml_texts() if texts is None else texts
    form = {
        "generated_by": REGENERATE,
        "toml_sha256": toml_digest(texts),
        "document": toml_document(texts),
    }
    return json.dumps(form, ensure_ascii=False, indent=1) + "\n"


def document() -> dict[str, Any]:
    """The packaged dataset as one document: from :data:`FAST_FORM` while it matches the TOML files.

    Raises:
        DataError: The TOML files are read and cannot be parsed.
    """
    texts = _toml_texts()
    try:
        form = json.loads(files(__name__).joinpath(FAST_FORM).read_bytes())
    except (OSError, ValueError):  # not generated, or broken: the TOML files are the source
        return toml_document(texts)
    if not isinstance(form, dict) or form.get("toml_sha256") != toml_digest(texts):
        return toml_document(texts)
    found = form.get("document")
    return found if isinstance(found, dict) else toml_document(texts)


def main() -> int:
    """Write :data:`FAST_FORM` beside the TOML files (``python -m yrdmodel.data``)."""
    target = Path(__file__).with_name(FAST_FORM)
    text = fast_form()
    if target.exists() and target.read_text(encoding="utf-8") == text:
        print(f"{target} is up to date")
    else:
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}")
    return 0
