"""The app under faults: a disk that refuses writes, and a second window on the same file."""

from __future__ import annotations

import errno
import os

import pytest

from flows.session import Session
from flows.store import Store
from tests.conftest import FakeClock, refuse_syncs_as_if_the_disk_were_full
from tests.tui.conftest import choose, end_attempt, make_app, open_first_attempt, screen_text, seed
from tui.screens.detail import DetailScreen
from tui.screens.start import StartScreen
from tui.screens.step import StepScreen

FAULTS = {
    "disk full": (["fsync"], errno.ENOSPC),
    "fsync fails": (["fsync"], errno.EIO),
    "read-only folder": (["open"], errno.EROFS),
    "no permission": (["open"], errno.EACCES),
}


@pytest.mark.parametrize("fault", list(FAULTS))
async def test_a_failed_save_is_shown_kept_and_retried(data_file, monkeypatch, fault):
    seed(data_file, with_history=False)
    names, code = FAULTS[fault]
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        step = await open_first_attempt(pilot)
        assert isinstance(step, StepScreen)
        attempt_id = step.session.attempt.id

        real_open = os.open

        def refuse(*args, **kwargs):
            if names == ["open"] and not str(args[0]).endswith(".tmp"):
                return real_open(*args, **kwargs)  # only what a save writes to fails
            raise OSError(code, os.strerror(code))

        for name in names:
            monkeypatch.setattr(os, name, refuse)
        await choose(pilot, "ask_for_supervisor")
        banner = step.query_one("#unsaved")
        assert step.session.step == "asking_for_supervisor", "the step is kept in memory"
        assert step.session.unsaved and banner.display
        assert any(os.strerror(code) in message for message in app.told)
        step.retry_save()  # still failing: nothing changes, no crash
        assert step.session.unsaved
        monkeypatch.undo()
        step.retry_save()
        await pilot.pause()
        assert not step.session.unsaved and not banner.display
    assert Store(data_file).get(attempt_id).step == "asking_for_supervisor"


