"""A person's walks through the app, with keys and clicks, on a real data file."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Input, Static

from flows.session import Session
from flows.steps import DIRECT_NUMBER
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
from tui.app import AmazonContactApp
from tui.screens.detail import DetailScreen
from tui.screens.direct_line import DirectLineScreen
from tui.screens.history import HistoryScreen
from tui.screens.prepare import PrepareScreen
from tui.screens.promise import PromiseScreen
from tui.screens.start import StartScreen
from tui.screens.step import StepScreen


def rendered(widget: Static) -> str:
    return str(widget.render())


def rendered_lines(widget: Static) -> list[str]:
    """What a widget shows, line by line, as plain text."""
    return [
        strip.text.rstrip()
        for strip in widget.render_lines(widget.region.reset_offset)
        if strip.text.strip()
    ]


async def test_website_route_then_resume_escalate_resolve_and_review(data_file):
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, PrepareScreen), (
            "with nothing unfinished, a new attempt starts"
        )
        await pilot.click("#goal-refund")
        await pilot.click("#order_number")
        await pilot.press(*"111-2223334-5556667")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        assert app.screen.session.step == "signing_in"
        for event in [
            "signed_in",
            "opened_help",
            "opened_need_more_help",
            "asked_to_sign_in_again",
            "signed_in_again",
            "see_tabs_and_buttons",
            "chose_tell_us_more",
            "issue_described",
            "chose_chat",
            "agent_answered",
        ]:
            await choose(pilot, event)
        assert app.screen.session.step == "talking_with_agent"
        await pilot.press("r")
        assert app.focused.id == "agent_name"
        await pilot.press(*"Mina Park", "enter")
        assert app.focused.id == "case_number", "the case number is asked for next"
        await pilot.press(*"CASE-123", "enter")
        assert app.focused.id == "moves"
        await pilot.press("n")
        await pilot.press(*"[bold]asked for refund[/]", "enter")
        await pilot.pause()
        attempt_id = app.screen.session.attempt.id
        assert "Mina Park" in rendered(app.screen.query_one("#record-summary"))
        await pilot.press("ctrl+q")

    relaunched = make_app(Store(data_file), clock=FakeClock())
    async with relaunched.run_test(size=(100, 30)) as pilot:
        assert isinstance(relaunched.screen, StartScreen)
        await pilot.press("enter")
        await pilot.pause()
        screen = relaunched.screen
        assert isinstance(screen, StepScreen) and screen.session.attempt.id == attempt_id
        assert screen.session.step == "talking_with_agent"
        summary = rendered(screen.query_one("#record-summary"))
        assert "Mina Park" in summary and "CASE-123" in summary
        assert screen.session.attempt.notes[0].text == "[bold]asked for refund[/]"
        await choose(pilot, "ask_for_supervisor")
        await choose(pilot, "supervisor_joined")
        await end_attempt(pilot, "problem_solved")
        assert screen.session.attempt.outcome == "resolved"
        assert screen.session.moves() == []
        await open_history(pilot)
        history = relaunched.screen
        assert isinstance(history, HistoryScreen)
        table = history.query_one(DataTable)
        assert table.row_count == 1
        first = table.coordinate_to_cell_key((0, 0)).row_key
        assert "Resolved" in table.get_cell(first, "col_status")
        assert "CASE-123" in table.get_cell(first, "col_cases")
        await pilot.press("enter")
        await pilot.pause()
        detail = relaunched.screen
        assert isinstance(detail, DetailScreen)
        timeline = rendered_lines(detail.query_one("#timeline"))
        stamped = [line for line in timeline if line[:4].isdigit()]  # a long one may wrap
        assert len(stamped) == len(detail.attempt.timeline) + 1
        assert "Solved (It's fixed)" in timeline[-1]
        assert "[bold]asked for refund[/]" in rendered(detail.query_one("#notes"))
        assert "Mina Park" in rendered(detail.query_one("#contacts"))

    stored = Store(data_file).get(attempt_id)
    assert stored.outcome == "resolved" and stored.case_numbers == ["CASE-123"]


async def test_direct_call_with_a_promise_followed_up_later(data_file):
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click("#goal-refund")
        await pilot.click("#route-direct")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.session.step == "calling_amazon"
        await choose(pilot, "agent_answered")
        await pilot.press("r")
        await pilot.press(*"Jun", "enter")
        await pilot.click("#case_number")
        await pilot.press(*"D-9", "enter")
        await choose(pilot, "promise_made")
        assert isinstance(app.screen, PromiseScreen)
        await pilot.press(*"Refund to card", "enter")
        await pilot.press(*"when it's ready", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PromiseScreen), "a due date with no date in it is refused"
        assert "No date found" in rendered(app.screen.query_one("#problem"))
        due = app.screen.query_one("#due", Input)
        due.clear()
        await pilot.press(*"12/01/2026")
        await pilot.pause()
        assert "Understood as Tue 1 Dec 2026" in rendered(app.screen.query_one("#understood"))
        await pilot.press("enter")
        await pilot.pause()
        step = app.screen
        assert isinstance(step, StepScreen) and step.session.step == "waiting_on_promise"
        assert step.session.attempt.follow_up_due == date(2026, 12, 1)

    later = make_app(Store(data_file), clock=FakeClock())
    async with later.run_test(size=(100, 30)) as pilot:
        due_text = rendered(later.screen.query_one("#due"))
        assert "2026-12-01" in due_text and "overdue" not in due_text
        assert "“Refund to card”" in due_text, "what to check for, not only when"
        await pilot.press("enter")
        await pilot.pause()
        await choose(pilot, "contact_again")
        await choose(pilot, "call_directly")
        session = later.screen.session
        await choose(pilot, "agent_answered")
        assert session.attempt.current_person.case_number == "D-9", "the case number carries over"
        await end_attempt(pilot, "problem_solved")
        assert session.attempt.outcome == "resolved"
        assert [c.channel for c in session.attempt.contacts] == ["direct_call", "direct_call"]


async def test_an_ending_asks_first_and_no_keeps_the_step(data_file):
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click("#skip")
        await pilot.pause()
        assert app.screen.session.step == "deciding_outcome"
        await choose(pilot, "give_up")
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.session.step == "deciding_outcome"
        assert Store(data_file).unfinished()[0].step == "deciding_outcome"


async def test_language_switches_everything_including_the_footer(data_file):
    seed(data_file, with_history=False)
    app = make_app(Store(data_file))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        title = app.screen.query_one("#step-title")
        assert rendered(title) == "Talk with the agent"
        await pilot.press("f2")
        await pilot.pause()
        assert app.lang == "ko"
        assert any("\uac00" <= ch <= "\ud7a3" for ch in rendered(title))
        descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        assert "기록하기" in descriptions and "Record" not in descriptions
        await pilot.press("f2")
        await pilot.pause()
        assert "Record" in {b.binding.description for b in app.screen.active_bindings.values()}


async def test_the_direct_number_is_one_key_away_and_copies(data_file):
    seed(data_file, with_history=False)
    app = make_app(Store(data_file))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, DirectLineScreen)
        assert DIRECT_NUMBER in rendered(app.screen.query_one("#number"))
        await pilot.press("c")
        assert app.clipboard == DIRECT_NUMBER
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


async def test_history_search_and_a_follow_on_attempt(app):
    async with app.run_test(size=(110, 34)) as pilot:
        await open_history(pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 3
        await pilot.press(*"case-2001")
        await pilot.pause()
        assert table.row_count == 1
        await pilot.press("enter", "enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, DetailScreen) and detail.attempt.outcome == "resolved"
        assert detail.check_action("continue", ()) is False, (
            "a finished attempt cannot be continued"
        )
        await pilot.press("a")
        await pilot.pause()
        prepare = app.screen
        assert isinstance(prepare, PrepareScreen)
        assert prepare.query_one("#order_number", Input).value == "112-7654321-0000001"
        await pilot.press("ctrl+s")
        await pilot.pause()
        session = app.screen.session
        assert session.attempt.continues == detail.attempt.id
        assert session.attempt.earlier_case_numbers == ["CASE-2001"]
        assert "CASE-2001" in rendered(app.screen.query_one("#record-summary"))


async def test_a_move_can_be_clicked_and_the_palette_reaches_the_history(live_app):
    app = live_app
    async with app.run_test(size=(100, 30)) as pilot:
        step = await open_first_attempt(pilot)
        assert step.session.step == "talking_with_agent"
        moves = [m.event for m in step.session.moves()]
        menu = step.query_one("#moves")
        # Each move takes two lines: its label, then where it leads.
        await pilot.click(menu, offset=(4, 1 + 2 * moves.index("ask_for_supervisor")))
        await pilot.pause()
        assert step.session.step == "asking_for_supervisor"
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"History", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)


async def test_resume_flag_goes_straight_to_the_last_step(data_file):
    seed(data_file)
    app = AmazonContactApp(Store(data_file), lang="en", clock=FakeClock(), resume=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        assert app.screen.session.attempt.id == Store(data_file).unfinished()[0].id
        await pilot.press("escape")
        await pilot.pause()
        if app.screen.session.attempt.current_contact is not None:
            await pilot.press("escape")  # mid-contact, the first Esc only asks
            await pilot.pause()
        assert isinstance(app.screen, StartScreen), "leaving the step shows the start screen"


async def test_a_reflex_esc_after_saving_a_note_mid_call_does_not_leave_the_step(data_file):
    seed(data_file)
    app = make_app(Store(data_file), clock=FakeClock(), resume=True)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        step = app.screen
        assert isinstance(step, StepScreen) and step.session.attempt.current_contact is not None
        await pilot.press("n", *"refund promised", "enter", "escape")
        await pilot.pause()
        assert app.screen is step, "the first Esc asks, mid-call"
        assert "Esc again leaves this step" in app.told[-1]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen), "a second Esc goes"


async def test_history_read_after_the_person_left_it_is_dropped_quietly(app):
    async with app.run_test(size=(110, 34)) as pilot:
        await open_history(pilot)
        history = app.screen
        app.pop_screen()
        await pilot.pause()
        history.post_message(history.Loaded([], [], "en", "", []))  # a slow worker, too late
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, type(history))


async def test_the_step_screen_brings_its_own_commands_to_the_palette(data_file):
    from tui.screens.map import MapScreen

    seed(data_file, with_history=False)
    app = make_app(Store(data_file), lang="ko", clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_attempt(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"전체 과정")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)


async def test_todays_route_the_assistant_loops_twice_then_a_person_by_chat(data_file):
    """As more recent guides describe Contact Us: an assistant first, asked for a person; it goes
    in circles twice, a new chat each time, then hands over to a person in a chat."""
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "ctrl+s")  # a return, prepared, on the website
        await pilot.pause()
        for event in ("signed_in", "opened_help", "opened_need_more_help", "opened_contact_us"):
            await choose(pilot, event)
        session = app.screen.session
        assert session.step == "which_contact_us"
        await choose(pilot, "see_an_assistant")
        assert session.step == "talking_with_assistant" and not session.attempt.contacts
        for _ in range(2):
            await choose(pilot, "ask_for_a_person")
            await choose(pilot, "assistant_loops")
            assert session.step == "assistant_going_in_circles"
            await choose(pilot, "start_over")
        assert not session.attempt.contacts, "the assistant is not a contact with anyone"
        await choose(pilot, "ask_for_a_person")
        await choose(pilot, "passed_to_a_person")
        await choose(pilot, "agent_answered")
        assert session.step == "talking_with_agent"
        assert [c.channel for c in session.attempt.contacts] == ["chat"]
        await end_attempt(pilot, "problem_solved")
    stored = Store(data_file).all()[0]
    assert stored.outcome == "resolved" and stored.route == "website"
    assert [e.event for e in stored.timeline].count("start_over") == 2


async def test_the_app_is_another_way_to_the_same_contact_us(data_file):
    app = make_app(Store(data_file), lang="ko", clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click("#skip")  # past the form, to the first step
        await pilot.pause()
        session = app.screen.session
        for event in ("outcome_decided", "facts_gathered", "use_the_app"):
            await choose(pilot, event)
        assert session.step == "opening_app_customer_service"
        assert "Customer Service" in screen_text(app.screen.query_one("#step-next"))
        await choose(pilot, "opened_app_customer_service")
        await choose(pilot, "see_an_assistant")
        await choose(pilot, "ask_for_a_person")
        await choose(pilot, "call_back_requested")
        assert session.step == "awaiting_callback"
        assert [c.channel for c in session.attempt.contacts] == ["phone"]


async def test_the_supervisors_name_is_asked_for_as_such_and_the_end_says_where_next(data_file):
    store = Store(data_file)
    walk(
        Session.begin(store, clock=FakeClock()),
        [*TO_CHAT_AGENT, "ask_for_supervisor", "supervisor_joined"],
    )
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        step = await open_first_attempt(pilot)
        assert step.query_one("#agent_name", Input).placeholder == "Supervisor's name"
        await end_attempt(pilot, "problem_solved")
        record = rendered(step.query_one("#record-summary"))
        assert "Esc returns" not in record, "the record line is for the record"
        moves = step.query_one("MovesMenu")
        assert "Esc returns to the start" in str(moves.get_option_at_index(0).prompt)
