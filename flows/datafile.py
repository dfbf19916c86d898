"""One data file on disk: its format, how it is replaced atomically, and its journal.

A data file is TinyDB's JSON: a ``meta`` table whose record 1 is our header, and an
``attempts`` table. Archive files are only ever replaced whole (write a temporary file, fsync,
rename, fsync the folder), so a crash leaves the old file or the new one, never a mix.

The open file, saved at every step, has a journal beside it (``attempts.json.journal``): a save
appends the file's whole new contents as one line and fsyncs it. That is one fsync on a file that
already exists, instead of the replace's two and a rename: the step save costs about what writing
a small file costs at all. Each line reads ``<crc32> <snapshot key> <JSON>``; a line counts only
when its checksum holds (a line cut short by a crash never does, and was never confirmed) and it
extends the snapshot on disk: the key is the id in that file's header and the checksum of its
bytes. So a data file restored from a backup, or rewritten by anything at all (an older release,
an editor), is never overridden by a journal written after another one. Files with a journal
are schema 2: releases that do not know journals refuse them instead of reading them stale.
Every ``COMPACT_AFTER_LINES`` saves, and when the app closes, the snapshot is rewritten with the
newest contents and a fresh id, and the journal is removed.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import tempfile
import zlib
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

SCHEMA_VERSION = 2  # 2: the open file may have a journal
APP_NAME = "amazon-contact"
COMPACT_AFTER_LINES = 100
COMPACT_AFTER_BYTES = 4 * 2**20  # a long chat transcript makes every line long
READ_ATTEMPTS = 5


class StoreError(Exception):
    """A data file could not be used. The message names the file and says what is wrong."""


class DataFileError(StoreError):
    """The file exists but is not something this version can read; it is left untouched."""


class JournalError(DataFileError):
    """The journal beside a data file cannot be read; the file itself may be fine."""


def reason(error: OSError) -> str:
    return os.strerror(error.errno) if error.errno else str(error)


def journal_of(path: Path) -> Path:
    return path.with_name(path.name + ".journal")


_temporary_names = itertools.count()
# Not inherited by child processes; and on Windows, bytes as they are (no "\n" -> "\r\n").
_FLAGS = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _sync_data(descriptor: int) -> None:
    """fdatasync where there is one: after an append, the length is all the metadata that matters."""
    getattr(os, "fdatasync", os.fsync)(descriptor)


def atomic_write(path: Path, payload: bytes) -> tuple[int, int, int]:
    """Replace ``path`` with ``payload`` so that a crash at any moment leaves one or the other.

    Returns the new file's identity (inode, size, mtime), which the rename keeps. Plain ``os``
    calls rather than ``tempfile``: the syscalls are the whole cost.
    """
    temporary = path.parent / f".{path.name}.{os.getpid()}-{next(_temporary_names)}.tmp"
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _FLAGS, 0o600)
    except FileExistsError:  # left by an earlier process that had our pid
        descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        temporary = Path(name)
    try:
        try:
            _write_all(descriptor, payload)
            os.fsync(descriptor)
            written = os.fstat(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_folder(path.parent)
    return (written.st_ino, written.st_size, written.st_mtime_ns)


def append_line(path: Path, line: bytes) -> tuple[int, int, int]:
    """Append ``line`` to ``path`` durably (creating it, 0600, if need be); returns its identity.

    Every line starts on a fresh line: after a crash cut one short, the next is still whole.
    """
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | _FLAGS, 0o600)
    try:
        length = os.fstat(descriptor).st_size
        try:
            _write_all(descriptor, b"\n" + line)
            _sync_data(descriptor)
        except BaseException:
            # A line whose fsync failed was never confirmed: take it back, so the file says what
            # the person was told (not saved), as a failed replace leaves the old file.
            with contextlib.suppress(OSError):
                os.ftruncate(descriptor, length)
            raise
        written = os.fstat(descriptor)
    finally:
        os.close(descriptor)
    created = length == 0
    if created:
        _fsync_folder(path.parent)  # the new name itself must survive a power cut
    return (written.st_ino, written.st_size, written.st_mtime_ns)


def _write_all(descriptor: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        view = view[os.write(descriptor, view) :]


def _fsync_folder(folder: Path) -> None:
    """Make a rename or a new name durable: without this a power cut can undo it."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | _FLAGS)
    except PermissionError:  # Windows cannot open a folder; its renames are durable already
        return
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def parse_data_file(path: Path) -> dict[str, Any]:
    """The snapshot in ``path`` (no journal), checked to be a data file this version can read."""
    return read_snapshot(path)[0]


