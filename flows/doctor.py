"""Checking a data file, and saving what is readable from a damaged one.

The checks read only; the original files are never changed. They are the store's own checks
(``flows.store``), so the doctor never calls a file healthy that a command then refuses. Salvage
writes a new data file elsewhere, with every attempt that passes, keeping their ids, and lists
what it left out.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path

from flows.attempt import Attempt
from flows.datafile import (
    DataFileError,
    StoreError,
    journal_of,
    legacy_journal,
    parse_bytes,
    permission_bits_mean_something,
    read_regular_file,
)
from flows.errors import DomainError
from flows.paths import archive_folder_of, leftover_temporary_files, resolve_data_path
from flows.records import DataFile
from flows.store import Store


@dataclass
class Checkup:
    path: Path  # the data file as named
    real_path: Path | None = None  # where it really is, links followed (None: it cannot be found)
    files: list[Path] = field(default_factory=list)
    problems: list[DomainError] = field(default_factory=list)  # each names its file
    readable: dict[int, Attempt] = field(default_factory=dict)
    # An earlier release's journal beside the open file: its saves are read with the file, and
    # the app writes them into the file when it next starts.
    legacy_journal: bool = False

    @property
    def healthy(self) -> bool:
        return not self.problems

    @property
    def fresh(self) -> bool:
        """Nothing stored yet: a new install, not a problem."""
        return not self.files and not self.problems


def examine(path: Path) -> Checkup:
    """Every problem with the data file at ``path`` and its archive, and every readable attempt."""
    checkup = Checkup(path)
    try:
        real = resolve_data_path(path)
    except DataFileError as error:
        checkup.problems.append(error)
        return checkup
    checkup.real_path = real
    archive = archive_folder_of(real)
    if real.exists() or real.is_symlink():
        checkup.files.append(real)
    if archive.exists() and not archive.is_dir():
        checkup.problems.append(DomainError("archive_is_file", path=archive))
    elif archive.is_dir():
        checkup.files += sorted(p for p in archive.iterdir() if p.suffix == ".json")
    for file in checkup.files:
        _examine_file(file, real, checkup)
    for leftover in leftover_temporary_files(real):
        checkup.problems.append(DomainError("leftover_temporary", path=leftover))
    return checkup


def _examine_file(file: Path, data_path: Path, checkup: Checkup) -> None:
    shard: int | None = None
    if file != data_path:
        if not file.stem.isdigit():
            checkup.problems.append(DomainError("not_archive_name", path=file))
            return
        shard = int(file.stem)
    try:
        if file == data_path:  # an earlier release may have left its newest saves in a journal
            _examine_journal(file, checkup)
        data_file = DataFile(file, shard)
        attempts, damage = data_file.checked()
    except StoreError as error:
        checkup.problems.append(error)
        return
    _check_permissions(file, checkup)
    checkup.problems += [d.as_error() for d in damage]
    for attempt in attempts.values():
        known = checkup.readable.get(attempt.id)
        # The same attempt in the open file and the archive: the archived copy is the truth.
        if known is None or shard is not None:
            checkup.readable[attempt.id] = attempt


def _examine_journal(file: Path, checkup: Checkup) -> None:
    journal = journal_of(file)
    if not journal.exists():
        return
    raw = read_regular_file(file)
    try:
        checkup.legacy_journal = legacy_journal(file, raw, parse_bytes(file, raw)) is not None
    except DataFileError as error:
        # The journal is damaged, not the file: report it; the file itself is still read.
        checkup.problems.append(error)
    else:
        _check_permissions(journal, checkup)


def _check_permissions(file: Path, checkup: Checkup) -> None:
    """Whether others may read ``file``: told by its mode bits on POSIX. Not checked on
    Windows, where the bits say nothing of that (and would call every file readable by all)."""
    if not permission_bits_mean_something():
        return
    try:
        mode = stat.S_IMODE(file.stat().st_mode)
    except OSError as error:  # a link to nowhere, say
        checkup.problems.append(StoreError("cannot_read", path=file, reason=error))
        return
    if mode & 0o077:
        checkup.problems.append(DomainError("readable_by_others", path=file, mode=f"{mode:o}"))


@dataclass
class Salvage:
    saved: int
    left_out: list[DomainError]


def salvage(checkup: Checkup, destination: Path) -> Salvage:
    """Write every readable attempt into a new data file; says what it saved and left out."""
    if destination.exists() or destination.is_symlink():
        raise DataFileError("salvage_exists", path=destination)
    if checkup.real_path is not None and destination.resolve() == checkup.real_path:
        raise DataFileError("salvage_onto_itself", path=destination)
    left_out = [p for p in checkup.problems if p.code != "leftover_temporary"]
    if checkup.readable:
        Store(destination).restore(list(checkup.readable.values()))
    return Salvage(len(checkup.readable), left_out)
