"""When the site looks different: noted with the step and the date, and a way around it taken."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import OptionList

from flows import guidance
from flows.session import Session
from flows.store import Store
from tests.conftest import FakeClock
from tests.tui.conftest import TO_CONTACT_US, make_app, open_first_attempt, screen_text, walk
from tui.screens.site_different import SiteDifferentScreen
from tui.screens.step import StepScreen


def website_attempt(data_file) -> Store:
    store = Store(data_file)
    walk(Session.begin(store, clock=FakeClock(), goal="refund"), TO_CONTACT_US)
    return store


async def test_note_what_is_seen_then_call_instead(data_file):
    app = make_app(website_attempt(data_file), clock=FakeClock())
    async with app.run_test(size=(110, 34), notifications=True) as pilot:
        step = await open_first_attempt(pilot)
        assert isinstance(step, StepScreen) and step.session.step == "on_contact_us"
        origin = screen_text(step.query_one("#step-origin"))
        assert "from an undated how-to article (older than 2020)" in origin
        assert "Amazon's screen may differ" in origin
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SiteDifferentScreen)
        await pilot.press(*"No Contact Us link, only [Customer Service]", "enter")
        await pilot.pause()
        (report,) = Store(data_file).get(step.session.attempt.id).site_reports
        assert (report.step, report.text) == (
            "on_contact_us",
            "No Contact Us link, only [Customer Service]",
        )
        listed = app.screen.query_one("#ways", OptionList)
        ways = [listed.get_option_at_index(n).id for n in range(listed.option_count)]
        assert ways == ["call_instead", "go_back"], (
            "the machine's ways around, asked of the machine"
        )
        await pilot.press("enter")  # the first: call Amazon instead
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        assert step.session.step == "calling_amazon"


async def test_an_empty_note_is_not_kept_and_typed_text_is_not_dropped_silently(data_file):
    app = make_app(website_attempt(data_file), clock=FakeClock())
    async with app.run_test(size=(110, 34), notifications=True) as pilot:
        step = await open_first_attempt(pilot)
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        await pilot.press("enter")  # nothing typed
        await pilot.pause()
        assert not step.session.attempt.site_reports
        await pilot.press(*"a new menu", "escape")
        await pilot.pause()
        assert app.screen is dialog, "warned first"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is step and not step.session.attempt.site_reports


async def test_the_step_shows_the_difference_noted_and_s_does_nothing_off_the_website(data_file):
    app = make_app(website_attempt(data_file), clock=FakeClock())
    async with app.run_test(size=(110, 34)) as pilot:
        step = await open_first_attempt(pilot)
        step.session.report_site_difference("a new layout")
        step.refresh_step()
        await pilot.pause()
        origin = " ".join(screen_text(step.query_one("#step-origin")).split())
        assert "Last time you saw instead (26 Nov 2026): a new layout" in origin
        step.take(next(m for m in step.session.moves() if m.event == "call_instead"))
        await pilot.pause()
        assert step.check_action("site_different", ()) is False
        await pilot.press("s")
        await pilot.pause()
        assert app.screen is step


def test_only_website_steps_take_a_report_and_only_steps_with_labels_name_a_source(clock):
    session = Session.begin(clock=clock)
    with pytest.raises(ValueError, match="is not a step on Amazon's website"):
        session.report_site_difference("x")
    with pytest.raises(ValueError, match="is not a step on Amazon's website"):
        session.confirm_screen()
    assert "article" in guidance.guidance("on_help_page", "en").label_sources
    assert guidance.guidance("talking_with_agent", "en").label_sources == ()


def test_show_lists_the_differences_noted(data_file, capsys):
    from tui.cli import main

    store = website_attempt(data_file)
    (attempt,) = store.unfinished()
    Session.resume(store, attempt.id, clock=FakeClock()).report_site_difference(
        "no [b]Help[/b] link\x1b[2J"
    )
    assert main(["show", str(attempt.id), "--db", str(data_file), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert (
        "Where the site looked different" in out
        and "On Contact Us: no [b]Help[/b] link\\x1b[2J" in out
    )


async def test_c_keeps_the_persons_word_and_the_next_attempt_shows_it(data_file):
    app = make_app(website_attempt(data_file), clock=FakeClock())
    async with app.run_test(size=(110, 34)) as pilot:
        step = await open_first_attempt(pilot)
        await pilot.press("c")
        await pilot.pause()
        (said,) = Store(data_file).get(step.session.attempt.id).confirmations
        assert said.step == "on_contact_us"
        assert any("these labels matched your screen" in m for m in app.told)
    # A later attempt, in Korean, at the same step: the person's own word, with its date.
    later = Store(data_file)
    walk(Session.begin(later, clock=FakeClock(), goal="return"), TO_CONTACT_US)
    app = make_app(Store(data_file), lang="ko", clock=FakeClock())
    async with app.run_test(size=(110, 34)) as pilot:
        step = await open_first_attempt(pilot)
        assert step.session.step == "on_contact_us" and not step.session.attempt.confirmations
        origin = " ".join(screen_text(step.query_one("#step-origin")).split())
        day = date(2026, 11, 26)
        assert f"{day.year}년 {day.month}월 {day.day}일에 이 문구가 화면과 같다고" in origin


async def test_c_off_the_website_says_what_it_is_for(data_file):
    store = Store(data_file)
    walk(Session.begin(store, clock=FakeClock()), ["outcome_decided"])
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(110, 34)) as pilot:
        step = await open_first_attempt(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert not Store(data_file).get(step.session.attempt.id).confirmations
        assert any("steps on Amazon's website" in m for m in app.told)
