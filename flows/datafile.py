"""One data file on disk: its format, and how it is replaced so that a crash never mixes two.

A data file is TinyDB's JSON: a ``meta`` table whose record 1 is our header, and an
``attempts`` table. A file is only ever replaced whole: write a temporary file beside it, fsync
it, rename it over the old one, fsync the folder. A crash at any moment leaves the old file or
the new one, and once a save returns it survives a power cut.

Files from before record v2 (schema 1 and 2) are read as record v2 (``flows.migration``) and
written as such at their next save. Those releases could also leave the newest saves of the open file in a journal beside it
(``attempts.json.journal``, schema 2). Such a file is still read with its journal, once: the next
write replaces it with one plain file and removes the journal (:func:`legacy_journal`).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import stat
import sys
import zlib
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from flows.errors import DomainError
from flows.migration import upgrade_record

# 1: record v1; 2: record v1, maybe with a journal (0.1); 3: record v2 (flows.attempt).
SCHEMA_VERSION = 3
APP_NAME = "amazon-contact"
# A data file holds a few open attempts, an archive file a hundred: far below this. Anything
# larger is not ours (or is damaged), and reading it whole could take all the memory there is.
MAX_FILE_BYTES = 512 * 2**20


class StoreError(DomainError):
    """A data file could not be used: the code says what is wrong, its values name the file."""


class DataFileError(StoreError):
    """The file exists but is not something this version can read; it is left untouched."""


def journal_of(path: Path) -> Path:
    """Where a release before record v2 kept the newest saves of the open file ``path``."""
    return path.with_name(path.name + ".journal")


_temporary_names = itertools.count()
# Not inherited by child processes; and on Windows, bytes as they are (no "\n" -> "\r\n").
_FLAGS = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def atomic_write(path: Path, payload: bytes) -> tuple[int, int, int]:
    """Replace ``path`` with ``payload`` so that a crash at any moment leaves one or the other.

    Returns the new file's identity (inode, size, mtime), which the rename keeps. Plain ``os``
    calls rather than ``tempfile``: the syscalls are the whole cost.
    """
    temporary = path.parent / f".{path.name}.{os.getpid()}-{next(_temporary_names)}.tmp"
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _FLAGS, 0o600)
    except FileExistsError:  # left by an earlier process that had our pid
        import tempfile  # only then: most commands never write, and it costs an import

        descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        temporary = Path(name)
    try:
        try:
            _write_all(descriptor, payload)
            flush_to_disk(descriptor)
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


def _write_all(descriptor: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        view = view[os.write(descriptor, view) :]


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable: without this a power cut can undo it."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | _FLAGS)
    except PermissionError:  # Windows cannot open a folder; its renames are durable already
        return
    try:
        flush_to_disk(descriptor)
    finally:
        os.close(descriptor)


def flush_to_disk(descriptor: int) -> None:
    """What has been written reaches the disk itself before we go on.

    On macOS ``fsync`` only hands the data to the drive, whose cache may still lose it in a
    power cut; ``F_FULLFSYNC`` asks the drive to write it through. A file system that does not
    support it (some network ones) refuses, and then ``fsync`` is the best there is."""
    if sys.platform == "darwin":
        import fcntl  # POSIX only: never imported on Windows

        full_fsync = getattr(fcntl, "F_FULLFSYNC", None)
        if full_fsync is not None:
            try:
                fcntl.fcntl(descriptor, full_fsync)
            except OSError:
                pass
            else:
                return
    os.fsync(descriptor)


def make_private_folder(folder: Path) -> None:
    """Make ``folder`` (and every folder on the way) if need be, private (0700) whatever the umask."""
    if folder.is_dir():
        return
    try:
        missing = [folder, *(p for p in folder.parents if not p.exists())]
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        for made in missing:
            with contextlib.suppress(OSError):
                made.chmod(0o700)
    except OSError as error:
        raise StoreError("folder_not_made", folder=folder, reason=error) from error


def make_private(items: list[Path]) -> None:
    """Tighten what others may do with our files (0600) and folders (0700), where they can.

    Not on Windows, where mode bits stand only for the read-only flag (see ``flows.doctor``)."""
    if not permission_bits_mean_something():
        return
    for item in items:
        with contextlib.suppress(OSError):
            # Only a plain file or a folder: never a device or a FIFO a link points to.
            if not (item.is_file() or item.is_dir()):
                continue
            wanted = 0o700 if item.is_dir() else 0o600
            if stat.S_IMODE(item.stat().st_mode) & 0o077:
                item.chmod(wanted)


def permission_bits_mean_something() -> bool:
    """Whether a file's mode bits say who else may read it: on POSIX, yes; on Windows they
    only mirror the read-only flag (every file shows 0o666 or 0o444), and who may read a file
    is its access-control list, which the standard library cannot read."""
    return os.name != "nt"


def read_regular_file(path: Path) -> bytes:
    """The bytes of ``path``, refusing at once what is not a plain file of a sane size.

    A FIFO would block the read forever, ``/dev/zero`` would never end, and a folder or a socket
    cannot be read at all: each gets a message instead.
    """
    try:
        found = path.stat()
    except OSError as error:
        raise StoreError("cannot_read", path=path, reason=error) from error
    if not stat.S_ISREG(found.st_mode):
        kind = "is_folder" if stat.S_ISDIR(found.st_mode) else "not_regular_file"
        raise DataFileError(kind, path=path)
    if found.st_size > MAX_FILE_BYTES:
        raise DataFileError("too_large", path=path, size=found.st_size)
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise StoreError("cannot_read", path=path, reason=error) from error


def parse_data_file(path: Path) -> dict[str, Any]:
    """The contents of ``path`` (a journal beside it left out), checked to be a data file."""
    return parse_bytes(path, read_regular_file(path))


def parse_bytes(path: Path, raw: bytes) -> dict[str, Any]:
    if not raw.strip():
        raise DataFileError("empty", path=path)
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        if "utf-8" in str(error).lower() or "surrogate" in str(error).lower():
            raise DataFileError("not_utf8", path=path, detail=str(error)) from error
        raise DataFileError(
            "not_json", path=path, line=error.lineno, column=error.colno, detail=error.msg
        ) from error
    check_shape(path, data)
    shaped: dict[str, Any] = data
    return shaped


def check_shape(path: Path, data: Any) -> None:
    if not isinstance(data, dict):
        raise DataFileError("not_tables", path=path, found=type(data).__name__)
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            raise DataFileError("not_records", path=path, table=name)
    meta = data.get("meta", {}).get("1")
    if meta is None or meta.get("app") != APP_NAME:
        raise DataFileError("foreign", path=path)
    schema = meta.get("schema")
    if isinstance(schema, bool) or not isinstance(schema, int) or schema < 1:
        raise DataFileError("bad_schema", path=path, schema=repr(schema))
    if schema > SCHEMA_VERSION:
        raise DataFileError("newer", path=path, schema=schema, supported=SCHEMA_VERSION)


def legacy_journal(path: Path, raw: bytes, data: dict[str, Any]) -> dict[str, Any] | None:
    """The newest saves a release before record v2 left in the journal beside ``path``, if any.

    Its lines read ``<crc32> <snapshot key> <JSON>``. A line counts only when its checksum holds
    (one cut short by a crash never does, and was never confirmed) and it extends the very bytes
    of ``path``: the key is the id in the file's header and the checksum of the file. So a file
    restored from a backup, or rewritten since, is never overridden by a journal.
    """
    journal = journal_of(path)
    snapshot = data["meta"]["1"].get("snapshot")
    if not snapshot or not journal.exists():
        return None
    try:
        lines = read_regular_file(journal).split(b"\n")
    except StoreError as error:
        raise DataFileError("journal_unreadable", path=journal, detail=error) from error
    key = f"{snapshot}.{zlib.crc32(raw):08x}".encode()
    for line in reversed(lines):
        checksum, _, body = line.rstrip(b"\r").partition(b" ")
        extends, _, payload = body.partition(b" ")
        try:
            whole = int(checksum, 16) == zlib.crc32(body)
        except ValueError:
            whole = False
        if whole and extends == key:
            try:
                newer = orjson.loads(payload)
            except orjson.JSONDecodeError as error:
                raise DataFileError("journal_line", path=journal) from error
            check_shape(journal, newer)
            shaped: dict[str, Any] = newer
            return shaped
    return None


def upgraded(data: dict[str, Any]) -> dict[str, Any]:
    """A file's contents in the newest schema: its header, and its records as record v2."""
    header = data["meta"]["1"]
    if header["schema"] >= SCHEMA_VERSION:
        return data
    attempts = {key: upgrade_record(record) for key, record in data.get("attempts", {}).items()}
    fresh = {k: v for k, v in header.items() if k != "snapshot"} | {"schema": SCHEMA_VERSION}
    return {**data, "meta": {**data["meta"], "1": fresh}, "attempts": attempts}


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
        self._cache_signature: tuple[int, int, int] | None = None
        # The journal of a release before record v2, read with the file until the next write.
        self.has_legacy_journal = False
        # Counts every new content read or written: what was derived from it knows it is stale.
        self.generation = 0

    def read(self) -> dict[str, Any] | None:
        try:
            signature = _identity(self.path)
        except OSError as error:
            raise StoreError("cannot_read", path=self.path, reason=error) from error
        if signature is None:
            self._cache = self._cache_signature = None
            return None
        if self._cache is None or signature != self._cache_signature:
            raw = read_regular_file(self.path)
            data = parse_bytes(self.path, raw)
            try:
                newer = legacy_journal(self.path, raw, data)
            except DataFileError:
                # A damaged journal (the doctor reports it): the file itself is what there is.
                newer = None
            self.has_legacy_journal = newer is not None
            self._cache = upgraded(newer or data)
            self._cache_signature = signature
            self.generation += 1
        return self._cache

    def write(self, data: dict[str, Any]) -> None:
        payload = orjson.dumps(data)
        try:
            self._cache_signature = atomic_write(self.path, payload)
        except OSError as error:
            self._cache = self._cache_signature = None
            raise StoreError("not_saved", path=self.path, reason=error) from error
        self._cache = data
        self.generation += 1
        self.bytes_written += len(payload)
        if self.has_legacy_journal:
            # The file now holds what the journal did. A removal refused (on Windows, while a
            # reader has it open) leaves a journal that no longer extends the file: ignored.
            with contextlib.suppress(OSError):
                os.unlink(journal_of(self.path))
            self.has_legacy_journal = False

    def close(self) -> None:
        self._cache = self._cache_signature = None
