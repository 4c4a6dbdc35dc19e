"""Bad input gives one DataError that lists every problem with its path, and nothing else escapes."""

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import yrdmodel
from yrdmodel import DataError, Mechanism, Problem
from yrdmodel import strategies as yst

GOOD: dict[str, Any] = {
    "name_en": "Yangtze River Delta",
    "sources": [{"id": "seed-003", "kind": "seed", "ref": "003_b99ca14925887098.txt"}],
    "members": [
        {
            "id": "zhejiang",
            "name_en": "Zhejiang",
            "name_zh": "浙江",
            "kind": "province",
            "sources": [{"source": "seed-003"}],
        },
        {
            "id": "jiangsu",
            "name_en": "Jiangsu",
            "name_zh": "江苏",
            "kind": "province",
            "sources": [{"source": "seed-003"}],
        },
    ],
    "posts": [
        {"id": "zhejiang.party-secretary", "name_en": "Party Secretary of Zhejiang", "member": "zhejiang"},
        {"id": "jiangsu.governor", "name_en": "Governor of Jiangsu", "member": "jiangsu"},
    ],
    "people": [
        {"id": "che-jun", "name_en": "Che Jun", "name_zh": "车俊"},
        {"id": "yuan-jiajun", "name_en": "Yuan Jiajun", "name_zh": "袁家军"},
        {"id": "wu-zhenglong", "name_en": "Wu Zhenglong", "name_zh": "吴政隆"},
    ],
    "tenures": [
        {"post": "zhejiang.party-secretary", "person": "che-jun", "start": "2017-04-26", "end": "2020-09"},
        {"post": "zhejiang.party-secretary", "person": "yuan-jiajun", "start": "2020-09"},
        {"post": "jiangsu.governor", "person": "wu-zhenglong", "start": "2017-01-20", "end": "2021-10-22"},
        {"post": "jiangsu.governor", "person": "wu-zhenglong", "start": "2021-10-22", "acting": False},
    ],
}


def with_changes(**changes: Any) -> dict[str, Any]:
    """A deep copy of the good document, with top-level keys replaced."""
    document: dict[str, Any] = json.loads(json.dumps(GOOD))
    document.update(changes)
    return document


def tenures(**changes: Any) -> list[dict[str, Any]]:
    """The good tenures, with fields of the fourth (index 3) replaced (None deletes a field)."""
    rows: list[dict[str, Any]] = json.loads(json.dumps(GOOD["tenures"]))
    rows[3].update(changes)
    rows[3] = {k: v for k, v in rows[3].items() if v is not None}
    return rows


def problems_of(text: str | bytes, **kw: Any) -> list[tuple[str, str]]:
    with pytest.raises(DataError) as caught:
        yrdmodel.loads(text, **kw)
    assert caught.value.problems, "a DataError lists at least one problem"
    return [(p.path, p.message) for p in caught.value.problems]


def paths_of(document: object) -> list[str]:
    return [path for path, _ in problems_of(json.dumps(document))]


def test_the_good_document_loads() -> None:
    m = yrdmodel.loads(json.dumps(GOOD))
    assert isinstance(m, Mechanism)
    assert m.holder("zhejiang.party-secretary", on="2018-06-01") is not None


