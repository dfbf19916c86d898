"""One attempt being walked: the machine, the record and the store, moved together.

The UI talks to a :class:`Session` only: it asks :meth:`Session.moves` what is possible, calls
:meth:`Session.move` with the person's choice, and records what the person tells it. Every call
that changes the attempt saves it before returning.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypedDict, cast

from statemachine import State
from statemachine.orderedset import OrderedSet

from flows.amazon import CHANNEL_OF_STATE, FINAL_STATE_IDS, AmazonContact, configuration_of
from flows.attempt import (
    DRAFT_KINDS,
    GOALS,
    Attempt,
    Clock,
    Contact,
    Draft,
    Note,
    SiteReport,
    TimelineEntry,
    Transcript,
    checked_text,
    local_now,
)
from flows.store import Store, StoreError

# Moves that step sideways out of the process are offered after the ones that go forward.
_LAST_MOVES = ("call_instead", "go_back", "give_up")
_REACHED_A_PERSON = frozenset({"agent_answered", "reply_arrived"})
# Events after which the person is talking to someone new.
_NEW_PERSON = frozenset({"transferred", "supervisor_joined"})


@dataclass(frozen=True)
class Move:
    """A move offered at the current step: the event to send and the step it leads to."""

    event: str
    target: str

    @property
    def ends_attempt(self) -> bool:
        """Taking it finishes the attempt, which cannot be undone."""
        return self.target in FINAL_STATE_IDS

    @property
    def needs_promise(self) -> bool:
        """It means waiting on a promise: what was promised, and by when, belong with it."""
        return self.target == "waiting_on_promise" and self.event == "promise_made"


class NoContactYet(ValueError):
    def __init__(self) -> None:
        super().__init__(
            "nothing to record yet: no contact with Amazon has started in this attempt"
        )


def entry_leaf(state: State) -> State:
    """The step a person lands on when a transition targets ``state``."""
    while not state.is_atomic:
        state = next(child for child in state.states if child.initial)
    return state


class _AttemptModel:
    """Keeps the machine's configuration on the attempt, as a plain list of state ids."""

    def __init__(self, attempt: Attempt):
        self.attempt = attempt
        self._read: tuple[list[str], OrderedSet[str]] | None = None

    @property
    def state(self) -> OrderedSet[str] | None:
        configuration = self.attempt.configuration
        if not configuration:
            return None
        # Read several times per transition: built again only when the configuration changed.
        if self._read is None or self._read[0] is not configuration:
            self._read = (configuration, OrderedSet(configuration))
        return self._read[1]

    @state.setter
    def state(self, value: Any) -> None:
        values = [value] if isinstance(value, str) else list(value)
        leaf = next(v for v in values if AmazonContact.states_map[v].is_atomic)
        self.attempt.configuration = configuration_of(leaf)


class _Recorder:
    """The machine's one listener: it writes the timeline and opens and closes contacts."""

    def __init__(self, attempt: Attempt, clock: Clock):
        self.attempt = attempt
        self.clock = clock
        self._from: list[str] = []

    def before_transition(self) -> None:
        self._from = list(self.attempt.configuration)

    def after_transition(self, event: Any) -> None:
        event = str(getattr(event, "id", event))
        attempt, now = self.attempt, self.clock()
        was_in_contact = "in_contact" in self._from
        is_in_contact = "in_contact" in attempt.configuration
        contact = attempt.current_contact
        if event in _REACHED_A_PERSON and contact is not None:
            contact.reached_human = True
        if event == "no_answer" and contact is not None and contact.reached_human is None:
            contact.reached_human = False
        if contact is not None and (event in _NEW_PERSON or (was_in_contact and not is_in_contact)):
            contact.ended_at = now
        if is_in_contact and (not was_in_contact or event in _NEW_PERSON):
            self._open_contact(event, now)
        if attempt.step == "waiting_on_promise" and attempt.contacts:
            attempt.follow_up_due = attempt.contacts[-1].promise_due
        attempt.timeline.append(TimelineEntry(now, event, self._from[-1], attempt.step))
        attempt.updated_at = now

    def _open_contact(self, event: str, now: datetime) -> None:
        attempt = self.attempt
        last = attempt.contacts[-1] if attempt.contacts else None
        channel = CHANNEL_OF_STATE.get(attempt.step) or (last.channel if last else "phone")
        contact = Contact(channel, now)
        # The case number follows the problem from one person to the next, and from an earlier
        # attempt about the same problem.
        earlier = attempt.earlier_case_numbers[-1] if attempt.earlier_case_numbers else ""
        contact.case_number = last.case_number if last else earlier
        if event == "supervisor_joined":
            contact.role, contact.reached_human = "supervisor", True
        if event == "amazon_called_back":
            contact.reached_human = True
        attempt.contacts.append(contact)


