"""Benchmarks: yrdmodel against its floors and peers, measured side by side in one run.

Usage::

    python benchmarks/run.py                 # sizes 10^3, 10^4, 10^5, 10^6 tenures
    python benchmarks/run.py --sizes 1000 100000
    python benchmarks/run.py --smoke         # smallest size, few repetitions (CI)
    python benchmarks/run.py --only batch --no-import   # one measure (build, holder, validate, batch)

For each size it generates a synthetic mechanism (about 100 tenures per post, so about 10^4
posts at 10^6 tenures) as JSON text and prints, measured in the same run:

1. build (``loads``: JSON text to mechanism with indexes) and its ratio to ``json.loads`` of
   the same text; memory per tenure (tracemalloc);
2. ``holder(post, on)`` per query (warm, date objects) and its ratio to a bare ``bisect`` over
   the post's sorted start ordinals (the floor), to a linear scan of all tenures, and to a
   pandas ``IntervalIndex`` lookup when pandas is installed;
3. batch as-of answers: ``Mechanism.holders_at`` for many (post, day) questions against pandas
   ``merge_asof`` and DuckDB's ``ASOF JOIN`` on the same day-precise, non-overlapping tenures,
   each timed from data already in its own form, with the answers checked equal: holders_at is
   given the columns of the question frame that merge_asof joins (merge_asof's copy sorted by
   day beforehand, untimed), and again with the post column categorical on both sides; the
   plain-list form is shown beside;
4. ``validate()`` and its ratio to ``sorted`` of the same tenures by (post, start), on the
   synthetic chains and on the adversarial shapes of ``benchmarks/shapes.py`` when present;

and once: ``import yrdmodel`` and ``import yrdmodel; yrdmodel.load()`` in fresh interpreters
(median of several, interleaved) against importing attrs, cattrs and pendulum alone.

Every target of the performance issue is printed with its ratio and whether it holds, and
again in a summary at the end. Nothing here asserts a time: the machines are shared and noisy,
so the script reports and a reader judges. pandas and DuckDB are the ``bench`` extra
(``pip install -e ".[bench]"``); without them their rows say "not installed".
"""

import argparse
import datetime
import functools
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from bisect import bisect_right
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yrdmodel
from yrdmodel import Mechanism, Tenure

try:  # loads pauses the garbage collector; the floor shows json.loads under the same condition
    from yrdmodel.io.fast import gc_paused
except ImportError:  # a version without it
    from contextlib import nullcontext as gc_paused  # type: ignore[assignment]

sys.path.insert(0, str(Path(__file__).parent))
import shapes  # type: ignore[import-not-found, unused-ignore]  # the adversarial shapes of the robustness issue
from shapes import best_of  # type: ignore[import-not-found, unused-ignore]

TENURES_PER_POST = 100
FIRST_DAY = datetime.date(1900, 1, 1).toordinal()


