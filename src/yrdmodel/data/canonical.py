"""The packaged TOML files in one canonical form, so that a data change is a clean diff.

Run ``python -m yrdmodel.data.canonical`` to list the files that are not canonical (exit
status 1 if any), and ``python -m yrdmodel.data.canonical --write`` to rewrite them.

The canonical form of a file is:

- its leading comment block, kept as written (the only comments a file has);
- keys in the order of the model class's fields, then ``confidence``, ``note`` and ``sources``;
  nested records that hold lists or records of their own (membership changes, counts, plan
  status events) as ``[[table.key]]`` after their parent's keys, all others inline;
- records of ``sources`` by kind (best first) then id, ``people`` and ``plans`` by id,
  ``tenures`` by post (in the order of ``posts.toml``) then start, and ``meetings`` by body
  (in the order of ``bodies.toml``) then date; ``members``, ``bodies`` and ``posts`` keep the
  order the data lists them in, which users see (``m.members``);
- strings in double quotes with TOML's escapes, lists of strings on one line when it fits in
  120 characters, lists of inline tables one item a line, each with a trailing comma.

Formatting never changes content: ``tomllib`` reads the same records from both forms.
"""

import argparse
import sys
import tomllib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, get_args

import attrs

from yrdmodel.model.schema import renamed

__all__ = ["canonical_text", "check", "main", "quote", "render"]

_WIDTH = 120
_INDENT = "    "
_SOURCED = ("confidence", "note", "sources")
_KIND_ORDER = ("seed", "official", "state_media", "news", "reference", "secondary")


def _record_class(annotation: Any) -> type | None:
    """The attrs class a field holds (directly, in a tuple, or optionally), if any."""
    if isinstance(annotation, type):
        return annotation if attrs.has(annotation) and annotation.__name__ != "PartialDate" else None
    for arg in get_args(annotation):
        if arg is not Ellipsis and (found := _record_class(arg)) is not None:
            return found
    return None


def _keys(cls: type) -> list[tuple[str, type | None]]:
    """``(key, record class of its value)`` in canonical order for a record class."""
    fields = [f for f in attrs.fields(attrs.resolve_types(cls)) if f.init]
    keys = renamed(cls)
    names = [(keys.get(f.name, f.alias), _record_class(f.type)) for f in fields]
    own = [n for n in names if n[0] not in _SOURCED]
    return own + sorted((n for n in names if n[0] in _SOURCED), key=lambda n: _SOURCED.index(n[0]))


def quote(text: str) -> str:
    r"""A TOML basic string for ``text`` (non-ASCII kept as is).

    Examples:
        >>> print(quote('Li "Qiang"\n'))
        "Li \"Qiang\"\n"
    """
    out = ['"']
    for char in text:
        code = ord(char)
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif char in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[char])
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


_SHORT_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return quote(value)
    raise TypeError(f"cannot write a {type(value).__name__} in the packaged data")


def _inline_table(value: Mapping[str, Any], cls: type | None) -> str:
    items = ", ".join(f"{key} = {_inline(value[key], None)}" for key in _ordered(value, cls))
    return f"{{ {items} }}" if items else "{}"


def _inline(value: Any, cls: type | None) -> str:
    if isinstance(value, Mapping):
        return _inline_table(value, cls)
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v, cls) for v in value) + "]"
    return _scalar(value)


def _ordered(value: Mapping[str, Any], cls: type | None) -> list[str]:
    """The keys of a table in canonical order (unknown keys, which loading refuses, last by name)."""
    if cls is None:
        return sorted(value)
    known = [k for k, _ in _keys(cls) if k in value]
    return known + sorted(set(value) - set(known))


def _is_table_list(value: Any) -> bool:
    """Whether a list is written as ``[[...]]`` tables: its items hold lists or tables themselves."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, Mapping) for v in value)
        and any(isinstance(x, list | Mapping) for v in value for x in v.values())
    )


def _assignment(key: str, value: Any, cls: type | None) -> list[str]:
    if isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
        return [f"{key} = [", *(f"{_INDENT}{_inline_table(v, cls)}," for v in value), "]"]
    if isinstance(value, list):
        line = f"{key} = {_inline(value, cls)}"
        if len(line) <= _WIDTH or not value:
            return [line]
        return [f"{key} = [", *(f"{_INDENT}{_inline(v, cls)}," for v in value), "]"]
    return [f"{key} = {_inline(value, cls)}"]


def _table(path: str, value: Mapping[str, Any], cls: type | None) -> list[str]:
    """The lines of a table's own keys, then of its sub-tables."""
    classes = dict(_keys(cls)) if cls is not None else {}
    lines: list[str] = []
    later: list[str] = []
    for key in _ordered(value, cls):
        item, sub = value[key], classes.get(key)
        if isinstance(item, Mapping):
            later += ["", f"[{path}{key}]", *_table(f"{path}{key}.", item, sub)]
        elif _is_table_list(item):
            for element in item:
                later += ["", f"[[{path}{key}]]", *_table(f"{path}{key}.", element, sub)]
        else:
            lines += _assignment(key, item, sub)
    return lines + later


