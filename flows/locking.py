"""An exclusive lock between processes, held on a small lock file beside the data file.

Written here rather than taken from ``filelock``: that library (4.x) spent about 75 µs on each
acquire and release, a fifth of a whole durable save, and over 25 ms importing on the start-up
path; the two system calls it wraps cost a few microseconds. ``benchmarks/`` measures both.

The lock belongs to the open lock file, not to the process (``flock`` on POSIX, ``msvcrt.locking``
on Windows): two ``ProcessLock`` objects in one process exclude each other like two processes do,
and the system lets go by itself when a process dies, so a crash never leaves a stale lock.
"""

from __future__ import annotations

import os
import sys
import time
from types import TracebackType

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        try:
            os.lseek(descriptor, 0, os.SEEK_SET)
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)


POLL_SECONDS = 0.01


class LockTimeout(TimeoutError):
    """Another holder kept the lock longer than we were willing to wait."""


class ProcessLock:
    """An exclusive lock on ``path``; waits up to ``timeout`` seconds (0: do not wait)."""

    def __init__(self, path: str | os.PathLike[str], *, timeout: float):
        self.path = os.fspath(path)
        self.timeout = timeout
        self._descriptor: int | None = None
        self._locked = False

    @property
    def is_locked(self) -> bool:
        return self._locked

    def acquire(self) -> None:
        """Take the lock, or raise :class:`LockTimeout`; ``OSError`` if the lock file cannot be made."""
        if self._locked:
            raise RuntimeError(f"{self.path} is already locked by this holder")
        # Opened afresh each time: a lock file deleted in between must not leave us locking a ghost.
        if self._descriptor is None:
            self._descriptor = os.open(
                self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600
            )
        deadline = time.monotonic() + self.timeout
        while not _try_lock(self._descriptor):
            if time.monotonic() >= deadline:
                self._close()
                raise LockTimeout(f"{self.path} is held by another process")
            time.sleep(POLL_SECONDS)
        self._locked = True

    def release(self) -> None:
        """Let go (nothing happens if it is not held)."""
        if not self._locked:
            return
        self._locked = False
        if self._descriptor is not None:
            try:
                _unlock(self._descriptor)
            finally:
                self._close()

    def _close(self) -> None:
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None

    def __enter__(self) -> ProcessLock:
        self.acquire()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.release()