def read_snapshot(path: Path) -> tuple[dict[str, Any], str]:
    """The snapshot in ``path`` and its key: what a journal line must name to extend it."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise StoreError(f"{path}: cannot be read ({reason(error)})") from error
    data = _parse(path, raw)
    return data, snapshot_key(data, raw)


def _parse(path: Path, raw: bytes) -> dict[str, Any]:
    if not raw.strip():
        raise DataFileError(f"{path}: the file is empty, so it is not an {APP_NAME} data file")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        if "utf-8" in str(error).lower() or "surrogate" in str(error).lower():
            raise DataFileError(f"{path}: not UTF-8 text ({error})") from error
        raise DataFileError(
            f"{path}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg});"
            " it may be truncated or damaged"
        ) from error
    check_shape(path, data)
    shaped: dict[str, Any] = data
    return shaped


def check_shape(path: Path, data: Any) -> None:
    if not isinstance(data, dict):
        raise DataFileError(
            f"{path}: expected an object of tables at the top, found {type(data).__name__}"
        )
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            raise DataFileError(f"{path}: table {name!r} is not a set of records")
    meta = data.get("meta", {}).get("1")
    if meta is None or meta.get("app") != APP_NAME:
        raise DataFileError(f"{path}: not an {APP_NAME} data file (no {APP_NAME} header)")
    schema = meta.get("schema")
    if not isinstance(schema, int) or schema < 1:
        raise DataFileError(f"{path}: the header has no valid schema version ({schema!r})")
    if schema > SCHEMA_VERSION:
        raise DataFileError(
            f"{path}: written by a newer version of {APP_NAME} (data schema {schema}; "
            f"this version reads up to {SCHEMA_VERSION}). Update {APP_NAME} to open it."
        )


def snapshot_key(data: dict[str, Any], raw: bytes) -> str:
    """The id in the header (fresh at each rewrite) and the checksum of the file's bytes."""
    snapshot = data["meta"]["1"].get("snapshot")
    return f"{snapshot}.{zlib.crc32(raw):08x}" if snapshot else ""


def journal_line(snapshot: str, payload: bytes) -> bytes:
    body = snapshot.encode() + b" " + payload
    return b"%08x " % zlib.crc32(body) + body


