"""Two windows on one data file: what either saved survives the other (record v2 revisions)."""

from __future__ import annotations

from flows.store import Store
from tests.conftest import FakeClock
from tests.tui.conftest import make_app, open_first_attempt, open_history, seed
from tui.screens.detail import DetailScreen
from tui.screens.drafts import DraftsScreen


async def test_a_read_only_window_that_becomes_writable_keeps_the_other_windows_notes(data_file):
    # The reliability review's F1: window B looks at #3 read-only, window A writes two notes
    # and closes, B takes over the file and keeps a draft from its old copy of #3.
    seed(data_file)
    writer = make_app(Store(data_file), clock=FakeClock())
    async with writer.run_test(size=(100, 30)) as pilot_a:
        await pilot_a.pause()
        reader = make_app(Store(data_file), clock=FakeClock())
        async with reader.run_test(size=(100, 30), notifications=True) as pilot_b:
            await open_history(pilot_b)
            await pilot_b.press("enter")
            await pilot_b.pause()
            assert isinstance(reader.screen, DetailScreen) and reader.store.read_only
            attempt_id = reader.screen.attempt.id
            step = await open_first_attempt(pilot_a)
            assert step.session.attempt.id == attempt_id
            for text in ("A-late-1", "A-late-2"):
                await pilot_a.press("n", *text, "enter")
                await pilot_a.pause()
            assert [n.text for n in Store(data_file).get(attempt_id).notes][-2:] == [
                "A-late-1",
                "A-late-2",
            ]
            writer.store.release()  # window A closes
            reader.try_claim()
            assert not reader.store.read_only
            await pilot_b.press("d")
            await pilot_b.pause()
            assert isinstance(reader.screen, DraftsScreen)
            await pilot_b.press("end", *" from B")
            await pilot_b.press("ctrl+s")
            await pilot_b.pause()
            stored = Store(data_file).get(attempt_id)
            assert [n.text for n in stored.notes][-2:] == ["A-late-1", "A-late-2"]
            assert " from B" in stored.drafts[-1].text
            assert any("another window" in message for message in reader.told)
