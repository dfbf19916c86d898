"""Two copies of one attempt made one, so that a save from a stale copy loses nothing.

A window that read an attempt earlier (a second window, an open detail screen, another process)
may save while the file holds a newer revision. Its copy is then merged with the one on disk,
three-way, against the revision both started from:

- lists of things with ids (moves, contacts, people, what the person wrote) are united: whatever
  either side added stays, so a note saved in another window is never dropped;
- a value only one side changed takes that side's change;
- a value both changed to different things is a conflict: the copy saved later wins, and the
  conflict is reported so the person can be told.

It works on the records' plain data (``flows.attempt.encode``), so it needs no list of fields:
whatever record v2 holds is merged the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from flows.attempt import Attempt, decode, encode, erase_deleted
from flows.steps import FINAL_STATE_IDS


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


MISSING: Any = _Missing()
# Kept by whichever is newer, without telling anyone: they change with every save.
_BOOKKEEPING = frozenset({"updated_at", "revision"})
_TIME_KEYS = ("at", "started_at", "joined_at")


@dataclass
class Merged:
    attempt: Attempt
    # Where both copies changed the same value differently, as paths ("summary",
    # "contacts[ab12].people[cd34].name"): the later copy's value was kept.
    conflicts: list[str] = field(default_factory=list)


def merge(base: Attempt | None, mine: Attempt, theirs: Attempt) -> Merged:
    """``mine`` and ``theirs`` (both grown from ``base``, if known) as one attempt."""
    mine_is_later = mine.updated_at >= theirs.updated_at
    walker = _Walker(mine_is_later)
    mine_data, theirs_data = encode(mine), encode(theirs)
    data = walker.walk(encode(base) if base is not None else MISSING, mine_data, theirs_data, "")
    data["revision"] = max(mine.revision, theirs.revision)
    data["updated_at"] = max(mine.updated_at, theirs.updated_at).isoformat()
    # The machine's ends are final: a copy that finished the attempt is never undone by one
    # that only moved a step.
    ended = [d for d in (mine_data, theirs_data) if d["configuration"][-1] in FINAL_STATE_IDS]
    if ended and data["configuration"][-1] not in FINAL_STATE_IDS:
        data["configuration"] = ended[0]["configuration"]
    merged = decode(data)
    erase_deleted(merged)  # a note deleted in either copy stays deleted
    return Merged(merged, walker.conflicts)


class _Walker:
    def __init__(self, mine_is_later: bool):
        self.mine_is_later = mine_is_later
        self.conflicts: list[str] = []

    def walk(self, base: Any, mine: Any, theirs: Any, path: str) -> Any:
        if mine == theirs:
            return mine
        if mine == base:
            return theirs
        if theirs == base:
            return mine
        if isinstance(mine, dict) and isinstance(theirs, dict):
            return self._objects(base if isinstance(base, dict) else {}, mine, theirs, path)
        if _keyed(mine) and _keyed(theirs):
            return self._keyed_lists(base if _keyed(base) else [], mine, theirs, path)
        if mine is MISSING:
            return theirs
        if theirs is MISSING:
            return mine
        if path.rsplit(".", 1)[-1] not in _BOOKKEEPING:
            self.conflicts.append(path)
        return mine if self.mine_is_later else theirs

    def _objects(
        self, base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any], path: str
    ) -> dict[str, Any]:
        merged = {}
        for key in dict.fromkeys([*theirs, *mine]):
            value = self.walk(
                base.get(key, MISSING),
                mine.get(key, MISSING),
                theirs.get(key, MISSING),
                f"{path}.{key}" if path else key,
            )
            if value is not MISSING:
                merged[key] = value
        return merged

    def _keyed_lists(
        self, base: list[Any], mine: list[Any], theirs: list[Any], path: str
    ) -> list[Any]:
        by_id = [{item["id"]: item for item in items} for items in (base, mine, theirs)]
        ids = dict.fromkeys([*by_id[2], *by_id[1]])
        merged = [
            self.walk(
                by_id[0].get(i, MISSING),
                by_id[1].get(i, MISSING),
                by_id[2].get(i, MISSING),
                f"{path}[{i}]",
            )
            for i in ids
        ]
        united = [item for item in merged if item is not MISSING]
        times = [t for t in map(_when, united) if t is not None]
        if len(times) != len(united):
            return united
        # By time, and where two share a time, in the order they came: never by the items.
        return [item for _, _, item in sorted(zip(times, range(len(united)), united, strict=True))]


def _keyed(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(i, dict) and "id" in i for i in value)


def _when(item: Any) -> datetime | None:
    """When an item of a list happened, so that united lists stay in the order of time."""
    for key in _TIME_KEYS:
        value = item.get(key) if isinstance(item, dict) else None
        if isinstance(value, str):
            try:
                return datetime.fromisoformat(value)
            except ValueError:
                return None
    return None
