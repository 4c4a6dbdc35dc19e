"""Benchmarks: yrdmodel against its floors and peers, measured side by side in one run.

Usage::

    python benchmarks/run.py                 # sizes 10^3, 10^4, 10^5, 10^6 tenures
    python benchmarks/run.py --sizes 1000 100000
    python benchmarks/run.py --smoke         # smallest size, few repetitions (CI)

For each size it generates a synthetic mechanism (about 100 tenures per post, so about 10^4
posts at 10^6 tenures) as JSON text and prints, measured in the same run:

1. ``holder(post, on)`` per query (warm, date objects) and its ratio to a bare ``bisect`` over
   the post's sorted start ordinals (the floor), to a linear scan of all tenures, and to a
   pandas ``IntervalIndex`` lookup when pandas is installed;
2. ``validate()`` and its ratio to ``sorted`` of the same tenures by (post, start);
3. build (``loads``: JSON text to mechanism with indexes) and its ratio to ``json.loads`` of
   the same text; memory per tenure (tracemalloc);
4. ``import yrdmodel`` in a fresh interpreter against importing attrs, cattrs and pendulum
   alone, and ``yrdmodel.load()`` of the packaged dataset.

Nothing here asserts a time: the machines are shared and noisy, so the script prints ratios
and the targets beside them for a reader to judge.
"""

import argparse
import datetime
import gc
import json
import random
import subprocess
import sys
import time
import tracemalloc
from bisect import bisect_right
from collections.abc import Callable
from typing import Any

import yrdmodel
from yrdmodel import Mechanism

TENURES_PER_POST = 100
FIRST_DAY = datetime.date(1900, 1, 1).toordinal()