class TestNotADocument:
    @pytest.mark.parametrize("text", ["", "{", "{'name_en': 'single quotes'}", "[1, 2", "name_en = 'toml, not json'"])
    def test_text_that_is_not_json(self, text: str) -> None:
        [(path, message)] = problems_of(text)
        assert path == "$"
        assert message.startswith("not JSON")

    def test_text_that_is_not_toml(self) -> None:
        [(path, message)] = problems_of('name_en = "YRD"\nname_en = "twice"', format="toml")
        assert (path, message[:8]) == ("$", "not TOML")

    def test_bytes_that_are_not_utf8(self) -> None:
        assert problems_of(b'{"name_en": "\xff"}') == [("$", "not UTF-8 text (byte 13)")]

    @pytest.mark.parametrize("text", ["[]", "3", '"a mechanism"', "null"])
    def test_a_document_that_is_not_an_object(self, text: str) -> None:
        [(path, message)] = problems_of(text)
        assert path == "$"
        assert message.startswith("expected an object at the top")

    @pytest.mark.parametrize("value", [None, 3, ["{}"], {"name_en": "x"}])
    def test_an_argument_that_is_not_text(self, value: Any) -> None:
        [(path, message)] = problems_of(value)
        assert path == "$"
        assert message.startswith("expected text")

    def test_an_unknown_format(self) -> None:
        assert problems_of("{}", format="yaml") == [("$", "unknown format 'yaml': use 'json' or 'toml'")]

    def test_json_nested_too_deeply(self) -> None:
        assert problems_of("[" * 100_000 + "]" * 100_000) == [("$", "nested too deeply")]

    def test_toml_nested_too_deeply(self) -> None:
        assert problems_of("x = " + "[" * 100_000 + "]" * 100_000, format="toml") == [("$", "nested too deeply")]

    def test_a_number_too_long_to_read(self) -> None:
        [(path, message)] = problems_of('{"name_en": ' + "9" * 5000 + "}")
        assert path == "$"
        assert "digits" in message


class TestWrongValues:
    def test_a_month_thirteen_is_named_with_its_path(self) -> None:
        [(path, message)] = problems_of(json.dumps(with_changes(tenures=tenures(start="2021-13-01"))))
        assert path == "$.tenures[3].start"
        assert "2021-13-01" in message
        assert "month must be 1-12" in message

    @pytest.mark.parametrize("date", ["2021-02-30", "21", "2021/06/01", "2021-6-1", "0000", ""])
    def test_dates_that_do_not_exist_or_are_malformed(self, date: str) -> None:
        assert paths_of(with_changes(tenures=tenures(start=date))) == ["$.tenures[3].start"]

    def test_an_end_before_the_start_is_put_at_the_end(self) -> None:
        [(path, message)] = problems_of(json.dumps(with_changes(tenures=tenures(end="2019"))))
        assert path == "$.tenures[3].end"
        assert message == "end 2019 is before start 2021-10-22"

    def test_wrong_types_say_what_was_expected(self) -> None:
        document = with_changes(tenures=tenures(start=20211022, acting="no", person=["wu-zhenglong"]))
        assert sorted(problems_of(json.dumps(document))) == [
            ("$.tenures[3].acting", "expected true or false, not str"),
            ("$.tenures[3].person", "expected a string, not list"),
            ("$.tenures[3].start", "expected a date string (YYYY, YYYY-MM or YYYY-MM-DD), not int"),
        ]

    def test_numbers_are_not_read_from_strings(self) -> None:
        document = with_changes(rotation={"body": "symposium", "order": ["zhejiang"], "anchor_year": "2018"})
        assert problems_of(json.dumps(document)) == [("$.rotation.anchor_year", "expected an integer, not str")]

    def test_a_value_that_is_not_one_of_the_kinds(self) -> None:
        members = json.loads(json.dumps(GOOD["members"]))
        members[1]["kind"] = "town"
        [(path, message)] = problems_of(json.dumps(with_changes(members=members)))
        assert path == "$.members[1].kind"
        assert message.startswith("'town' is not one of 'municipality', 'province'")

    def test_an_id_that_is_not_a_slug(self) -> None:
        people = [*GOOD["people"], {"id": "Li Qiang", "name_en": "Li Qiang"}]
        [(path, message)] = problems_of(json.dumps(with_changes(people=people)))
        assert path == "$.people[3].id"
        assert "lower-case slug" in message

    def test_a_record_that_is_not_an_object(self) -> None:
        assert problems_of(json.dumps(with_changes(people=[*GOOD["people"], "li-qiang"]))) == [
            ("$.people[3]", "expected an object, not str")
        ]

    def test_a_list_that_is_an_object(self) -> None:
        assert paths_of(with_changes(members={"zhejiang": {}})) == ["$.members"]

    def test_a_missing_field(self) -> None:
        document = with_changes(tenures=tenures(person=None))
        assert problems_of(json.dumps(document)) == [("$.tenures[3].person", "required field missing")]

    def test_unknown_keys_are_each_named(self) -> None:
        document = with_changes(tenures=tenures(ended="2022", **{"two words": 1}), bodys=[])
        assert sorted(problems_of(json.dumps(document))) == [
            ("$.bodys", "unknown key"),
            ("$.tenures[3].ended", "unknown key"),
            ("$.tenures[3]['two words']", "unknown key"),
        ]

    def test_every_problem_in_the_file_is_listed_at_once(self) -> None:
        rows = [
            {"post": "zhejiang.party-secretary", "person": "che-jun", "start": f"2021-{m:02d}-01"} for m in range(1, 16)
        ]
        with pytest.raises(DataError) as caught:
            yrdmodel.loads(json.dumps(with_changes(tenures=rows)))
        error = caught.value
        assert [p.path for p in error.problems] == [f"$.tenures[{i}].start" for i in (12, 13, 14)]
        assert str(error).splitlines()[0] == "3 problems"

    def test_a_huge_bad_value_gives_a_short_message(self) -> None:
        [(path, message)] = problems_of(json.dumps(with_changes(tenures=tenures(person="X" * 1_000_000))))
        assert path == "$.tenures[3].person"
        assert len(message) < 400

    def test_a_huge_file_of_bad_records_lists_each_one(self) -> None:
        rows = [{"post": "p", "person": "q", "start": "2021-13-01", "extra": i} for i in range(2000)]
        with pytest.raises(DataError) as caught:
            yrdmodel.loads(json.dumps(with_changes(tenures=rows)))
        assert len(caught.value.problems) == 4000


