"""Times across time zones, daylight-saving changes and clocks that jump back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from flows.session import Session
from flows.store import Store
from flows.words import words_for
from tui.report import duration, timeline

NEW_YORK = ZoneInfo("America/New_York")
SEOUL = ZoneInfo("Asia/Seoul")


class ScriptedClock:
    def __init__(self, *moments: datetime):
        self.moments = list(moments)

    def __call__(self) -> datetime:
        return self.moments.pop(0) if len(self.moments) > 1 else self.moments[0]


def test_a_contact_across_the_spring_forward_lasts_its_real_length(tmp_path):
    # 01:30 EST to 03:30 EDT on 2026-03-08 is one hour, not two.
    start = datetime(2026, 3, 8, 1, 30, tzinfo=NEW_YORK)
    end = datetime(2026, 3, 8, 3, 30, tzinfo=NEW_YORK)
    clock = ScriptedClock(start, start, start, start, start, end)
    session = Session.begin(Store(tmp_path / "a.json"), clock=clock)
    for event in [
        "outcome_decided",
        "facts_gathered",
        "call_directly",
        "agent_answered",
        "problem_solved",
    ]:
        session.move(event)
    contact = Store(tmp_path / "a.json").get(session.attempt.id).contacts[0]
    assert contact.duration == timedelta(hours=1)
    assert contact.started_at.utcoffset() == timedelta(hours=-5)
    assert contact.ended_at.utcoffset() == timedelta(hours=-4)


def test_an_attempt_carried_from_seoul_to_new_york_keeps_true_durations(tmp_path):
    in_seoul = datetime(2026, 11, 26, 9, 0, tzinfo=SEOUL)
    in_new_york = (in_seoul + timedelta(hours=30)).astimezone(NEW_YORK)
    clock = ScriptedClock(in_seoul, in_seoul, in_seoul, in_seoul, in_new_york)
    session = Session.begin(Store(tmp_path / "a.json"), clock=clock)
    for event in ["outcome_decided", "facts_gathered", "call_directly", "agent_answered"]:
        session.move(event)
    stored = Store(tmp_path / "a.json").get(session.attempt.id)
    first, last = stored.timeline[0].at, stored.timeline[-1].at
    assert last - first == timedelta(hours=30)
    assert first.utcoffset() == timedelta(hours=9) and last.utcoffset() == timedelta(hours=-5)
    assert [item.took for item in timeline(stored, words_for("en"))].count("30 h 00 min") == 1


def test_a_clock_that_jumps_back_keeps_the_order_and_never_shows_negative_time(tmp_path):
    now = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    earlier = now - timedelta(hours=2)
    clock = ScriptedClock(now, now, earlier, earlier)
    session = Session.begin(Store(tmp_path / "a.json"), clock=clock)
    session.move("outcome_decided")
    session.move("facts_gathered")
    stored = Store(tmp_path / "a.json").get(session.attempt.id)
    assert [e.event for e in stored.timeline] == ["outcome_decided", "facts_gathered"]
    assert [item.took for item in timeline(stored, words_for("en"))][1:] == ["0 s", "0 s"]
    assert duration(timedelta(seconds=-5), words_for("ko")) == "0초"


async def test_the_timer_keeps_the_calls_time_across_a_transfer_and_shows_the_new_persons(
    data_file,
):
    from tests.conftest import FakeClock
    from tests.tui.conftest import TO_CHAT_AGENT, make_app, open_first_attempt, walk

    store = Store(data_file)
    session = walk(Session.begin(store, clock=FakeClock()), TO_CHAT_AGENT)
    session.record(agent_name="Priya")
    walk(session, ["transferred", "agent_answered"])
    session.record(agent_name="Mina")
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        step = await open_first_attempt(pilot)
        shown = str(step.query_one("#timer").render())
        assert shown.startswith("In contact for ") and ", with Mina for " in shown


async def test_no_clock_runs_while_waiting_days_for_an_e_mail(data_file):
    from tests.conftest import FakeClock
    from tests.tui.conftest import TO_CONTACT_US, make_app, open_first_attempt, walk

    store = Store(data_file)
    walk(
        Session.begin(store, clock=FakeClock()),
        [*TO_CONTACT_US, "chose_tell_us_more", "issue_described", "chose_email"],
    )
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        step = await open_first_attempt(pilot)
        assert step.session.step == "awaiting_email_reply"
        assert not step.query_one("#timer").display
