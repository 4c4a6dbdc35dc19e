"""``python -m yrdmodel``: the command line (a summary of the packaged dataset without arguments)."""

from yrdmodel.cli import main

raise SystemExit(main())
