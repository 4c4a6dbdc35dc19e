"""Validate a dataset of your own, and see what a problem report looks like.

    python examples/validate_my_data.py --data my-data.toml   # check your file
    python examples/validate_my_data.py [OUTDIR]              # a walk-through on a sample file

With --data, prints every problem that stops the file from loading (with its place), or every
validation finding, and exits with status 1 when there are errors.

Without it, writes a small sample file with mistakes to OUTDIR (default: a temporary
directory), shows the load errors, fixes them, validates, fixes the findings and writes the
corrected data as JSON.
"""

import argparse
import sys
import tempfile
from pathlib import Path

import attrs

import yrdmodel
from yrdmodel import Citation, PartialDate

SAMPLE = """
name_en = "Zhejiang governors, my notes"

[[sources]]
id = "my-notes"
kind = "secondary"
ref = "Field notes"

[[members]]
id = "zhejiang"
name_en = "Zhejiang"
name_zh = "浙江"
kind = "province"
sources = [{source = "my-notes"}]

[[posts]]
id = "zhejiang.governor"
name_en = "Governor of Zhejiang"
member = "zhejiang"
main_leader = true
sources = [{source = "my-notes"}]

[[people]]
id = "Yuan Jiajun"
name_en = "Yuan Jiajun"
sources = [{source = "my-notes"}]

[[people]]
id = "zheng-shanjie"
name_en = "Zheng Shanjie"
sources = [{source = "my-notes"}]

[[tenures]]
post = "zhejiang.governor"
person = "yuan-jiajun"
start = "2017-04"
end = "2020-13"
sources = [{source = "my-notes"}]

[[tenures]]
post = "zhejiang.governor"
person = "zheng-shanjie"
started = "2020-08-20"
"""


def check(path: Path) -> int:
    """Load and validate one file; return 1 when it cannot be loaded or has errors."""
    try:
        m = yrdmodel.load(path)
    except yrdmodel.DataError as error:
        print(error)
        return 1
    report = m.validate()
    print(report)
    return 0 if report.ok else 1


def walk_through(out: Path) -> None:
    """Show the problems of a sample file and fix them."""
    sample = out / "zhejiang.toml"
    sample.write_text(SAMPLE, encoding="utf-8")
    print(f"1. Load {sample}:")
    try:
        yrdmodel.load(sample)
    except yrdmodel.DataError as error:
        for problem in error.problems:
            print(f"   {problem.path}: {problem.message}")

    print("2. Fix the id, the month and the key, and load again:")
    text = SAMPLE.replace('id = "Yuan Jiajun"', 'id = "yuan-jiajun"').replace("2020-13", "2020-09")
    sample.write_text(text.replace("started =", "start ="), encoding="utf-8")
    m = yrdmodel.load(sample)
    print(f"   {m}")

    print("3. Validate:")
    report = m.validate()
    for finding in report:
        print(f"   {finding}")

    print("4. Fix the findings (Yuan Jiajun left on 2020-08-20; cite the notes) and validate again:")
    yuan, zheng = m.tenures
    fixed = attrs.evolve(
        m,
        tenures=(
            attrs.evolve(yuan, end=PartialDate.parse("2020-08-20")),
            attrs.evolve(zheng, sources=(Citation("my-notes"),)),
        ),
    )
    print(f"   {fixed.validate()}")
    target = out / "zhejiang.json"
    target.write_text(yrdmodel.dumps(fixed), encoding="utf-8")
    print(f"   wrote {target}")


def main() -> int:
    """Check the given file, or walk through the sample."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", nargs="?", type=Path, help="directory for the sample files (default: a temporary one)")
    parser.add_argument("--data", type=Path, help="your JSON or TOML dataset")
    args = parser.parse_args()
    if args.data is not None:
        return check(args.data)
    out = args.out or Path(tempfile.mkdtemp(prefix="yrdmodel-"))
    out.mkdir(parents=True, exist_ok=True)
    walk_through(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
