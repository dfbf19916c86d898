"""Records as amazon-contact 0.1 wrote them (record v1, data schema 1 and 2), read as record v2.

A v1 record had a flat list of contacts, one per person (a transfer or a supervisor started a new
one), and separate lists of notes, drafts, transcripts and site reports. Here a run of v1
contacts joined by transfers becomes one contact with its people, and the lists become entries.

Ids given here are derived from positions, not drawn at random: two windows reading the same v1
record give every entry the same id, so merging their copies later never doubles anything.

The upgrade reshapes, and reads what v1's reader read: an empty or missing time where there was
none, a time without seconds, fields it did not know (which v1 left out when it saved again).
It checks nothing else: what is not what v1 would have read goes on as it is, for the v2
decoder to refuse with the path of what is wrong.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

# Timeline events after which v1 opened a new contact for the next person, in the same thread.
_NEXT_PERSON_EVENTS = frozenset({"transferred", "supervisor_joined"})


_V1_FIELDS = frozenset(
    {
        "id",
        "created_at",
        "updated_at",
        "configuration",
        "goal",
        "order_number",
        "summary",
        "evidence",
        "timeline",
        "contacts",
        "notes",
        "follow_up_due",
        "continues",
        "earlier_case_numbers",
        "drafts",
        "transcripts",
        "site_reports",
    }
)
_TIMES = ("created_at", "updated_at", "at", "started_at", "ended_at")
_DAYS = ("follow_up_due", "promise_due")


def upgrade_record(record: Any) -> Any:
    """A v1 attempt record reshaped as v2 (a record that is not a v1 object: unchanged)."""
    if not isinstance(record, dict):
        return record
    upgraded = {key: value for key, value in _as_v1_read(record).items() if key in _V1_FIELDS}
    if not upgraded.get("updated_at"):
        upgraded["updated_at"] = upgraded.get("created_at")
    timeline = _objects(upgraded.get("timeline"))
    if timeline is not None:
        upgraded["timeline"] = [{"id": f"v1-t{i}", **e} for i, e in enumerate(timeline)]
    contacts = _objects(upgraded.get("contacts"))
    if contacts is not None:
        next_person_at = {
            e.get("at") for e in timeline or [] if e.get("event") in _NEXT_PERSON_EVENTS
        }
        upgraded["contacts"] = _threads(contacts, next_person_at)
    entries: list[Any] = []
    for old, kind in (
        ("notes", "note"),
        ("site_reports", "site_note"),
        ("drafts", "draft"),
        ("transcripts", "transcript"),
    ):
        items = upgraded.get(old)
        if items is None:
            upgraded.pop(old, None)
        elif _objects(items) is not None:
            del upgraded[old]
            entries += [
                {"type": kind, "id": f"v1-{kind}{i}", **item} for i, item in enumerate(items)
            ]
    if entries:
        upgraded["entries"] = entries
    return {key: value for key, value in upgraded.items() if value is not None}


def _threads(contacts: list[dict[str, Any]], next_person_at: set[Any]) -> list[dict[str, Any]]:
    threads: list[dict[str, Any]] = []
    previous: dict[str, Any] | None = None
    for index, contact in enumerate(contacts):
        started = contact.get("started_at")
        same_thread = (
            previous is not None
            and threads
            and previous.get("ended_at") == started
            and (started in next_person_at or contact.get("role") == "supervisor")
        )
        if not same_thread:
            threads.append(
                {
                    key: contact[key]
                    for key in ("channel", "started_at", "reached_human")
                    if contact.get(key) is not None
                }
                | {"id": f"v1-c{index}", "people": []}
            )
        thread = threads[-1]
        thread.pop("ended_at", None)
        if contact.get("ended_at") is not None:
            thread["ended_at"] = contact["ended_at"]
        if contact.get("reached_human") is True:
            thread["reached_human"] = True
        person = _person(index, contact)
        if person is not None:
            thread["people"].append(person)
        unknown = set(contact) - _V1_CONTACT_FIELDS
        thread.update({key: contact[key] for key in unknown})  # refused by the decoder
        previous = contact
    for thread in threads:
        if not thread["people"]:
            del thread["people"]
    return threads


_V1_CONTACT_FIELDS = frozenset(
    {
        "channel",
        "role",
        "started_at",
        "ended_at",
        "reached_human",
        "agent_name",
        "case_number",
        "promise",
        "promise_due",
    }
)


def _person(index: int, contact: dict[str, Any]) -> dict[str, Any] | None:
    said = {
        "name": contact.get("agent_name"),
        "case_number": contact.get("case_number"),
        "promise": contact.get("promise"),
        "promise_due": contact.get("promise_due"),
    }
    role = contact.get("role") or "agent"
    if not any(said.values()) and contact.get("reached_human") is not True and role == "agent":
        return None  # no one answered: a wait, not a person
    person = {"id": f"v1-p{index}", "joined_at": contact.get("started_at"), "role": role}
    if contact.get("ended_at") is not None:
        person["left_at"] = contact["ended_at"]
    return person | {key: value for key, value in said.items() if value not in (None, "")}


def _as_v1_read(item: dict[str, Any]) -> dict[str, Any]:
    """``item`` (and the objects in its lists) as v1's reader took it: empty dates and times as
    none, times in full ISO form, a note's missing text as empty."""
    read: dict[str, Any] = {}
    for key, value in item.items():
        if key in (*_TIMES, *_DAYS) and value in ("", None):
            continue
        if key in _TIMES and isinstance(value, str):
            read[key] = _full_time(value)
        elif key == "text" and value is None:
            read[key] = ""
        elif isinstance(value, list):
            read[key] = [_as_v1_read(v) if isinstance(v, dict) else v for v in value]
        else:
            read[key] = value
    return read


def _full_time(value: str) -> str:
    try:
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        return value  # for the decoder to refuse, naming it


def _objects(value: Any) -> list[dict[str, Any]] | None:
    """``value`` if it is a list of objects (as v1 wrote its lists), else None."""
    if isinstance(value, list) and all(isinstance(item, dict) for item in value):
        return value
    return None
