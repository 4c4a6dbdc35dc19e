"""Export a dataset: lossless JSON, Popolo JSON, and CSV tables.

    python examples/export_data.py OUTDIR                  # the packaged data
    python examples/export_data.py OUTDIR --data my.toml   # your own dataset

Writes OUTDIR/yrd.json (reads back equal), OUTDIR/yrd-popolo.json and, when pandas is
installed, OUTDIR/tenures.csv, meetings.csv and plans.csv. A partial date becomes three CSV
columns: the first and last day it may be, and its precision.
"""

import argparse
import importlib.util
import json
import tempfile
from pathlib import Path

import yrdmodel


def main() -> None:
    """Write the exports into the output directory."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", nargs="?", type=Path, help="output directory (default: a temporary one)")
    parser.add_argument("--data", type=Path, help="a JSON or TOML dataset (default: the packaged one)")
    args = parser.parse_args()
    m = yrdmodel.load(args.data)
    out = args.out or Path(tempfile.mkdtemp(prefix="yrdmodel-"))
    out.mkdir(parents=True, exist_ok=True)

    lossless = out / "yrd.json"
    lossless.write_text(yrdmodel.dumps(m), encoding="utf-8")
    assert yrdmodel.load(lossless) == m
    print(f"wrote {lossless} ({len(m.tenures)} tenures, {len(m.meetings)} meetings); it reads back equal")

    popolo = yrdmodel.to_popolo(m)
    (out / "yrd-popolo.json").write_text(json.dumps(popolo, ensure_ascii=False, indent=2), encoding="utf-8")
    counts = ", ".join(f"{len(v)} {k}" for k, v in sorted(popolo.items()))
    print(f"wrote {out / 'yrd-popolo.json'} ({counts})")

    if importlib.util.find_spec("pandas") is None:
        print("pandas is not installed: no CSV tables (pip install pandas)")
        return
    for name, frame in (
        ("tenures", yrdmodel.tenures_frame(m)),
        ("meetings", yrdmodel.meetings_frame(m)),
        ("plans", yrdmodel.plans_frame(m)),
    ):
        frame.to_csv(out / f"{name}.csv", index=False)
        print(f"wrote {out / f'{name}.csv'} ({len(frame)} rows, {len(frame.columns)} columns)")


if __name__ == "__main__":
    main()
