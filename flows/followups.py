"""Promises Amazon made that are waiting to be checked on: what is due, and what is overdue."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from flows.attempt import Attempt

# A reminder is an all-day event that ends the next day: no later date can be put in a calendar.
LATEST_PROMISE_DATE = date.max - timedelta(days=1)


@dataclass(frozen=True)
class FollowUp:
    """One attempt waiting on a promise with a date."""

    attempt: Attempt
    due: date
    promise: str

    def days_overdue(self, today: date) -> int:
        """How many days past its date the promise is (0 while it is not late)."""
        return max((today - self.due).days, 0)

    def is_overdue(self, today: date) -> bool:
        return self.due < today


def follow_ups(attempts: Iterable[Attempt]) -> list[FollowUp]:
    """The attempts waiting on a dated promise, the earliest date first."""
    found = []
    for attempt in attempts:
        if attempt.outcome != "waiting" or attempt.follow_up_due is None:
            continue
        promised = [p.promise for p in attempt.people if p.promise]
        found.append(FollowUp(attempt, attempt.follow_up_due, promised[-1] if promised else ""))
    return sorted(found, key=lambda f: (f.due, f.attempt.id))
