"""The packaged dataset's fast JSON form: generated from the TOML files, and never shadowing them."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import yrdmodel
import yrdmodel.data
import yrdmodel.io.files
from yrdmodel.data import FAST_FORM, REGENERATE, fast_document, toml_document
from yrdmodel.data.generate import fast_form

DATA = Path(yrdmodel.data.__file__).parent


def test_the_fast_form_is_generated_from_the_current_toml_files() -> None:
    committed = (DATA / FAST_FORM).read_text(encoding="utf-8")
    assert committed == fast_form(), f"src/yrdmodel/data/{FAST_FORM} is stale: run {REGENERATE}"


def test_the_fast_form_holds_the_same_document_as_the_toml_files() -> None:
    form = json.loads((DATA / FAST_FORM).read_text(encoding="utf-8"))
    assert form["document"] == toml_document(), f"run {REGENERATE}"


def test_load_gives_the_mechanism_the_toml_files_describe() -> None:
    from_toml = yrdmodel.loads(json.dumps(toml_document()))
    assert yrdmodel.load() == from_toml


def _edited(old: bytes, new: bytes) -> list[tuple[str, bytes]]:
    texts = yrdmodel.data._toml_texts()
    assert any(old in text for name, text in texts if name == "mechanism")
    return [(name, text.replace(old, new) if name == "mechanism" else text) for name, text in texts]


def test_an_edited_toml_file_is_read_even_before_the_fast_form_is_regenerated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    edited = _edited(b'name_en = "Yangtze River Delta', b'name_en = "Edited Yangtze River Delta')
    monkeypatch.setattr(yrdmodel.data, "_toml_texts", lambda: edited)
    assert fast_document() is None
    assert yrdmodel.io.files._build_packaged().name_en.startswith("Edited Yangtze River Delta")


def test_the_fast_form_is_not_made_from_data_with_a_dangling_reference() -> None:
    edited = _edited(b'body = "symposium"', b'body = "no-such-body"')
    with pytest.raises(yrdmodel.DataError, match="no-such-body"):
        fast_form(edited)


def test_a_key_given_in_two_toml_files_is_refused() -> None:
    texts = yrdmodel.data._toml_texts()
    twice = [*texts, ("extra", b'name_en = "again"\n')]
    with pytest.raises(yrdmodel.DataError, match=r"name_en.*given again in extra\.toml"):
        toml_document(twice)


def test_a_checkout_with_windows_line_ends_still_uses_the_fast_form(monkeypatch: pytest.MonkeyPatch) -> None:
    crlf = [(name, text.replace(b"\n", b"\r\n")) for name, text in yrdmodel.data._toml_texts()]
    monkeypatch.setattr(yrdmodel.data, "_toml_texts", lambda: crlf)
    assert fast_document() == toml_document(crlf)


def test_loading_the_packaged_dataset_needs_neither_cattrs_nor_a_toml_parser() -> None:
    # Only what yrdmodel imports counts: a coverage run has imported tomllib before, to read its settings.
    code = (
        "import sys; before = set(sys.modules); import yrdmodel; yrdmodel.load();"
        " print(sorted({'cattrs', 'tomllib'} & (set(sys.modules) - before)))"
    )
    found = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert found.strip() == "[]", f"load() imported {found.strip()}: it should read {FAST_FORM} with the fast path"