def _date_key(text: Any) -> tuple[int, str]:
    return (0, "") if not isinstance(text, str) else (1, text)


def _sorters(document: Mapping[str, Any]) -> dict[str, Callable[[Mapping[str, Any]], Any]]:
    posts = {p.get("id"): i for i, p in enumerate(document.get("posts", ()))}
    bodies = {b.get("id"): i for i, b in enumerate(document.get("bodies", ()))}
    kinds = {k: i for i, k in enumerate(_KIND_ORDER)}
    return {
        "sources": lambda r: (kinds.get(r.get("kind"), len(kinds)), str(r.get("id"))),
        "people": lambda r: str(r.get("id")),
        "plans": lambda r: str(r.get("id")),
        "tenures": lambda r: (
            posts.get(r.get("post"), len(posts)),
            str(r.get("post")),
            _date_key(r.get("start")),
            _date_key(r.get("end")),
            str(r.get("person")),
        ),
        "meetings": lambda r: (
            bodies.get(r.get("body"), len(bodies)),
            str(r.get("body")),
            _date_key(r.get("date")),
            str(r.get("id")),
        ),
    }


def _header(text: str) -> list[str]:
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.rstrip())
    return lines


def canonical_text(text: str, context: Mapping[str, Any] | None = None) -> str:
    """The canonical form of one packaged TOML file.

    Args:
        text: The file's text.
        context: The whole packaged document (all files), which orders tenures by post and
            meetings by body; without it, the text's own ``posts`` and ``bodies``.

    Returns:
        The text in canonical form.
    """
    document = tomllib.loads(text)
    return render(document, _header(text), context if context is not None else document)


def _is_table(value: object) -> bool:
    """Whether a top-level value is written as a table or an array of tables (not a plain assignment)."""
    return isinstance(value, Mapping) or (isinstance(value, list) and all(isinstance(v, Mapping) for v in value))


def render(document: Mapping[str, Any], header: list[str], context: Mapping[str, Any]) -> str:
    """Write parsed data as a packaged TOML file in canonical form.

    Args:
        document: The file's data, as ``tomllib`` reads it.
        header: The comment lines the file starts with (each beginning with ``#``).
        context: The whole packaged document, for the order of tenures and meetings.

    Returns:
        The file's text.
    """
    from yrdmodel.model.mechanism import Mechanism

    sorters = _sorters(context)
    keys = dict(_keys(Mechanism))
    lines = list(header)
    scalars = [k for k in _ordered(document, Mechanism) if not _is_table(document[k])]
    if scalars:
        lines.append("")
        for key in scalars:
            lines += _assignment(key, document[key], None)
    for key in _ordered(document, Mechanism):
        value, cls = document[key], keys.get(key)
        if isinstance(value, Mapping):
            lines += ["", f"[{key}]", *_table(f"{key}.", value, cls)]
        elif _is_table(value):
            records = sorted(value, key=sorters[key]) if key in sorters else value
            for record in records:
                lines += ["", f"[[{key}]]", *_table(f"{key}.", record, cls)]
    return "\n".join(lines).lstrip("\n") + "\n"


def _files() -> list[Path]:
    from yrdmodel.data import PACKAGED_FILES

    here = Path(__file__).parent
    return [here / f"{name}.toml" for name in PACKAGED_FILES]


def _context(files: list[Path]) -> dict[str, Any]:
    document: dict[str, Any] = {}
    for file in files:
        document.update(tomllib.loads(file.read_text(encoding="utf-8")))
    return document


def check() -> Iterator[Path]:
    """The packaged files that are not in canonical form."""
    files = _files()
    context = _context(files)
    for file in files:
        text = file.read_text(encoding="utf-8")
        if canonical_text(text, context) != text:
            yield file


def main(argv: list[str] | None = None) -> int:
    """Check the packaged TOML files, or rewrite them in canonical form with ``--write``.

    Returns:
        The exit status: 1 when a file is not canonical and ``--write`` was not given.
    """
    parser = argparse.ArgumentParser(prog="python -m yrdmodel.data.canonical", description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="rewrite the files that are not canonical")
    args = parser.parse_args(argv)
    files = _files()
    context = _context(files)
    status = 0
    for file in files:
        text = file.read_text(encoding="utf-8")
        wanted = canonical_text(text, context)
        if wanted == text:
            continue
        if args.write:
            file.write_text(wanted, encoding="utf-8")
            print(f"rewrote {file.name}")
        else:
            print(f"{file.name} is not canonical (run with --write)")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
