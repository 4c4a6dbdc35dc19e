"""Table exports: CSV (folder or zip), Parquet, SQLite, a Frictionless data package, TOML, and frames."""

import csv
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

import yrdmodel
from yrdmodel.cli import main
from yrdmodel.interop.tables import bodies_frame, members_frame, people_frame, tables, write_tables

TABLES = ["members", "membership", "bodies", "posts", "people", "tenures", "meetings", "attendance", "plans", "sources"]


@pytest.fixture(scope="module")
def m() -> yrdmodel.Mechanism:
    return yrdmodel.load()


def export(tmp_path: Path, fmt: str, name: str, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    target = tmp_path / name
    assert main(["export", "--format", fmt, "-o", str(target)]) == 0
    return target, capsys.readouterr().err


def test_every_record_is_one_row(m: yrdmodel.Mechanism) -> None:
    counts = {t.name: len(t.rows) for t in tables(m)}
    assert list(counts) == TABLES
    assert counts["people"] == len(m.people)
    assert counts["tenures"] == len(m.tenures)
    assert counts["attendance"] == sum(len(x.attendees) for x in m.meetings)


def test_csv_to_a_folder_keeps_partial_dates_and_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], m: yrdmodel.Mechanism
) -> None:
    folder, said = export(tmp_path, "csv", "tables", capsys)
    assert sorted(p.stem for p in folder.iterdir()) == sorted(TABLES)
    with (folder / "tenures.csv").open(encoding="utf-8", newline="") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    yuan = next(t for t in m.tenures if t.person == "yuan-jiajun" and t.post == "zhejiang.party-secretary")
    assert rows[yuan.id]["start"] == str(yuan.start)  # a month stays a month
    assert rows[yuan.id]["sources"] == ";".join(c.source for c in yuan.sources)
    assert "wrote 10 files" in said
    assert "tenures.csv" in said


def test_csv_to_a_zip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive, said = export(tmp_path, "csv", "yrd.zip", capsys)
    with zipfile.ZipFile(archive) as z:
        assert sorted(n.removesuffix(".csv") for n in z.namelist()) == sorted(TABLES)
        people = list(csv.DictReader(z.read("people.csv").decode("utf-8").splitlines()))
    assert {"id": "li-qiang", "name_zh": "李强"}.items() <= next(p for p in people if p["id"] == "li-qiang").items()
    assert f"{archive}" in said


def test_sqlite_answers_who_held_a_post(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = export(tmp_path, "sqlite", "yrd.sqlite", capsys)
    db = sqlite3.connect(path)
    try:
        found = db.execute(
            "SELECT people.name_en FROM tenures JOIN people ON people.id = tenures.person "
            "WHERE tenures.post = 'shanghai.party-secretary' AND tenures.start = '2017-10-29'"
        ).fetchall()
    finally:
        db.close()
    assert found == [("Li Qiang",)]


def test_parquet_tables_read_back_with_pyarrow(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import pyarrow.parquet as pq

    folder, _ = export(tmp_path, "parquet", "parquet", capsys)
    people = pq.read_table(folder / "people.parquet").to_pylist()
    assert any(p["id"] == "wu-zhenglong" and "Wu Zhengrong" in (p["aliases"] or "") for p in people)
    meetings = pq.read_table(folder / "meetings.parquet")
    assert str(meetings.schema.field("next_host_year").type) == "int64"


def test_the_data_package_is_valid_frictionless(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from frictionless import Package

    folder, _ = export(tmp_path, "datapackage", "package", capsys)
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert descriptor["sources"]
    report = Package(str(folder / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_a_broken_reference_makes_the_package_invalid(tmp_path: Path, m: yrdmodel.Mechanism) -> None:
    import attrs
    from frictionless import Package

    bad = attrs.evolve(m.tenures[0], person="nobody")
    write_tables(attrs.evolve(m, tenures=(bad, *m.tenures[1:])), "datapackage", tmp_path)
    assert not Package(str(tmp_path / "datapackage.json")).validate().valid


def test_table_formats_need_a_target(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "csv"]) == 2
    assert "-o PATH" in capsys.readouterr().err


def test_toml_round_trips(m: yrdmodel.Mechanism) -> None:
    text = yrdmodel.dumps(m, format="toml")
    assert text.lstrip().startswith(("name_en", "[", "as_of"))
    assert yrdmodel.loads(text, format="toml") == m


def test_frames_of_people_bodies_and_members(m: yrdmodel.Mechanism) -> None:
    assert people_frame(m).loc["li-qiang", "name_zh"] == "李强"
    assert bodies_frame(m).loc["cooperation-office", "tier"] == "execution"
    assert list(members_frame(m).index) == ["shanghai", "jiangsu", "zhejiang", "anhui"]