def synthetic(tenures: int, seed: int = 0, *, day_precise: bool = False) -> str:
    """JSON text of a valid mechanism with ``tenures`` tenures in chains of ~100 per post.

    Each post's tenures follow one another without gap or overlap. A tenth of the handovers
    are known only to the month, unless ``day_precise``.
    """
    rng = random.Random(seed)
    posts = max(1, tenures // TENURES_PER_POST)
    cite = [{"source": "synthetic"}]
    members = [
        {"id": f"m{i}", "name_en": f"Member {i}", "name_zh": f"成员{i}", "kind": "province", "sources": cite}
        for i in range(4)
    ]
    doc: dict[str, Any] = {
        "name_en": f"synthetic mechanism of {tenures} tenures",
        "sources": [{"id": "synthetic", "kind": "official", "ref": "benchmarks/run.py"}],
        "members": members,
        "posts": [
            {"id": f"p{i}", "name_en": f"Post {i}", "member": f"m{i % 4}", "sources": cite} for i in range(posts)
        ],
        "people": [
            {"id": f"person{i}", "name_en": f"Person {i}", "sources": cite} for i in range(max(1, tenures // 3))
        ],
        "tenures": [],
    }
    people = len(doc["people"])
    cursor = [FIRST_DAY + rng.randrange(0, 365) for _ in range(posts)]
    for i in range(tenures):
        post = i % posts
        start, end = cursor[post], cursor[post] + rng.randrange(300, 2000)
        cursor[post] = end
        start_text = datetime.date.fromordinal(start).isoformat()
        end_text = datetime.date.fromordinal(end).isoformat()
        if rng.random() < 0.1 and not day_precise:  # a tenth of the handovers are known only to the month
            end_text = end_text[:7]
        doc["tenures"].append(
            {
                "post": f"p{post}",
                "person": f"person{rng.randrange(people)}",
                "start": start_text,
                "end": end_text,
                "sources": cite,
            }
        )
    return json.dumps(doc)


# Measuring --------------------------------------------------------------------------------------


def best_of_each(functions: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """The fastest of ``repeat`` runs of each function, in seconds, the functions taking turns.

    Taking turns puts a burst of load on a shared machine on all of them alike, so their ratios hold.
    """
    times: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(repeat):
        for name, function in functions.items():
            times[name].append(best_of(function, 1))
    return {name: min(found) for name, found in times.items()}


def per_call_each(functions: dict[str, Callable[[Any], object]], args: list[Any], repeat: int) -> dict[str, float]:
    """Seconds per call of each function over ``args`` (best of ``repeat`` passes, the functions taking turns)."""

    def over_args(function: Callable[[Any], object]) -> Callable[[], None]:
        def run() -> None:
            for a in args:
                function(a)

        return run

    found = best_of_each({name: over_args(function) for name, function in functions.items()}, repeat)
    return {name: seconds / len(args) for name, seconds in found.items()}


def per_call(function: Callable[[Any], object], args: list[Any], repeat: int) -> float:
    """Seconds per call of ``function`` over ``args`` (best of ``repeat`` passes)."""

    def run() -> None:
        for a in args:
            function(a)

    return best_of(run, repeat) / len(args)


def fresh_interpreters(codes: dict[str, str], repeat: int) -> dict[str, float]:
    """The median wall time of running each code in a new interpreter, in seconds.

    The codes take turns, so that a burst of load on a shared machine falls on all of them alike.
    """
    # As installed (pip compiles every module), the interpreters read compiled bytecode: the first runs write it.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    for code in codes.values():
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
    times: dict[str, list[float]] = {name: [] for name in codes}
    for _ in range(repeat):
        for name, code in codes.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, env=env)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(found) for name, found in times.items()}


# Reporting --------------------------------------------------------------------------------------

VERDICTS: list[tuple[str, str, bool | None]] = []
"""Every target of this run: (what, ratio against its limit, whether it holds; None: not measured)."""

SIZE = [""]
"""The size being measured, named in the summary."""


def row(label: str, value: str, ratio: str = "", target: str = "") -> None:
    print(f"  {label:<44} {value:>14} {ratio:>12}   {target}")


def check(label: str, value: str, ratio: float, limit: float, unit: str, target: str) -> None:
    """Print a measure with its target and whether it holds; remember it for the summary."""
    holds = ratio <= limit
    shown = f"{ratio:.2f}{unit}" if unit == "x" else f"{ratio:.0f} {unit}"
    row(label, value, shown, f"{target}: {'holds' if holds else 'MISSED'}")
    VERDICTS.append((f"{SIZE[0]}{label.strip()}", f"{shown} (target {target})", holds))


def not_measured(label: str, why: str) -> None:
    """Print and remember a target that this run cannot measure."""
    row(label, "not available", "", why)
    VERDICTS.append((f"{SIZE[0]}{label.strip()}", why, None))


def summary() -> None:
    print("\n== targets ==")
    for label, text, holds in VERDICTS:
        verdict = "n/a   " if holds is None else "holds " if holds else "MISSED"
        print(f"  {verdict}  {label:<58} {text}")


# The measures -----------------------------------------------------------------------------------


def bench_build(n: int, text: str, repeat: int) -> Mechanism:
    """Build against json.loads of the same text, and memory per tenure; returns the mechanism."""
    yrdmodel.loads(synthetic(1))  # the converter is built once per process: not part of a build

    def paused_json() -> object:
        with gc_paused():
            return json.loads(text)

    found = best_of_each(
        {"json": lambda: json.loads(text), "build": lambda: yrdmodel.loads(text), "paused": paused_json}, repeat
    )
    json_time, build_time, paused_json_time = found["json"], found["build"], found["paused"]
    row("json.loads(text)", f"{json_time:.3f} s", "", "the floor")
    row("  with the garbage collector paused", f"{paused_json_time:.3f} s", "", "(loads pauses it too)")
    label = "build: loads(text)"
    if n >= 10**6:
        check(label, f"{build_time:.3f} s", build_time / json_time, 5, "x", "<= 5x json.loads at 10^6")
    else:
        row(label, f"{build_time:.3f} s", f"{build_time / json_time:.2f}x", "(target <= 5x json.loads at 10^6)")
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    m = yrdmodel.loads(text)
    gc.collect()
    retained = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    if n >= 10**4:
        check("memory per tenure", f"{retained / n:.0f} B", retained / n, 500, "B", "<= 500 B")
    else:
        row("memory per tenure", f"{retained / n:.0f} B", "", "(target <= 500 B from 10^4)")
    return m


def bench_holder(m: Mechanism, queries: int, repeat: int) -> None:
    """holder() against the bisect floor, a linear scan and pandas."""
    rng = random.Random(1)
    posts = [p.id for p in m.posts]
    last_day = max(t.end.hi for t in m.tenures if t.end is not None)
    asks = [(rng.choice(posts), datetime.date.fromordinal(rng.randrange(FIRST_DAY, last_day))) for _ in range(queries)]
    for post, day in asks[:100]:
        m.holder(post, day)  # warm

    starts: dict[str, list[int]] = {}
    for t in sorted(m.tenures, key=lambda t: t.start.lo if t.start else 0):
        starts.setdefault(t.post, []).append(t.start.lo if t.start else 0)
    found = per_call_each(
        {
            "holder": lambda a: m.holder(a[0], a[1]),
            "floor": lambda a: bisect_right(starts[a[0]], a[1].toordinal()),
        },
        asks,
        repeat,
    )
    holder_time, floor_time = found["holder"], found["floor"]

    tenures = m.tenures

    def scan(a: tuple[str, datetime.date]) -> object:
        day = a[1].toordinal()
        return [
            t
            for t in tenures
            if t.post == a[0] and t.start is not None and t.start.lo <= day and (t.end is None or day < t.end.lo)
        ]

    scan_asks = asks[: max(3, min(queries, 200_000 // max(1, len(tenures) // 100)))]
    scan_time = per_call(scan, scan_asks, 1)

    row("floor: bisect on the post's starts", f"{floor_time * 1e6:.2f} us")
    check("holder(post, on) per query", f"{holder_time * 1e6:.2f} us", holder_time / floor_time, 2, "x",
          "<= 2x bisect floor")  # fmt: skip
    row("  linear scan of all tenures", f"{scan_time * 1e6:.1f} us", f"{holder_time / scan_time:.4f}x")
    try:
        import pandas as pd
    except ImportError:
        row("  pandas IntervalIndex lookup", "not installed")
        return
    frames: dict[str, Any] = {}
    for post in posts:
        ts = m.tenures_for(post)
        lo = [t.start.lo if t.start else 0 for t in ts]
        hi = [t.end.lo if t.end else 10**7 for t in ts]
        frames[post] = (pd.IntervalIndex.from_arrays(lo, hi, closed="left"), [t.person for t in ts])

    def pandas_lookup(a: tuple[str, datetime.date]) -> object:
        index, persons = frames[a[0]]
        found = index.get_indexer([a[1].toordinal()])[0]
        return persons[found] if found >= 0 else None

    pandas_time = per_call(pandas_lookup, asks[: min(queries, 5000)], repeat)
    row("  pandas IntervalIndex lookup", f"{pandas_time * 1e6:.1f} us", f"{holder_time / pandas_time:.3f}x")


Answers = dict[tuple[str, int], str | None]


def bench_batch(n: int, questions: int, repeat: int) -> None:
    """Batch as-of answers: holders_at (and holders_on) against pandas merge_asof and DuckDB ASOF JOIN, checked equal."""
    print(
        f"  batch as-of: {questions:,} (post, day) questions over day-precise, non-overlapping tenures (best of {repeat})"
    )
    m = yrdmodel.loads(synthetic(n, seed=2, day_precise=True))
    rng = random.Random(3)
    posts = [p.id for p in m.posts]
    last_day = max(t.end.hi for t in m.tenures if t.end is not None) + 30
    ask_post = [rng.choice(posts) for _ in range(questions)]
    ask_day = [rng.randrange(FIRST_DAY - 30, last_day) for _ in range(questions)]
    target = "faster than {peer}" if n >= 10**5 else "(target from 10^5 tenures)"
    runners: dict[str, Callable[[], object]] = {}  # timed taking turns, so that load bursts hit all alike
    labels = {
        "yrdmodel": "yrdmodel holders_at (posts list, days array)",
        "yrdmodel frame": "yrdmodel holders_at (frame columns: str, int)",
        "pandas": "pandas merge_asof (same frame, sorted by day)",
        "yrdmodel categorical": "yrdmodel holders_at (post column categorical)",
        "pandas categorical": "pandas merge_asof (post column categorical)",
        "duckdb": "DuckDB ASOF JOIN (to numpy)",
    }
    answers: dict[str, Answers] = {}

    np: Any = _optional("numpy")  # without numpy, the API takes any sequence of dates
    holders_on = getattr(m, "holders_on", None)
    if holders_on is None:
        not_measured("  yrdmodel holders_on", "Mechanism.holders_on is missing on this version")
    else:
        grouped: dict[str, list[int]] = {}
        for post, day in zip(ask_post, ask_day, strict=True):
            grouped.setdefault(post, []).append(day)
        if np is not None:
            days_of: dict[str, Any] = {post: np.array(days, dtype=np.int64) for post, days in grouped.items()}
            first = np.array([FIRST_DAY], dtype=np.int64)
            cost = retained_by(lambda: [holders_on(post, first) for post in posts])
            row("  holders_on cache (numpy, per post)", f"{cost / n:.0f} B", "", "per tenure, built on first use")
        else:
            days_of = {post: [datetime.date.fromordinal(d) for d in days] for post, days in grouped.items()}

        def grouped_answers() -> list[list[Any]]:
            return [holders_on(post, days) for post, days in days_of.items()]

        elapsed = best_of(grouped_answers, repeat)
        found: Answers = {}
        for (post, days), persons in zip(grouped.items(), grouped_answers(), strict=True):
            for day, person in zip(days, persons, strict=True):
                found[post, day] = None if person is None else person.id
        answers["yrdmodel holders_on"] = found
        row("  yrdmodel holders_on (grouped by post)", f"{elapsed:.3f} s")

    def by_pair(posts: list[str], days: list[int], persons: list[Any]) -> Answers:
        return {
            (post, day): None if person is None else person.id
            for post, day, person in zip(posts, days, persons, strict=True)
        }

    pd: Any = _optional("pandas")
    rows = [(t.post, t.start.lo, t.end.lo, t.person) for t in m.tenures if t.start is not None and t.end is not None]
    if pd is None:
        row("  pandas merge_asof", "not installed")
    else:  # each side's questions in the frame its user holds: pandas sorts it by day first (not timed)
        asks = pd.DataFrame({"post": ask_post, "day": ask_day})
        tenure_frame = pd.DataFrame(rows, columns=["post", "start", "end", "person"]).sort_values("start")
        question_frame = asks.sort_values("day")
        kind = pd.CategoricalDtype(posts)
        categorical = asks.astype({"post": kind})
        tenure_categorical = tenure_frame.astype({"post": kind})
        question_categorical = categorical.sort_values("day")

        def pandas_asof(asked: Any, tenures: Any) -> Any:
            joined = pd.merge_asof(asked, tenures, left_on="day", right_on="start", by="post", direction="backward")
            return joined["post"], joined["day"], joined["person"].where(joined["day"] < joined["end"])

        for name, asked, tenures in (
            ("pandas", question_frame, tenure_frame),
            ("pandas categorical", question_categorical, tenure_categorical),
        ):
            joined: Any = functools.partial(pandas_asof, asked, tenures)
            runners[name] = joined
            post_column, day_column, held = joined()
            answers[name] = {
                (str(post), int(day)): (None if pd.isna(person) else str(person))
                for post, day, person in zip(post_column, day_column, held, strict=True)
            }

    holders_at = getattr(m, "holders_at", None)
    if holders_at is None:
        not_measured("  yrdmodel holders_at", "Mechanism.holders_at is missing on this version")
    else:
        ask_days: Any = np.array(ask_day, dtype=np.int64) if np is not None else ask_day
        start = time.perf_counter()
        holders_at(ask_post[:1], ask_days[:1])  # builds the cache across posts
        row("  holders_at cache (across posts): build", f"{time.perf_counter() - start:.3f} s")
        if np is not None:
            from yrdmodel.model.batch import AllPosts

            kept: list[object] = []  # a second copy of the cache, built under tracemalloc
            cost = retained_by(lambda: kept.append(AllPosts(m.tenures_by_post, posts)))
            row("  holders_at cache (across posts): memory", f"{cost / n:.0f} B", "", "per tenure, built on first use")
            del kept
        runners["yrdmodel"] = lambda: holders_at(ask_post, ask_days)
        answers["yrdmodel"] = by_pair(ask_post, ask_day, holders_at(ask_post, ask_days))
        if pd is not None:  # the columns of the same frames as pandas' (unsorted: holders_at takes any order)
            for name, frame in (("yrdmodel frame", asks), ("yrdmodel categorical", categorical)):
                answer = functools.partial(holders_at, frame["post"], frame["day"])
                try:
                    answers[name] = by_pair(ask_post, ask_day, answer())
                except yrdmodel.YrdModelError as error:  # a version that takes no pandas columns
                    not_measured(f"  {labels[name]}", str(error))
                else:
                    runners[name] = answer

    try:
        import duckdb
    except ImportError:
        row("  DuckDB ASOF JOIN", "not installed")
    else:
        con = duckdb.connect()
        columns = {name: [r[i] for r in rows] for i, name in enumerate(("post", "start", "end", "person"))}
        con.register("tenures_view", _duck_columns(columns))
        con.execute("CREATE TABLE tenures AS SELECT * FROM tenures_view")
        con.unregister("tenures_view")
        con.register("asks_view", _duck_columns({"post": ask_post, "day": ask_day}))
        con.execute("CREATE TABLE questions AS SELECT * FROM asks_view")
        con.unregister("asks_view")
        query = (
            'SELECT q.post, q.day, CASE WHEN q.day < t."end" THEN t.person END AS person '
            "FROM questions q ASOF LEFT JOIN tenures t ON q.post = t.post AND q.day >= t.start"
        )
        runners["duckdb"] = lambda: con.execute(query).fetchnumpy()
        result = con.execute(query).fetchnumpy()
        answers["duckdb"] = {
            (str(post), int(day)): (None if person is None or person != person else str(person))
            for post, day, person in zip(result["post"], result["day"], result["person"].tolist(), strict=True)
        }

    times = best_of_each(runners, repeat)
    for name, elapsed in times.items():
        row(f"  {labels[name]}", f"{elapsed:.3f} s")
    if "duckdb" in runners:
        con.close()
    reference = next(iter(answers.values()), None)
    if reference is not None:
        same = all(found == reference for found in answers.values())
        row("  answers equal", f"{'yes' if same else 'NO'}", "", ", ".join(answers))
        if not same:
            VERDICTS.append((f"batch answers equal at {n:,} tenures", "they differ", False))
    pairs = [  # (yrdmodel's form, its peer, the target's label): each side given the questions its user holds
        ("yrdmodel frame", "pandas", "pandas merge_asof"),
        ("yrdmodel categorical", "pandas categorical", "merge_asof, both categorical"),
        ("yrdmodel", "duckdb", "DuckDB ASOF JOIN"),
    ]
    for mine, peer, name in pairs:
        if mine not in times or peer not in times:
            not_measured(f"  holders_at vs {name}", f"{name} or holders_at is not measured on this install")
            continue
        ratio = times[mine] / times[peer]
        if n >= 10**5:
            check(f"  holders_at vs {name}", "", ratio, 1, "x", f"< 1x {name}")
        else:
            row(f"  holders_at vs {name}", "", f"{ratio:.2f}x", target.format(peer=name))
    if "yrdmodel" in times and "pandas" in times:  # a plain Python list of ids, hashed one by one
        row("  holders_at (posts list) vs merge_asof", "", f"{times['yrdmodel'] / times['pandas']:.2f}x")


def retained_by(function: Callable[[], object]) -> int:
    """Bytes that stay allocated after calling ``function`` (its result dropped), by tracemalloc."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    function()
    gc.collect()
    retained = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return int(retained)


def _duck_columns(columns: dict[str, list[Any]]) -> Any:
    """A table of Python columns DuckDB can register (the bench extra brings pandas with DuckDB)."""
    import pandas as pd

    return pd.DataFrame(columns)


def _optional(name: str) -> Any:
    """The module ``name``, or None when it is not installed."""
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def shape_mechanisms(n: int) -> Iterator[tuple[str, Mechanism]]:
    """The adversarial shapes of ``benchmarks/shapes.py`` at about ``n`` tenures, as mechanisms.

    ``shapes.SHAPES`` maps a name to a builder of ``n`` that returns a mechanism, a document or JSON text.
    """
    for name, build in shapes.SHAPES.items():
        made = build(n)
        if isinstance(made, dict):
            made = json.dumps(made)
        yield name, made if isinstance(made, Mechanism) else yrdmodel.loads(made)


def _sort_key(record: Any) -> tuple[str, int]:
    """Tenures by (post, start); other records by id."""
    if isinstance(record, Tenure):
        return (record.post, record.start.lo if record.start else 0)
    return (str(getattr(record, "id", "")), 0)


def bench_validate(n: int, m: Mechanism, repeat: int) -> None:
    """validate() against sorting the records it compares, on the chains and the adversarial shapes."""
    cases = [("synthetic chains", m)]
    if n >= 10**4:
        cases.extend(shape_mechanisms(n))
    for name, mechanism in cases:
        # the records a shape crowds together (its rules compare them)
        records = mechanism.tenures if mechanism is m else shapes.records(mechanism)
        found = best_of_each(
            {"sort": functools.partial(sorted, records, key=_sort_key), "validate": mechanism.validate}, repeat
        )
        sort_time, validate_time = found["sort"], found["validate"]
        report = mechanism.validate()
        label = f"validate(): {name}"
        value = f"{validate_time:.3f} s"
        if n >= 10**4:
            check(label, value, validate_time / sort_time, 5, "x", "<= 5x sorted()")
        else:
            row(label, value, f"{validate_time / sort_time:.1f}x", "(target <= 5x sorted() from 10^4)")
        row("  findings (errors, warnings)", f"{len(report.errors)}, {len(report.warnings)}")
        kinds = [kind for kind in (mechanism.tenures, mechanism.plans, mechanism.meetings) if kind]
        if mechanism is not m and len(kinds) > 1:  # the floor of one kind alone, as it was before 2026-12-02
            alone = best_of_each({"sort": functools.partial(sorted, kinds[0], key=_sort_key)}, repeat)["sort"]
            row(f"  ratio to sorting its {len(kinds[0]):,} {type(kinds[0][0]).__name__.lower()}s alone", "",
                f"{validate_time / alone:.2f}x", "(for reference: one kind of its crowded records)")  # fmt: skip


SECTIONS = ("build", "holder", "validate", "batch")


def bench_size(n: int, queries: int, questions: int, repeat: int, sections: tuple[str, ...] = SECTIONS) -> None:
    print(f"\n== {n:,} tenures ==")
    SIZE[0] = f"{n:,}: "
    if {"build", "holder", "validate"} & set(sections):
        m = bench_build(n, synthetic(n), repeat)  # holder and validate need its mechanism
        if "holder" in sections:
            bench_holder(m, queries, repeat)
        if "validate" in sections:
            bench_validate(n, m, repeat)
    if "batch" in sections:
        bench_batch(n, questions, max(repeat, 7))  # built once; a turn of all sides takes about two seconds


def bench_import(repeat: int) -> None:
    print(f"\n== import and packaged dataset (median of {repeat} fresh interpreters, interleaved) ==")
    SIZE[0] = ""
    found = fresh_interpreters(
        {
            "bare": "pass",
            "deps": "import attrs, cattrs, pendulum",
            "import": "import yrdmodel",
            "load": "import yrdmodel; yrdmodel.load()",
        },
        repeat,
    )
    deps = found["deps"]
    row("python -c 'pass'", f"{found['bare'] * 1e3:.1f} ms")
    row("import attrs, cattrs, pendulum", f"{deps * 1e3:.1f} ms")
    check("import yrdmodel", f"{found['import'] * 1e3:.1f} ms", found["import"] / deps, 1.3, "x", "<= 1.3x deps")
    check("import yrdmodel; yrdmodel.load()", f"{found['load'] * 1e3:.1f} ms", found["load"] / deps, 1.5, "x",
          "<= 1.5x deps")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10**3, 10**4, 10**5, 10**6])
    parser.add_argument("--smoke", action="store_true", help="smallest size, few repetitions (for CI)")
    parser.add_argument("--queries", type=int, default=20_000, help="holder() calls per size")
    parser.add_argument("--questions", type=int, default=10**6, help="(post, day) questions of the batch as-of")
    parser.add_argument("--no-import", action="store_true", help="skip the fresh-interpreter import timings")
    parser.add_argument(
        "--only", nargs="+", choices=SECTIONS, default=SECTIONS, help="run only these measures at each size"
    )
    args = parser.parse_args(argv)
    if args.smoke:
        sizes, queries, questions, repeat = [10**3], 500, 2000, 1
    else:
        sizes, queries, questions, repeat = args.sizes, args.queries, args.questions, 3
    print(f"yrdmodel {yrdmodel.__version__}, Python {sys.version.split()[0]}; times are the best of {repeat}")
    print(f"  {'measure':<44} {'value':>14} {'ratio':>12}   target")
    for n in sizes:
        bench_size(n, queries, questions, repeat if n < 10**6 else 1, tuple(args.only))  # 10^6: a minute to build
    if not args.no_import:
        bench_import(3 if args.smoke else 7)
    summary()
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["Mechanism", "main", "synthetic"]