class Details(TypedDict, total=False):
    """What a person may tell about their problem when an attempt begins."""

    goal: str
    order_number: str
    summary: str
    evidence: str


def _checked_details(**details: str | None) -> Details:
    """The given details (``None`` left out), or an error for an unknown goal or too-long text."""
    unknown = set(details) - {"goal", "order_number", "summary", "evidence"}
    if unknown:
        raise TypeError(f"unknown detail(s): {', '.join(sorted(unknown))}")
    goal = details.get("goal")
    if goal and goal not in GOALS:
        raise ValueError(f"unknown goal {goal!r}; choose one of {', '.join(GOALS)}")
    checked: dict[str, str] = {
        name: value if name == "goal" else checked_text(name, value)
        for name, value in details.items()
        if value is not None
    }
    return cast(Details, checked)  # the names were checked above


class Session:
    def __init__(self, attempt: Attempt, store: Store | None = None, *, clock: Clock = local_now):
        self.attempt = attempt
        self.store = store
        self.clock = clock
        self.unsaved = False
        restoring = bool(attempt.configuration)
        # With the configuration already on the model, the machine restores it without entering
        # any state again; with none, it starts at the beginning.
        self.machine = AmazonContact(
            model=_AttemptModel(attempt), listeners=[_Recorder(attempt, clock)]
        )
        if not restoring:
            attempt.configuration = [s.id for s in self.machine.configuration]

    @classmethod
    def begin(
        cls,
        store: Store | None = None,
        *,
        clock: Clock = local_now,
        earlier: Attempt | None = None,
        **details: Any,
    ) -> Session:
        """Start a new attempt with what it is about (see :meth:`describe`), saved once.

        With ``earlier``, the new attempt continues that one: its order and facts are the
        defaults, and its case numbers carry over. Details are checked before an id is taken, so
        a refused entry leaves nothing behind.
        """
        if earlier is not None:
            facts = ("goal", "order_number", "summary", "evidence")
            details = {**{name: getattr(earlier, name) for name in facts}, **details}
        checked = _checked_details(**details)
        now = clock()
        attempt_id = store.new_id() if store is not None else 0
        attempt = Attempt(attempt_id, now, now, configuration=[], **checked)
        if earlier is not None:
            attempt.continues = earlier.id
            cases = [*earlier.earlier_case_numbers, *earlier.case_numbers]
            attempt.earlier_case_numbers = list(dict.fromkeys(cases))
        session = cls(attempt, store, clock=clock)
        session.save()
        return session

    @classmethod
    def follow_on(
        cls, store: Store | None, earlier: Attempt, *, clock: Clock = local_now, **details: Any
    ) -> Session:
        """Start a new attempt about the same problem, carrying its order and case numbers over."""
        return cls.begin(store, clock=clock, earlier=earlier, **details)

    @classmethod
    def resume(cls, store: Store, attempt_id: int, *, clock: Clock = local_now) -> Session:
        return cls(store.get(attempt_id), store, clock=clock)

    # Asking

    @property
    def step(self) -> str:
        return self.attempt.step

    @property
    def is_finished(self) -> bool:
        return self.attempt.is_finished

    def moves(self) -> list[Move]:
        """The moves possible from here, innermost step first, as the machine defines them."""
        enabled = {event.id for event in self.machine.enabled_events()}
        moves: dict[str, Move] = {}
        for state in reversed(list(self.machine.configuration)):
            for transition in state.transitions:
                if transition.initial:
                    continue
                for event in str(transition.event).split():
                    if event in enabled and event not in moves:
                        moves[event] = Move(event, entry_leaf(transition.target).id)
        ordered = [m for m in moves.values() if m.event not in _LAST_MOVES]
        return ordered + [moves[e] for e in _LAST_MOVES if e in moves]

    # Changing; each saves before it returns.

    def move(self, event: str) -> None:
        self.machine.send(event)
        self.save()

    def describe(
        self,
        *,
        goal: str | None = None,
        order_number: str | None = None,
        summary: str | None = None,
        evidence: str | None = None,
    ) -> None:
        """Set what the attempt is about; ``None`` leaves a field as it is."""
        checked = _checked_details(
            goal=goal, order_number=order_number, summary=summary, evidence=evidence
        )
        for name, value in checked.items():
            setattr(self.attempt, name, value)
        self._touch()

    def record_text(self, field: str, value: str) -> Contact:
        """Record the agent's name or the case number, named by its field (as a form names it)."""
        if field == "agent_name":
            return self.record(agent_name=value)
        if field == "case_number":
            return self.record(case_number=value)
        raise ValueError(f"{field!r} is not a text to record; choose agent_name or case_number")

    def record(
        self,
        *,
        agent_name: str | None = None,
        case_number: str | None = None,
        reached_human: bool | None = None,
        promise: str | None = None,
        promise_due: date | None = None,
    ) -> Contact:
        """Record what the person learned in the current (or the last) contact."""
        if not self.attempt.contacts:
            raise NoContactYet()
        contact = self.attempt.contacts[-1]
        texts = {"agent_name": agent_name, "case_number": case_number, "promise": promise}
        checked = {k: checked_text(k, v) for k, v in texts.items() if v is not None}
        for name, value in checked.items():
            setattr(contact, name, value)
        if reached_human is not None:
            contact.reached_human = reached_human
        if promise_due is not None:
            contact.promise_due = promise_due
            if self.step == "waiting_on_promise":
                self.attempt.follow_up_due = promise_due
        self._touch()
        return contact

    def add_note(self, text: str) -> Note:
        note = Note(self.clock(), checked_text("note", text))
        self.attempt.notes.append(note)
        self._touch()
        return note

    def save_draft(self, kind: str, text: str) -> Draft:
        """Keep an edited draft with the attempt, in place of any earlier one of the same kind."""
        if kind not in DRAFT_KINDS:
            raise ValueError(f"unknown draft {kind!r}; choose one of {', '.join(DRAFT_KINDS)}")
        saved = Draft(kind, self.clock(), checked_text("draft", text))
        self.attempt.drafts = [d for d in self.attempt.drafts if d.kind != kind] + [saved]
        self._touch()
        return saved

    @property
    def on_website(self) -> bool:
        return self.attempt.configuration[0] == "website"

    def report_site_difference(self, text: str) -> SiteReport:
        """Note that Amazon's site does not look as the guide says at this (website) step."""
        if not self.on_website:
            raise ValueError(f"{self.step} is not a step on Amazon's website")
        report = SiteReport(self.clock(), self.step, checked_text("site_report", text.strip()))
        self.attempt.site_reports.append(report)
        self._touch()
        return report

    def keep_transcript(self, text: str) -> Transcript:
        """Keep a pasted chat with the attempt, exactly as pasted."""
        if not text.strip():
            raise ValueError("the transcript is empty")
        kept = Transcript(self.clock(), checked_text("transcript", text))
        self.attempt.transcripts.append(kept)
        self._touch()
        return kept

    def save(self) -> None:
        """Write the attempt. On failure it stays in memory, marked unsaved, for the next try."""
        if self.store is None:
            return
        try:
            self.store.save(self.attempt)
        except StoreError:
            self.unsaved = True
            raise
        self.unsaved = False

    def _touch(self) -> None:
        self.attempt.updated_at = self.clock()
        self.save()
