"""The record of one attempt: what it is about, where it stands, and everything that happened.

An attempt is evidence in a dispute, so it is kept as plain data with explicit times (always
timezone-aware), and every piece of text a person typed is stored exactly as typed, within limits
that are stated up front rather than enforced by silent truncation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from flows.amazon import FINAL_STATE_IDS, is_valid_configuration

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
}

GOALS: tuple[str, ...] = ("return", "refund", "replacement", "credit", "other")
# The escalation ladder, rung by rung: to an agent, for a supervisor, in writing.
DRAFT_KINDS: tuple[str, ...] = ("agent", "supervisor", "complaint")


class InvalidRecord(ValueError):
    """An attempt record that cannot be read as one (a field missing, mistyped or impossible)."""


class TextTooLong(ValueError):
    def __init__(self, field_name: str, length: int):
        self.field_name = field_name
        self.length = length
        self.limit = TEXT_LIMITS[field_name]
        super().__init__(
            f"{field_name.replace('_', ' ')} is too long: {length:,} characters "
            f"(the limit is {self.limit:,})"
        )


def checked_text(field_name: str, value: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{field_name} must be text, not {type(value).__name__}")
    if len(value) > TEXT_LIMITS[field_name]:
        raise TextTooLong(field_name, len(value))
    return value


@dataclass
class TimelineEntry:
    """One move through the process: which event, from which step to which, and when."""

    at: datetime
    event: str
    source: str
    target: str


@dataclass
class Contact:
    """One conversation with one person at Amazon (or the wait for one), on one channel.

    A transfer or a supervisor taking over starts a new contact, so every person spoken to keeps
    their own name, case number and promise.
    """

    channel: str
    started_at: datetime
    role: str = "agent"
    ended_at: datetime | None = None
    reached_human: bool | None = None
    agent_name: str = ""
    case_number: str = ""
    promise: str = ""
    promise_due: date | None = None

    @property
    def duration(self) -> timedelta | None:
        return self.ended_at - self.started_at if self.ended_at else None


@dataclass
class Note:
    at: datetime
    text: str


@dataclass
class Transcript:
    """A chat as Amazon's window showed it, pasted in to keep: the chat cannot be reopened later."""

    at: datetime
    text: str


@dataclass
class SiteReport:
    """What the person saw where the guide's labels did not match Amazon's site, and at which step."""

    at: datetime
    step: str
    text: str


@dataclass
class Draft:
    """A message up the escalation ladder (``agent``, ``supervisor``, ``complaint``), as edited."""

    kind: str
    at: datetime
    text: str


