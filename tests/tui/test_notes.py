"""Notes on the step: several lines, listed as they are written, corrected or deleted; and a junk
attempt discarded from any open step."""

from __future__ import annotations

from flows.store import Store
from tests.tui.conftest import end_attempt, open_first_attempt, screen_text
from tui.screens.notes import NotesScreen
from tui.screens.start import StartScreen


def stored_notes(data_file, attempt_id: int) -> list[str]:
    """The notes as the data file holds them now, read afresh."""
    return [note.text for note in Store(data_file).get(attempt_id).notes]


def footer_keys(screen) -> dict[str, str]:
    return {b.binding.key: b.binding.description for b in screen.active_bindings.values()}


async def test_a_note_takes_several_lines_enter_saves_it_and_ctrl_j_is_shown(data_file, live_app):
    app = live_app  # one attempt only, in a live chat
    async with app.run_test(size=(100, 30)) as pilot:
        step = await open_first_attempt(pilot)
        await pilot.press("n", *"Refund of $42", "ctrl+j", *"by Friday", "ctrl+j")
        await pilot.pause()
        keys = footer_keys(step)
        assert keys.get("ctrl+j") == "new line" and keys.get("enter") == "save"
        await pilot.press("enter")
        await pilot.pause()
        assert stored_notes(data_file, step.session.attempt.id) == ["Refund of $42\nby Friday"]
        assert step.query_one("#note").text == "", "the box empties once saved"


async def test_the_notes_written_so_far_are_listed_on_the_step(data_file, live_app):
    app = live_app  # one attempt only, in a live chat
    async with app.run_test(size=(100, 30)) as pilot:
        step = await open_first_attempt(pilot)
        assert not step.query_one("#notes-line").display, "no notes: no line for them"
        for note in ("asked for a refund", "agent checks the warehouse"):
            await pilot.press("n", *note, "enter")
            await pilot.pause()
        shown = screen_text(step.query_one("#notes-line"))
        assert "2 notes" in shown and "agent checks the warehouse" in shown
        assert "l: see, correct or delete" in shown


async def test_a_note_can_be_corrected_from_the_list_and_the_correction_is_stored(
    data_file, live_app
):
    app = live_app  # one attempt only, in a live chat
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        step = await open_first_attempt(pilot)
        attempt_id = step.session.attempt.id
        await pilot.press("n", *"refund promised by Firday", "enter", "escape")
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        assert "refund promised by Firday" in screen_text(app.screen.query_one("#notes-list"))
        await pilot.press("enter")  # correct the chosen (latest) note
        await pilot.pause()
        await pilot.press(*["backspace"] * 6, *"Friday", "enter")
        await pilot.pause()
        assert stored_notes(data_file, attempt_id) == ["refund promised by Friday"]
        assert "Note corrected" in app.told
        assert "by Friday" in screen_text(app.screen.query_one("#notes-list"))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is step
        assert "by Friday" in screen_text(step.query_one("#notes-line"))


async def test_esc_while_correcting_leaves_the_note_as_it_was(data_file, live_app):
    app = live_app  # one attempt only, in a live chat
    async with app.run_test(size=(100, 30)) as pilot:
        step = await open_first_attempt(pilot)
        await pilot.press("n", *"keep me", "enter", "escape", "l", "enter")
        await pilot.press(*" not this", "escape")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen), "the first Esc only leaves the correction"
        assert stored_notes(data_file, step.session.attempt.id) == ["keep me"]


async def test_a_note_is_deleted_only_once_the_person_says_yes(data_file, live_app):
    app = live_app  # one attempt only, in a live chat
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        step = await open_first_attempt(pilot)
        attempt_id = step.session.attempt.id
        await pilot.press("n", *"typed in the wrong attempt", "enter", "escape", "l")
        await pilot.press("delete", "n")
        await pilot.pause()
        assert stored_notes(data_file, attempt_id) == ["typed in the wrong attempt"]
        await pilot.press("x", "y")
        await pilot.pause()
        assert stored_notes(data_file, attempt_id) == []
        assert "typed in the wrong attempt" not in data_file.read_text(), "its text is gone"
        assert "No notes yet" in screen_text(app.screen.query_one("#keys"))


async def test_an_over_long_note_is_refused_once_and_stays_in_its_box(data_file, live_app):
    from flows.attempt import TEXT_LIMITS

    app = live_app  # one attempt only, in a live chat
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        step = await open_first_attempt(pilot)
        await pilot.press("n")
        step.query_one("#note").insert("x" * (TEXT_LIMITS["note"] + 1))
        await pilot.press("enter")
        await pilot.pause()
        assert len(step.query_one("#note").text) == TEXT_LIMITS["note"] + 1
        assert stored_notes(data_file, step.session.attempt.id) == []
        await pilot.press("escape", "escape", "escape")  # the box, then (asked first) the step
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        refusals = [told for told in app.told if "too long" in told]
        assert len(refusals) == 1, "told once, on Enter, and not again as the step goes"


async def discard_from_the_palette(pilot, answer: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"Discard this attempt")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(answer)
    await pilot.pause()


async def test_a_junk_attempt_is_discarded_from_an_open_step_after_a_yes(data_file, live_app):
    app = live_app  # one attempt only, in a live chat
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        step = await open_first_attempt(pilot)
        attempt_id = step.session.attempt.id
        await discard_from_the_palette(pilot, "n")
        assert app.screen is step and Store(data_file).get(attempt_id).outcome == "in_progress"
        await discard_from_the_palette(pilot, "y")
        assert Store(data_file).get(attempt_id).outcome == "discarded"
        assert isinstance(app.screen, StartScreen)
        assert f"Attempt #{attempt_id} is discarded." in app.told


async def test_a_finished_attempt_offers_no_discarding(data_file, live_app):
    from textual.command import CommandPalette

    app = live_app  # one attempt only, in a live chat
    async with app.run_test(size=(100, 30)) as pilot:
        step = await open_first_attempt(pilot)
        await end_attempt(pilot, "give_up")
        assert app.screen is step and step.session.is_finished
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Discard")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert "Discard" not in screen_text(app.screen.query_one("CommandList"))


async def test_the_note_corrected_is_the_one_chosen_among_several(data_file, live_app):
    app = live_app  # one attempt only, in a live chat
    async with app.run_test(size=(100, 30)) as pilot:
        step = await open_first_attempt(pilot)
        for note in ("first", "second", "third"):
            await pilot.press("n", *note, "enter")
        await pilot.press("l", "up", "up", "enter", *" (fixed)", "enter")
        await pilot.pause()
        assert stored_notes(data_file, step.session.attempt.id) == [
            "first (fixed)",
            "second",
            "third",
        ]
