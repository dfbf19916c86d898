"""What differs on macOS and Windows, simulated: there is no such machine here.

The choice of how to flush a write to disk, and whether mode bits are read as permissions, are
decided at each call from ``sys.platform`` / ``os.name``, so a test can set them and watch.
"""

from __future__ import annotations

import os
import sys
import types

import pytest

from flows import datafile, doctor
from flows.datafile import atomic_write, make_private


@pytest.fixture
def flushes(monkeypatch):
    """Every fsync and fcntl call, recorded; a fake ``fcntl`` that has F_FULLFSYNC."""
    calls: list[str] = []
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append("fsync"))
    fake = types.SimpleNamespace(F_FULLFSYNC=51, fcntl=lambda fd, op: calls.append(f"fcntl {op}"))
    monkeypatch.setitem(sys.modules, "fcntl", fake)
    return calls, fake


def test_on_macos_a_durable_write_asks_the_drive_to_write_through(tmp_path, monkeypatch, flushes):
    calls, _ = flushes
    monkeypatch.setattr(sys, "platform", "darwin")
    atomic_write(tmp_path / "attempts.json", b"{}")
    assert calls == ["fcntl 51", "fcntl 51"], "the file, then the folder that holds its name"
    assert (tmp_path / "attempts.json").read_bytes() == b"{}"


def test_on_macos_a_file_system_that_refuses_it_gets_fsync(tmp_path, monkeypatch, flushes):
    calls, fake = flushes

    def refuse(fd, op):
        raise OSError(45, "Operation not supported")

    fake.fcntl = refuse
    monkeypatch.setattr(sys, "platform", "darwin")
    atomic_write(tmp_path / "attempts.json", b"{}")
    assert calls == ["fsync", "fsync"]


def test_an_older_python_on_macos_without_the_constant_gets_fsync(tmp_path, monkeypatch, flushes):
    calls, fake = flushes
    del fake.F_FULLFSYNC
    monkeypatch.setattr(sys, "platform", "darwin")
    atomic_write(tmp_path / "attempts.json", b"{}")
    assert calls == ["fsync", "fsync"]


def test_on_linux_fsync_is_enough(tmp_path, monkeypatch, flushes):
    calls, _ = flushes
    monkeypatch.setattr(sys, "platform", "linux")
    atomic_write(tmp_path / "attempts.json", b"{}")
    assert calls == ["fsync", "fsync"]


@pytest.mark.skipif(os.name == "nt", reason="makes a POSIX file readable by others to find it")
def test_on_windows_mode_bits_are_not_read_as_who_may_read_the_file(tmp_path, monkeypatch):
    file = tmp_path / "attempts.json"
    file.write_bytes(b"{}")
    file.chmod(0o644)  # what every file looks like to os.stat on Windows (0o666 or 0o444)
    found = doctor.Checkup(path=file)
    doctor._check_permissions(file, found)
    assert [p.code for p in found.problems] == ["readable_by_others"], "POSIX: a real problem"

    with monkeypatch.context() as windows:  # only around the question: pytest reads os.name too
        windows.setattr(os, "name", "nt")
        bits_mean_something = datafile.permission_bits_mean_something()
    assert not bits_mean_something
    monkeypatch.setattr(doctor, "permission_bits_mean_something", lambda: bits_mean_something)
    monkeypatch.setattr(datafile, "permission_bits_mean_something", lambda: bits_mean_something)
    on_windows = doctor.Checkup(path=file)
    doctor._check_permissions(file, on_windows)
    make_private([file])
    assert on_windows.problems == [] and file.stat().st_mode & 0o777 == 0o644
