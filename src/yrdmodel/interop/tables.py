"""The data as tables: CSV (a folder or a zip), Parquet, SQLite and a Frictionless data package.

One table per kind of record (members, bodies, posts, people, tenures, meetings, attendance, plans,
sources), one row per record. Dates keep their precision as text (``2020-09`` is a month); lists
are joined with ``;``; ``sources`` lists the cited source ids. The same tables back the frames of
people, bodies and members.

>>> import yrdmodel
>>> from yrdmodel.interop.tables import tables
>>> [t.name for t in tables(yrdmodel.load())][:3]
['members', 'membership', 'bodies']
"""

import csv
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from yrdmodel.model.mechanism import Mechanism
from yrdmodel.model.sources import Sourced

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Column",
    "Table",
    "bodies_frame",
    "members_frame",
    "people_frame",
    "tables",
    "write_atomic",
    "write_tables",
]

Value = str | int | bool | None

DATA_LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}
"""The data's licence as a data package states it: the package's licence (pyproject.toml) until a
separate data licence is declared."""


@attrs.frozen
class Column:
    """A column of a table.

    Attributes:
        name: Its name.
        type: Its Table Schema type: ``string``, ``integer`` or ``boolean``.
        description: What it holds.
    """

    name: str
    type: str
    description: str


@attrs.frozen
class Table:
    """A table of records.

    Attributes:
        name: Its name (the file name without extension).
        description: What one row is.
        columns: Its columns.
        rows: Its rows, one value per column.
        key: The column(s) that identify a row.
        refs: Columns that hold the id of a row of another table: (column, table).
    """

    name: str
    description: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Value, ...], ...]
    key: tuple[str, ...] = ("id",)
    refs: tuple[tuple[str, str], ...] = ()


def _text(value: object) -> str | None:
    return None if value is None else str(getattr(value, "value", value))


def _join(values: Iterable[object]) -> str | None:
    items = [str(v) for v in values]
    return ";".join(items) if items else None


def _cited(record: Sourced) -> list[Value]:
    return [_join(c.source for c in record.sources), record.confidence.value, record.note]


_SOURCED = (
    ("sources", "string", "ids of the sources cited, joined with ;"),
    ("confidence", "string", "high, medium or low"),
    ("note", "string", "a curator's note"),
)


def _table(
    name: str,
    description: str,
    spec: Sequence[tuple[str, str, str]],
    rows: Iterable[Sequence[Value]],
    key: tuple[str, ...] = ("id",),
    refs: tuple[tuple[str, str], ...] = (),
) -> Table:
    columns = tuple(Column(*c) for c in spec)
    return Table(name, description, columns, tuple(tuple(r) for r in rows), key, refs)