async def test_a_deleted_file_is_written_again_without_reusing_archived_ids(data_file, app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        data_file.unlink()
        await choose(pilot, "ask_for_supervisor")
        assert not app.screen.session.unsaved
    store = Store(data_file)
    assert [a.step for a in store.unfinished()] == ["asking_for_supervisor"]
    assert store.new_id() > max(a.id for a in store.all())


async def test_a_step_is_in_the_file_itself_the_moment_it_is_taken(data_file, live_app):
    app = live_app
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_attempt(pilot)
        await choose(pilot, "ask_for_supervisor")
        assert "asking_for_supervisor" in data_file.read_text("utf-8")
        assert not data_file.with_name(data_file.name + ".journal").exists()
    assert Store(data_file).unfinished()[0].step == "asking_for_supervisor"


async def test_a_second_window_opens_read_only(data_file):
    seed(data_file)
    first = make_app(Store(data_file), clock=FakeClock())
    async with first.run_test(size=(100, 30)) as first_pilot:
        await first_pilot.pause()
        assert not first.store.read_only
        second = make_app(Store(data_file), clock=FakeClock())
        async with second.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.pause()
            assert second.store.read_only
            assert isinstance(second.screen, StartScreen)
            assert any("read-only" in message for message in second.told)
            assert second.check_action("new_attempt", ()) is False
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(second.screen, StartScreen)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(second.screen, DetailScreen), (
                "an attempt opens to look at, not to walk"
            )
            assert second.screen.check_action("continue", ()) is False
        # The first window still writes.
        await first_pilot.press("enter")
        await first_pilot.pause()
        await choose(first_pilot, "ask_for_supervisor")
        assert not first.screen.session.unsaved
        # A second window reads what the first one saved, journal included.
        assert Store(data_file).get(first.screen.session.attempt.id).step == "asking_for_supervisor"
    third = make_app(Store(data_file), clock=FakeClock())
    async with third.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not third.store.read_only, "the claim is let go when the first window closes"


async def test_a_read_only_window_says_so_and_can_write_once_the_other_closes(data_file):
    seed(data_file)
    other_window = Store(data_file)
    assert other_window.claim()
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert app.store.read_only
        assert "Read-only" in screen_text(app.screen.query_one("#tagline")), (
            "said on the screen, not only in a toast"
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        assert "Read-only" in screen_text(app.screen.query_one("#title"))
        assert app.screen.check_action("continue", ()) is False
        app.try_claim()  # what the app does every few seconds: still held
        assert app.store.read_only
        other_window.release()
        app.try_claim()
        await pilot.pause()
        assert not app.store.read_only
        assert any("can now change things" in message for message in app.told)
        assert "Read-only" not in screen_text(app.screen.query_one("#title"))
        assert app.screen.check_action("continue", ()) is True
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen), "the attempt opens to walk on"


async def test_leaving_or_quitting_with_an_unsaved_change_warns_first(
    data_file, live_app, monkeypatch
):
    app = live_app
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        step = await open_first_attempt(pilot)

        refuse_syncs_as_if_the_disk_were_full(monkeypatch)
        await choose(pilot, "ask_for_supervisor")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and app.screen is step, "the first try to leave only warns"
        assert any("not saved yet" in message for message in app.told)
        monkeypatch.undo()
        # The disk is back: the change is saved on the way out (mid-call, Esc asks first).
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
    assert Store(data_file).unfinished()[0].step == "asking_for_supervisor"


async def test_a_move_key_pressed_twice_quickly_takes_one_move(live_app):
    app = live_app
    async with app.run_test(size=(100, 30)) as pilot:
        step = await open_first_attempt(pilot)
        first = step.session.moves()[0]
        menu = step.query_one("#moves")
        # Two presses already queued before the first is handled.
        menu.post_message(menu.Chosen(first))
        menu.post_message(menu.Chosen(first))
        await pilot.pause()
        assert app.is_running and step.session.step == first.target
        assert len([e for e in step.session.attempt.timeline if e.event == first.event]) == 1


async def test_a_second_unsaved_change_after_a_save_is_warned_of_again(live_app, monkeypatch):
    # The reliability review's F2: the warning was given once per screen, not once per change.
    app = live_app
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        step = await open_first_attempt(pilot)

        refuse_syncs_as_if_the_disk_were_full(monkeypatch)
        await pilot.press("n", *"first while full", "enter")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running, "warned of the first unsaved note"
        monkeypatch.undo()
        await choose(pilot, "ask_for_supervisor")  # the disk is back: this save takes both
        assert not step.session.unsaved
        refuse_syncs_as_if_the_disk_were_full(monkeypatch)
        await pilot.press("n", *"G1 while full again", "enter")
        assert step.session.unsaved
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running, "a new unsaved change is warned of again, not let go on one key"
        warnings = [message for message in app.told if "not saved yet" in message]
        assert len(warnings) == 2


async def test_text_typed_but_not_confirmed_survives_quitting_and_comes_back(data_file, live_app):
    app = live_app
    async with app.run_test(size=(100, 30)) as pilot:
        step = await open_first_attempt(pilot)
        attempt_id = step.session.attempt.id
        await pilot.press("n", *"half a thought")
        await pilot.press("ctrl+q")
        await pilot.pause()
    stored = Store(data_file).get(attempt_id)
    assert stored.unsent["note"].text == "half a thought"
    assert [n.text for n in stored.notes] == [], "never a note until it is confirmed"
    again = make_app(Store(data_file), clock=FakeClock())
    async with again.run_test(size=(100, 30), notifications=True) as pilot:
        step = await open_first_attempt(pilot)
        await pilot.pause()
        assert step.query_one("#note").text == "half a thought"
        assert any("did not confirm" in message for message in again.told)
        step.query_one("#note").focus()
        await pilot.press("enter")
        await pilot.pause()
    stored = Store(data_file).get(attempt_id)
    assert [n.text for n in stored.notes] == ["half a thought"] and "note" not in stored.unsent


async def test_typed_text_is_on_disk_a_moment_after_typing_stops(data_file, monkeypatch):
    # So a kill or a closed terminal, which gives no chance to save on the way out, loses none.
    import tui.screens.step as step_module

    monkeypatch.setattr(step_module, "UNSENT_DELAY_SECONDS", 0.01)
    seed(data_file, with_history=False)
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        step = await open_first_attempt(pilot)
        await pilot.press("r", *"Priy")
        # The one wait in these tests: the delay itself is what is tested (Textual's timers
        # refuse a zero delay), shortened to a hundredth of a second.
        await pilot.pause(0.1)
        stored = Store(data_file).get(step.session.attempt.id)
        assert stored.unsent["agent_name"].text == "Priy"
        assert "Priy" not in stored.agent_names


async def test_read_only_for_a_lock_that_cannot_be_made_gives_that_reason(data_file):
    # The reliability review's F14: it blamed "another window" that did not exist.
    seed(data_file, with_history=False)
    (data_file.parent / (data_file.name + ".app.lock")).mkdir()
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        messages = " ".join(message for message in app.told)
        assert app.store.read_only and "cannot be locked" in messages
        assert "Another amazon-contact window" not in messages
        assert "cannot be locked" in screen_text(app.screen.query_one("#tagline"))


async def test_on_a_really_full_disk_the_app_says_not_saved_and_saves_once_there_is_room(
    tiny_disk,
):
    from tests.conftest import fill_up

    data_file = tiny_disk / "attempts.json"
    seed(data_file, with_history=False)
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        step = await open_first_attempt(pilot)
        filler = fill_up(tiny_disk)
        await pilot.press("n", *"typed on a full disk", "enter")
        await pilot.pause()
        assert step.session.unsaved and step.query_one("#unsaved").display
        assert any("No space left on device" in message for message in app.told)
        assert "typed on a full disk" not in data_file.read_text("utf-8")
        filler.unlink()
        await choose(pilot, "ask_for_supervisor")
        assert not step.session.unsaved and not step.query_one("#unsaved").display
    stored = Store(data_file).unfinished()[0]
    assert stored.notes[-1].text == "typed on a full disk"
    assert stored.step == "asking_for_supervisor"


async def test_typed_text_still_in_its_box_after_a_move_is_offered_back_at_the_new_step(
    data_file, monkeypatch
):
    import tui.screens.step as step_module

    monkeypatch.setattr(step_module, "UNSENT_DELAY_SECONDS", 0.01)
    seed(data_file, with_history=False)
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        step = await open_first_attempt(pilot)
        attempt_id = step.session.attempt.id
        await pilot.press("n", *"typed before the move")
        await pilot.pause(0.1)  # the delay itself, shortened (see the test above)
        await pilot.press("escape")
        await choose(pilot, "ask_for_supervisor")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert Store(data_file).get(attempt_id).unsent["note"].step == "asking_for_supervisor"
    again = make_app(Store(data_file), clock=FakeClock())
    async with again.run_test(size=(100, 30)) as pilot:
        step = await open_first_attempt(pilot)
        await pilot.pause()
        assert step.query_one("#note").text == "typed before the move"


async def test_text_offered_back_is_the_text_as_typed_not_an_escaped_copy(data_file):
    seed(data_file, with_history=False)
    (live,) = Store(data_file).unfinished()
    session = Session(live, Store(data_file))
    copied = "\u202aD01-1234\u202c"  # the marks text copied on Windows often carries
    session.keep_unsent("case_number", copied)
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        step = await open_first_attempt(pilot)
        await pilot.pause()
        assert step.query_one("#case_number").value == copied
        step.query_one("#case_number").focus()
        await pilot.press("enter")
        await pilot.pause()
    assert Store(data_file).get(live.id).people[-1].case_number == copied


async def test_a_note_typed_on_a_finished_attempt_is_kept_too(data_file, live_app):
    app = live_app
    async with app.run_test(size=(100, 30)) as pilot:
        step = await open_first_attempt(pilot)
        attempt_id = step.session.attempt.id
        await end_attempt(pilot, "problem_solved")
        assert step.session.is_finished
        await pilot.press("n", *"thanked them afterwards")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert Store(data_file).get(attempt_id).unsent["note"].text == "thanked them afterwards"
