"""Hostile input gets the library's own error, in bounded time and memory (issue 12's reproducers)."""

import contextlib
import gc
import json
import os
import subprocess
import sys
import textwrap
import threading
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import yrdmodel
from yrdmodel import DataError, Mechanism, RotationPolicy, UnknownIdError
from yrdmodel import strategies as yst
from yrdmodel.errors import MAX_MESSAGE, MAX_PATH
from yrdmodel.model import sources
from yrdmodel.model.rotation import ExceptionKind, RotationException


def data_error(call: Any, *args: Any, **kw: Any) -> DataError:
    with pytest.raises(DataError) as caught:
        call(*args, **kw)
    assert caught.value.problems
    return caught.value


def run_python(code: str, limit_memory: bool = False) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter (with at most 1 GiB of address space if asked)."""

    def limit() -> None:  # pragma: no cover - runs in the child
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))

    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=limit if limit_memory else None,
        check=False,
    )


# 1-3: what a load reads -------------------------------------------------------------------------


class TestFiles:
    def test_a_null_character_in_the_file_name_is_a_data_error(self) -> None:
        error = data_error(yrdmodel.load, "a\x00b.json")
        assert error.problems[0].kind == "unreadable"
        assert "null character" in error.problems[0].message

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
    def test_a_named_pipe_is_refused_without_waiting_for_a_writer(self, tmp_path: Path) -> None:
        fifo = tmp_path / "p.json"
        os.mkfifo(fifo)
        outcome: list[BaseException] = []

        def read() -> None:
            try:
                yrdmodel.load(fifo)
            except BaseException as exc:
                outcome.append(exc)

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(30)
        if reader.is_alive():  # it waits for a writer: give it one, so that the test ends and fails
            with contextlib.suppress(OSError):
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            reader.join(30)
        [error] = outcome
        assert isinstance(error, DataError)
        assert error.problems[0].kind == "unreadable"
        assert "not a regular file" in error.problems[0].message

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
    def test_an_endless_device_is_refused_without_reading_it(self) -> None:
        result = run_python(
            """
            import yrdmodel
            try:
                yrdmodel.load("/dev/zero")
            except yrdmodel.DataError as error:
                print(error.problems[0].kind, error.problems[0].message)
            """,
            limit_memory=True,
        )
        assert result.returncode == 0, result.stderr[-500:]
        assert result.stdout.startswith("unreadable cannot read the file: not a regular file")

    def test_a_file_over_the_size_limit_is_refused(self, tmp_path: Path) -> None:
        file = tmp_path / "big.json"
        file.write_text(json.dumps({"name_en": "x" * 1000}), encoding="utf-8")
        error = data_error(yrdmodel.load, file, max_size=100)
        assert error.problems[0].kind == "limit"
        assert yrdmodel.load(file, max_size=2000).name_en == "x" * 1000

    def test_text_over_the_size_limit_is_refused(self) -> None:
        assert data_error(yrdmodel.loads, '{"name_en": "YRD"}', max_size=10).problems[0].kind == "limit"

    def test_a_missing_file_is_its_own_kind_of_problem(self, tmp_path: Path) -> None:
        assert data_error(yrdmodel.load, tmp_path / "missing.json").problems[0].kind == "unreadable"

    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            (b"\xff", "unreadable"),
            ("{", "syntax"),
            ('{"name_en": 3}', "schema"),
            ('{"name_en": "x", "tenures": [{"post": "p", "person": "q"}]}', "reference"),
            ("[" * 100_000, "limit"),
        ],
    )
    def test_each_problem_says_what_kind_it_is(self, text: str | bytes, kind: str) -> None:
        assert {p.kind for p in data_error(yrdmodel.loads, text).problems} == {kind}

    def test_a_bug_in_the_library_is_not_reported_as_bad_data(self, monkeypatch: pytest.MonkeyPatch) -> None:
        class Broken:
            def fullmatch(self, text: str) -> None:
                raise RuntimeError("a bug")

        monkeypatch.setattr(sources, "_ID", Broken())
        with pytest.raises(RuntimeError, match="a bug"):
            yrdmodel.loads(
                json.dumps({"name_en": "x", "sources": [{"id": "never-seen-before-id", "kind": "seed", "ref": "r"}]})
            )


# 4, 12: what a load accepts ---------------------------------------------------------------------


class TestText:
    @pytest.mark.parametrize("text", ['{"name_en": "\\ud800"}', '{"name_en": "\ud800"}', '{"\\udfff": 1}'])
    def test_a_lone_surrogate_is_refused_at_its_path(self, text: str) -> None:
        error = data_error(yrdmodel.loads, text)
        assert "surrogate" in error.problems[0].message
        assert error.problems[0].path in ("$.name_en", "$['\\udfff']")

    def test_a_mechanism_built_with_a_lone_surrogate_is_not_saved(self) -> None:
        error = data_error(yrdmodel.dumps, Mechanism(name_en="ok", name_zh="\udc80"))
        assert error.problems[0].path == "$.name_zh"

    def test_an_escaped_surrogate_pair_is_one_character(self) -> None:
        m = yrdmodel.loads('{"name_en": "\\ud83d\\ude00"}')
        assert m.name_en == "\U0001f600"
        assert yrdmodel.dumps(m).encode("utf-8")

    @pytest.mark.parametrize("format", ["json", "toml"])
    def test_a_byte_order_mark_is_allowed(self, format: str) -> None:
        text = '{"name_en": "YRD"}' if format == "json" else 'name_en = "YRD"\n'
        assert yrdmodel.loads(("\ufeff" + text).encode("utf-8"), format=format).name_en == "YRD"  # type: ignore[arg-type]
        assert yrdmodel.loads("\ufeff" + text, format=format).name_en == "YRD"  # type: ignore[arg-type]

    def test_a_key_given_twice_is_refused_with_its_path(self) -> None:
        text = '{"name_en": "a", "members": [{"id": "x", "id": "y"}], "name_en": "b"}'
        error = data_error(yrdmodel.loads, text)
        assert {(p.path, p.message) for p in error.problems} == {
            ("$.name_en", "key given twice in one object"),
            ("$.members[0].id", "key given twice in one object"),
        }

    def test_toml_already_refuses_a_key_given_twice(self) -> None:
        assert data_error(yrdmodel.loads, 'name_en = "a"\nname_en = "b"\n', format="toml").problems[0].kind == "syntax"

    @pytest.mark.parametrize(
        "date", ["\uff12\uff10\uff12\uff11-\uff10\uff16-\uff10\uff11", "\u0662\u0660\u0662\u0661", "2021-0\uff16"]
    )
    def test_dates_in_other_digits_are_refused_in_data(self, date: str) -> None:
        error = data_error(yrdmodel.loads, json.dumps({"name_en": "YRD", "as_of": date}))
        assert error.problems[0].path == "$.as_of"

    def test_dates_in_other_digits_are_refused_in_queries(self) -> None:
        m = yrdmodel.load()
        post = m.posts[0].id
        with pytest.raises(ValueError, match="not a date"):
            m.holder(post, "\uff12\uff10\uff12\uff11-\uff10\uff16-\uff10\uff11")

    @pytest.mark.parametrize(
        "text",
        [
            "[" + ".".join(["a"] * 20_000) + "]\n",
            " . ".join(['"a"'] * 20_000) + " = 1\n",
            "x = {" + ".".join(["a"] * 20_000) + " = 1}\n",
        ],
        ids=["header", "quoted key", "inline table"],
    )
    def test_a_toml_key_of_very_many_parts_is_refused_before_parsing(self, text: str) -> None:
        error = data_error(yrdmodel.loads, text, format="toml")
        assert error.problems[0].kind == "limit"

    @pytest.mark.parametrize("note", ["." * 1000, "a." * 1000, 'a\\". ' * 1000])
    def test_a_toml_text_with_many_dots_is_still_text(self, note: str) -> None:
        m = yrdmodel.loads(f'name_en = "x"\nname_zh = "{note}"\n', format="toml")
        assert m.name_zh == note.replace('\\"', '"')


# 5: rotations -----------------------------------------------------------------------------------


def stepping_next_after(policy: RotationPolicy, year: int) -> tuple[int, str] | None:
    """The old definition: try each year from the next one on."""
    candidate = max(year + 1, policy.first_year)
    for y in range(candidate, candidate + policy.period * (len(policy.exceptions) + 1) + 1):
        if policy.until is not None and y > policy.until:
            return None
        if (host := policy.host_for(y)) is not None:
            return y, host
    return None


class TestRotation:
    def test_an_absurd_interval_is_refused_at_load(self) -> None:
        doc = {
            "name_en": "YRD",
            "members": [{"id": "m", "name_en": "M", "name_zh": "M", "kind": "province"}],
            "rotation": {"body": "symposium", "order": ["m"], "anchor_year": 2018, "interval": 10**12},
        }
        assert data_error(yrdmodel.loads, json.dumps(doc)).problems[0].path == "$.rotation.interval"

    @pytest.mark.parametrize("field", ["anchor_year", "since", "until"])
    def test_a_year_beyond_the_calendar_is_refused(self, field: str) -> None:
        with pytest.raises(ValueError, match="1-9999"):
            RotationPolicy(**{"body": "s", "order": ("m",), "anchor_year": 2018, field: 10**9})  # type: ignore[arg-type]

    def test_the_next_turn_of_a_century_long_interval_is_worked_out(self) -> None:
        policy = RotationPolicy(body="s", order=("a", "b"), anchor_year=100, interval=100)
        assert policy.next_after(9000) == (9100, "a")
        assert policy.next_after(9000 - 1) == (9000, "b")

    @given(
        yst.rotation_policies(members=["a", "b", "c"]),
        st.integers(1900, 2100),
        st.sampled_from([1, 2, 3, 7, 100]),
        st.lists(st.tuples(st.integers(1980, 2080), st.sampled_from(ExceptionKind)), max_size=6),
    )
    def test_next_after_agrees_with_trying_year_after_year(
        self, policy: RotationPolicy, year: int, interval: int, extra: list[tuple[int, ExceptionKind]]
    ) -> None:
        exceptions = {e.year: e for e in policy.exceptions}
        for y, kind in extra:
            host = "b" if kind is ExceptionKind.SWAPPED else None
            exceptions.setdefault(y, RotationException(year=y, kind=kind, host=host))
        import attrs

        policy = attrs.evolve(policy, interval=interval, exceptions=tuple(exceptions.values()))
        assert policy.next_after(year) == stepping_next_after(policy, year)

    @given(yst.rotation_policies(members=["a", "b", "c"]), st.lists(st.integers(1980, 2080), max_size=40))
    def test_hosts_for_many_years_are_those_of_each_year(self, policy: RotationPolicy, years: list[int]) -> None:
        assert policy.hosts_for(years) == {year: policy.host_for(year) for year in years}

    def test_deviations_of_every_year_against_every_year_excepted(self) -> None:
        skipped = tuple(RotationException(year=y, kind=ExceptionKind.SKIPPED) for y in range(1, 10_000))
        policy = RotationPolicy(body="s", order=("a", "b"), anchor_year=1, exceptions=skipped)
        deviations = policy.deviations(dict.fromkeys(range(1, 10000), "a"))
        assert len(deviations) == 9999
        assert all(d.expected is None for d in deviations)


# 6: messages ------------------------------------------------------------------------------------


class TestMessages:
    def test_a_huge_key_makes_a_short_message(self) -> None:
        error = data_error(yrdmodel.loads, json.dumps({"name_en": "x", "k" * 10**6: 1}))
        [problem] = error.problems
        assert len(problem.path) <= MAX_PATH
        assert problem.path.endswith("...")
        assert len(str(error)) < MAX_PATH + MAX_MESSAGE + 100

    def test_a_huge_value_makes_a_short_message(self) -> None:
        error = data_error(yrdmodel.loads, json.dumps({"name_en": "x", "as_of": "9" * 10**6}))
        assert len(str(error)) < MAX_PATH + MAX_MESSAGE + 100

    def test_a_huge_file_name_makes_a_short_message(self, tmp_path: Path) -> None:
        error = data_error(yrdmodel.load, tmp_path / ("x" * 250) / ("y" * 250))
        assert error.source is not None
        assert len(error.source) <= MAX_PATH

    def test_many_problems_make_a_message_of_bounded_length(self) -> None:
        doc = {"name_en": "x", **{f"unknown{i}": i for i in range(10_000)}}
        error = data_error(yrdmodel.loads, json.dumps(doc))
        assert len(error.problems) == 10_000
        assert str(error).count("\n") < 60
        assert "more" in str(error).splitlines()[-1]

    def test_a_huge_unknown_id_makes_a_short_message(self) -> None:
        m = yrdmodel.load()
        with pytest.raises(UnknownIdError) as caught:
            m.person("z" * 10**6)
        assert len(str(caught.value)) <= MAX_MESSAGE


# 8: caches --------------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["note", "id"])
def test_large_inputs_do_not_outlive_their_mechanism(where: str) -> None:
    def document(i: int) -> str:
        big = f"{i}-" + "a" * 2**20
        member = {"id": "m", "name_en": "M", "name_zh": "M", "kind": "province", "sources": [{"source": "s"}]}
        if where == "note":
            member["sources"] = [{"source": "s", "note": big}]
        else:
            member["id"] = big
        return json.dumps({"name_en": "x", "sources": [{"id": "s", "kind": "seed", "ref": "r"}], "members": [member]})

    texts = [document(i) for i in range(5)]
    yrdmodel.loads(json.dumps({"name_en": "warm up"}))
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for text in texts:
            yrdmodel.loads(text).validate()
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < 2**20, f"{kept} bytes kept after the mechanisms were dropped"


# 9: validate() on crowded shapes ----------------------------------------------------------------


def test_plans_of_one_series_that_cover_the_same_years_are_one_finding_naming_them_all() -> None:
    plan = {"name_en": "P", "kind": "three_year_action", "series": "series", "first_year": 2021, "last_year": 2025}
    m = yrdmodel.loads(json.dumps({"name_en": "x", "plans": [{"id": f"plan{i}", **plan} for i in range(200)]}))
    (overlap,) = [f for f in m.validate().findings if f.code == "plan-series-overlap"]
    assert overlap.ids == tuple(f"plan{i}" for i in range(200))
    assert len(overlap.message) <= MAX_MESSAGE
    assert (
        "200 plans of series series (plan0, plan1, plan2, plan3, plan4 and 195 more) cover 2021-2025" in overlap.message
    )


def tenure_bounds(b: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """Bounds as a tenure gives them: the definite span (maybe empty) within the possible one."""
    first, last = min(b[2], b[3]), max(b[2], b[3])
    return max(b[0], first), min(b[1], last), first, last


bounds_rows = st.lists(
    st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(0, 40), st.integers(0, 40)).map(tenure_bounds),
    max_size=12,
)


@given(bounds_rows, st.integers(0, 40), st.integers(0, 5), st.integers(0, 5))
def test_attendance_is_checked_against_the_same_tenures_as_all_of_them(
    rows: list[tuple[int, int, int, int]], lo: int, width: int, length: int
) -> None:
    from types import SimpleNamespace

    from yrdmodel import Span, Truth
    from yrdmodel.validation.rules import _held_at, _Spans

    spans = [Span(first, last + 1, low, high + 1) for first, last, low, high in rows]  # half-open
    date = SimpleNamespace(lo=lo, hi=lo + width)
    meeting: Any = SimpleNamespace(date=date, last_date=SimpleNamespace(lo=lo, hi=lo + width + length))
    expected = Truth.NO
    for span in spans:
        expected = expected | _held_at(span, meeting)
    columns = [
        [getattr(s, name) for s in spans]
        for name in ("certain_from", "certain_until", "possible_from", "possible_until")
    ]
    assert _Spans(*columns).held_at(lo, lo + width, lo + width + length) is expected


# 11: the packaged dataset under threads ---------------------------------------------------------


def test_threads_loading_the_packaged_dataset_at_once_get_one_object() -> None:
    result = run_python(
        """
        import threading, yrdmodel
        barrier = threading.Barrier(8)
        got = []
        def load():
            barrier.wait()
            got.append(yrdmodel.load())
        threads = [threading.Thread(target=load) for _ in range(8)]
        for t in threads: t.start()
        for t in threads: t.join()
        print(len(got), len({id(m) for m in got}))
        """
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.split() == ["8", "1"]


def test_the_packaged_dataset_is_one_object() -> None:
    assert yrdmodel.load() is yrdmodel.load()
    assert isinstance(yrdmodel.load(), Mechanism)
