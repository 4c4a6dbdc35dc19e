"""Data shapes that once made ``validate()`` quadratic (issue 12, point 9), built at any size.

Each function returns a valid `Mechanism` of about ``n`` records of one
kind, all crowded into one post, series or body, which is where a rule that compares
records pairwise is slowest. ``benchmarks/run.py`` runs them as scaling tests; run this
file to print ``validate()`` at 10^3 and 10^4 records with its ratio to sorting the same
records (by id), and the peak memory ``validate()`` traces::

    python benchmarks/shapes.py                 # every shape at 1000 and 10000
    python benchmarks/shapes.py --sizes 1000 --shapes plans meetings

Nothing here asserts a time: the script prints figures for a reader to judge.
"""

import argparse
import gc
import json
import time
import tracemalloc
from collections.abc import Callable, Sequence
from typing import Any

import yrdmodel
from yrdmodel import Mechanism
from yrdmodel.io.files import MAX_SIZE

CITE = [{"source": "shapes"}]
MEMBERS = [
    {"id": f"m{i}", "name_en": f"Member {i}", "name_zh": f"成员{i}", "kind": "province", "sources": CITE}
    for i in range(4)
]


def _document(**parts: Any) -> Mechanism:
    """A mechanism of the members above plus ``parts``, through ``loads`` as a user would build it."""
    doc: dict[str, Any] = {
        "name_en": "benchmark shape",
        "sources": [{"id": "shapes", "kind": "official", "ref": "benchmarks/shapes.py"}],
        "members": MEMBERS,
        **parts,
    }
    text = json.dumps(doc)
    return yrdmodel.loads(text, max_size=max(MAX_SIZE, 2 * len(text)))  # 10^6 records pass the default cap


def _people(n: int) -> list[dict[str, Any]]:
    return [{"id": f"person{i}", "name_en": f"Person {i}", "sources": CITE} for i in range(n)]


def undated_tenures(n: int) -> Mechanism:
    """``n`` tenures of one single-seat post, none dated: every pair may overlap."""
    post = {"id": "p", "name_en": "Post", "member": "m0", "sources": CITE}
    tenures = [{"post": "p", "person": f"person{i}", "sources": CITE} for i in range(n)]
    return _document(posts=[post], people=_people(n), tenures=tenures)


def one_series_plans(n: int) -> Mechanism:
    """``n`` plans of one series that all cover the same years (2021-2025)."""
    plans = [
        {
            "id": f"plan{i}",
            "name_en": f"Plan {i}",
            "kind": "three_year_action",
            "series": "series",
            "first_year": 2021,
            "last_year": 2025,
            "sources": CITE,
        }
        for i in range(n)
    ]
    return _document(plans=plans)


