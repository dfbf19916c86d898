"""A pasted chat on screen: kept with ctrl+s, and what it says recorded one confirmation at a time."""

from __future__ import annotations

from datetime import date

from textual import events

from flows.store import Store
from tests.conftest import FakeClock
from tests.flows.test_transcripts import CHAT
from tests.tui.conftest import make_app, open_first_attempt, seed
from tui.screens.step import StepScreen
from tui.screens.transcript import TranscriptScreen


async def test_paste_keep_and_confirm_suggestions_into_the_record(data_file, live_app):
    app = live_app
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        step = await open_first_attempt(pilot)
        attempt_id = step.session.attempt.id
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TranscriptScreen)
        box = screen.query_one("#transcript-text")
        app.post_message(events.Paste(CHAT))  # as the terminal delivers a paste
        await pilot.pause()
        assert box.text == CHAT
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = Store(data_file).get(attempt_id)
        assert stored.transcripts[-1].text == CHAT, "kept exactly as pasted"
        assert [s.value for s in screen.found][:3] == ["Sarah", "Mike", "12345678901"]
        assert "Sarah" not in stored.agent_names, "nothing recorded before it is confirmed"
        await pilot.press("enter")  # Sarah
        await pilot.press("down", "down", "enter")  # the case number
        await pilot.press("down", "down", "enter")  # by December 2
        await pilot.pause()
        contact = Store(data_file).get(attempt_id).people[-1]
        assert (contact.name, contact.case_number, contact.promise_due) == (
            "Sarah",
            "12345678901",
            date(2026, 12, 2),
        )
        assert "December 2" in contact.promise
        assert screen.recorded == {0, 2, 4}
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)


async def test_an_unkept_paste_is_warned_about_once(live_app):
    app = live_app
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_first_attempt(pilot)
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        await pilot.press("ctrl+s")  # nothing pasted: said so, nothing kept
        assert not screen.session.attempt.transcripts
        app.post_message(events.Paste("Sarah: hi"))
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)


async def test_an_over_long_paste_is_refused_in_the_persons_language_and_kept_on_screen(data_file):
    seed(data_file, with_history=False)
    app = make_app(Store(data_file), lang="ko", clock=FakeClock())
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_first_attempt(pilot)
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        app.post_message(events.Paste("가" * 200_001))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        messages = list(app.told)
        assert any("너무 깁니다 (채팅 기록): 200,001자, 한도는 200,000자" in m for m in messages), (
            messages
        )
        assert len(screen.query_one("#transcript-text").text) == 200_001, "nothing lost"
        assert not screen.session.attempt.transcripts


async def test_confirming_before_any_contact_says_there_is_nothing_to_record_on(data_file):
    from flows.session import Session
    from tests.tui.conftest import TO_CONTACT_US, walk

    walk(Session.begin(Store(data_file), clock=FakeClock()), TO_CONTACT_US)
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_first_attempt(pilot)
        await pilot.press("t")
        await pilot.pause()
        app.post_message(events.Paste("10:32 AM Sarah: my name is Sarah."))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        messages = list(app.told)
        assert any(m.startswith("Nothing to record it on yet") for m in messages), messages
        assert app.screen.recorded == set()
