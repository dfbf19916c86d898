"""When the program itself fails: a short message on screen, the details kept privately.

A traceback shows the values the program held, and those are the person's records (names, order
and case numbers). So none is printed: it goes to a log file only its owner can read (0600, in a
0700 folder), and the terminal gets one line with the file's path.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from flows.store import APP_NAME
from flows.words import Words

# EX_SOFTWARE (sysexits.h): the program failed, not the input.
EXIT_CRASH = 70


def log_folder() -> Path:
    import platformdirs

    return platformdirs.user_log_path(APP_NAME, appauthor=False)


def keep_details(details: str) -> Path:
    """Write ``details`` to a new private log file and return its path."""
    name = f"crash-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.log"
    payload = details.encode("utf-8", "replace")
    try:
        folder = log_folder()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = folder / name
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError:
        # No room in the usual place (a read-only home, say): a private file in the temp folder.
        descriptor, temporary = tempfile.mkstemp(prefix=f"{APP_NAME}-", suffix=".log")
        path = Path(temporary)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(payload)
    with contextlib.suppress(OSError):
        path.chmod(0o600)
    return path


def report(details: str, words: Words) -> int:
    """Keep ``details`` privately, say where in one line, and give the exit status of a crash."""
    try:
        where = words("crash_details_in", path=keep_details(details))
    except OSError:
        where = words("crash_details_lost")
    print(f"{APP_NAME}: {words('crash', where=where)}", file=sys.stderr)
    return EXIT_CRASH