@dataclass
class Attempt:
    """One effort to get one problem solved, possibly over several contacts and days."""

    id: int
    created_at: datetime
    updated_at: datetime
    configuration: list[str]
    goal: str = ""
    order_number: str = ""
    summary: str = ""
    evidence: str = ""
    timeline: list[TimelineEntry] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    follow_up_due: date | None = None
    continues: int | None = None
    earlier_case_numbers: list[str] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    transcripts: list[Transcript] = field(default_factory=list)
    site_reports: list[SiteReport] = field(default_factory=list)

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
        """``resolved``, ``gave_up``, ``waiting`` (on a promise) or ``in_progress``."""
        return outcome_of(self.step)

    @property
    def finished_at(self) -> datetime | None:
        return self.timeline[-1].at if self.is_finished and self.timeline else None

    @property
    def route(self) -> str:
        """``website``, ``direct`` or ``""`` while no route has been taken yet."""
        return route_of(entry.event for entry in self.timeline)

    @property
    def channels(self) -> list[str]:
        return list(dict.fromkeys(c.channel for c in self.contacts))

    @property
    def note_texts(self) -> list[str]:
        return [n.text for n in self.notes]

    @property
    def case_numbers(self) -> list[str]:
        return list(dict.fromkeys(c.case_number for c in self.contacts if c.case_number))

    @property
    def agent_names(self) -> list[str]:
        return list(dict.fromkeys(c.agent_name for c in self.contacts if c.agent_name))

    @property
    def current_contact(self) -> Contact | None:
        if self.contacts and self.contacts[-1].ended_at is None:
            return self.contacts[-1]
        return None

    # Serialisation: JSON-ready dicts with ISO-8601 times (offset included).

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "configuration": list(self.configuration),
            "goal": self.goal,
            "order_number": self.order_number,
            "summary": self.summary,
            "evidence": self.evidence,
            "timeline": [
                {"at": e.at.isoformat(), "event": e.event, "source": e.source, "target": e.target}
                for e in self.timeline
            ],
            "contacts": [_contact_to_dict(c) for c in self.contacts],
            "notes": [{"at": n.at.isoformat(), "text": n.text} for n in self.notes],
            "follow_up_due": self.follow_up_due.isoformat() if self.follow_up_due else None,
            "continues": self.continues,
            "earlier_case_numbers": list(self.earlier_case_numbers),
            "drafts": [
                {"kind": d.kind, "at": d.at.isoformat(), "text": d.text} for d in self.drafts
            ],
            "transcripts": [{"at": x.at.isoformat(), "text": x.text} for x in self.transcripts],
            "site_reports": [
                {"at": r.at.isoformat(), "step": r.step, "text": r.text} for r in self.site_reports
            ],
        }

    @classmethod
    def from_dict(cls, data: Any) -> Attempt:
        """Read a stored record, or raise :class:`InvalidRecord` saying what is wrong with it."""
        if not isinstance(data, dict):
            raise InvalidRecord(f"an attempt must be an object, not {type(data).__name__}")
        missing = {"id", "created_at", "configuration"} - data.keys()
        if missing:
            raise InvalidRecord(f"missing field(s): {', '.join(sorted(missing))}")
        try:
            configuration = list(data["configuration"])
            if not is_valid_configuration(configuration):
                raise InvalidRecord(f"impossible step: {configuration!r}")
            created_at = _time(data["created_at"])
            return cls(
                id=_integer(data["id"]),
                created_at=created_at,
                updated_at=_time(data.get("updated_at") or data["created_at"]),
                configuration=configuration,
                goal=_text(data, "goal"),
                order_number=_text(data, "order_number"),
                summary=_text(data, "summary"),
                evidence=_text(data, "evidence"),
                timeline=[
                    TimelineEntry(
                        _time(e["at"]), str(e["event"]), str(e["source"]), str(e["target"])
                    )
                    for e in data.get("timeline") or []
                ],
                contacts=[_contact_from_dict(c) for c in data.get("contacts") or []],
                notes=[Note(_time(n["at"]), str(n["text"])) for n in data.get("notes") or []],
                follow_up_due=_day(data.get("follow_up_due")),
                continues=_integer(data["continues"])
                if data.get("continues") is not None
                else None,
                earlier_case_numbers=[str(c) for c in data.get("earlier_case_numbers") or []],
                drafts=[
                    Draft(str(d["kind"]), _time(d["at"]), str(d["text"]))
                    for d in data.get("drafts") or []
                ],
                transcripts=[
                    Transcript(_time(x["at"]), str(x["text"]))
                    for x in data.get("transcripts") or []
                ],
                site_reports=[
                    SiteReport(_time(r["at"]), str(r["step"]), str(r["text"]))
                    for r in data.get("site_reports") or []
                ],
            )
        except InvalidRecord:
            raise
        except (KeyError, TypeError, ValueError) as error:
            detail = f"missing {error}" if isinstance(error, KeyError) else str(error)
            raise InvalidRecord(f"attempt {data.get('id')!r}: {detail}") from error


def outcome_of(step: str) -> str:
    if step in FINAL_STATE_IDS:
        return step
    return "waiting" if step == "waiting_on_promise" else "in_progress"


def route_of(events: Any) -> str:
    for event in events:
        if event == "take_website_route":
            return "website"
        if event == "call_directly":
            return "direct"
    return ""


