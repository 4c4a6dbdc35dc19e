"""``python -m yrdmodel.data``: regenerate the packaged dataset's JSON form from its TOML files."""

import sys

from yrdmodel.data.generate import main

sys.exit(main())
