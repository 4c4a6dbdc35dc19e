"""Draw docs/images/timeline.png, the timeline figure the docs show, from the packaged dataset.

Run by hand after the data changes (``python docs/gen_timeline.py``); the tests run it too, into
a temporary file, and check that the committed image has the size the script draws.

Usage: python docs/gen_timeline.py [OUTPUT.png]
"""

import sys
from pathlib import Path

import yrdmodel

OUTPUT = Path(__file__).resolve().parent / "images" / "timeline.png"
DPI = 110


def main(argv: list[str]) -> int:
    """Draw the figure into ``argv[0]`` (default: docs/images/timeline.png)."""
    out = Path(argv[0]) if argv else OUTPUT
    out.parent.mkdir(parents=True, exist_ok=True)
    fig = yrdmodel.draw_timeline(yrdmodel.load())
    # No software version in the file, so that regenerating it with the same drawing changes nothing.
    fig.savefig(out, dpi=DPI, metadata={"Software": None})
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
