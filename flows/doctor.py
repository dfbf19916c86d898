"""Checking a data file, and saving what is readable from a damaged one.

The checks read only; the original files are never changed. Salvage writes a new data file
elsewhere, with every attempt that could be read, keeping their ids.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path

from flows.attempt import Attempt, InvalidRecord
from flows.datafile import (
    journal_of,
    legacy_journal,
    parse_bytes,
    parse_data_file,
    read_regular_file,
)
from flows.store import (
    DataFileError,
    Store,
    StoreError,
    archive_folder_of,
    leftover_temporary_files,
)


@dataclass(frozen=True)
class Problem:
    file: Path
    what: str

    def __str__(self) -> str:
        return f"{self.file}: {self.what}"


@dataclass
class Checkup:
    path: Path
    files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    readable: dict[int, Attempt] = field(default_factory=dict)
    # An earlier release's journal beside the open file: its saves are read with the file, and
    # the app writes them into the file when it next starts.
    legacy_journal: bool = False

    @property
    def healthy(self) -> bool:
        return not self.problems


def examine(path: Path) -> Checkup:
    """Every problem with the data file at ``path`` and its archive, and every readable attempt."""
    checkup = Checkup(path)
    archive = archive_folder_of(path)
    if not path.exists():
        checkup.problems.append(Problem(path, "does not exist"))
    else:
        checkup.files.append(path)
    if archive.is_dir():
        checkup.files += sorted(archive.glob("*.json"))
    for file in checkup.files:
        _examine_file(file, checkup)
    journal = journal_of(path)
    if journal.exists():
        _check_permissions(journal, checkup)
    for leftover in leftover_temporary_files(path):
        checkup.problems.append(
            Problem(leftover, "left over from an interrupted save; the next save removes it")
        )
    return checkup


def _check_permissions(file: Path, checkup: Checkup) -> None:
    mode = stat.S_IMODE(file.stat().st_mode)
    if mode & 0o077:
        checkup.problems.append(
            Problem(file, f"readable by others (mode {mode:o}); it should be 600")
        )


def _examine_file(file: Path, checkup: Checkup) -> None:
    _check_permissions(file, checkup)
    try:
        if file == checkup.path:  # an earlier release may have left its newest saves in a journal
            raw = read_regular_file(file)
            data = parse_bytes(file, raw)
            journal = journal_of(file)
            try:
                newer = legacy_journal(file, raw, data)
            except DataFileError as error:
                # The journal is damaged, not the file: report it, and read the file itself.
                checkup.problems.append(Problem(journal, str(error).removeprefix(f"{journal}: ")))
                newer = None
            checkup.legacy_journal = newer is not None
            data = newer or data
        else:
            data = parse_data_file(file)
    except StoreError as error:
        checkup.problems.append(Problem(file, str(error).removeprefix(f"{file}: ")))
        return
    for doc_id, record in data.get("attempts", {}).items():
        try:
            attempt = Attempt.from_dict(record)
        except InvalidRecord as error:
            checkup.problems.append(Problem(file, f"record {doc_id}: {error}"))
            continue
        if str(attempt.id) != doc_id:
            checkup.problems.append(
                Problem(file, f"record {doc_id} says it is attempt {attempt.id}")
            )
        known = checkup.readable.get(attempt.id)
        # The same attempt in two files: keep the one touched last.
        if known is None or attempt.updated_at >= known.updated_at:
            checkup.readable[attempt.id] = attempt


def salvage(checkup: Checkup, destination: Path) -> int:
    """Write every readable attempt into a new data file; returns how many were saved."""
    if destination.exists():
        raise DataFileError(
            f"{destination}: already exists; choose a new file for the salvaged attempts"
        )
    if destination.resolve() == checkup.path.resolve():
        raise DataFileError(f"{destination}: is the damaged file itself; choose another")
    store = Store(destination)
    store.restore(list(checkup.readable.values()))
    return len(checkup.readable)