def newest_in_journal(path: Path, snapshot: str) -> tuple[bytes | None, int]:
    """The newest whole line of the journal at ``path`` that extends ``snapshot``, and how many
    lines the journal holds. Lines that fail their checksum were never confirmed: skipped."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, 0
    except OSError as error:
        raise JournalError(f"{path}: cannot be read ({reason(error)})") from error
    # A "\r" left by a line ending translated on the way (a copy through Windows) is not data.
    lines = [line.rstrip(b"\r") for line in raw.split(b"\n")]
    lines = [line for line in lines if line]
    for line in reversed(lines):
        checksum, _, body = line.partition(b" ")
        try:
            whole = int(checksum, 16) == zlib.crc32(body)
        except ValueError:
            whole = False
        extends, _, payload = body.partition(b" ")
        if whole and snapshot and extends.decode(errors="replace") == snapshot:
            return payload, len(lines)
    return None, len(lines)


def read_data_file(path: Path) -> tuple[dict[str, Any], str, int]:
    """The newest contents of the data file at ``path`` (its snapshot, or the journal's newest
    line that extends it), the snapshot's key, and the number of lines in the journal.

    The snapshot and the journal are two reads; a writer folding the journal in between them
    would leave an old snapshot and no journal. Both files are looked at before and after, and
    read again if either changed.
    """
    journal = journal_of(path)
    for _ in range(READ_ATTEMPTS):
        before = (_identity(path), _identity(journal))
        snapshot, key = read_snapshot(path)
        data, lines = with_journal(path, snapshot, key)
        if (_identity(path), _identity(journal)) == before:
            break
    # Still changing after that many tries (a writer saving without pause): what was read is an
    # earlier state, never a mix of two, and the next read (its signature differs) catches up.
    return data, key, lines


def with_journal(path: Path, snapshot: dict[str, Any], key: str) -> tuple[dict[str, Any], int]:
    """``snapshot`` (read from ``path``, with ``key``) brought up to date by its journal, and the
    number of lines the journal holds."""
    journal = journal_of(path)
    payload, lines = newest_in_journal(journal, key)
    if payload is None:
        return snapshot, lines
    try:
        newer = orjson.loads(payload)
    except orjson.JSONDecodeError as error:  # its checksum held: written so by something else
        raise JournalError(
            f"{journal}: a line whose checksum holds is not valid JSON ({error.msg})"
        ) from error
    try:
        check_shape(journal, newer)
    except DataFileError as error:
        raise JournalError(str(error)) from error
    return newer, lines


def _identity(path: Path) -> tuple[int, int, int] | None:
    try:
        found = path.stat()
    except FileNotFoundError:
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns)


class AtomicJSONStorage(Storage):
    """A TinyDB storage that replaces its file atomically and serves reads from memory.

    The parsed contents are kept together with the file's identity (inode, size, mtime); a read
    re-parses only when another process has changed the file since.
    """

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        self.bytes_written = 0
        self._cache: dict[str, Any] | None = None
        self._cache_signature: object = None

    def read(self) -> dict[str, Any] | None:
        try:
            signature = self._signature()
        except OSError as error:
            raise StoreError(f"{self.path}: cannot be read ({reason(error)})") from error
        if signature is None:
            self._cache = self._cache_signature = None
            return None
        if self._cache is None or signature != self._cache_signature:
            self._cache = self._parse()
            self._cache_signature = signature
        return self._cache

    def write(self, data: dict[str, Any]) -> None:
        try:
            self._write(data)
        except OSError as error:
            self._cache = self._cache_signature = None
            raise StoreError(f"{self.path}: could not be saved ({reason(error)})") from error

    def close(self) -> None:
        self._cache = self._cache_signature = None

    def _signature(self) -> object:
        return _identity(self.path)

    def _parse(self) -> dict[str, Any]:
        return parse_data_file(self.path)

    def _write(self, data: dict[str, Any]) -> None:
        self._replace(data)

    def _replace(self, data: dict[str, Any]) -> bytes:
        """Replace the file with ``data``; returns the bytes written."""
        # UTF-8 as is (Hangul stays readable in the file), compact; orjson is several times faster.
        payload = orjson.dumps(data)
        self._cache_signature = atomic_write(self.path, payload)
        self.bytes_written += len(payload)
        self._cache = data
        return payload


class JournaledJSONStorage(AtomicJSONStorage):
    """The open file: a save appends to the journal; now and then the snapshot is rewritten."""

    def __init__(self, path: str | os.PathLike[str]):
        super().__init__(path)
        self.journal = journal_of(self.path)
        self._snapshot_key = ""
        self._journal_lines = 0
        self._journal_bytes = 0

    def _signature(self) -> object:
        snapshot = _identity(self.path)
        return None if snapshot is None else (snapshot, _identity(self.journal))

    def _parse(self) -> dict[str, Any]:
        data, self._snapshot_key, self._journal_lines = read_data_file(self.path)
        journal = _identity(self.journal)
        self._journal_bytes = journal[1] if journal else 0
        return data

    def _write(self, data: dict[str, Any]) -> None:
        full = (
            self._journal_lines >= COMPACT_AFTER_LINES or self._journal_bytes >= COMPACT_AFTER_BYTES
        )
        if self._cache is None or not self._snapshot_key or full:
            self.compact(data)
            return
        payload = orjson.dumps(data)
        identity = append_line(self.journal, journal_line(self._snapshot_key, payload))
        self._cache_signature = (self._cache_signature[0], identity)  # type: ignore[index]
        self._cache = data
        self._journal_lines += 1
        self._journal_bytes = identity[1]
        self.bytes_written += len(payload)

    def compact(self, data: dict[str, Any] | None = None, *, fresh: bool = False) -> None:
        """Rewrite the snapshot with the newest contents (under a fresh id) and drop the journal;
        with nothing to fold in, only when ``fresh``."""
        if data is None:
            data = self.read()
            if data is None or (self._journal_lines == 0 and not fresh):
                return
        header = {**data["meta"]["1"], "snapshot": os.urandom(8).hex(), "schema": SCHEMA_VERSION}
        # A copy: should the write fail, what is cached must still be what is on disk.
        renewed = {**data, "meta": {**data["meta"], "1": header}}
        try:
            payload = self._replace(renewed)
        except OSError:
            self._cache = self._cache_signature = None
            raise
        # Once the new snapshot is in place, the journal extends nothing: removing it is tidying,
        # and a crash before (or a power cut undoing) the removal loses nothing. So does a removal
        # refused (on Windows, while a reader has the journal open): the save itself is done.
        with contextlib.suppress(OSError):
            os.unlink(self.journal)
        self._snapshot_key = snapshot_key(renewed, payload)
        self._cache_signature = (self._cache_signature, None)
        self._journal_lines = self._journal_bytes = 0
