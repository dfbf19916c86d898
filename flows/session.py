"""One attempt being walked: the machine, the record and the store, moved together.

The UI talks to a :class:`Session` only: it asks :meth:`Session.moves` what is possible, calls
:meth:`Session.move` with the person's choice, and records what the person tells it. Every call
that changes the attempt saves it before returning.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal, TypedDict, TypeVar, cast

from flows.amazon import AmazonContact
from flows.attempt import (
    DRAFT_KINDS,
    GOALS,
    TEXT_LIMITS,
    UNSENT_FIELDS,
    Attempt,
    Clock,
    Confirmation,
    Deletion,
    Draft,
    EnglishWording,
    Note,
    NoteEdit,
    Person,
    SiteReport,
    Transcript,
    Unsent,
    checked_text,
    copy_of,
    erase_deleted,
    local_now,
    new_id,
)
from flows.drafts import wordables
from flows.errors import DomainError
from flows.followups import LATEST_PROMISE_DATE
from flows.recorder import AttemptModel, Recorder, entry_leaf
from flows.steps import FINAL_STATE_IDS, INITIAL_CONFIGURATION
from flows.store import SaveReport, Store, StoreError

# Moves that step sideways out of the process are offered after the ones that go forward.
_LAST_MOVES = ("call_instead", "go_back", "give_up")
# Not something that happened at a step: offered apart, as a command (see Session.discard).
_NOT_A_MOVE = frozenset({"discard"})


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


class NoContactYet(DomainError, ValueError):
    def __init__(self) -> None:
        super().__init__("no_contact_yet")


class PromiseTooFar(DomainError, ValueError):
    def __init__(self, day: date) -> None:
        super().__init__("date_too_far", day=day.isoformat())


# The moves out of the website's path, for when Amazon's site looks different from the guide.
WAYS_AROUND_THE_SITE = ("call_instead", "go_back")

PreparedRoute = Literal["website", "direct"]
# The moves a person has made once they have prepared: an outcome, the facts, and a way in.
PREPARATION: dict[PreparedRoute, tuple[str, ...]] = {
    "website": ("outcome_decided", "facts_gathered", "take_website_route"),
    "direct": ("outcome_decided", "facts_gathered", "call_directly"),
}


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
    """One attempt being walked. Every call that changes it saves it before returning."""

    def __init__(self, attempt: Attempt, store: Store | None = None, *, clock: Clock = local_now):
        self.attempt = attempt
        self.store = store
        self.clock = clock
        self.now = attempt.updated_at
        self.unsaved = False
        # Successful saves so far: a screen that warned about an unsaved change knows, by this,
        # whether that change has been saved since (and a new one deserves a new warning).
        self.saves = 0
        # What the last save had to do besides writing (a merge with another window's saves,
        # a file changed underneath): for the screen to tell the person.
        self.last_save: SaveReport | None = None
        # The attempt as last read or saved: what another copy is merged against.
        self._base = copy_of(attempt)
        # With the configuration already on the model, the machine restores it without entering
        # any state again.
        self.machine = AmazonContact(model=AttemptModel(self), listeners=[Recorder(self)])

    @classmethod
    def begin(
        cls,
        store: Store | None = None,
        *,
        clock: Clock = local_now,
        earlier: Attempt | None = None,
        prepared_route: PreparedRoute | None = None,
        **details: Any,
    ) -> Session:
        """Start a new attempt with what it is about (see :meth:`describe`), saved once.

        With ``earlier``, the new attempt continues that one: its order and facts are the
        defaults, and its case numbers carry over. With ``prepared_route`` the person has done
        the preparation (an outcome, the facts, a route) before starting: the attempt begins on
        that route, its preparing steps on the timeline, still in one save. Details are checked
        before an id is taken, so a refused entry leaves nothing behind.
        """
        if earlier is not None:
            facts = ("goal", "order_number", "summary", "evidence")
            details = {**{name: getattr(earlier, name) for name in facts}, **details}
        checked = _checked_details(**details)
        now = clock()
        attempt_id = store.new_id() if store is not None else 0
        attempt = Attempt(
            id=attempt_id,
            created_at=now,
            updated_at=now,
            configuration=list(INITIAL_CONFIGURATION),
            **checked,
        )
        if earlier is not None:
            attempt.continues = earlier.id
            cases = [*earlier.earlier_case_numbers, *earlier.case_numbers]
            attempt.earlier_case_numbers = list(dict.fromkeys(cases))
        session = cls(attempt, store, clock=clock)
        if prepared_route is not None:
            session.now = now
            for event in PREPARATION[prepared_route]:
                session.machine.send(event)
        session.save()
        return session

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

    @property
    def on_website(self) -> bool:
        return self.attempt.configuration[0] == "website"

    def moves(self) -> list[Move]:
        """The moves possible from here, innermost step first, as the machine defines them."""
        enabled = {event.id for event in self.machine.enabled_events()}
        moves: dict[str, Move] = {}
        for state in reversed(list(self.machine.configuration)):
            for transition in state.transitions:
                if transition.initial:
                    continue
                for event in transition.events:
                    if event.id in _NOT_A_MOVE:
                        continue
                    if event.id in enabled and event.id not in moves:
                        moves[event.id] = Move(event.id, entry_leaf(transition.target).id)
        ordered = [m for m in moves.values() if m.event not in _LAST_MOVES]
        return ordered + [moves[e] for e in _LAST_MOVES if e in moves]

    # Changing; each saves before it returns.

    def move(self, event: str) -> None:
        self.now = self.clock()
        self.machine.send(event)
        self.save()

    @property
    def can_discard(self) -> bool:
        return "discard" in {event.id for event in self.machine.enabled_events()}

    def discard(self) -> None:
        """Set a junk attempt aside: its own end, never counted as having given up."""
        self.move("discard")

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

    def record_text(self, field: str, value: str) -> Person:
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
    ) -> Person:
        """Record what the person learned from whoever they are (or were last) speaking with."""
        contact = self.attempt.contacts[-1] if self.attempt.contacts else None
        if contact is None:
            raise NoContactYet()
        if promise_due is not None and promise_due > LATEST_PROMISE_DATE:
            raise PromiseTooFar(promise_due)
        texts = {"agent_name": agent_name, "case_number": case_number, "promise": promise}
        checked = {k: checked_text(k, v) for k, v in texts.items() if v is not None}
        now = self.clock()
        if contact.people:
            person = contact.people[-1]
        else:
            # Someone told a name or a number: someone answered, even if no move said so.
            person = Person(id=new_id(), joined_at=contact.ended_at or now)
            contact.people.append(person)
            if contact.ended_at is not None:
                person.left_at = contact.ended_at
        if "agent_name" in checked:
            person.name = checked["agent_name"]
        if "case_number" in checked:
            person.case_number = checked["case_number"]
        if "promise" in checked:
            person.promise = checked["promise"]
        if reached_human is not None:
            contact.reached_human = reached_human
        if promise_due is not None:
            person.promise_due = promise_due
            if self.step == "waiting_on_promise":
                self.attempt.follow_up_due = promise_due
        for name in checked:
            self.attempt.unsent.pop(name, None)  # confirmed now
        self._touch(now)
        return person

    def add_note(self, text: str) -> Note:
        note = Note(id=new_id(), at=self.clock(), text=checked_text("note", text), step=self.step)
        self.attempt.unsent.pop("note", None)
        return self._add(note)

    def edit_note(self, note_id: str, text: str) -> NoteEdit:
        """Correct a note: the new text stands for it from now on; the timeline keeps when."""
        self._live_note(note_id)
        return self._add(
            NoteEdit(id=new_id(), at=self.clock(), note=note_id, text=checked_text("note", text))
        )

    def delete_note(self, note_id: str) -> Deletion:
        """Take a note back: its text leaves the record; that a note was deleted, and when, stays."""
        self._live_note(note_id)
        deletion = Deletion(id=new_id(), at=self.clock(), of=note_id)
        self.attempt.entries.append(deletion)
        erase_deleted(self.attempt)
        self._touch(deletion.at)
        return deletion

    def save_draft(self, kind: str, text: str) -> Draft:
        """Keep an edited draft with the attempt; it stands in place of any earlier one of its kind."""
        if kind not in DRAFT_KINDS:
            raise ValueError(f"unknown draft {kind!r}; choose one of {', '.join(DRAFT_KINDS)}")
        return self._add(
            Draft(id=new_id(), at=self.clock(), kind=kind, text=checked_text("draft", text))
        )

    def ways_around_the_site(self) -> list[Move]:
        """When the site does not look as the guide says: the moves that leave the website's
        path from here (call instead, or a step back), if the machine allows them now."""
        return [move for move in self.moves() if move.event in WAYS_AROUND_THE_SITE]

    def take_promise_date(self, day: date, context: str) -> Person:
        """A date found in a chat transcript, taken as the due date of the promise being made;
        the line it was found in stands for the promise itself only when none is noted yet."""
        last = self.attempt.last_person
        promise = None if last is not None and last.promise else context[: TEXT_LIMITS["promise"]]
        return self.record(promise_due=day, promise=promise)

    def report_site_difference(self, text: str) -> SiteReport:
        """Note that Amazon's site does not look as the guide says at this (website) step."""
        self._on_a_website_step()
        text = checked_text("site_report", text.strip())
        return self._add(SiteReport(id=new_id(), at=self.clock(), step=self.step, text=text))

    def confirm_screen(self) -> Confirmation:
        """Keep the person's word that this website step's labels match their screen."""
        self._on_a_website_step()
        return self._add(Confirmation(id=new_id(), at=self.clock(), step=self.step))

    def keep_transcript(self, text: str) -> Transcript:
        """Keep a pasted chat with the attempt, exactly as pasted."""
        if not text.strip():
            raise ValueError("the transcript is empty")
        return self._add(
            Transcript(id=new_id(), at=self.clock(), text=checked_text("transcript", text))
        )

    def word_in_english(self, of: str, text: str) -> EnglishWording:
        """Keep an English wording of ``of``: a text of the record that goes into a message
        (``summary``, ``evidence``, ``promise:<person's id>``…, as `wordables` names them) or an
        entry's id."""
        known = {
            "summary",
            "evidence",
            *(w.of for w in wordables(self.attempt)),
            *(e.id for e in self.attempt.entries),
        }
        if of not in known:
            raise ValueError(f"nothing called {of!r} to word in English")
        return self._add(
            EnglishWording(id=new_id(), at=self.clock(), of=of, text=checked_text("english", text))
        )

    def keep_unsent(self, field: str, text: str) -> None:
        """Keep text typed into a field but not confirmed, to offer it back; empty: forget it."""
        if field not in UNSENT_FIELDS:
            raise ValueError(f"{field!r} is not a field whose typing is kept")
        kept = self.attempt.unsent.get(field)
        if text and kept is not None and kept.text == text and kept.step == self.step:
            return
        if text:
            self.attempt.unsent[field] = Unsent(
                at=self.clock(), step=self.step, text=checked_text(field, text)
            )
        elif self.attempt.unsent.pop(field, None) is None:
            return
        self.save()

    def unsent(self, field: str) -> str:
        """Text typed but never confirmed into ``field`` at this very step (or ``""``)."""
        kept = self.attempt.unsent.get(field)
        return kept.text if kept is not None and kept.step == self.step else ""

    def catch_up(self) -> None:
        """Take in what another window or process saved since, when nothing here is unsaved.

        (With an unsaved change, the next save merges the two instead.)
        """
        if self.store is None or self.unsaved or self.attempt.id == 0:
            return
        try:
            stored = self.store.get(self.attempt.id)
        except StoreError:
            return  # shown as it is; the next save says what is wrong
        if stored.revision > self.attempt.revision:
            _take_over(self.attempt, stored)
            self._base = copy_of(stored)

    def save(self) -> None:
        """Write the attempt. On failure it stays in memory, marked unsaved, for the next try.

        Saved over a newer copy (another window's saves), the two are merged first; this
        session then holds the merged attempt, and :attr:`last_save` says what happened.
        """
        if self.store is None:
            return
        try:
            report = self.store.save(self.attempt, base=self._base)
        except StoreError:
            self.unsaved = True
            raise
        self.unsaved = False
        self.saves += 1
        self.last_save = report if report.worth_telling else None
        if report.attempt is not self.attempt:
            _take_over(self.attempt, report.attempt)
        self._base = copy_of(self.attempt)

    # Inside

    def _add(self, entry: EntryT) -> EntryT:
        self.attempt.entries.append(entry)
        self._touch(entry.at)
        return entry

    def _touch(self, now: datetime | None = None) -> None:
        self.attempt.updated_at = now or self.clock()
        self.save()

    def _live_note(self, note_id: str) -> None:
        if note_id not in {n.id for n in self.attempt.notes}:
            raise ValueError(f"no note {note_id!r} in attempt {self.attempt.id}")

    def _on_a_website_step(self) -> None:
        if not self.on_website:
            raise ValueError(f"{self.step} is not a step on Amazon's website")


EntryT = TypeVar(
    "EntryT", Note, NoteEdit, Draft, SiteReport, Confirmation, Transcript, EnglishWording
)


def _take_over(attempt: Attempt, newer: Attempt) -> None:
    """Make ``attempt`` hold what ``newer`` holds: the machine and the screens keep their object."""
    for name in Attempt.__struct_fields__:
        setattr(attempt, name, getattr(newer, name))
