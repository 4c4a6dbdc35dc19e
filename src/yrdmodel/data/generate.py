"""Write the packaged dataset's JSON form from its TOML files: ``python -m yrdmodel.data``."""

import json

from yrdmodel.data import _HERE, FAST_FORM, REGENERATE, _toml_texts, toml_checksum, toml_document
from yrdmodel.errors import DataError
from yrdmodel.io.files import loads

__all__ = ["fast_form", "main"]


def fast_form(texts: list[tuple[str, bytes]] | None = None) -> str:
    """The text of `FAST_FORM` for the TOML files: their checksum and their merged document.

    Args:
        texts: ``(name, bytes)`` of each file; read from the package when not given.

    Raises:
        DataError: The files do not make a mechanism whose references check.
    """
    texts = _toml_texts() if texts is None else texts
    document = toml_document(texts)
    loads(json.dumps(document, ensure_ascii=False), source="the packaged dataset", check_references=True)
    form = {"generated_by": REGENERATE, "toml_checksum": toml_checksum(texts), "document": document}
    return json.dumps(form, ensure_ascii=False, indent=1) + "\n"


def main() -> int:
    """Write `FAST_FORM` beside the TOML files (``python -m yrdmodel.data``)."""
    target = _HERE / FAST_FORM
    try:
        text = fast_form()
    except DataError as exc:
        print(f"not written: {exc}")
        return 1
    if target.exists() and target.read_text(encoding="utf-8") == text:
        print(f"{target} is up to date")
    else:
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}")
    return 0
