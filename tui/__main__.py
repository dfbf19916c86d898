"""``amazon-contact`` and ``python -m tui``: the command line, started as fast as it can be.

The collector is kept off while the modules load: everything imported lives until the process
ends, so a collection pass then finds nothing to free and only costs time (about 10 ms here).
``tui.cli`` freezes those objects before the app draws, so later passes skip them too, and turns
the collector back on.
"""

from __future__ import annotations

import gc
import sys


def main() -> int:
    gc.disable()  # tui.cli turns it back on: once the app is loaded, or at once for a subcommand
    from tui.cli import main as run_command_line

    return run_command_line()


if __name__ == "__main__":
    sys.exit(main())
