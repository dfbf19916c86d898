import os
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

SEOUL = timezone(timedelta(hours=9))


class FakeClock:
    """A clock that moves only when told to, one minute per reading by default."""

    def __init__(
        self,
        start: datetime = datetime(2026, 11, 26, 9, 0, tzinfo=SEOUL),
        step=timedelta(minutes=1),
    ):
        self.now = start
        self.step = step

    def __call__(self) -> datetime:
        self.now += self.step
        return self.now


class FrozenClock:
    """A clock that never moves: screens that show times and timers stay the same in snapshots."""

    def __init__(self, moment: datetime = datetime(2026, 11, 26, 10, 30, tzinfo=SEOUL)):
        self.now = moment

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(autouse=True)
def config_file(tmp_path, monkeypatch) -> Path:
    """Where the app keeps its preferences in a test: a file of the test's own, not there yet
    (never the person's own config), and no language chosen by the environment either."""
    path = tmp_path / "config" / "config.toml"
    monkeypatch.setenv("AMAZON_CONTACT_CONFIG", str(path))
    monkeypatch.delenv("AMAZON_CONTACT_LANG", raising=False)
    return path


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def tiny_disk(tmp_path):
    """A real 256 KiB filesystem (tmpfs), to fill up for real; skipped where mounting is refused."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"this machine does not let tests mount a tmpfs: {mounted.stderr!r}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
        os.sync()


def fill_up(folder: Path) -> Path:
    """Write a file in ``folder`` until its filesystem is full; returns the file (delete to free)."""
    filler = Path(folder) / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(descriptor, b"\0" * 512)
    except OSError:
        pass
    finally:
        os.close(descriptor)
    return filler


def refuse_syncs_as_if_the_disk_were_full(monkeypatch) -> None:
    """Every fsync from now on fails with ENOSPC, as on a full disk (``monkeypatch.undo`` ends it)."""
    import errno

    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
