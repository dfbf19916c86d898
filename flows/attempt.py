"""The record of one attempt (record v2): what it is about, where it stands, what happened.

An attempt is evidence in a dispute, so it is kept as plain data with explicit times (always
timezone-aware), and every piece of text a person typed is stored exactly as typed, within limits
that are stated up front rather than enforced by silent truncation.

The record is a set of ``msgspec`` structs: decoding checks every field's type, and every name
(steps, events, goals, channels, kinds of draft) against the lists the machine and the guidance
define, so a record from anywhere else is refused with the path of what is wrong, not half read.

Three shapes make two copies of one attempt easy to merge (``flows.merge``):
- a **revision**, raised by every save, tells a stale copy from the newest;
- what the person wrote (notes, drafts, transcripts, notes on the site, confirmations, English
  wordings) is a list of **entries** with ids, only ever added to: correcting a note adds an
  edit, deleting one adds a deletion (and the deleted text leaves the file);
- a **contact** is one call, chat or e-mail thread, and the **people** in it (the agent, the one
  transferred to, a supervisor) are listed inside it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar

import msgspec
from msgspec import Meta, Struct

from flows.errors import DomainError, Term
from flows.steps import (
    CHANNEL_OF_STATE,
    EVENT_IDS,
    FINAL_STATE_IDS,
    STATE_IDS,
    WEBSITE_STATE_IDS,
    is_valid_configuration,
)

Clock = Callable[[], datetime]


def local_now() -> datetime:
    """The current time with the local UTC offset attached."""
    return datetime.now().astimezone()


# The longest text each field accepts. Generous for real use; a paste beyond them is refused with
# a message that says the limit, instead of being cut.
TEXT_LIMITS: dict[str, int] = {
    "order_number": 64,
    "summary": 4_000,
    "evidence": 4_000,
    "agent_name": 120,
    "case_number": 64,
    "promise": 1_000,
    "note": 20_000,
    "draft": 20_000,
    "transcript": 200_000,
    "site_report": 2_000,
    "english": 20_000,
}

GOALS: tuple[str, ...] = ("return", "refund", "replacement", "credit", "other")
# The escalation ladder, rung by rung: to an agent, for a supervisor, in writing.
LADDER: tuple[str, ...] = ("agent", "supervisor", "complaint")
# Letters to those outside Amazon who can still help: the card's issuer, the consumer agency.
OUTSIDE_LETTERS: tuple[str, ...] = ("card_issuer", "consumer_agency")
DRAFT_KINDS: tuple[str, ...] = LADDER + OUTSIDE_LETTERS
ROLES: tuple[str, ...] = ("agent", "supervisor")
# Fields whose typed, not yet confirmed text is kept as an unsent draft.
UNSENT_FIELDS: tuple[str, ...] = ("note", "agent_name", "case_number")
CHANNELS: tuple[str, ...] = tuple(dict.fromkeys(CHANNEL_OF_STATE.values()))

# Ids and counters stay far inside what every JSON reader represents exactly (2**53).
MAX_ATTEMPT_ID = 999_999_999
MAX_REVISION = 2**40

if TYPE_CHECKING:
    StepName = str
    WebsiteStep = str
    EventName = str
    Goal = str
    Channel = str
    DraftKind = str
    Role = str
    UnsentField = str
else:
    # The allowed names, the machine's (flows.steps, which a test holds to the machine itself).
    StepName = Literal[STATE_IDS]
    WebsiteStep = Literal[WEBSITE_STATE_IDS]
    EventName = Literal[EVENT_IDS]
    Goal = Literal[("", *GOALS)]
    Channel = Literal[CHANNELS]
    DraftKind = Literal[DRAFT_KINDS]
    Role = Literal[ROLES]
    UnsentField = Literal[UNSENT_FIELDS]

Moment = Annotated[datetime, Meta(tz=True)]
AttemptId = Annotated[int, Meta(ge=0, le=MAX_ATTEMPT_ID)]
EntryId = Annotated[str, Meta(min_length=1, max_length=40)]


def new_id() -> str:
    """An id for an entry, a contact or a person: unique across copies and windows."""
    return os.urandom(6).hex()  # what secrets.token_hex(6) is, without its imports


class InvalidRecord(DomainError, ValueError):
    """An attempt record that cannot be read as one (a field missing, mistyped or impossible)."""


class TextTooLong(DomainError, ValueError):
    def __init__(self, field_name: str, length: int):
        self.field_name = field_name
        self.length = length
        self.limit = TEXT_LIMITS[field_name]
        super().__init__(
            "too_long", field=Term("fields", field_name), length=length, limit=self.limit
        )


def checked_text(field_name: str, value: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{field_name} must be text, not {type(value).__name__}")
    if len(value) > TEXT_LIMITS[field_name]:
        raise TextTooLong(field_name, len(value))
    return value


class _Record(Struct, kw_only=True, forbid_unknown_fields=True, omit_defaults=True, gc=False):
    """Every stored struct: a field we do not know is damage, not something to drop."""


class TimelineEntry(_Record):
    """One move through the process: which event, from which step to which, and when."""

    id: EntryId
    at: Moment
    event: EventName
    source: StepName
    target: StepName


class Person(_Record):
    """Someone at Amazon the person spoke with, within one contact."""

    id: EntryId
    joined_at: Moment
    role: Role = "agent"
    left_at: Moment | None = None
    name: str = ""
    case_number: str = ""
    promise: str = ""
    promise_due: date | None = None

    @property
    def agent_name(self) -> str:
        return self.name


class Contact(_Record):
    """One call, chat or e-mail thread with Amazon, from the wait to its end."""

    id: EntryId
    channel: Channel
    started_at: Moment
    ended_at: Moment | None = None
    # Whether anyone answered: True, False (no one did), None (not known yet).
    reached_human: bool | None = None
    people: list[Person] = []

    @property
    def duration(self) -> timedelta | None:
        return self.ended_at - self.started_at if self.ended_at else None

    @property
    def current_person(self) -> Person | None:
        if self.people and self.people[-1].left_at is None and self.ended_at is None:
            return self.people[-1]
        return None


# What the person wrote: entries with ids, only ever added to.


class Note(_Record, tag="note"):
    id: EntryId
    at: Moment
    text: str
    step: StepName | None = None  # where the person was when writing it


class NoteEdit(_Record, tag="note_edit"):
    """A correction of a note: its whole new text."""

    id: EntryId
    at: Moment
    note: EntryId
    text: str


class Deletion(_Record, tag="deletion"):
    """A note taken back. Its text (and its edits') leaves the record; that it was, stays."""

    id: EntryId
    at: Moment
    of: EntryId


class Draft(_Record, tag="draft"):
    """A message up the escalation ladder, as edited and kept; the newest of a kind counts."""

    id: EntryId
    at: Moment
    kind: DraftKind
    text: str


class Transcript(_Record, tag="transcript"):
    """A chat as Amazon's window showed it, pasted in to keep: the chat cannot be reopened later."""

    id: EntryId
    at: Moment
    text: str


class SiteReport(_Record, tag="site_note"):
    """What the person saw where the guide's labels did not match Amazon's site, and where."""

    id: EntryId
    at: Moment
    step: WebsiteStep
    text: str


class Confirmation(_Record, tag="confirmation"):
    """The person's word that a website step's labels matched their screen."""

    id: EntryId
    at: Moment
    step: WebsiteStep


class EnglishWording(_Record, tag="english"):
    """An English wording of something written in another language, for a message to Amazon.

    ``of`` names what it words: ``summary``, ``evidence``, or the id of an entry.
    """

    id: EntryId
    at: Moment
    of: Annotated[str, Meta(min_length=1, max_length=40)]
    text: str


Entry = Note | NoteEdit | Deletion | Draft | Transcript | SiteReport | Confirmation | EnglishWording


_EntryT = TypeVar("_EntryT", bound=_Record)


class Unsent(_Record):
    """Text typed into a field but not yet confirmed: offered back, never taken as a fact."""

    at: Moment
    step: StepName
    text: str


class Attempt(_Record):
    """One effort to get one problem solved, possibly over several contacts and days."""

    id: AttemptId
    created_at: Moment
    updated_at: Moment
    configuration: list[StepName]
    revision: Annotated[int, Meta(ge=0, le=MAX_REVISION)] = 0
    goal: Goal = ""
    order_number: str = ""
    summary: str = ""
    evidence: str = ""
    timeline: list[TimelineEntry] = []
    contacts: list[Contact] = []
    entries: list[Entry] = []
    follow_up_due: date | None = None
    continues: AttemptId | None = None
    earlier_case_numbers: list[str] = []
    unsent: dict[UnsentField, Unsent] = {}

    def __post_init__(self) -> None:
        if not is_valid_configuration(self.configuration):
            raise ValueError(f"impossible step: {self.configuration!r}")

    # Where it stands

    @property
    def step(self) -> str:
        """The id of the step the person is at: the innermost active state."""
        return self.configuration[-1]

    @property
    def is_finished(self) -> bool:
        return self.step in FINAL_STATE_IDS

    @property
    def is_preparing(self) -> bool:
        """Still getting ready: nothing has been said to Amazon yet."""
        return self.configuration[0] == "preparing"

    @property
    def outcome(self) -> str:
        """``resolved``, ``gave_up``, ``discarded``, ``waiting`` (on a promise), ``in_progress``."""
        return outcome_of(self.step)

    @property
    def finished_at(self) -> datetime | None:
        return self.timeline[-1].at if self.is_finished and self.timeline else None

    @property
    def route(self) -> str:
        """``website``, ``direct`` or ``""`` while no route has been taken yet."""
        return route_of(entry.event for entry in self.timeline)

    # Contacts and people

    @property
    def channels(self) -> list[str]:
        return list(dict.fromkeys(c.channel for c in self.contacts))

    @property
    def people(self) -> list[Person]:
        """Everyone spoken with, in order, across every contact."""
        return [person for contact in self.contacts for person in contact.people]

    @property
    def case_numbers(self) -> list[str]:
        return list(dict.fromkeys(p.case_number for p in self.people if p.case_number))

    @property
    def agent_names(self) -> list[str]:
        return list(dict.fromkeys(p.name for p in self.people if p.name))

    @property
    def current_contact(self) -> Contact | None:
        if self.contacts and self.contacts[-1].ended_at is None:
            return self.contacts[-1]
        return None

    @property
    def current_person(self) -> Person | None:
        contact = self.current_contact
        return contact.current_person if contact is not None else None

    @property
    def last_person(self) -> Person | None:
        people = self.people
        return people[-1] if people else None

    # What the person wrote, as it stands now

    @property
    def notes(self) -> list[Note]:
        """The notes not deleted, each with its newest correction."""
        deleted = {e.of for e in self.entries if isinstance(e, Deletion)}
        edits = {e.note: e.text for e in self.entries if isinstance(e, NoteEdit)}
        return [
            msgspec.structs.replace(e, text=edits[e.id]) if e.id in edits else e
            for e in self.entries
            if isinstance(e, Note) and e.id not in deleted
        ]

    @property
    def drafts(self) -> list[Draft]:
        """The newest kept draft of each kind, the most recently kept last."""
        newest = {d.kind: d for d in self._entries_of(Draft)}
        return sorted(newest.values(), key=lambda d: d.at)

    @property
    def transcripts(self) -> list[Transcript]:
        return self._entries_of(Transcript)

    @property
    def site_reports(self) -> list[SiteReport]:
        return self._entries_of(SiteReport)

    @property
    def confirmations(self) -> list[Confirmation]:
        return self._entries_of(Confirmation)

    @property
    def english_wordings(self) -> dict[str, str]:
        """The newest English wording of each thing worded, by what it words."""
        return {e.of: e.text for e in self._entries_of(EnglishWording)}

    def _entries_of(self, kind: type[_EntryT]) -> list[_EntryT]:
        return [e for e in self.entries if isinstance(e, kind)]


def outcome_of(step: str) -> str:
    if step in FINAL_STATE_IDS:
        return step
    return "waiting" if step == "waiting_on_promise" else "in_progress"


def route_of(events: Iterable[str]) -> str:
    for event in events:
        if event in ("take_website_route", "use_the_app"):
            return "website"  # the app leads to the same Contact Us
        if event == "call_directly":
            return "direct"
        if event == "ask_the_seller":
            return "seller"
    return ""


def erase_deleted(attempt: Attempt) -> None:
    """Take the text of every deleted note (its corrections and English wordings too) out of
    the record."""
    deleted = {e.of for e in attempt.entries if isinstance(e, Deletion)}
    if not deleted:
        return
    attempt.entries = [
        msgspec.structs.replace(e, text="")
        if (isinstance(e, Note) and e.id in deleted)
        or (isinstance(e, NoteEdit) and e.note in deleted)
        or (isinstance(e, EnglishWording) and e.of in deleted)
        else e
        for e in attempt.entries
    ]


# The codec: one way in (checked), one way out.


def decode(record: Any) -> Attempt:
    """A stored record as an :class:`Attempt`, or :class:`InvalidRecord` saying what is wrong."""
    try:
        return msgspec.convert(record, Attempt)
    except msgspec.ValidationError as error:
        identity = record.get("id") if isinstance(record, dict) else None
        known = isinstance(identity, int) and not isinstance(identity, bool)
        # msgspec says where, e.g. "Expected `int`, got `str` - at `$.revision`": that part
        # reads the same in any language.
        detail = str(error)
        where = detail.rpartition(" - at ")[2].strip("`") if " - at " in detail else ""
        values = {"detail": detail, "where": where or "-"}
        if known:
            raise InvalidRecord("invalid_attempt", id=identity, **values) from None
        raise InvalidRecord("invalid_record", **values) from None


def encode(attempt: Attempt) -> dict[str, Any]:
    """The attempt as JSON-ready data (times as ISO 8601 with their offset)."""
    data: dict[str, Any] = msgspec.to_builtins(attempt)
    return data


def copy_of(attempt: Attempt) -> Attempt:
    """An independent copy (nothing shared with ``attempt``)."""
    return decode(encode(attempt))
