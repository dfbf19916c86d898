"""What the history list needs of an attempt: small, so that years of history stay light."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from flows.amazon import FINAL_STATE_IDS
from flows.attempt import Attempt, outcome_of


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
        events = [entry.event for entry in attempt.timeline]
        return cls(
            id=attempt.id,
            created_at=attempt.created_at,
            step=attempt.step,
            goal=attempt.goal,
            order_number=attempt.order_number,
            summary=attempt.summary,
            follow_up_due=attempt.follow_up_due,
            route=attempt.route,
            channels=tuple(attempt.channels),
            case_numbers=tuple(attempt.case_numbers),
            agent_names=tuple(attempt.agent_names),
            typed_words=" ".join(
                [
                    str(attempt.id),
                    attempt.order_number,
                    attempt.summary,
                    *attempt.case_numbers,
                    *attempt.agent_names,
                    *(note.text for note in attempt.notes),
                    *(report.text for report in attempt.site_reports),
                ]
            ).casefold(),
            finished_at=attempt.finished_at,
            transfers=events.count("transferred"),
            asked_for_supervisor="ask_for_supervisor" in events,
            supervisor_joined="supervisor_joined" in events,
        )
