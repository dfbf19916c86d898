"""What keeps the record while the machine moves: its model and its one listener.

The machine's configuration lives on the attempt (:class:`AttemptModel`), and :class:`Recorder`
writes the timeline and who was spoken with when, from callbacks named for what they mean.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from statemachine import State
from statemachine.orderedset import OrderedSet
from statemachine.transition import Transition

from flows.amazon import AmazonContact, configuration_of
from flows.attempt import Attempt, Contact, Person, TimelineEntry, new_id
from flows.steps import CHANNEL_OF_STATE

if TYPE_CHECKING:
    from flows.session import Session


def entry_leaf(state: State) -> State:
    """The step a person lands on when a transition targets ``state``."""
    while not state.is_atomic:
        state = next(child for child in state.states if child.initial)
    return state


class AttemptModel:
    """Keeps the machine's configuration on the attempt, as a plain list of state ids."""

    def __init__(self, session: Session):
        self.session = session
        self._read: tuple[list[str], OrderedSet[str]] | None = None

    @property
    def state(self) -> OrderedSet[str] | None:
        configuration = self.session.attempt.configuration
        # Read several times per transition: built again only when the configuration changed.
        if self._read is None or self._read[0] is not configuration:
            self._read = (configuration, OrderedSet(configuration))
        return self._read[1]

    @state.setter
    def state(self, value: Any) -> None:
        values = [value] if isinstance(value, str) else list(value)
        leaf = next(v for v in values if AmazonContact.states_map[v].is_atomic)
        self.session.attempt.configuration = configuration_of(leaf)


class Recorder:
    """The machine's one listener: the timeline, and who is spoken with when.

    Its callbacks are named for what they mean, and python-statemachine calls them: a contact
    starts when the person enters ``in_contact`` and ends when they leave it; someone joins it
    whenever the person is talking and nobody is there yet (the first to answer, whoever a
    transfer reaches, a supervisor), and leaves at a transfer or when a supervisor takes over.
    """

    def __init__(self, session: Session):
        self.session = session
        self._from = ""

    @property
    def attempt(self) -> Attempt:
        return self.session.attempt

    def before_transition(self) -> None:
        self._from = self.attempt.step

    def on_enter_in_contact(self, transition: Transition) -> None:
        # Told by the step the contact starts at; a call back goes on where the last one was.
        target = transition.target
        leaf = entry_leaf(target).id if target is not None else ""
        last = self.attempt.contacts[-1] if self.attempt.contacts else None
        channel = CHANNEL_OF_STATE.get(leaf) or (last.channel if last else "phone")
        self.attempt.contacts.append(Contact(id=new_id(), channel=channel, started_at=self._now))

    def on_exit_in_contact(self) -> None:
        contact = self.attempt.current_contact
        if contact is not None:
            self._someone_leaves()
            contact.ended_at = self._now

    def on_enter_talking_with_agent(self) -> None:
        self._someone_joins("agent")

    def on_enter_talking_with_supervisor(self) -> None:
        self._someone_joins("supervisor")

    def on_transferred(self) -> None:
        self._someone_leaves()

    def on_supervisor_joined(self) -> None:
        self._someone_leaves()

    def on_no_answer(self) -> None:
        # The contact has just ended (the person left ``in_contact``): it is the last one.
        contact = self.attempt.contacts[-1] if self.attempt.contacts else None
        if contact is not None and contact.reached_human is None:
            contact.reached_human = False

    def on_enter_waiting_on_promise(self) -> None:
        last = self.attempt.last_person
        self.attempt.follow_up_due = last.promise_due if last else None

    def after_transition(self, event: Any) -> None:
        attempt = self.attempt
        attempt.timeline.append(
            TimelineEntry(
                id=new_id(), at=self._now, event=str(event), source=self._from, target=attempt.step
            )
        )
        attempt.updated_at = self._now

    @property
    def _now(self) -> datetime:
        return self.session.now

    def _someone_joins(self, role: str) -> None:
        contact = self.attempt.current_contact
        if contact is None or contact.current_person is not None:
            return
        contact.reached_human = True
        # The case number follows the problem from one person to the next, and from an earlier
        # attempt about the same problem.
        last = self.attempt.last_person
        earlier = self.attempt.earlier_case_numbers
        case = last.case_number if last else (earlier[-1] if earlier else "")
        contact.people.append(Person(id=new_id(), joined_at=self._now, role=role, case_number=case))

    def _someone_leaves(self) -> None:
        contact = self.attempt.current_contact
        person = contact.current_person if contact is not None else None
        if person is not None:
            person.left_at = self._now
