"""Start Welcome Desk from a source checkout: `uv run main.py` (window) or with a command word."""

import sys

from desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
