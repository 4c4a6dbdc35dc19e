"""Check the symposium's hosts against the rotation rule.

    python examples/rotation_check.py                  # the packaged data
    python examples/rotation_check.py --data my.toml   # your own dataset
    python examples/rotation_check.py OUTDIR           # also write OUTDIR/hosts.csv

Prints each year's host beside the host the rule expects, the deviations, what meetings
decided about later hosts, and the next host by the rule. Exits with status 1 when there
are deviations, so it can guard a data pipeline.
"""

import argparse
import csv
import sys
import tempfile
from pathlib import Path

import yrdmodel


def main() -> int:
    """Print the rotation check; return 1 when a host deviates from the rule."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", nargs="?", type=Path, help="directory for hosts.csv (default: a temporary one)")
    parser.add_argument("--data", type=Path, help="a JSON or TOML dataset (default: the packaged one)")
    args = parser.parse_args()

    m = yrdmodel.load(args.data)
    policy = m.rotation
    if policy is None:
        print("the data declares no rotation policy")
        return 0
    order = " -> ".join(m.member(x).name_en for x in policy.order)
    print(f"Rule for {policy.body}: {order}, repeating, from {policy.first_year}")

    rows = []
    for s in m.symposia:
        expected = policy.host_for(s.year) if policy.governs(s.year) else None
        if not policy.governs(s.year):
            verdict = "before the rule"
        elif s.host == expected:
            verdict = "as expected"
        else:
            verdict = "DEVIATION"
        print(f"  {s.year}  {s.host or '?':9} {s.city or '':9} expected {expected or '-':9} {verdict}")
        rows.append((s.year, s.host or "", s.city or "", expected or "", verdict))

    for s in m.symposia:
        if s.next_host:
            print(f"{s.id} decided that {s.next_host} hosts {s.next_host_year}")
    deviations = m.host_deviations()
    print(f"Deviations: {len(deviations)}")
    for d in deviations:
        print(f"  {d.year}: expected {d.expected}, hosted by {d.actual}")
    last = max(m.hosts) if m.hosts else policy.first_year - 1
    upcoming = policy.next_after(last)
    if upcoming is not None:
        print(f"Next by the rule: {upcoming[0]}, {m.member(upcoming[1]).name_en}")

    out = args.out or Path(tempfile.mkdtemp(prefix="yrdmodel-"))
    out.mkdir(parents=True, exist_ok=True)
    with (out / "hosts.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["year", "host", "city", "expected", "verdict"])
        writer.writerows(rows)
    print(f"wrote {out / 'hosts.csv'}")
    return 1 if deviations else 0


if __name__ == "__main__":
    sys.exit(main())