def synthetic(tenures: int, seed: int = 0) -> str:
    """JSON text of a valid mechanism with ``tenures`` tenures in chains of ~100 per post."""
    rng = random.Random(seed)
    posts = max(1, tenures // TENURES_PER_POST)
    cite = [{"source": "synthetic"}]
    members = [
        {"id": f"m{i}", "name_en": f"Member {i}", "name_zh": f"成员{i}", "kind": "province", "sources": cite}
        for i in range(4)
    ]
    doc: dict[str, Any] = {
        "name_en": f"synthetic mechanism of {tenures} tenures",
        "sources": [{"id": "synthetic", "kind": "secondary", "ref": "benchmarks/run.py"}],
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
        if rng.random() < 0.1:  # a tenth of the handovers are known only to the month
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


def best_of(function: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def per_call(function: Callable[[Any], object], args: list[Any], repeat: int) -> float:
    """Seconds per call of ``function`` over ``args`` (best of ``repeat`` passes)."""

    def run() -> None:
        for a in args:
            function(a)

    return best_of(run, repeat) / len(args)


def fresh_interpreter(code: str, repeat: int) -> float:
    """The fastest wall time of running ``code`` in a new interpreter, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return min(times)


def row(label: str, value: str, ratio: str = "", target: str = "") -> None:
    print(f"  {label:<42} {value:>14} {ratio:>12}   {target}")


def bench_size(n: int, queries: int, repeat: int) -> None:
    print(f"\n== {n:,} tenures ==")
    text = synthetic(n)

    # 3. Build, against json.loads of the same text, and memory per tenure. The first load builds the
    # converter (a one-time cost per process): do it before timing, so a single repetition measures builds.
    yrdmodel.loads(synthetic(1))
    json_time = best_of(lambda: json.loads(text), repeat)
    build_time = best_of(lambda: yrdmodel.loads(text), repeat)
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    m = yrdmodel.loads(text)
    gc.collect()
    retained = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    row("build: loads(text)", f"{build_time:.3f} s", f"{build_time / json_time:.1f}x json", "<= 10x json.loads")
    row("memory per tenure", f"{retained / n:.0f} B", "", "<= 500 B")

    # 1. holder() against the bisect floor, a linear scan and pandas.
    rng = random.Random(1)
    posts = [p.id for p in m.posts]
    last_day = max(t.end.hi for t in m.tenures if t.end is not None)
    asks = [(rng.choice(posts), datetime.date.fromordinal(rng.randrange(FIRST_DAY, last_day))) for _ in range(queries)]
    for post, day in asks[:100]:
        m.holder(post, day)  # warm
    holder_time = per_call(lambda a: m.holder(a[0], a[1]), asks, repeat)

    starts: dict[str, list[int]] = {}
    for t in sorted(m.tenures, key=lambda t: t.start.lo if t.start else 0):
        starts.setdefault(t.post, []).append(t.start.lo if t.start else 0)
    floor_time = per_call(lambda a: bisect_right(starts[a[0]], a[1].toordinal()), asks, repeat)

    tenures = m.tenures

    def scan(a: tuple[str, datetime.date]) -> object:
        day = a[1].toordinal()
        return [
            t
            for t in tenures
            if t.post == a[0] and t.start is not None and t.start.lo <= day and (t.end is None or day < t.end.lo)
        ]

    scan_asks = asks[: max(3, min(queries, 200_000 // max(1, n // 100)))]
    scan_time = per_call(scan, scan_asks, 1)

    row("holder(post, on) per query", f"{holder_time * 1e6:.2f} us", "", "")
    row(
        "  floor: bisect on the post's starts",
        f"{floor_time * 1e6:.2f} us",
        f"{holder_time / floor_time:.2f}x",
        "holder <= 3x floor",
    )
    row("  linear scan of all tenures", f"{scan_time * 1e6:.1f} us", f"{holder_time / scan_time:.4f}x", "")
    try:
        import pandas as pd
    except ImportError:
        row("  pandas IntervalIndex", "not installed")
    else:
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

        pandas_asks = asks[: min(queries, 5000)]
        pandas_time = per_call(pandas_lookup, pandas_asks, repeat)
        row(
            "  pandas IntervalIndex lookup",
            f"{pandas_time * 1e6:.1f} us",
            f"{holder_time / pandas_time:.3f}x",
            "holder < pandas",
        )

    # 2. validate() against sorting the tenures by (post, start).
    sort_time = best_of(lambda: sorted(tenures, key=lambda t: (t.post, t.start.lo if t.start else 0)), repeat)
    validate_time = best_of(m.validate, max(1, repeat // 2))
    report = m.validate()
    row("validate()", f"{validate_time:.3f} s", f"{validate_time / sort_time:.1f}x sort", "<= 5x sorted()")
    row("  findings (errors, warnings)", f"{len(report.errors)}, {len(report.warnings)}")


def bench_import(repeat: int) -> None:
    print("\n== import and packaged dataset ==")
    deps = fresh_interpreter("import attrs, cattrs, pendulum", repeat)
    ours = fresh_interpreter("import yrdmodel", repeat)
    bare = fresh_interpreter("pass", repeat)
    row("python -c 'pass'", f"{bare * 1e3:.1f} ms")
    row("import attrs, cattrs, pendulum", f"{deps * 1e3:.1f} ms")
    row("import yrdmodel", f"{ours * 1e3:.1f} ms", f"{ours / deps:.2f}x deps", "<= 1.3x deps")
    load = fresh_interpreter("import yrdmodel; yrdmodel.load()", repeat)
    row("import yrdmodel; yrdmodel.load()", f"{load * 1e3:.1f} ms", f"{(load - ours) * 1e3:.1f} ms load")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10**3, 10**4, 10**5, 10**6])
    parser.add_argument("--smoke", action="store_true", help="smallest size, few repetitions (for CI)")
    parser.add_argument("--queries", type=int, default=20_000)
    args = parser.parse_args(argv)
    sizes, queries, repeat = ([10**3], 500, 1) if args.smoke else (args.sizes, args.queries, 3)
    print(f"yrdmodel {yrdmodel.__version__}, Python {sys.version.split()[0]}; times are the best of {repeat}")
    print(f"  {'measure':<42} {'value':>14} {'ratio':>12}   target")
    for n in sizes:
        bench_size(n, queries, repeat)
    bench_import(3 if args.smoke else 7)
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["Mechanism", "main", "synthetic"]