def next_host_meetings(n: int) -> Mechanism:
    """``n`` meetings of one body, four a year from the year 1000, each deciding next year's host (who does host).

    Past 32,000 meetings there are more a year, so that the years stay below 10000.
    """
    import datetime

    body = {"id": "symposium", "name_en": "Symposium", "sources": CITE}
    per_year = max(4, -(-n // 8000))
    meetings = []
    for i in range(n):
        year, k = 1000 + i // per_year, i % per_year
        day = datetime.date(year, 3 * k + 1, 1) if per_year == 4 else datetime.date(year, 1, 1) + datetime.timedelta(k)
        meetings.append(
            {
                "id": f"meeting{i}",
                "body": "symposium",
                "date": day.isoformat(),
                "host": f"m{(i // per_year) % 4}",
                "next_host": f"m{(i // per_year + 1) % 4}",
                "next_host_year": year + 1,
                "sources": CITE,
            }
        )
    return _document(bodies=[body], meetings=meetings)


def _term(chain: int) -> int:
    """Days per term of a chain of ``chain`` terms from the year 1000: 30, shorter where 30 would pass 9999."""
    return max(3, min(30, 3_000_000 // max(chain, 1)))


def two_seat_post(n: int) -> Mechanism:
    """``n`` tenures of one post of two seats, in two unbroken chains of terms (never crowded)."""
    import datetime

    post = {"id": "p", "name_en": "Post", "member": "m0", "seats": 2, "sources": CITE}
    first = datetime.date(1000, 1, 1).toordinal()
    tenures = []
    term = _term(n // 2)
    for i in range(n):
        start = first + (i // 2) * term + (i % 2) * (term // 2)
        tenures.append(
            {
                "post": "p",
                "person": f"person{i}",
                "start": datetime.date.fromordinal(start).isoformat(),
                "end": datetime.date.fromordinal(start + term).isoformat(),
                "sources": CITE,
            }
        )
    return _document(posts=[post], people=_people(n), tenures=tenures)


def one_person_two_posts(n: int) -> Mechanism:
    """``n`` tenures of one person (30 days, shorter past 10^5), taking turns in two posts marked incompatible (never at once)."""
    import datetime

    posts = [
        {"id": "p", "name_en": "Post", "member": "m0", "incompatible_with": ["q"], "sources": CITE},
        {"id": "q", "name_en": "Other post", "member": "m0", "sources": CITE},
    ]
    first, term = datetime.date(1000, 1, 1).toordinal(), _term(n)
    tenures = [
        {
            "post": "pq"[i % 2],
            "person": "person0",
            "start": datetime.date.fromordinal(first + term * i).isoformat(),
            "end": datetime.date.fromordinal(first + term * i + term).isoformat(),
            "sources": CITE,
        }
        for i in range(n)
    ]
    return _document(posts=posts, people=_people(1), tenures=tenures)


def one_attendee(n: int) -> Mechanism:
    """``n`` tenures of one person in one post (30 days, shorter past 10^5), and ``n`` meetings each recording them in it."""
    import datetime

    first, term = datetime.date(1000, 1, 1).toordinal(), _term(n)
    post = {"id": "p", "name_en": "Post", "member": "m0", "sources": CITE}
    body = {"id": "symposium", "name_en": "Symposium", "sources": CITE}
    day = datetime.date.fromordinal
    tenures = [
        {
            "post": "p",
            "person": "person0",
            "start": day(first + term * i).isoformat(),
            "end": day(first + term * i + term).isoformat(),
            "sources": CITE,
        }
        for i in range(n)
    ]
    meetings = [
        {
            "id": f"meeting{i}",
            "body": "symposium",
            "date": day(first + term * i + term // 3).isoformat(),
            "attendees": [{"person": "person0", "post": "p"}],
            "sources": CITE,
        }
        for i in range(n)
    ]
    return _document(posts=[post], people=_people(1), tenures=tenures, bodies=[body], meetings=meetings)


SHAPES: dict[str, Callable[[int], Mechanism]] = {
    "tenures": undated_tenures,
    "plans": one_series_plans,
    "meetings": next_host_meetings,
    "seats": two_seat_post,
    "incompatible": one_person_two_posts,
    "attendance": one_attendee,
}
"""The shapes by name: each builds a mechanism of ``n`` crowded records."""


def records(m: Mechanism) -> Sequence[Any]:
    """The crowded records of a shape (the ones its rules compare): its tenures, plans and meetings.

    The attendance shape has two kinds, ``n`` tenures and ``n`` meetings that record attendances in
    them: both count (until 2026-12-02 only its tenures did, so its floor sorted half its records).
    """
    return (*m.tenures, *m.plans, *m.meetings)


def _by_id(record: Any) -> str:
    return str(record.id)


def best_of(function: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    """Print ``validate()`` time per shape and size, and its ratio to sorting the same records."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"{'shape':<12} {'n':>7} {'validate':>10} {'sort':>10} {'ratio':>8} {'findings':>9} {'peak MiB':>9}")
    for name in args.shapes:
        for n in args.sizes:
            m = SHAPES[name](n)
            rows = list(records(m))
            tracemalloc.start()
            findings = len(m.validate().findings)
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            validate = best_of(m.validate, args.repeat)
            sort = best_of(lambda: sorted(rows, key=_by_id), args.repeat)  # noqa: B023 - called at once
            ratio = validate / sort
            print(f"{name:<12} {n:>7} {validate:>9.4f}s {sort:>9.4f}s {ratio:>8.1f} {findings:>9} {peak:>9.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
