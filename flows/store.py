"""Where attempts are kept: TinyDB files that are never left half-written.

Layout, for a data file ``attempts.json``::

    attempts.json            the attempts still going on (in progress, or waiting on a promise)
    attempts.archive/0000.json, 0001.json, ...
                             finished attempts, a hundred ids per file (id // 100)

Saving a step rewrites only the open file, which holds the few attempts still open, so it costs
the same with ten finished attempts behind it or ten thousand. Finishing an attempt writes it
once into its archive file, which never holds more than a hundred.

Files are replaced whole (``flows.datafile``), so a crash leaves the old file or the new one. A
file lock keeps writers from different processes one at a time; inside it, TinyDB's caches are
dropped and the file is read again whenever it changed on disk, so a writer always starts from
what is there. Every attempt carries a revision: a save made from a copy older than the one on
disk is merged with it (``flows.merge``), never written over it.

Every record is checked when it is read. One that does not pass is skipped by the views and
reported (:attr:`Store.damage`), and its file is not written again until it is mended: nothing
this version does not understand is ever rewritten.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from flows.attempt import MAX_ATTEMPT_ID, Attempt, copy_of, encode
from flows.datafile import (  # the errors and the file format are also used from here
    APP_NAME,
    SCHEMA_VERSION,
    DataFileError,
    StoreError,
    atomic_write,
    journal_of,
    make_private,
    make_private_folder,
    parse_data_file,
)
from flows.errors import DomainError
from flows.locking import LockTimeout, ProcessLock
from flows.paths import (  # also used from here
    ENVIRONMENT_VARIABLE,
    archive_folder_of,
    default_path,
    leftover_temporary_files,
    resolve_data_path,
    set_aside_folder_of,
)
from flows.records import (  # also used from here
    ARCHIVE_SHARD_SIZE,
    Damage,
    DataFile,
    read_whole_archive_file,
)
from flows.sightings import TABLE as SIGHTINGS
from flows.sightings import Sighting, encoded, read_sightings, updated

if TYPE_CHECKING:
    from flows.summary import AttemptSummary

__all__ = [
    "APP_NAME",
    "ARCHIVE_SHARD_SIZE",
    "SCHEMA_VERSION",
    "Damage",
    "DataFileError",
    "ReadOnly",
    "SaveReport",
    "Store",
    "StoreError",
    "UnknownAttempt",
    "atomic_write",
    "default_path",
    "parse_data_file",
]

LOCK_TIMEOUT_SECONDS = 10.0


class ReadOnly(StoreError):
    """This store is open for reading only."""


class UnknownAttempt(StoreError, KeyError):
    def __init__(self, attempt_id: int):
        self.attempt_id = attempt_id
        super().__init__("unknown_attempt", id=attempt_id)

    __str__ = StoreError.__str__  # not KeyError's quoted form


@dataclass
class SaveReport:
    """What a save had to do besides writing the attempt, for the person to be told."""

    attempt: Attempt  # what was written (the attempt itself, or it merged with a newer copy)
    merged: bool = False  # another copy had saved since this one was read: the two are one now
    conflicts: list[str] = field(default_factory=list)  # changed in both; the later was kept
    file_recreated: bool = False  # the data file had gone (moved or deleted): a new one holds it
    set_aside: Path | None = None  # an older file was put back: this copy's changes are here
    # Its number was taken by another attempt (an older file put back): it has a new one now.
    renumbered_from: int | None = None

    @property
    def worth_telling(self) -> bool:
        return (
            self.merged
            or self.file_recreated
            or self.set_aside is not None
            or self.renumbered_from is not None
        )


class Store:
    """All attempts in one data file and its archive folder."""

    def __init__(self, path: str | os.PathLike[str] | None = None):
        self._default_location = path is None and not os.environ.get(ENVIRONMENT_VARIABLE)
        chosen = Path(path).expanduser() if path is not None else default_path()
        self.path = resolve_data_path(chosen)
        self.archive_folder = archive_folder_of(self.path)
        self._active = DataFile(self.path)
        self._shards: dict[int, DataFile] = {}
        self._recovered = False
        self._lock = ProcessLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT_SECONDS)
        # Held for as long as a full-screen app works on this file: one such writer at a time.
        self._claim = ProcessLock(str(self.path) + ".app.lock", timeout=0)
        self.read_only = False
        # Why, while read-only: "another_window", "cannot_lock" or "damaged", and the error
        # behind the last two (for the person to be told in their language).
        self.read_only_reason = ""
        self.read_only_problem: DomainError | None = None
        self._skipped: list[Damage] = []
        # The data file as this store last saw it: a file gone since is noticed at the next save.
        self._seen_file = False
        # Read now, so a damaged or foreign file is reported before anything else happens.
        self._seen_file = self._active.exists()
        self._repair_permissions()

    # Who may write

    def claim(self) -> bool:
        """Become this file's one interactive writer; if that cannot be, turn read-only.

        :attr:`read_only_reason` then says why: another window has the file, the folder cannot
        be written, or the file holds a record this version cannot read.
        """
        if self._claim.is_locked:
            return True
        try:
            make_private_folder(self.path.parent)
            self._claim.acquire()
        except LockTimeout:
            return self._look_only("another_window")
        except (OSError, StoreError) as error:
            # The lock cannot even be made: a read-only folder, a lock that is a folder...
            problem = error if isinstance(error, StoreError) else StoreError("lock", reason=error)
            return self._look_only("cannot_lock", problem)
        damage: list[DomainError]
        try:
            found = self._active.checked()[1] if self._active.exists() else []
            damage = [d.as_error() for d in found]
        except StoreError as error:  # the file became unreadable, or newer, since it was read
            damage = [error]
        if damage:
            self._claim.release()
            return self._look_only("damaged", damage[0])
        self.read_only, self.read_only_reason, self.read_only_problem = False, "", None
        # Saves an earlier release left in a journal become part of the file now (or, should
        # that fail, with the next save), so that what is left is one plain file.
        with contextlib.suppress(StoreError):
            self.fold_legacy_journal()
        return True

    def _look_only(self, why: str, problem: DomainError | None = None) -> bool:
        self.read_only, self.read_only_reason, self.read_only_problem = True, why, problem
        return False

    def release(self) -> None:
        """Let go of the file, for another window to take."""
        if self._claim.is_locked:
            self._claim.release()

    def fold_legacy_journal(self) -> None:
        """Write the saves an earlier release left in a journal into the file itself."""
        if not self._active.exists() or not self._active.storage.has_legacy_journal:
            return
        with self._writing():
            data = self._active.storage.read()
            if data is not None and self._active.storage.has_legacy_journal:
                self._active.refuse_if_damaged()
                self._active.storage.write(data)

    # Reading. Damaged records are skipped and kept in ``damage``, for the views to say so.

    @property
    def skipped(self) -> list[Damage]:
        """What the last view (``unfinished``, ``all``, ``summaries``) left out as damaged."""
        return list(self._skipped)

    # An attempt is archived only once finished, and written there before it leaves the open file:
    # wherever both copies exist (a crash between the two writes), the archived one is the truth.

    def unfinished(self) -> list[Attempt]:
        """Attempts still going on, the most recently touched first."""
        self._skipped = []
        attempts = [
            copy_of(a)  # the caller may change it: never the copy this store keeps of the file
            for a in self._readable(self._active).values()
            if not a.is_finished and not self._archived(a.id)
        ]
        return sorted(attempts, key=lambda a: a.updated_at, reverse=True)

    def get(self, attempt_id: int) -> Attempt:
        if not 0 <= attempt_id <= MAX_ATTEMPT_ID:
            raise UnknownAttempt(attempt_id)
        files = [self._shard(attempt_id)] if self.archive_folder.is_dir() else []
        for data_file in [*files, self._active]:
            try:
                attempts, damage = data_file.checked()
            except DataFileError:
                if data_file is self._active:
                    raise
                continue  # an archive file that cannot be read: perhaps the open file has it
            if attempt_id in attempts:
                # The caller may change it: never the copy this store keeps of the file.
                return copy_of(attempts[attempt_id])
            for problem in damage:
                if problem.record == str(attempt_id):
                    raise DataFileError("damaged_attempt", damage=problem.as_error())
        raise UnknownAttempt(attempt_id)

    def all(self) -> list[Attempt]:
        """Every attempt that can be read, open and finished, the newest first (to read, not to
        change: some are the very objects this store keeps of its files)."""
        self._skipped = []
        found = dict(self._readable(self._active))
        for data_file in self._archive_files():
            found.update(self._readable(data_file))
        return sorted(found.values(), key=lambda a: a.created_at, reverse=True)

    def _archived(self, attempt_id: int) -> bool:
        return attempt_id in self._records_of_archive_file(attempt_id)

    def _records_of_archive_file(self, attempt_id: int) -> dict[int, Attempt]:
        """What the archive file of ``attempt_id`` holds that passes the checks; nothing if it
        cannot be read at all (it is reported by the views and the doctor, and never written)."""
        if not self.archive_folder.is_dir():  # none yet, or a plain file where it should be
            return {}
        try:
            return self._shard(attempt_id).records()
        except DataFileError:
            return {}

    def summaries(self) -> list[AttemptSummary]:
        """What the history list shows of every attempt, the newest first; fast at any size.

        Archive files are read and let go one by one rather than kept: with years of history,
        holding every record would cost many times the memory of the list.
        """
        from flows.summary import AttemptSummary  # here: a command that only reads (due) needs none

        self._skipped = []
        found = {a.id: AttemptSummary.of(a) for a in self._readable(self._active).values()}
        for number in self._archive_numbers():
            # Later sources win: an archived copy over an open one.
            path = self._shard_path(number)
            attempts = read_whole_archive_file(path, number)
            if (
                attempts is None
            ):  # something in it does not pass: find and name it, record by record
                attempts = self._readable(DataFile(path, number))
            found.update((i, AttemptSummary.of(a)) for i, a in attempts.items())
        return sorted(found.values(), key=lambda a: a.created_at, reverse=True)

    # Writing

    def new_id(self) -> int:
        with self._writing():
            return self._next_free_id()

    def _next_free_id(self) -> int:
        """Take the next id no attempt in the files has (inside the lock)."""
        self._active.refuse_if_damaged()
        self._ensure_header()
        # A restored older file has a stale counter: never hand out an id already in use.
        in_use = max([*self._active.records(), self._highest_archived_id()], default=0)
        attempt_id = max(self._active.next_id(), in_use + 1)
        if attempt_id > MAX_ATTEMPT_ID:
            raise DataFileError("no_ids_left", path=self.path)
        self._active.meta.update({"next_id": attempt_id + 1}, doc_ids=[1])
        return attempt_id

    def save(self, attempt: Attempt, *, base: Attempt | None = None) -> SaveReport:
        """Store the attempt durably; when this returns, it survives a crash.

        ``base`` is the attempt as it was read (or last saved) by whoever changed it. If the
        file holds a newer revision, the two copies are merged against it; if it holds an older
        one (a backup was put back), the file's copy stands and this one is set aside.
        """
        with self._writing():
            report = SaveReport(attempt)
            on_disk = self._stored_copy(attempt.id)
            if not self._active.exists() and self._seen_file and attempt.revision > 0:
                report.file_recreated = True  # moved or deleted underneath
            if on_disk is not None and on_disk.created_at != attempt.created_at:
                # Another attempt under the same number: an older file put back handed the
                # number out again. Two attempts are never merged: this one takes a new number.
                report.renumbered_from = attempt.id
                attempt.id, attempt.revision = self._next_free_id(), 0
                on_disk = None
            if on_disk is not None and on_disk.revision < attempt.revision:
                report.set_aside = self._set_aside(attempt)
                report.attempt = copy_of(on_disk)
                return report
            if on_disk is not None and on_disk.revision > attempt.revision:
                from flows.merge import merge  # here: a command that only reads needs none

                merged = merge(base, attempt, on_disk)
                report.attempt, report.merged = merged.attempt, True
                report.conflicts = merged.conflicts
            written, unsaved_revision = report.attempt, report.attempt.revision
            written.revision = max(attempt.revision, on_disk.revision if on_disk else 0) + 1
            try:
                self._write(written)
                self._remember_sightings(written)
            except DataFileError as refused:
                # The file holds what this version cannot read, so it is not written: keep the
                # change beside it meanwhile, so that leaving the app loses nothing.
                written.revision = unsaved_revision
                kept = self._set_aside(written)
                raise DataFileError("refused_kept_aside", refused=refused, kept=kept) from None
            except BaseException:
                written.revision = unsaved_revision  # not saved: still the copy it was
                raise
            self._seen_file = True
            return report

    def restore(self, attempts: list[Attempt]) -> None:
        """Write attempts that already have ids (from a backup or a salvage), keeping the ids."""
        with self._writing():
            for attempt in attempts:
                self._write(attempt)
            highest = max((a.id for a in attempts), default=0)
            self._ensure_header()
            if self._active.next_id() <= highest:
                self._active.meta.update({"next_id": highest + 1}, doc_ids=[1])

    @property
    def bytes_written(self) -> int:
        """Bytes written to disk by this store so far (what one save costs, measured)."""
        files = [self._active, *self._shards.values()]
        return sum(f.storage.bytes_written for f in files)

    # Inside

    def _write(self, attempt: Attempt) -> None:
        self._active.refuse_if_damaged()
        self._ensure_header(in_use=attempt.id)
        if attempt.is_finished:
            make_private_folder(self.archive_folder)
            shard = self._shard(attempt.id)
            shard.refresh()
            shard.refuse_if_damaged()
            shard.ensure_header()
            shard.put(attempt)
            if str(attempt.id) in self._active.raw().get("attempts", {}):
                self._active.attempts.remove(doc_ids=[attempt.id])
        else:
            self._active.put(attempt)

    def sightings(self) -> dict[str, Sighting]:
        """What the person last saw at each website step (see :mod:`flows.sightings`)."""
        try:
            return read_sightings(self._active.raw())
        except StoreError:
            return {}  # the file cannot be read: the screens say so elsewhere

    def _remember_sightings(self, attempt: Attempt) -> None:
        changed = updated(read_sightings(self._active.raw()), attempt)
        if changed is not None:
            self._active.put_whole(SIGHTINGS, encoded(changed))

    def _stored_copy(self, attempt_id: int) -> Attempt | None:
        """The attempt as its files hold it: the archived copy is the truth, then the open one."""
        archived = self._records_of_archive_file(attempt_id).get(attempt_id)
        return archived if archived is not None else self._active.records().get(attempt_id)

    def _set_aside(self, attempt: Attempt) -> Path:
        """Keep a copy the file no longer has room for (an older file was put back) beside it."""
        folder = set_aside_folder_of(self.path)
        make_private_folder(folder)
        stamp = attempt.updated_at.strftime("%Y%m%dT%H%M%S")
        target = folder / f"attempt-{attempt.id}-revision-{attempt.revision}-{stamp}.json"
        payload = _json({"app": APP_NAME, "schema": SCHEMA_VERSION, "attempt": encode(attempt)})
        atomic_write(target, payload)
        return target

    def _ensure_header(self, in_use: int = 0) -> None:
        if self._active.exists():
            return
        # A new (or deleted) open file must not hand out ids already in use: archived ones, or
        # that of the attempt being saved.
        self._active.ensure_header(next_id=max(self._highest_archived_id(), in_use) + 1)

    def _highest_archived_id(self) -> int:
        numbers = self._archive_numbers()
        if not numbers:
            return 0
        shard = self._shard(numbers[-1] * ARCHIVE_SHARD_SIZE)
        try:
            keys = [int(k) for k in shard.raw().get("attempts", {}) if k.isdigit()]
        except DataFileError:
            # Cannot be read: assume its every id is taken, rather than hand one out again.
            return min((numbers[-1] + 1) * ARCHIVE_SHARD_SIZE - 1, MAX_ATTEMPT_ID)
        return min(max(keys, default=0), MAX_ATTEMPT_ID)

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        if self.read_only:
            raise ReadOnly("read_only", path=self.path)
        make_private_folder(self.path.parent)
        try:
            with self._lock:
                self._active.refresh()  # an archive file's caches are dropped when it is written
                if not self._recovered:
                    self._recover_from_interrupted_writes()
                    self._recovered = True
                yield
        except LockTimeout as error:
            raise StoreError(
                "lock_timeout", path=self.path, seconds=round(LOCK_TIMEOUT_SECONDS)
            ) from error
        except OSError as error:
            raise StoreError("not_saved", path=self.path, reason=error) from error

    def _recover_from_interrupted_writes(self) -> None:
        """Tidy what a writer killed mid-way can leave; safe because we hold the lock."""
        # Temporary files that never got renamed into place.
        for leftover in leftover_temporary_files(self.path):
            with contextlib.suppress(OSError):
                leftover.unlink()
        # A finished attempt is written to the archive before it leaves the open file; a crash
        # in between leaves it in both, and the archived copy is the complete one.
        if not self._active.exists() or self._active.checked()[1]:
            return
        stale = [attempt_id for attempt_id in self._active.records() if self._archived(attempt_id)]
        if stale:
            self._active.attempts.remove(doc_ids=stale)

    def _repair_permissions(self) -> None:
        """Keep what is ours private: files 0600, our folders 0700 (never a shared one like /tmp)."""
        ours = [
            self.path,
            journal_of(self.path),
            Path(str(self.path) + ".lock"),
            Path(str(self.path) + ".app.lock"),
        ]
        for folder in (self.archive_folder, set_aside_folder_of(self.path)):
            if folder.is_dir():
                ours += [folder, *folder.glob("*.json")]
        if self._default_location:
            ours.append(self.path.parent)  # our own data folder; never a folder the person chose
        make_private(ours)

    def _shard_path(self, number: int) -> Path:
        return self.archive_folder / f"{number:04d}.json"

    def _shard(self, attempt_id: int) -> DataFile:
        number = attempt_id // ARCHIVE_SHARD_SIZE
        if number not in self._shards:
            self._shards[number] = DataFile(self._shard_path(number), number)
        return self._shards[number]

    def _archive_numbers(self) -> list[int]:
        if not self.archive_folder.exists():
            return []
        if not self.archive_folder.is_dir():
            raise DataFileError("archive_is_file", path=self.archive_folder)
        try:
            names = [p.stem for p in self.archive_folder.glob("[0-9]*.json")]
        except OSError:
            return []
        numbers = (int(name) for name in names if name.isdigit())
        return sorted(n for n in numbers if n * ARCHIVE_SHARD_SIZE <= MAX_ATTEMPT_ID)

    def _archive_files(self) -> list[DataFile]:
        return [self._shard(number * ARCHIVE_SHARD_SIZE) for number in self._archive_numbers()]

    def _readable(self, data_file: DataFile) -> dict[int, Attempt]:
        """The attempts of a file that pass the checks; what does not is noted as skipped.

        The open file that cannot be read at all is an error (nothing can be shown); an archive
        file that cannot be read is skipped like a damaged record.
        """
        try:
            attempts, damage = data_file.checked()
        except DataFileError as error:
            if data_file is self._active:
                raise
            self._skipped.append(Damage(data_file.path, "file", error))
            return {}
        self._skipped += damage
        return attempts


def _json(data: dict[str, Any]) -> bytes:
    return orjson.dumps(data)
