"""Calendar reminders for promises: valid iCalendar, one all-day event per promise, both languages."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar

from flows.followups import follow_ups
from flows.reminders import calendar
from flows.session import Session
from flows.words import words_for
from tests.tui.conftest import walk

TO_AGENT = ["outcome_decided", "facts_gathered", "call_directly", "agent_answered"]
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def promised(clock, due: date, promise: str, **details) -> Session:
    session = walk(
        Session.begin(clock=clock, goal="refund", order_number="112-1234567-7654321", **details),
        TO_AGENT,
    )
    session.record(agent_name="Mina", case_number="CASE-42", promise=promise, promise_due=due)
    session.move("promise_made")
    return session


def events(ics: bytes) -> list:
    return [c for c in Calendar.from_ical(ics).walk() if c.name == "VEVENT"]


def test_one_all_day_event_with_a_morning_alarm_per_promise(clock):
    first = promised(clock, date(2026, 12, 1), "refund of $40")
    second = promised(clock, date(2026, 11, 28), "call back")
    (soon, later) = events(
        calendar(follow_ups([first.attempt, second.attempt]), words_for("en"), now=NOW)
    )
    assert soon.decoded("dtstart") == date(2026, 11, 28) and soon.decoded("dtend") == date(
        2026, 11, 29
    )
    assert later.decoded("dtstart") == date(2026, 12, 1)
    assert f"#{first.attempt.id}" in str(later["summary"])
    description = str(later["description"])
    for fact in ("refund of $40", "112-1234567-7654321", "CASE-42", "Mina", "1 (888) 280-4331"):
        assert fact in description
    (alarm,) = [c for c in later.walk() if c.name == "VALARM"]
    assert alarm.decoded("trigger") == timedelta(hours=9)
    assert str(later["uid"]) == f"attempt-{first.attempt.id}-promise-2026-12-01@amazon-contact"


def test_korean_text_and_hostile_text_kept_harmless(clock):
    session = promised(clock, date(2026, 12, 1), "환불 [bold]처리[/]\x1b[2J\u202e")
    (event,) = events(calendar(follow_ups([session.attempt]), words_for("ko"), now=NOW))
    assert "약속이 지켜졌나요" in str(event["summary"])
    description = str(event["description"])
    assert "환불 [bold]처리[/]" in description
    assert "\x1b" not in description and "\u202e" not in description


def test_no_promises_is_an_empty_but_valid_calendar():
    parsed = Calendar.from_ical(calendar([], words_for("en"), now=NOW))
    assert parsed.name == "VCALENDAR" and not [c for c in parsed.walk() if c.name == "VEVENT"]
