"""Text that looks like markup, pastes past the limits, and second thoughts."""

from __future__ import annotations

from datetime import date

import pytest
from rich.text import Text
from textual.widgets import DataTable, Input

from flows.session import Session
from flows.store import Store
from tests.conftest import FakeClock
from tests.tui.conftest import (
    TO_CHAT_AGENT,
    choose,
    end_attempt,
    make_app,
    open_first_attempt,
    open_history,
    screen_text,
    seed,
    walk,
)
from tui.screens.confirm import ConfirmScreen
from tui.screens.edit_details import EditDetailsScreen
from tui.screens.prepare import PrepareScreen
from tui.screens.promise import PromiseScreen
from tui.screens.start import StartScreen
from tui.screens.step import StepScreen

HOSTILE = "[@click=app.quit]quit[/] [red]뚜껑[/red] 깨짐"


async def test_history_shows_markup_as_typed_and_a_click_on_it_does_nothing(data_file):
    store = Store(data_file)
    walk(
        Session.begin(store, clock=FakeClock(), summary=HOSTILE, order_number="[b]123[/b]"),
        ["give_up"],
    )
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.press(
            "escape"
        )  # leave the new-attempt form that opens when nothing is unfinished
        await pilot.pause()
        await open_history(pilot)
        table = app.screen.query_one(DataTable)
        about = table.get_cell(table.coordinate_to_cell_key((0, 0)).row_key, "col_about")
        assert isinstance(about, Text) and "[@click=app.quit]quit[/]" in about.plain
        columns = list(table.columns)
        column_x = sum(
            table.columns[key].get_render_width(table)
            for key in columns[: columns.index("col_about")]
        )
        await pilot.click(table, offset=(column_x + 2, 1))
        await pilot.pause()
        assert app.is_running, "a click on typed text must not run an action"


async def test_an_overlong_paste_is_kept_in_the_box_and_not_saved(data_file, live_app):
    app = live_app
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        step = await open_first_attempt(pilot)
        before = step.session.attempt.people[-1].name
        await pilot.press("r")
        box = step.query_one("#agent_name", Input)
        box.insert_text_at_cursor("x" * 500)
        await pilot.press("enter")
        await pilot.pause()
        assert box.value == "x" * 500 and app.focused is box
        assert step.session.attempt.people[-1].name == before
        assert any("the limit is 120" in message for message in app.told)
        assert Store(data_file).get(step.session.attempt.id).people[-1].name == before


async def test_leaving_a_filled_form_asks_first(data_file):
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click("#order_number")
        await pilot.press(*"112-1")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        assert app.screen.query_one("#order_number", Input).value == "112-1"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert Store(data_file).all() == []