class TestUnknownIds:
    def test_a_tenure_of_someone_who_is_not_there(self) -> None:
        assert problems_of(json.dumps(with_changes(tenures=tenures(person="wu-zhengrong")))) == [
            ("$.tenures[3].person", "unknown person id 'wu-zhengrong'")
        ]

    def test_a_citation_of_a_source_that_is_not_there(self) -> None:
        members = json.loads(json.dumps(GOOD["members"]))
        members[0]["sources"] = [{"source": "seed-003"}, {"source": "seed-999"}]
        assert problems_of(json.dumps(with_changes(members=members))) == [
            ("$.members[0].sources[1].source", "unknown source id 'seed-999'")
        ]

    def test_two_people_with_one_id(self) -> None:
        people = [*GOOD["people"], {"id": "che-jun", "name_en": "Che Jun (again)"}]
        assert problems_of(json.dumps(with_changes(people=people))) == [
            ("$.people[3].id", "another person already has the id 'che-jun'")
        ]


class TestFiles:
    def test_a_file_that_is_not_there(self, tmp_path: Path) -> None:
        with pytest.raises(DataError) as caught:
            yrdmodel.load(tmp_path / "missing.json")
        assert caught.value.source == str(tmp_path / "missing.json")
        assert caught.value.problems[0].message.startswith("cannot read the file")

    def test_a_directory_is_not_a_file(self, tmp_path: Path) -> None:
        with pytest.raises(DataError):
            yrdmodel.load(tmp_path)

    def test_a_path_that_is_not_a_path(self) -> None:
        with pytest.raises(DataError):
            yrdmodel.load(3)  # type: ignore[arg-type]

    def test_an_unquoted_toml_date_is_explained(self, tmp_path: Path) -> None:
        file = tmp_path / "yrd.toml"
        file.write_text('name_en = "YRD"\nas_of = 2025-06-01\n', encoding="utf-8")
        with pytest.raises(DataError) as caught:
            yrdmodel.load(file)
        assert caught.value.problems == (
            Problem("$.as_of", "expected a date string (YYYY, YYYY-MM or YYYY-MM-DD), not date (quote dates in TOML)"),
        )
        assert str(file) in str(caught.value)

    def test_text_that_looks_like_code_stays_text(self, tmp_path: Path) -> None:
        marker = tmp_path / "ran"
        code = f"__import__('pathlib').Path({str(marker)!r}).touch()"
        file = tmp_path / "yrd.toml"
        file.write_text(f"name_en = {json.dumps(code)}\n", encoding="utf-8")
        assert yrdmodel.load(file).name_en == code
        assert not marker.exists()