@dataclass(frozen=True, slots=True)
class AttemptSummary:
    """What the history list needs of an attempt, read straight from its stored record.

    Building one skips parsing every time in the timeline, which is most of the cost of reading
    a full :class:`Attempt`: years of history open in about the time it takes to parse the JSON.
    """

    id: int
    created_at: datetime
    step: str
    goal: str
    order_number: str
    summary: str
    follow_up_due: date | None
    route: str
    channels: tuple[str, ...]
    case_numbers: tuple[str, ...]
    agent_names: tuple[str, ...]
    # Everything typed into the attempt (its number, order, summary, case numbers, agents' names,
    # notes and notes on the site looking different) in one case-folded string: what a search
    # matches whatever the language. Notes are kept only here: with years of history they are
    # most of the list's memory. (Chat transcripts are left out: each may be 200,000 characters.)
    typed_words: str
    finished_at: datetime | None = None
    transfers: int = 0
    asked_for_supervisor: bool = False
    supervisor_joined: bool = False

    @property
    def is_finished(self) -> bool:
        return self.step in FINAL_STATE_IDS

    @property
    def outcome(self) -> str:
        return outcome_of(self.step)

    @classmethod
    def from_record(cls, data: Any) -> AttemptSummary:
        try:
            configuration = data["configuration"]
            if not is_valid_configuration(configuration):
                raise InvalidRecord(f"impossible step: {configuration!r}")
            channels: dict[str, None] = {}
            cases: dict[str, None] = {}
            agents: dict[str, None] = {}
            for contact in data.get("contacts") or []:
                channels[str(contact["channel"])] = None
                if contact.get("case_number"):
                    cases[contact["case_number"]] = None
                if contact.get("agent_name"):
                    agents[contact["agent_name"]] = None
            timeline = data.get("timeline") or []
            events = [entry["event"] for entry in timeline]
            finished = configuration[-1] in FINAL_STATE_IDS and timeline
            return cls(
                id=_integer(data["id"]),
                created_at=_time(data["created_at"]),
                step=configuration[-1],
                goal=_text(data, "goal"),
                order_number=_text(data, "order_number"),
                summary=_text(data, "summary"),
                follow_up_due=_day(data.get("follow_up_due")),
                route=route_of(events),
                channels=tuple(channels),
                case_numbers=tuple(cases),
                agent_names=tuple(agents),
                typed_words=" ".join(
                    [
                        str(data["id"]),
                        _text(data, "order_number"),
                        _text(data, "summary"),
                        *cases,
                        *agents,
                        *(str(n["text"]) for n in data.get("notes") or []),
                        *(str(r["text"]) for r in data.get("site_reports") or []),
                    ]
                ).casefold(),
                # Only the last time is parsed, and only for a finished attempt: it stays cheap.
                finished_at=_time(timeline[-1]["at"]) if finished else None,
                transfers=events.count("transferred"),
                asked_for_supervisor="ask_for_supervisor" in events,
                supervisor_joined="supervisor_joined" in events,
            )
        except InvalidRecord:
            raise
        except (KeyError, TypeError, ValueError) as error:
            detail = f"missing {error}" if isinstance(error, KeyError) else str(error)
            identity = data.get("id") if isinstance(data, dict) else None
            raise InvalidRecord(f"attempt {identity!r}: {detail}") from error


def _contact_to_dict(contact: Contact) -> dict[str, Any]:
    return {
        "channel": contact.channel,
        "role": contact.role,
        "started_at": contact.started_at.isoformat(),
        "ended_at": contact.ended_at.isoformat() if contact.ended_at else None,
        "reached_human": contact.reached_human,
        "agent_name": contact.agent_name,
        "case_number": contact.case_number,
        "promise": contact.promise,
        "promise_due": contact.promise_due.isoformat() if contact.promise_due else None,
    }


def _contact_from_dict(data: dict[str, Any]) -> Contact:
    reached = data.get("reached_human")
    if reached is not None and not isinstance(reached, bool):
        raise ValueError(f"reached_human must be true, false or null, not {reached!r}")
    return Contact(
        channel=str(data["channel"]),
        started_at=_time(data["started_at"]),
        role=str(data.get("role") or "agent"),
        ended_at=_time(data["ended_at"]) if data.get("ended_at") else None,
        reached_human=reached,
        agent_name=_text(data, "agent_name"),
        case_number=_text(data, "case_number"),
        promise=_text(data, "promise"),
        promise_due=_day(data.get("promise_due")),
    )


def _time(value: Any) -> datetime:
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"time without a UTC offset: {value!r}")
    return moment


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected a whole number, got {value!r}")
    return value


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{key} must be text, not {type(value).__name__}")
    return value