def tables(m: Mechanism) -> tuple[Table, ...]:
    """Every record of the mechanism as tables.

    Args:
        m: The mechanism.
    """
    day = "a date as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD"
    return (
        _table(
            "members",
            "a member region",
            [
                ("id", "string", "member id"),
                ("name_en", "string", "English name"),
                ("name_zh", "string", "Chinese name"),
                ("kind", "string", "municipality or province"),
                ("capital", "string", "capital city"),
                *_SOURCED,
            ],
            ([x.id, x.name_en, x.name_zh, x.kind.value, x.capital, *_cited(x)] for x in m.members),
        ),
        _table(
            "membership",
            "a change in a member's standing in the mechanism",
            [
                ("member", "string", "member id"),
                ("since", "string", day),
                ("status", "string", "the new standing"),
                ("event", "string", "what happened"),
                *_SOURCED,
            ],
            ([x.id, str(c.since), c.status.value, c.event, *_cited(c)] for x in m.members for c in x.history),
            key=("member", "since"),
            refs=(("member", "members"),),
        ),
        _table(
            "bodies",
            "a body of the mechanism or related to it",
            [
                ("id", "string", "body id"),
                ("name_en", "string", "English name"),
                ("name_zh", "string", "Chinese name"),
                ("kind", "string", "what sort of body"),
                ("tier", "string", "decision, coordination, execution or empty"),
                ("parent", "string", "id of the body it is part of"),
                ("founded", "string", day),
                ("dissolved", "string", day),
                ("seat", "string", "where it sits"),
                *_SOURCED,
            ],
            (
                [
                    b.id,
                    b.name_en,
                    b.name_zh,
                    b.kind.value,
                    _text(b.tier),
                    b.parent,
                    _text(b.founded),
                    _text(b.dissolved),
                    b.seat,
                    *_cited(b),
                ]
                for b in m.all_bodies
            ),
        ),
        _table(
            "posts",
            "a post (office) of a member",
            [
                ("id", "string", "post id"),
                ("member", "string", "member id"),
                ("name_en", "string", "English title"),
                ("name_zh", "string", "Chinese title"),
                *_SOURCED,
            ],
            ([p.id, p.member, p.name_en, p.name_zh, *_cited(p)] for p in m.posts),
            refs=(("member", "members"),),
        ),
        _table(
            "people",
            "a person",
            [
                ("id", "string", "person id"),
                ("name_en", "string", "pinyin name"),
                ("name_zh", "string", "Chinese name"),
                ("aliases", "string", "other spellings, joined with ;"),
                *_SOURCED,
            ],
            ([p.id, p.name_en, p.name_zh, _join(a.name for a in p.aliases), *_cited(p)] for p in m.people),
        ),
        _table(
            "tenures",
            "a person's time in a post; end is the first day out of office",
            [
                ("id", "string", "tenure id"),
                ("post", "string", "post id"),
                ("person", "string", "person id"),
                ("start", "string", day),
                ("end", "string", day + "; the first day out of office"),
                ("acting", "boolean", "first held as acting"),
                ("attested", "string", "days the person is attested in the post"),
                *_SOURCED,
            ],
            (
                [t.id, t.post, t.person, _text(t.start), _text(t.end), t.acting, _join(t.attested), *_cited(t)]
                for t in m.tenures
            ),
            refs=(("post", "posts"), ("person", "people")),
        ),
        _table(
            "meetings",
            "a meeting of a body",
            [
                ("id", "string", "meeting id"),
                ("body", "string", "body id"),
                ("date", "string", day),
                ("end_date", "string", day),
                ("host", "string", "host member id"),
                ("city", "string", "city"),
                ("name_en", "string", "English name"),
                ("name_zh", "string", "Chinese name"),
                ("next_host", "string", "member id decided to host next"),
                ("next_host_year", "integer", "that year"),
                *_SOURCED,
            ],
            (
                [
                    x.id,
                    x.body,
                    str(x.date),
                    _text(x.end_date),
                    x.host,
                    x.city,
                    x.name_en,
                    x.name_zh,
                    x.next_host,
                    x.next_host_year,
                    *_cited(x),
                ]
                for x in m.meetings
            ),
            refs=(("body", "bodies"), ("host", "members")),
        ),
        _table(
            "attendance",
            "a person at a meeting",
            [
                ("meeting", "string", "meeting id"),
                ("person", "string", "person id"),
                ("post", "string", "the post attended in"),
                ("role", "string", "role, when not a post"),
                ("note", "string", "a note"),
            ],
            ([x.id, a.person, a.post, a.role, a.note] for x in m.meetings for a in x.attendees),
            key=("meeting", "person"),
            refs=(("meeting", "meetings"), ("person", "people")),
        ),
        _table(
            "plans",
            "a plan",
            [
                ("id", "string", "plan id"),
                ("name_en", "string", "English name"),
                ("name_zh", "string", "Chinese name"),
                ("kind", "string", "kind of plan"),
                ("first_year", "integer", "first year covered"),
                ("last_year", "integer", "last year covered"),
                ("adopted", "string", day),
                ("adopted_at", "string", "meeting id"),
                ("issued", "string", day),
                *_SOURCED,
            ],
            (
                [
                    p.id,
                    p.name_en,
                    p.name_zh,
                    p.kind.value,
                    p.first_year,
                    p.last_year,
                    _text(p.adopted),
                    p.adopted_at,
                    _text(p.issued),
                    *_cited(p),
                ]
                for p in m.plans
            ),
        ),
        _table(
            "sources",
            "a source the records cite",
            [
                ("id", "string", "source id"),
                ("kind", "string", "seed, official, state_media, news, reference, secondary"),
                ("ref", "string", "where to find it"),
                ("title", "string", "its title"),
                ("publisher", "string", "its publisher"),
                ("published", "string", day),
            ],
            ([s.id, s.kind.value, s.ref, s.title, s.publisher, _text(s.published)] for s in m.sources),
        ),
    )


# Frames ------------------------------------------------------------------------------------------


def _frame(table: Table) -> "pd.DataFrame":
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("the data frames need pandas: pip install pandas (or the project's [pandas] extra)") from exc
    frame = pd.DataFrame([list(r) for r in table.rows], columns=[c.name for c in table.columns])
    return frame.set_index(list(table.key))


def _named(m: Mechanism, name: str) -> Table:
    return next(t for t in tables(m) if t.name == name)


def people_frame(m: Mechanism) -> "pd.DataFrame":
    """The people as a data frame indexed by id."""
    return _frame(_named(m, "people"))


def bodies_frame(m: Mechanism) -> "pd.DataFrame":
    """The bodies as a data frame indexed by id."""
    return _frame(_named(m, "bodies"))


