"""Calendar reminders (iCalendar) for promises Amazon made, so a missed one is noticed."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from flows.followups import FollowUp
from flows.steps import DIRECT_NUMBER
from flows.text import blanked
from flows.words import Words

PRODUCT_ID = "-//amazon-contact//promise reminders//EN"
# An all-day event on the promised day; the alarm goes off at 9:00 that morning.
ALARM_AFTER_MIDNIGHT = timedelta(hours=9)
# Calendar apps show these texts as they are: nothing that could steer a terminal or reorder text.
_clean = blanked


def _reminder_text(key: str, *, words: Words, attempt_id: int, **values: object) -> str:
    return _clean(words(f"reminder.{key}", id=attempt_id, **values))


def calendar(follow_ups: Iterable[FollowUp], words: Words, *, now: datetime | None = None) -> bytes:
    """An iCalendar file with one all-day event (and a morning alarm) per promise."""
    from icalendar import Alarm, Calendar, Event  # only this export needs it

    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    ical = Calendar()
    ical.add("prodid", PRODUCT_ID)
    ical.add("version", "2.0")
    for follow_up in follow_ups:
        attempt = follow_up.attempt

        text = functools.partial(_reminder_text, words=words, attempt_id=attempt.id)

        cases = sorted(set(attempt.case_numbers))
        agents = [p.name for p in attempt.people if p.promise and p.name][-1:]
        lines = [text("promise", promise=follow_up.promise)] if follow_up.promise else []
        lines += [text("order", order=attempt.order_number)] if attempt.order_number else []
        lines += (
            [_clean(words.plural("reminder.case", len(cases), cases=", ".join(cases)))]
            if cases
            else []
        )
        lines += [text("agent", agents=", ".join(agents))] if agents else []
        lines.append(text("if_not", number=DIRECT_NUMBER))

        event = Event()
        # Stable, so importing the file again updates the reminder instead of adding another.
        event.add("uid", f"attempt-{attempt.id}-promise-{follow_up.due.isoformat()}@amazon-contact")
        event.add("dtstamp", stamp)
        event.add("dtstart", follow_up.due)
        # The day after, as an all-day event ends; the last day a date can hold ends on itself.
        event.add("dtend", follow_up.due + timedelta(days=1 if follow_up.due < date.max else 0))
        event.add("summary", text("title"))
        event.add("description", "\n".join(lines))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", text("alarm"))
        alarm.add("trigger", ALARM_AFTER_MIDNIGHT)
        event.add_component(alarm)
        ical.add_component(event)
    payload: bytes = ical.to_ical()
    return payload
