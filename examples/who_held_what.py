"""Who held the eight main-leader posts on a day, and one person's career.

    python examples/who_held_what.py                       # on each symposium day since 2018
    python examples/who_held_what.py --on 2020-09-10       # on one day
    python examples/who_held_what.py --person "Li Qiang"   # and a person's posts
    python examples/who_held_what.py OUTDIR                # also write OUTDIR/leaders.csv

Where the data cannot settle who held a post (a handover known only to the month), the
possible holders are listed with "maybe" instead of a guess.
"""

import argparse
import csv
import tempfile
from pathlib import Path

import yrdmodel
from yrdmodel import Mechanism, Truth


def leaders_on(m: Mechanism, day: str) -> list[tuple[str, str, str]]:
    """Rows (post, holder, truth) for each main-leader post on a day; truth is "yes" or "maybe"."""
    rows = []
    for post in m.main_leader_posts():
        found = m.holders_with_truth(post.id, on=day)
        certain = [t for truth, t in found if truth is Truth.YES]
        for tenure in certain or [t for _, t in found]:
            rows.append((post.id, m.person(tenure.person).name_en, "yes" if certain else "maybe"))
        if not found:
            rows.append((post.id, "", "unknown"))
    return rows


def main() -> None:
    """Print the leaders on the days asked for, and write them to a CSV file."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", nargs="?", type=Path, help="directory for leaders.csv (default: a temporary one)")
    parser.add_argument("--on", action="append", metavar="DATE", help="a day, YYYY-MM-DD (may be repeated)")
    parser.add_argument("--person", default="Li Qiang", help="a person whose posts to list")
    parser.add_argument("--data", type=Path, help="a JSON or TOML dataset (default: the packaged one)")
    args = parser.parse_args()

    m = yrdmodel.load(args.data)
    days = args.on or [str(s.date) for s in m.symposia if s.year >= 2018 and s.date.day is not None]
    table: list[tuple[str, str, str, str]] = []
    for day in days:
        print(f"On {day}:")
        for post, name, truth in leaders_on(m, day):
            print(f"  {post:26} {name or '(no tenure in the data)'}{'  (maybe)' if truth == 'maybe' else ''}")
            table.append((day, post, name, truth))

    person = m.person(args.person)
    print(f"\n{person.name_en} ({person.name_zh or 'no Chinese name in the data'}):")
    for t in m.tenures_of(person):
        print(f"  {m.post(t.post).name_en}: {t.start or 'unknown'} to {t.end or '(no end in the data)'}")

    out = args.out or Path(tempfile.mkdtemp(prefix="yrdmodel-"))
    out.mkdir(parents=True, exist_ok=True)
    with (out / "leaders.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["date", "post", "person", "truth"])
        writer.writerows(table)
    print(f"\nwrote {out / 'leaders.csv'}")


if __name__ == "__main__":
    main()
