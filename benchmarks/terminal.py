"""A command in a real pseudo-terminal, as a person starts it: the one harness of the benchmarks
and of the tests that run the app for real (kills, crashes).

What the program draws is read all the time by a thread: an app blocks once the terminal's
buffer is full, so a reader that only looked when it wanted something would stall it.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import signal
import struct
import subprocess
import termios
import threading
import time
from collections.abc import Sequence
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
ESCAPES = re.compile(rb"\x1b\[[0-9;?<>]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b\][^\x07]*\x07")


def _default_hangup() -> None:
    # The child dies of SIGHUP as a program in a closing terminal does, even when whoever runs
    # the tests ignores SIGHUP (nohup, some CI runners): that setting would be inherited.
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


class Terminal:
    """``command`` in a 100x30 pseudo-terminal, its own session (the terminal is its own), started
    in the project's folder unless ``cwd`` says otherwise."""

    def __init__(
        self,
        command: Sequence[str],
        *,
        env: dict[str, str] | None = None,
        size=(100, 30),
        cwd: Path = PROJECT,
    ) -> None:
        columns, lines = size
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        environment = {
            **os.environ,
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "COLUMNS": str(columns),
            "LINES": str(lines),
            **(env or {}),
        }
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(command),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=environment,
            start_new_session=True,
            # Only one signal's disposition is set between fork and exec: no lock is taken.
            preexec_fn=_default_hangup,  # noqa: PLW1509
        )
        os.close(slave)
        self.output = bytearray()
        self._read_up_to = 0  # what wait_for has already looked at
        self._drawn = threading.Condition()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # the program is gone and the terminal closed
                chunk = b""
            with self._drawn:
                self.output += chunk
                self._drawn.notify_all()
            if not chunk:
                return

    def wait_for(self, *markers: bytes, timeout: float = 30.0) -> bytes:
        """Wait until one of ``markers`` is drawn after what was last waited for; say which."""
        deadline = time.monotonic() + timeout
        with self._drawn:
            while True:
                fresh = bytes(self.output[self._read_up_to :])
                found = [marker for marker in markers if marker in fresh]
                if found:
                    self._read_up_to = len(self.output)
                    return found[0]
                left = deadline - time.monotonic()
                if left <= 0 or not self._reader.is_alive():
                    raise TimeoutError(
                        f"{self.process.args!r} never drew {markers!r}; "
                        f"the screen ended with: {self.screen_text()}"
                    )
                self._drawn.wait(left)

    def settle(self, quiet: float = 0.1) -> None:
        """Wait until nothing has been drawn for ``quiet`` seconds: what comes next is new."""
        with self._drawn:
            while self._drawn.wait(quiet):
                pass
            self._read_up_to = len(self.output)

    def press(self, keys: bytes | str) -> float:
        """Type ``keys``; the moment they were sent."""
        os.write(self.master, keys.encode() if isinstance(keys, str) else keys)
        return time.perf_counter()

    def screen_text(self) -> str:
        """What was drawn lately, without escape sequences: for failure messages."""
        return ESCAPES.sub(b" ", bytes(self.output[-6000:])).decode("utf-8", "replace")

    def kill(self, how: int = signal.SIGKILL, *, timeout: float = 30.0) -> int:
        """Send ``how`` to the program (and its children); its exit status."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, how)
        return self.process.wait(timeout=timeout)

    def finish(self, timeout: float = 30.0) -> bytes:
        """Wait for the program to end by itself; everything it drew."""
        self.process.wait(timeout=timeout)
        self._reader.join(timeout=timeout)
        return bytes(self.output)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        # Never leave a program running behind a failed assertion.
        self.kill(signal.SIGKILL)
        self._reader.join(timeout=5)
        os.close(self.master)