def members_frame(m: Mechanism) -> "pd.DataFrame":
    """The members as a data frame indexed by id."""
    return _frame(_named(m, "members"))


# Writing -----------------------------------------------------------------------------------------


def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file renamed into place: never a partial file.

    Args:
        path: The file to write.
        data: Its content.

    Returns:
        ``path``.
    """
    path = Path(path)
    fd, temp = tempfile.mkstemp(dir=path.parent if str(path.parent) else ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


def _csv(table: Table) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.name for c in table.columns])
    writer.writerows(
        ["" if v is None else ("true" if v is True else "false" if v is False else v) for v in r] for r in table.rows
    )
    return out.getvalue().encode("utf-8")


def _datapackage(m: Mechanism, all_tables: Sequence[Table]) -> bytes:
    from yrdmodel import __version__

    package = {
        "name": "yrdmodel-data",
        "title": m.name_en + (f" ({m.name_zh})" if m.name_zh else ""),
        "version": __version__,
        "description": "The records of the yrdmodel dataset, one table per kind of record; every record cites its sources.",
        "licenses": [DATA_LICENCE],
        "sources": [{"title": s.title or s.ref, "path": s.ref} for s in m.sources],
        "resources": [
            {
                "name": t.name,
                "path": f"{t.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": t.description,
                "schema": {
                    "fields": [{"name": c.name, "type": c.type, "description": c.description} for c in t.columns],
                    "primaryKey": list(t.key),
                    "foreignKeys": [
                        {"fields": column, "reference": {"resource": table, "fields": "id"}} for column, table in t.refs
                    ],
                },
            }
            for t in all_tables
        ],
    }
    if m.as_of is not None:
        package["created"] = str(m.as_of.last) + "T00:00:00Z"
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _sqlite(all_tables: Sequence[Table]) -> bytes:
    import sqlite3

    sql_type = {"string": "TEXT", "integer": "INTEGER", "boolean": "INTEGER"}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.sqlite"
        db = sqlite3.connect(path)
        try:
            for t in all_tables:
                columns = ", ".join(f'"{c.name}" {sql_type[c.type]}' for c in t.columns)
                key = ", ".join(f'"{k}"' for k in t.key)
                db.execute(f'CREATE TABLE "{t.name}" ({columns}, PRIMARY KEY ({key}))')
                marks = ", ".join("?" for _ in t.columns)
                db.executemany(f'INSERT INTO "{t.name}" VALUES ({marks})', t.rows)
            db.commit()
        finally:
            db.close()
        return path.read_bytes()


def _parquet(table: Table) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ImportError(
            "parquet export needs pyarrow: pip install pyarrow (or the project's [parquet] extra)"
        ) from exc
    arrow_type = {"string": pa.string(), "integer": pa.int64(), "boolean": pa.bool_()}
    schema = pa.schema([pa.field(c.name, arrow_type[c.type]) for c in table.columns])
    data = pa.Table.from_pylist(
        [dict(zip([c.name for c in table.columns], r, strict=True)) for r in table.rows], schema
    )
    out = pa.BufferOutputStream()
    pq.write_table(data, out)
    return bytes(out.getvalue().to_pybytes())


def _files(m: Mechanism, format: str) -> list[tuple[str, bytes]]:
    all_tables = tables(m)
    if format == "csv":
        return [(f"{t.name}.csv", _csv(t)) for t in all_tables]
    if format == "datapackage":
        return [(f"{t.name}.csv", _csv(t)) for t in all_tables] + [("datapackage.json", _datapackage(m, all_tables))]
    if format == "parquet":
        return [(f"{t.name}.parquet", _parquet(t)) for t in all_tables]
    if format == "sqlite":
        return [("", _sqlite(all_tables))]
    raise ValueError(f"unknown table format {format!r}: use csv, parquet, sqlite or datapackage")


def write_tables(m: Mechanism, format: str, target: Path) -> list[Path]:
    """Write the tables in a format: one file per table in a folder (or a ``.zip``), or one SQLite file.

    Each file is written to a temporary file and renamed into place, so a failed export leaves no
    partial file.

    Args:
        m: The mechanism.
        format: ``csv``, ``parquet``, ``sqlite`` or ``datapackage``.
        target: A folder (made if missing), a ``.zip`` file (csv and datapackage), or the SQLite file.

    Returns:
        The files written.
    """
    target = Path(target)
    files = _files(m, format)
    if format == "sqlite":
        return [write_atomic(target, files[0][1])]
    if target.suffix == ".zip":
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in files:
                archive.writestr(name, data)
        return [write_atomic(target, out.getvalue())]
    target.mkdir(parents=True, exist_ok=True)
    return [write_atomic(target / name, data) for name, data in files]
