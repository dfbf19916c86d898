"""An attempt open on a step and looked at again from the history shares one session: what the
detail adds (a draft, a transcript) is not erased by the step's next save."""

from __future__ import annotations

from textual.widgets import DataTable

from flows.store import Store
from tests.tui.conftest import open_history
from tui.screens.detail import DetailScreen
from tui.screens.step import StepScreen


async def test_a_draft_kept_from_the_detail_survives_the_steps_next_save(data_file, app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        step = app.screen
        assert isinstance(step, StepScreen)
        attempt_id = step.session.attempt.id
        await open_history(pilot)
        table = app.screen.query_one(DataTable)
        rows = [
            int(table.coordinate_to_cell_key((n, 0)).row_key.value) for n in range(table.row_count)
        ]
        for _ in range(rows.index(attempt_id)):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.attempt.id == attempt_id
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("end", *" KEEP ME", "ctrl+s")
        await pilot.pause()
        for _ in range(3):
            await pilot.press("escape")
            await pilot.pause()
        assert app.screen is step
        await pilot.press("n", *"hello", "enter")  # the step's next save
        await pilot.pause()
        stored = Store(data_file).get(attempt_id)
        assert "KEEP ME" in stored.drafts[0].text and stored.notes[-1].text == "hello"
