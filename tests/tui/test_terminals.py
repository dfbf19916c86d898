"""Any terminal size, with or without colour."""

from __future__ import annotations

import pytest
from rich.color import Color, ColorSystem
from textual.color import Color as TextualColor

from flows.store import Store
from tests.conftest import refuse_syncs_as_if_the_disk_were_full
from tests.tui.conftest import make_app, open_history, seed
from tui.screens.start import StartScreen
from tui.screens.step import StepScreen
from tui.screens.too_small import TooSmallScreen


async def test_too_small_says_so_and_recovers(data_file):
    seed(data_file)
    app = make_app(Store(data_file), lang="ko")
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        message = str(app.screen.query_one("#message").render())
        assert "창을 더 크게" in message and "40 x 12" in message
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.resize_terminal(59, 30)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(60, 18)
        await pilot.pause()
        assert isinstance(app.screen, StepScreen), "back where the person was"


@pytest.mark.parametrize("size", [(40, 12), (60, 18), (250, 70)])
@pytest.mark.parametrize("lang", ["en", "ko"])
async def test_every_screen_draws_at_any_size(data_file, size, lang):
    seed(data_file)
    app = make_app(Store(data_file), lang=lang)
    too_small = size[0] < 60 or size[1] < 18
    small_message = ("Make the window larger", "창을 더 크게")[lang == "ko"]
    # What each screen draws that says it is the one: (English, Korean).
    expected = [
        ("Talk with the agent", "상담원과 이야기하기"),  # the step
        ("The whole process", "전체 과정"),  # the map
        ("1 (888) 280-4331", "1 (888) 280-4331"),  # the direct line
        ("Unfinished attempts", "끝나지 않은 시도"),  # the start screen
    ]
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        # The open attempt is mid-chat: leaving its step takes a second Esc.
        steps = (["enter"], ["m"], ["escape", "escape", "f3"], ["escape", "escape"])
        for keys, words in zip(steps, expected, strict=True):
            await pilot.press(*keys)
            await pilot.pause()
            shown = app.export_screenshot().replace("&#160;", " ")
            if too_small:
                assert small_message in shown, "only the too-small message is drawn"
            else:
                assert words[lang == "ko"] in shown, (keys, words)
        await open_history(pilot)
        await pilot.press("enter")
        await pilot.pause()
        shown = app.export_screenshot().replace("&#160;", " ")
        assert (small_message if too_small else ("Timeline", "진행 기록")[lang == "ko"]) in shown


async def test_the_screen_reads_without_colour(data_file, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    seed(data_file, with_history=False)
    app = make_app(Store(data_file))
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert app.no_color
        # Position and choices are told by characters, not by colour alone.
        shown = "\n".join(
            strip.text
            for widget in (app.screen.query_one("#map"), app.screen.query_one("#moves"))
            for strip in widget.render_lines(widget.region.reset_offset)
        )
        for mark in (
            "[>] In contact with Amazon",
            "[x] Amazon site or app",
            "1 I'm being transferred",
        ):
            assert mark in shown


RED, BRIGHT_RED = 1, 9


def in_16_colours(color: Color | None) -> int:
    """The ANSI colour a 16-colour terminal (TERM=xterm) shows for ``color``."""
    assert color is not None
    return color.downgrade(ColorSystem.STANDARD).number or 0


async def test_in_16_colours_headings_are_not_red_and_warnings_and_errors_stay_apart(data_file):
    seed(data_file, with_history=False)
    app = make_app(Store(data_file))
    async with app.run_test(size=(100, 34)) as pilot:
        start_heading = app.screen.query_one(".heading").rich_style.color
        await pilot.press("enter")
        await pilot.pause()
        step = app.screen
        heading = in_16_colours(step.query_one("#step-title").rich_style.color)
        warning = in_16_colours(step.query_one("#timer").rich_style.color)  # the live chat's
        variables = app.get_css_variables()

        def variable(name: str) -> int:
            return in_16_colours(TextualColor.parse(variables[name]).rich_color)

        error = variable("error")
        assert error in (RED, BRIGHT_RED), "errors still look like errors"
        accents = [heading, in_16_colours(start_heading)] + [
            variable(name)
            for name in variables
            if name.startswith(("accent", "text-accent", "footer-key-foreground"))
            and not name.endswith("muted")
        ]
        for accent in accents:
            assert accent not in (RED, BRIGHT_RED), "a heading, a focused box or a key"
        assert len({heading, warning, error}) == 3, (heading, warning, error)


async def test_starting_too_small_then_walking_and_resizing_never_leaves_a_blank_screen(data_file):
    # The design review's bug: TooSmall on the stack broke the counting of screens, and the app
    # ended on an empty screen after enlarging, opening an attempt, Esc and one more resize.
    seed(data_file)
    app = make_app(Store(data_file))
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press("f3")  # nothing opens over the message while it is too small
        await pilot.pause()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        await pilot.press("escape", "escape")  # mid-chat, the first Esc only asks
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.resize_terminal(90, 28)
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert "Unfinished attempts" in app.export_screenshot().replace("&#160;", " ")


async def test_quitting_while_too_small_still_guards_an_unsaved_change(data_file, monkeypatch):

    seed(data_file, with_history=False)
    app = make_app(Store(data_file))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        step = app.screen

        refuse_syncs_as_if_the_disk_were_full(monkeypatch)
        await pilot.press("n", *"unsaved", "enter")
        assert step.session.unsaved
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running, "the step below the message still warns first"
