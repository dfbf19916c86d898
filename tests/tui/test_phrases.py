"""Phrases at hand: p on a step opens the lines for it; a number key copies the English line."""

from __future__ import annotations

from flows.guidance import PHRASES_AT_STEP, phrases, phrases_at_hand
from flows.store import Store
from tests.conftest import FakeClock
from tests.tui.conftest import make_app, open_first_attempt, screen_text, seed
from tui.screens.phrases import PhrasesScreen
from tui.screens.step import StepScreen


async def test_p_opens_the_lines_for_this_step_and_a_number_copies_one(live_app):
    app = live_app
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        step = await open_first_attempt(pilot)
        assert step.session.step == "talking_with_agent"
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PhrasesScreen)
        kinds = [p.kind for p in screen.phrases]
        assert kinds[0] == "framing" and "supervisor" in kinds, (
            "the step's own lines first, then escalation"
        )
        await pilot.press("2")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert app.clipboard == screen.phrases[1].english
        # No clipboard tool where the tests run: sent to the terminal, and said so.
        assert any(
            message.startswith("Sent What else can I give you")
            and "terminal's clipboard" in message
            for message in app.told
        ), app.told
        await pilot.press("down", "down", "enter")
        assert app.clipboard == screen.phrases[2].english
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)


async def test_in_korean_each_line_shows_its_meaning_and_copies_the_english(data_file):
    seed(data_file, with_history=False)
    app = make_app(Store(data_file), lang="ko", clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_attempt(pilot)
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        first = screen.phrases[0]
        text = screen_text(screen.query_one("#phrase-list"))
        assert first.english[:30] in text and first.korean[:10] in text
        await pilot.press("1")
        assert app.clipboard == first.english


def test_every_step_has_calm_and_supervisor_lines_and_both_languages_match_line_for_line():
    for step in ("signing_in", "talking_with_agent", "asking_for_supervisor", "waiting_on_promise"):
        lines = phrases_at_hand(step)
        kinds = list(dict.fromkeys(p.kind for p in lines))
        own = list(PHRASES_AT_STEP.get(step, ()))
        assert kinds[: len(own)] == own and {"calm", "supervisor"} <= set(kinds)
        assert all(p.english and p.korean for p in lines)
        assert len({p.english for p in lines}) == len(lines), "no line twice"


async def test_f2_switches_the_language_inside_a_dialog_too(live_app):
    app = live_app
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_attempt(pilot)
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert app.lang == "ko" and isinstance(app.screen, PhrasesScreen)
        assert "이 단계에서 쓸 표현" in screen_text(app.screen.query_one("#title"))


async def test_the_korean_step_panel_gives_the_english_to_say_with_its_meaning(live_store):
    app = make_app(Store(live_store.path), lang="ko", clock=FakeClock())
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.session.step == "talking_with_agent"
        shown = " ".join(screen_text(app.screen.query_one("#step-phrases")).split())
        english, korean = phrases("framing", "en")[0], phrases("framing", "ko")[0]
        assert english.split()[0] in shown and korean.split()[0] in shown
        assert " ".join(english.split()[:4]) in shown, "the English line itself"
