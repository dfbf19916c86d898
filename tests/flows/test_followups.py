"""What is due: attempts waiting on a dated promise, earliest first, and which are late."""

from __future__ import annotations

from datetime import date

from flows.followups import follow_ups
from flows.session import Session
from tests.tui.conftest import walk

TO_AGENT = ["outcome_decided", "facts_gathered", "call_directly", "agent_answered"]


def promised(clock, due: date, promise: str = "refund") -> Session:
    session = walk(Session.begin(clock=clock, goal="refund"), TO_AGENT)
    session.record(promise=promise, promise_due=due)
    session.move("promise_made")
    return session


def test_only_waiting_attempts_with_a_date_earliest_first(clock):
    later = promised(clock, date(2026, 12, 5), "call back")
    sooner = promised(clock, date(2026, 11, 28), "refund by Friday")
    talking = walk(Session.begin(clock=clock), TO_AGENT)
    talking.record(promise="maybe", promise_due=date(2026, 11, 27))  # not yet waiting on it
    resolved = walk(promised(clock, date(2026, 11, 27)), ["promise_kept"])
    due = follow_ups([later.attempt, talking.attempt, resolved.attempt, sooner.attempt])
    assert [f.attempt.id for f in due] == [sooner.attempt.id, later.attempt.id]
    assert [f.promise for f in due] == ["refund by Friday", "call back"]


def test_overdue_counts_whole_days_after_the_date(clock):
    (follow_up,) = follow_ups([promised(clock, date(2026, 11, 20)).attempt])
    assert (
        not follow_up.is_overdue(date(2026, 11, 20))
        and follow_up.days_overdue(date(2026, 11, 20)) == 0
    )
    assert (
        follow_up.is_overdue(date(2026, 11, 21)) and follow_up.days_overdue(date(2026, 11, 26)) == 6
    )
    assert follow_up.days_overdue(date(2026, 11, 1)) == 0
