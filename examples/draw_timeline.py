"""Draw the timeline of the main leaders' tenures and the symposium hosts to an image file.

    python examples/draw_timeline.py timeline.png
    python examples/draw_timeline.py timeline.svg --start 2017-01-01 --end 2022-12-31
    python examples/draw_timeline.py timeline.png --data my-data.toml
    python examples/draw_timeline.py OUTDIR          # writes OUTDIR/timeline.png

The format follows the file's extension (png, svg, pdf). Needs matplotlib:
pip install matplotlib (in a yrdmodel checkout: pip install ".[plot]").
"""

import argparse
import tempfile
from pathlib import Path

import yrdmodel


def main() -> None:
    """Draw the figure and save it."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", nargs="?", type=Path, help="image file or directory (default: a temporary one)")
    parser.add_argument("--data", type=Path, help="a JSON or TOML dataset (default: the packaged one)")
    parser.add_argument("--start", help="first day, YYYY-MM-DD (default: from the data)")
    parser.add_argument("--end", help="last day, YYYY-MM-DD (default: the data's as-of date)")
    parser.add_argument("--dpi", type=int, default=150)
    args = parser.parse_args()

    output = args.output or Path(tempfile.mkdtemp(prefix="yrdmodel-"))
    if output.is_dir() or not output.suffix:
        output.mkdir(parents=True, exist_ok=True)
        output = output / "timeline.png"
    m = yrdmodel.load(args.data)
    fig = yrdmodel.draw_timeline(m, start=args.start, end=args.end)
    fig.savefig(output, dpi=args.dpi)
    print(f"wrote {output}")


if __name__ == "__main__":
    main()
