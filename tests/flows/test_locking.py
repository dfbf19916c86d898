"""The lock between writers: exclusive, and never left behind by a dead process."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from flows.locking import LockTimeout, ProcessLock
from tests.posix import posix_only

PROJECT = Path(__file__).resolve().parents[2]


def test_two_holders_exclude_each_other(tmp_path):
    path = tmp_path / "a.lock"
    first, second = ProcessLock(path, timeout=0), ProcessLock(path, timeout=0)
    with first:
        assert first.is_locked
        with pytest.raises(RuntimeError, match="already locked"):
            first.acquire()  # the store never nests its writes: doing so is a bug, said loudly
        with pytest.raises(LockTimeout):
            second.acquire()
        assert not second.is_locked
    second.acquire()
    assert second.is_locked
    second.release()
    assert not second.is_locked


@posix_only("mode bits (0o600) say nothing on Windows")
def test_the_lock_file_is_private(tmp_path):
    path = tmp_path / "a.lock"
    with ProcessLock(path, timeout=0):
        pass
    assert (path.stat().st_mode & 0o777) == 0o600


def test_a_killed_holder_leaves_no_stale_lock(tmp_path):
    path = tmp_path / "a.lock"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys, time
            sys.path.insert(0, {str(PROJECT)!r})
            from flows.locking import ProcessLock
            ProcessLock({str(path)!r}, timeout=0).acquire()
            print("held", flush=True)
            time.sleep(60)
        """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockTimeout):
            ProcessLock(path, timeout=0.05).acquire()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    waiting = ProcessLock(path, timeout=5)
    waiting.acquire()
    assert waiting.is_locked
    waiting.release()


def test_a_lock_file_that_cannot_be_made_is_an_os_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        ProcessLock(tmp_path / "missing-folder" / "a.lock", timeout=0).acquire()
