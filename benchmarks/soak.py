"""Soak: load again and again, good and hostile input, and print what memory does.

Usage::

    python benchmarks/soak.py               # 200 rounds
    python benchmarks/soak.py --rounds 1000

Each round loads the packaged dataset's text (saved as JSON), a copy of it with a large
distinct note and a large distinct id, and a few hostile documents that must be refused;
every result is dropped at once. The script prints the traced memory (tracemalloc) and the
process's peak resident size every so many rounds: after the first round, neither should grow.
Nothing here asserts: it prints figures for a reader to judge.
"""

import argparse
import gc
import json
import resource
import sys
import time
import tracemalloc

import yrdmodel
from yrdmodel import DataError

HOSTILE = [
    '{"name_en": "x", "name_en": "y"}',
    '{"name_en": "\\ud800"}',
    '{"name_en": "x", "as_of": "\\uff12\\uff10\\uff12\\uff11"}',
    '{"name_en": "x", "rotation": {"body": "s", "order": ["m"], "anchor_year": 2018, "interval": 1000000000000}}',
    "[" * 100_000,
]


def peak_rss_mib() -> float:
    """The process's peak resident size so far, in MiB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (2**20 if sys.platform == "darwin" else 2**10)


def main(argv: list[str] | None = None) -> int:
    """Run the rounds and print memory figures."""
    parser = argparse.ArgumentParser(description="Load again and again and print memory figures.")
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--every", type=int, default=50)
    parser.add_argument("--big", type=int, default=2**20, help="characters of the large note and id")
    args = parser.parse_args(argv)

    text = yrdmodel.dumps(yrdmodel.load())
    base = json.loads(text)
    print(f"packaged dataset as JSON: {len(text) / 2**10:.0f} KiB; {args.rounds} rounds")
    print(f"{'round':>6} {'traced MiB':>11} {'peak RSS MiB':>13} {'s/round':>8} {'refused':>8}")
    tracemalloc.start()
    refused = 0
    start = time.perf_counter()
    for i in range(1, args.rounds + 1):
        yrdmodel.loads(text).validate()
        doc = dict(base)
        doc["sources"] = [{**base["sources"][0], "note": f"{i}" + "n" * args.big}, *base["sources"][1:]]
        doc["people"] = [*base.get("people", []), {"id": f"p{i}-" + "a" * args.big, "name_en": "Big"}]
        yrdmodel.loads(json.dumps(doc), check_references=False)
        for hostile in HOSTILE:
            try:
                yrdmodel.loads(hostile)
            except DataError:
                refused += 1
        if i == 1 or i % args.every == 0:
            gc.collect()
            traced = tracemalloc.get_traced_memory()[0] / 2**20
            per_round = (time.perf_counter() - start) / i
            print(f"{i:>6} {traced:>11.1f} {peak_rss_mib():>13.0f} {per_round:>8.3f} {refused:>8}")
    tracemalloc.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