async def test_editing_details_adds_to_what_is_there(data_file):
    store = Store(data_file)
    walk(Session.begin(store, clock=FakeClock(), summary="Blender cracked"), ["outcome_decided"])
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditDetailsScreen)
        await pilot.click("#summary")
        await pilot.press("end", *" (lid too)", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        assert app.screen.session.attempt.summary == "Blender cracked (lid too)"


async def test_a_finished_attempt_leads_back_to_the_start(data_file):
    store = Store(data_file)
    walk(Session.begin(store, clock=FakeClock()), TO_CHAT_AGENT)
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await end_attempt(pilot, "problem_solved")
        step = app.screen
        assert step.session.is_finished
        assert step.check_action("choose", ()) is False
        await pilot.press("1", "9")
        await pilot.pause()
        assert step.session.attempt.outcome == "resolved"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


async def give_a_promise(pilot, what: str, due: str) -> None:
    """Open the first attempt, take "they promised", and fill in the dialog once."""
    await pilot.press("enter")
    await pilot.pause()
    await choose(pilot, "promise_made")
    await pilot.press(*what, "enter", *due, "enter")
    await pilot.pause()


async def test_a_past_promise_date_needs_a_second_save(data_file):
    store = Store(data_file)
    walk(Session.begin(store, clock=FakeClock()), TO_CHAT_AGENT)
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await give_a_promise(pilot, "refund", "2020-01-01")
        assert isinstance(app.screen, PromiseScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.session.attempt.follow_up_due == date(2020, 1, 1)


async def test_the_promise_date_takes_what_agents_say_and_shows_the_day_understood(data_file):
    from flows.dates import promised_date

    store = Store(data_file)
    walk(Session.begin(store, clock=FakeClock()), TO_CHAT_AGENT)
    app = make_app(Store(data_file), lang="ko", clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await choose(pilot, "promise_made")
        dialog = app.screen
        assert isinstance(dialog, PromiseScreen)
        await pilot.press(*"3~5영업일 이내 환불")
        await pilot.pause()
        today = app.clock().date()
        expected = promised_date("3~5영업일 이내", today)
        understood = " ".join(screen_text(dialog.query_one("#understood")).split())
        assert expected is not None and "약속한 내용에서 찾은 날짜" in understood
        assert app.words.day_and_weekday(expected) in understood
        await pilot.press("enter", *"in 3-5 business days")
        await pilot.pause()
        assert dialog.query_one("#due", Input).value == "in 3-5 business days", "never cut off"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.session.attempt.follow_up_due == promised_date(
            "in 3-5 business days", today
        )


async def test_the_palette_speaks_korean_too(data_file):
    seed(data_file, with_history=False)
    app = make_app(Store(data_file), lang="ko")
    async with app.run_test(size=(100, 30)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "종료" in titles and "테마" in titles and "Quit" not in titles
        assert "새 시도" in titles and "지난 시도" in titles


async def test_history_says_when_nothing_matches_and_when_the_archive_is_damaged(data_file, app):
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        await pilot.press(*"zzzz")
        await pilot.pause()
        empty = app.screen.query_one("#empty")
        assert empty.display and "Nothing matches" in str(empty.render())
        (data_file.parent / "attempts.archive" / "0000.json").write_text("{broken")
        await pilot.press("escape", "escape")
        await pilot.pause()
        await open_history(pilot)
        message = str(app.screen.query_one("#skipped").render())
        assert "0000.json" in message and "not valid JSON" in message
        assert app.screen.query_one("#attempts").display, "what can be read is still listed"


async def test_a_forgotten_case_number_can_be_added_after_the_end(data_file):
    store = Store(data_file)
    walk(Session.begin(store, clock=FakeClock()), TO_CHAT_AGENT)
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await end_attempt(pilot, "problem_solved")
        await pilot.click("#case_number")
        await pilot.press(*"LATE-1", "enter")
        await pilot.pause()
        attempt_id = app.screen.session.attempt.id
    stored = Store(data_file).get(attempt_id)
    assert stored.outcome == "resolved" and stored.case_numbers == ["LATE-1"]


async def test_a_promise_date_no_calendar_can_hold_is_refused(data_file):
    # The reliability review's F9: 9999-12-31 was taken, then the calendar export crashed.
    store = Store(data_file)
    walk(Session.begin(store, clock=FakeClock()), TO_CHAT_AGENT)
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await give_a_promise(pilot, "refund", "9999-12-31")
        assert isinstance(app.screen, PromiseScreen)
        assert "too far ahead" in str(app.screen.query_one("#problem").render())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PromiseScreen), "asking twice does not make it a date"


def test_the_calendar_exports_never_crash_on_the_last_date_there_is(data_file, capsys):
    from tui.cli import main

    session = walk(Session.begin(Store(data_file), clock=FakeClock()), TO_CHAT_AGENT)
    session.attempt.people[-1].promise = "a refund, one day"
    session.attempt.people[-1].promise_due = date.max  # a record made elsewhere
    session.move("promise_made")
    assert session.attempt.follow_up_due == date.max
    for command in (["due", "--format", "ics"], ["export", "1", "--format", "ics"]):
        assert main([*command, "--db", str(data_file)]) in (0, 1)
        assert "BEGIN:VCALENDAR" in capsys.readouterr().out


async def test_a_fifty_megabyte_note_opens_the_detail_screen_cut_and_says_so(data_file):
    # The reliability review's crafted note: the detail screen took 50 s and 2 GB to draw it.
    from flows.attempt import Note

    session = walk(Session.begin(Store(data_file), clock=FakeClock()), TO_CHAT_AGENT)
    huge = "x" * 50_000_000
    session.attempt.entries.append(Note(id="huge", at=session.attempt.updated_at, text=huge))
    session.save()
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert "49,980,000 more characters" in str(app.screen.query_one("#notes").render())


@pytest.mark.parametrize("width", [60, 66, 72, 80, 81, 100])
async def test_korean_in_the_detail_timeline_wraps_without_losing_a_syllable(data_file, width):
    from tui.screens.detail import DetailScreen

    store = Store(data_file)
    session = walk(Session.begin(store, clock=FakeClock()), [*TO_CHAT_AGENT, "transferred"])
    app = make_app(Store(data_file), lang="ko", clock=FakeClock())
    async with app.run_test(size=(width, 40)) as pilot:
        await pilot.pause()
        app.push_screen(DetailScreen(Store(data_file).get(session.attempt.id)))
        await pilot.pause()
        shown = screen_text(app.screen.query_one("#timeline"))
        assert "…" not in shown
        assert "다른상담원에게연결되고있습니다" in "".join(shown.split())


async def test_the_palette_and_its_footer_key_speak_korean_and_stats_has_one_name(data_file):
    from textual.command import CommandInput, CommandPalette

    seed(data_file, with_history=False)
    app = make_app(Store(data_file), lang="ko")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        footer = " ".join(app.export_screenshot().replace("&#160;", " ").split())
        assert "palette" not in footer and "명령" in footer
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "통계" in titles, "the footer's name for the same action"
        assert "화면 저장" not in titles and "최대화" not in titles, "nothing a person here uses"
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).placeholder == "명령 찾기…"


async def test_a_palette_search_that_finds_nothing_says_so_in_korean(data_file, monkeypatch):
    from textual.command import CommandList, CommandPalette

    # Textual shows "nothing found" half a second after a search ends: shortened, as the delay
    # itself is not what is tested here.
    monkeypatch.setattr(CommandPalette, "_NO_MATCHES_COUNTDOWN", 0.01)
    seed(data_file, with_history=False)
    app = make_app(Store(data_file), lang="ko")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"zzqx")
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        results = app.screen.query_one(CommandList)
        assert results.option_count == 1
        shown = " ".join(app.export_screenshot().replace("&#160;", " ").split())
        assert "일치하는 명령이 없습니다" in shown
        assert "No matches" not in shown


async def test_arrows_choose_the_outcome_and_starting_without_one_asks_first(data_file):
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PrepareScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form, "no outcome chosen: asked first"
        assert "No outcome chosen yet" in app.told[-1]
        await pilot.press("down", "down")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        assert app.screen.session.attempt.goal == "refund", "the arrows chose, not only pointed"
