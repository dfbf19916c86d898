"""One data file of ours, checked as it is read: its header, its records, what does not pass.

A data file (the open file, or an archive file of finished attempts) is a TinyDB file: a header
record in ``meta`` and the ``attempts`` table. Every record is decoded as record v2 (which checks
every field and name); one that does not pass is kept as :class:`Damage`, for the views to leave
out and name, and a file that holds any is never written (``refuse_if_damaged``).
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
from tinydb import TinyDB
from tinydb.table import Document, Table

from flows.attempt import MAX_ATTEMPT_ID, Attempt, InvalidRecord, decode, encode
from flows.datafile import (
    APP_NAME,
    SCHEMA_VERSION,
    AtomicJSONStorage,
    DataFileError,
    StoreError,
    read_regular_file,
)
from flows.errors import DomainError

ARCHIVE_SHARD_SIZE = 100


@dataclass(frozen=True)
class Damage:
    """A record (or a header) that did not pass the checks: skipped, reported, never rewritten."""

    file: Path
    record: str  # the record's key in its file, "header", or "file" (none of it can be read)
    problem: DomainError

    def as_error(self) -> DomainError:
        """The damage as one error to tell, naming the file and the record."""
        if self.record == "file":
            return DomainError("damage_in_file", file=self.file, what=self.problem)
        if self.record == "header":
            return DomainError("damage_in_header", file=self.file, what=self.problem)
        return DomainError(
            "damage_in_record", file=self.file, record=self.record, what=self.problem
        )

    @property
    def what(self) -> str:
        return str(self.problem)

    def __str__(self) -> str:
        return str(self.as_error())


class DataFile:
    """One TinyDB file of ours: a header record and a table of attempts, checked as read."""

    def __init__(self, path: Path, shard: int | None = None):
        self.path = path
        self.shard = shard  # the archive file's number (its ids are shard * 100 onwards)
        self.db = TinyDB(path, storage=AtomicJSONStorage)
        self.attempts: Table = self.db.table("attempts")
        self.meta: Table = self.db.table("meta")
        self._checked: tuple[int, dict[int, Attempt], list[Damage]] | None = None
        # Table caches (query results, next id) would hide another process's writes.
        self.refresh()

    @property
    def storage(self) -> AtomicJSONStorage:
        storage = self.db.storage
        assert isinstance(storage, AtomicJSONStorage)
        return storage

    def exists(self) -> bool:
        return self.storage.read() is not None

    def raw(self) -> dict[str, Any]:
        return self.storage.read() or {}

    def checked(self) -> tuple[dict[int, Attempt], list[Damage]]:
        """Every attempt that passes the checks, by id, and what did not pass."""
        data = self.raw()
        generation = self.storage.generation
        if self._checked is not None and self._checked[0] == generation:
            return self._checked[1], self._checked[2]
        attempts: dict[int, Attempt] = {}
        damage: list[Damage] = []
        next_id = data.get("meta", {}).get("1", {}).get("next_id", 1)
        if isinstance(next_id, bool) or not isinstance(next_id, int):
            damage.append(
                Damage(self.path, "header", DomainError("next_id_not_number", value=repr(next_id)))
            )
        elif not 1 <= next_id <= MAX_ATTEMPT_ID + 1:
            damage.append(
                Damage(self.path, "header", DomainError("next_id_out_of_range", value=next_id))
            )
        for key, record in data.get("attempts", {}).items():
            try:
                attempt = decode(record)
            except InvalidRecord as error:
                damage.append(Damage(self.path, key, error))
                continue
            if key != str(attempt.id):
                damage.append(Damage(self.path, key, DomainError("holds_other", id=attempt.id)))
            elif self.shard is not None and attempt.id // ARCHIVE_SHARD_SIZE != self.shard:
                problem = DomainError("in_wrong_archive", id=attempt.id)
                damage.append(Damage(self.path, key, problem))
            elif self.shard is not None and not attempt.is_finished:
                damage.append(Damage(self.path, key, DomainError("unfinished_in_archive")))
            else:
                attempts[attempt.id] = attempt
        self._checked = (generation, attempts, damage)
        return attempts, damage

    def records(self) -> dict[int, Attempt]:
        return self.checked()[0]

    def next_id(self) -> int:
        header = self.raw().get("meta", {}).get("1", {})
        value = header.get("next_id", 1)
        return value if isinstance(value, int) and not isinstance(value, bool) else 1

    def ensure_header(self, next_id: int = 1) -> None:
        if not self.exists():
            # One write: TinyDB's upsert would first write an empty table, a file with no header.
            self.meta.insert(
                Document({"app": APP_NAME, "schema": SCHEMA_VERSION, "next_id": next_id}, doc_id=1)
            )

    def put(self, attempt: Attempt) -> None:
        """Store ``attempt`` in exactly one write (TinyDB's upsert may take two)."""
        record = encode(attempt)
        if str(attempt.id) in self.raw().get("attempts", {}):
            # Replaced whole: ``update`` would keep fields the new record no longer has.
            def replace_whole(doc: MutableMapping[str, Any]) -> None:
                doc.clear()
                doc.update(record)

            self.attempts.update(replace_whole, doc_ids=[attempt.id])
        else:
            self.attempts.insert(Document(record, doc_id=attempt.id))

    def put_whole(self, table_name: str, record: dict[str, Any]) -> None:
        """Make ``record`` the one record of ``table_name``, in exactly one write."""
        table = self.db.table(table_name)
        if "1" in self.raw().get(table_name, {}):

            def replace_whole(doc: MutableMapping[str, Any]) -> None:
                doc.clear()
                doc.update(record)

            table.update(replace_whole, doc_ids=[1])
        else:
            table.insert(Document(record, doc_id=1))

    def refuse_if_damaged(self) -> None:
        damage = self.checked()[1]
        if damage:
            raise DataFileError(
                "damaged_not_written", damage=damage[0].as_error(), name=self.path.name
            )

    def refresh(self) -> None:
        self.attempts.clear_cache()
        self.meta.clear_cache()


class _ArchiveFile(msgspec.Struct):
    meta: dict[str, dict[str, Any]]
    attempts: dict[str, Attempt]


_ARCHIVE_FILE = msgspec.json.Decoder(_ArchiveFile)


def read_whole_archive_file(path: Path, shard: int) -> dict[int, Attempt] | None:
    """Every attempt of an archive file, decoded and checked straight from its bytes, or None
    if anything in it does not pass (then :meth:`DataFile.checked` finds what, record by record).

    The same checks as the record-by-record path, about three times faster for a whole history:
    this is what opening the history costs.
    """
    try:
        contents = _ARCHIVE_FILE.decode(read_regular_file(path))
    except (msgspec.ValidationError, msgspec.DecodeError, StoreError):
        return None
    header = contents.meta.get("1", {})
    next_id = header.get("next_id", 1)
    if (
        set(contents.meta) != {"1"}
        or header.get("app") != APP_NAME
        or header.get("schema") != SCHEMA_VERSION
        or type(next_id) is not int
        or not 1 <= next_id <= MAX_ATTEMPT_ID + 1
    ):
        return None
    attempts = {}
    for key, attempt in contents.attempts.items():
        if key != str(attempt.id) or attempt.id // ARCHIVE_SHARD_SIZE != shard:
            return None
        if not attempt.is_finished:
            return None
        attempts[attempt.id] = attempt
    return attempts
