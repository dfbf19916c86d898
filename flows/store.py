"""Where attempts are kept: TinyDB files that are never left half-written.

Layout, for a data file ``attempts.json``::

    attempts.json            the attempts still going on (in progress, or waiting on a promise)
    attempts.archive/0000.json, 0001.json, ...
                             finished attempts, a hundred ids per file (id // 100)

Saving a step rewrites only the open file, which holds the few attempts still open, so it costs
the same with ten finished attempts behind it or ten thousand. Finishing an attempt writes it
once into its archive file, which never holds more than a hundred.

Files are replaced whole through a temporary file in the same folder that is flushed, fsynced and
then renamed over the old one, so a crash leaves either the old file or the new one, never a mix
(see ``flows.datafile``). A file lock
keeps writers from different processes one at a time; inside it, TinyDB's table caches are
dropped, and the parsed file is re-read whenever the file on disk is not the one last read (its
inode, size and time are compared), so a writer always starts from what is on disk.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document, Table

from flows.attempt import Attempt, AttemptSummary, InvalidRecord
from flows.datafile import (  # the errors and the file format are also used from here
    APP_NAME,
    SCHEMA_VERSION,
    AtomicJSONStorage,
    DataFileError,
    StoreError,
    atomic_write,
    journal_of,
    parse_data_file,
    reason,
)
from flows.locking import LockTimeout, ProcessLock

__all__ = [
    "APP_NAME",
    "SCHEMA_VERSION",
    "DataFileError",
    "ReadOnly",
    "Store",
    "StoreError",
    "UnknownAttempt",
    "atomic_write",
    "default_path",
    "parse_data_file",
]

ENVIRONMENT_VARIABLE = "AMAZON_CONTACT_DB"
ARCHIVE_SHARD_SIZE = 100
LOCK_TIMEOUT_SECONDS = 10.0


class ReadOnly(StoreError):
    """This store is open for reading only, because another app holds the file."""


class UnknownAttempt(StoreError, KeyError):
    def __init__(self, attempt_id: int):
        self.attempt_id = attempt_id
        super().__init__(f"no attempt with id {attempt_id}")

    def __str__(self) -> str:
        return str(self.args[0])


def archive_folder_of(path: Path) -> Path:
    """Where the finished attempts of the data file ``path`` are kept."""
    return path.with_name(path.stem + ".archive")


def leftover_temporary_files(path: Path) -> list[Path]:
    """Temporary files an interrupted save of ``path`` or its archive may have left."""
    archive = archive_folder_of(path)
    found: list[Path] = []
    for folder, pattern in ((path.parent, f".{path.name}.*.tmp"), (archive, ".*.json.*.tmp")):
        if folder.is_dir():
            found += sorted(folder.glob(pattern))
    return found


def default_path() -> Path:
    """The data file: ``$AMAZON_CONTACT_DB`` if set, else the user data folder of this platform."""
    chosen = os.environ.get(ENVIRONMENT_VARIABLE)
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs  # only needed when no path is given; keeps start-up lean

    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "attempts.json"


class _DataFile:
    """One TinyDB file of ours: a header record and a table of attempts."""

    def __init__(self, path: Path):
        self.path = path
        self.db = TinyDB(path, storage=AtomicJSONStorage)
        self.attempts: Table = self.db.table("attempts")
        self.meta: Table = self.db.table("meta")
        # Table caches (query results, next id) would hide another process's writes.
        self.attempts.clear_cache()

    @property
    def storage(self) -> AtomicJSONStorage:
        return self.db.storage  # type: ignore[return-value]

    def exists(self) -> bool:
        return self.storage.read() is not None

    def ensure_header(self, next_id: int = 1) -> None:
        if not self.exists():
            # One write: TinyDB's upsert would first write an empty table, a file with no header.
            self.meta.insert(
                Document({"app": APP_NAME, "schema": SCHEMA_VERSION, "next_id": next_id}, doc_id=1)
            )

    def put(self, doc_id: int, record: dict[str, Any]) -> None:
        """Store ``record`` under ``doc_id`` in exactly one write (TinyDB's upsert may take two)."""
        if doc_id in self.records():
            self.attempts.update(record, doc_ids=[doc_id])
        else:
            self.attempts.insert(Document(record, doc_id=doc_id))

    def header(self) -> dict[str, Any]:
        return dict(self.meta.get(doc_id=1) or {})

    def records(self) -> dict[int, dict[str, Any]]:
        data = self.storage.read() or {}
        return {int(doc_id): doc for doc_id, doc in data.get("attempts", {}).items()}

    def refresh(self) -> None:
        self.attempts.clear_cache()
        self.meta.clear_cache()


class Store:
    """All attempts in one data file and its archive folder."""

    def __init__(self, path: str | os.PathLike[str] | None = None):
        self._default_location = path is None and not os.environ.get(ENVIRONMENT_VARIABLE)
        # Resolved, so a data file that is a link (to a synced folder, say) is written through,
        # not replaced by a plain file.
        self.path = (Path(path).expanduser() if path is not None else default_path()).resolve()
        self.archive_folder = archive_folder_of(self.path)
        self._active = _DataFile(self.path)
        self._shards: dict[int, _DataFile] = {}
        self._recovered = False
        self._lock = ProcessLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT_SECONDS)
        # Held for as long as a full-screen app works on this file: one such writer at a time.
        self._claim = ProcessLock(str(self.path) + ".app.lock", timeout=0)
        self.read_only = False
        # Read now, so a damaged or foreign file is reported before anything else happens.
        self._active.exists()
        self._repair_permissions()

    # Who may write

    def claim(self) -> bool:
        """Become this file's one interactive writer; if another app already is, turn read-only."""
        if self._claim.is_locked:
            return True
        try:
            self._prepare_folder(self.path.parent)
            self._claim.acquire()
        except (LockTimeout, OSError, StoreError):
            # Held by another app, or the lock cannot even be made (a read-only folder): look only.
            self.read_only = True
            return False
        self.read_only = False
        # Saves an earlier release left in a journal become part of the file now (or, should
        # that fail, with the next save), so that what is left is one plain file.
        with contextlib.suppress(StoreError):
            self.fold_legacy_journal()
        return True

    def release(self) -> None:
        """Let go of the file, for another window to take."""
        if self._claim.is_locked:
            self._claim.release_fully()

    def fold_legacy_journal(self) -> None:
        """Write the saves an earlier release left in a journal into the file itself."""
        if not self._active.exists() or not self._active.storage.has_legacy_journal:
            return
        with self._writing():
            data = self._active.storage.read()
            if data is not None and self._active.storage.has_legacy_journal:
                self._active.storage.write(data)

    # Reading

    # An attempt is archived only once finished, and written there before it leaves the open file:
    # wherever both copies exist (a crash between the two writes), the archived one is the truth.

    def unfinished(self) -> list[Attempt]:
        """Attempts still going on, the most recently touched first."""
        attempts = [
            a for a in self._read(self._active) if not a.is_finished and not self._archived(a.id)
        ]
        return sorted(attempts, key=lambda a: a.updated_at, reverse=True)

    def get(self, attempt_id: int) -> Attempt:
        for data_file in (self._shard(attempt_id), self._active):
            record = data_file.records().get(attempt_id)
            if record is not None:
                return self._attempt(data_file, record)
        raise UnknownAttempt(attempt_id)

    def all(self) -> list[Attempt]:
        """Every attempt, open and finished, the newest first."""
        found = {a.id: a for a in self._read(self._active)}
        found.update(
            (a.id, a) for data_file in self._archive_files() for a in self._read(data_file)
        )
        return sorted(found.values(), key=lambda a: a.created_at, reverse=True)

    def _archived(self, attempt_id: int) -> bool:
        return attempt_id in self._shard(attempt_id).records()

    def summaries(self) -> list[AttemptSummary]:
        """What the history list shows of every attempt, the newest first; fast at any size.

        Archive files are parsed and let go one by one rather than kept in the read cache: with
        years of history, holding every record would cost many times the memory of the list.
        """
        found: dict[int, AttemptSummary] = {}
        archive = (
            sorted(self.archive_folder.glob("[0-9]*.json")) if self.archive_folder.is_dir() else []
        )

        def sources() -> Iterator[tuple[Path, Iterable[dict[str, Any]]]]:
            yield self.path, self._active.records().values()
            for path in archive:  # later sources win: an archived copy over an open one
                yield path, parse_data_file(path).get("attempts", {}).values()

        for path, records in sources():
            for record in records:
                try:
                    summary = AttemptSummary.from_record(record)
                except InvalidRecord as error:
                    raise DataFileError(f"{path}: {error}") from error
                found[summary.id] = summary
        return sorted(found.values(), key=lambda a: a.created_at, reverse=True)

    # Writing

    def new_id(self) -> int:
        with self._writing():
            self._ensure_header()
            header = self._active.header()
            # A restored older file has a stale counter: never hand out an id already in use.
            in_use = max([*self._active.records(), self._highest_archived_id()], default=0)
            attempt_id = max(int(header.get("next_id", 1)), in_use + 1)
            self._active.meta.update({"next_id": attempt_id + 1}, doc_ids=[1])
            return attempt_id

    def save(self, attempt: Attempt) -> None:
        """Store the attempt durably; when this returns, it survives a crash."""
        record = attempt.to_dict()
        with self._writing():
            self._ensure_header(in_use=attempt.id)
            if attempt.is_finished:
                self._prepare_folder(self.archive_folder)
                shard = self._shard(attempt.id)
                shard.refresh()
                shard.ensure_header()
                shard.put(attempt.id, record)
                if attempt.id in self._active.records():
                    self._active.attempts.remove(doc_ids=[attempt.id])
            else:
                self._active.put(attempt.id, record)

    def restore(self, attempts: list[Attempt]) -> None:
        """Write attempts that already have ids (from a backup or a salvage), keeping the ids."""
        for attempt in attempts:
            self.save(attempt)
        with self._writing():
            highest = max((a.id for a in attempts), default=0)
            if int(self._active.header().get("next_id", 1)) <= highest:
                self._active.meta.update({"next_id": highest + 1}, doc_ids=[1])

    @property
    def bytes_written(self) -> int:
        """Bytes written to disk by this store so far (what one save costs, measured)."""
        files = [self._active, *self._shards.values()]
        return sum(f.storage.bytes_written for f in files)

    # Inside

    def _ensure_header(self, in_use: int = 0) -> None:
        if self._active.exists():
            return
        # A new (or deleted) open file must not hand out ids already in use: archived ones, or
        # that of the attempt being saved.
        self._active.ensure_header(next_id=max(self._highest_archived_id(), in_use) + 1)

    def _highest_archived_id(self) -> int:
        numbers = self._archive_numbers()
        return (
            max(self._shard(numbers[-1] * ARCHIVE_SHARD_SIZE).records(), default=0)
            if numbers
            else 0
        )

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        if self.read_only:
            raise ReadOnly(f"{self.path}: open read-only, because another {APP_NAME} is using it")
        self._prepare_folder(self.path.parent)
        try:
            with self._lock:
                self._active.refresh()  # an archive file's caches are dropped when it is written
                if not self._recovered:
                    self._recover_from_interrupted_writes()
                    self._recovered = True
                yield
        except LockTimeout as error:
            raise StoreError(
                f"{self.path}: another {APP_NAME} is writing to this file and did not finish "
                f"within {LOCK_TIMEOUT_SECONDS:.0f} seconds"
            ) from error
        except OSError as error:
            raise StoreError(f"{self.path}: could not be saved ({reason(error)})") from error

    def _recover_from_interrupted_writes(self) -> None:
        """Tidy what a writer killed mid-way can leave; safe because we hold the lock."""
        # Temporary files that never got renamed into place.
        for leftover in leftover_temporary_files(self.path):
            with contextlib.suppress(OSError):
                leftover.unlink()
        # A finished attempt is written to the archive before it leaves the open file; a crash
        # in between leaves it in both, and the archived copy is the complete one.
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
        if self.archive_folder.is_dir():
            ours += [self.archive_folder, *self.archive_folder.glob("*.json")]
        if self._default_location:
            ours.append(self.path.parent)  # our own data folder; never a folder the person chose
        for item in ours:
            with contextlib.suppress(OSError):
                wanted = 0o700 if item.is_dir() else 0o600
                if item.exists() and stat.S_IMODE(item.stat().st_mode) & 0o077:
                    item.chmod(wanted)

    def _prepare_folder(self, folder: Path) -> None:
        if folder.is_dir():
            return
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"{folder}: cannot create the data folder ({reason(error)})"
            ) from error

    def _shard(self, attempt_id: int) -> _DataFile:
        number = attempt_id // ARCHIVE_SHARD_SIZE
        if number not in self._shards:
            path = self.archive_folder / f"{number:04d}.json"
            self._shards[number] = _DataFile(path)
        return self._shards[number]

    def _archive_numbers(self) -> list[int]:
        try:
            names = [p.stem for p in self.archive_folder.glob("[0-9]*.json")]
        except OSError:
            return []
        return sorted(int(name) for name in names if name.isdigit())

    def _archive_files(self) -> list[_DataFile]:
        return [self._shard(number * ARCHIVE_SHARD_SIZE) for number in self._archive_numbers()]

    def _read(self, data_file: _DataFile) -> list[Attempt]:
        return [self._attempt(data_file, record) for record in data_file.records().values()]

    def _attempt(self, data_file: _DataFile, record: dict[str, Any]) -> Attempt:
        try:
            return Attempt.from_dict(record)
        except InvalidRecord as error:
            raise DataFileError(f"{data_file.path}: {error}") from error
