"""What the history list needs of an attempt: small, so that years of history stay light."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from flows.attempt import Attempt, Deletion, Note, NoteEdit, SiteReport, outcome_of, route_of
from flows.steps import FINAL_STATE_IDS


@dataclass(frozen=True, slots=True)
class AttemptSummary:
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
    def of(cls, attempt: Attempt) -> AttemptSummary:
        # One pass over each list: with years of history this runs for every attempt there is.
        events = [entry.event for entry in attempt.timeline]
        people = [person for contact in attempt.contacts for person in contact.people]
        cases = tuple(dict.fromkeys(p.case_number for p in people if p.case_number))
        agents = tuple(dict.fromkeys(p.name for p in people if p.name))
        written = attempt.entries
        simple = not any(isinstance(e, NoteEdit | Deletion) for e in written)
        notes = (
            [e.text for e in written if isinstance(e, Note)]
            if simple
            else [n.text for n in attempt.notes]
        )
        reports = [e.text for e in written if isinstance(e, SiteReport)]
        finished = attempt.step in FINAL_STATE_IDS
        return cls(
            id=attempt.id,
            created_at=attempt.created_at,
            step=attempt.step,
            goal=attempt.goal,
            order_number=attempt.order_number,
            summary=attempt.summary,
            follow_up_due=attempt.follow_up_due,
            route=route_of(events),
            channels=tuple(dict.fromkeys(c.channel for c in attempt.contacts)),
            case_numbers=cases,
            agent_names=agents,
            typed_words=" ".join(
                [
                    str(attempt.id),
                    attempt.order_number,
                    attempt.summary,
                    *cases,
                    *agents,
                    *notes,
                    *reports,
                ]
            ).casefold(),
            finished_at=attempt.timeline[-1].at if finished and attempt.timeline else None,
            transfers=events.count("transferred"),
            asked_for_supervisor="ask_for_supervisor" in events,
            supervisor_joined="supervisor_joined" in events,
        )