# Properties --------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=30,
)
SCHEMA_KEYS = [
    "name_en",
    "members",
    "tenures",
    "people",
    "posts",
    "meetings",
    "bodies",
    "id",
    "start",
    "post",
    "person",
    "kind",
]
schema_like = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 3000) | st.sampled_from(["2021-13-01", "2021", "zhejiang", "seed", ""]),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(SCHEMA_KEYS), children, max_size=5)
    ),
    max_leaves=40,
)


def loads_or_data_error(text: str | bytes, **kw: Any) -> Mechanism | DataError:
    """What ``loads`` gives: a mechanism, or the DataError it raised. Any other exception fails the test."""
    try:
        return yrdmodel.loads(text, **kw)
    except DataError as error:
        caught = error
    assert caught.problems
    assert all(p.path.startswith("$") for p in caught.problems)
    return caught


@given(st.binary(max_size=300))
def test_random_bytes_raise_only_data_error(data: bytes) -> None:
    loads_or_data_error(data)
    loads_or_data_error(data, format="toml")


@given(json_values | schema_like)
def test_random_json_raises_only_data_error(value: object) -> None:
    loads_or_data_error(json.dumps(value))


@given(st.dictionaries(st.sampled_from(["name_en", *GOOD]), schema_like, max_size=6))
def test_random_objects_with_the_schemas_keys_raise_only_data_error(document: dict[str, object]) -> None:
    result = loads_or_data_error(json.dumps(document))
    assert isinstance(result, DataError) or result.name_en == document["name_en"]


def leaves(value: Any, path: str = "$") -> list[tuple[str, list[Any], Any]]:
    """Every (path, container path, value) of the string leaves of a parsed document."""
    found: list[tuple[str, list[Any], Any]] = []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        where = f"{path}.{key}" if isinstance(key, str) else f"{path}[{key}]"
        if isinstance(item, str):
            found.append((where, [key], item))
        for sub, keys, leaf in leaves(item, where):
            found.append((sub, [key, *keys], leaf))
    return found


@given(yst.mechanisms(), st.data())
def test_a_string_replaced_by_a_number_is_reported_at_its_path(m: Mechanism, data: st.DataObject) -> None:
    document = json.loads(yrdmodel.dumps(m))
    path, keys, _ = data.draw(st.sampled_from(leaves(document)))
    container = document
    for key in keys[:-1]:
        container = container[key]
    container[keys[-1]] = 2025
    result = loads_or_data_error(json.dumps(document))
    assert isinstance(result, DataError)
    assert path in [p.path for p in result.problems]


@given(yst.mechanisms(), st.data())
def test_an_unknown_key_anywhere_is_reported_at_its_path(m: Mechanism, data: st.DataObject) -> None:
    document = json.loads(yrdmodel.dumps(m))
    objects = [("$", document)]
    for path, keys, _ in [("$", [], None), *leaves(document)]:
        container: Any = document
        for key in keys[:-1]:
            container = container[key]
        if isinstance(container, dict) and keys:
            objects.append((path.rsplit(".", 1)[0], container))
    where, target = data.draw(st.sampled_from(objects))
    target["remarks"] = "not in the schema"
    result = loads_or_data_error(json.dumps(document))
    assert isinstance(result, DataError)
    assert (f"{where}.remarks", "unknown key") in [(p.path, p.message) for p in result.problems]
