"""The stats screen: s on the start screen, figures read in a worker, bars and a sparkline."""

from __future__ import annotations

from textual.widgets import Sparkline

from flows.store import Store
from tests.conftest import FakeClock
from tests.tui.conftest import make_app, screen_text
from tui.screens.start import StartScreen
from tui.screens.stats import StatsScreen


async def test_s_opens_the_stats_and_escape_returns(app):
    async with app.run_test(size=(100, 34)) as pilot:
        assert isinstance(app.screen, StartScreen)
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StatsScreen) and screen.figures.attempts == 3
        assert "3 attempts:" in screen_text(screen.query_one("#totals"))
        charts = screen_text(screen.query_one("#charts"))
        assert "Resolved, by route" in charts and "█" in charts
        assert screen.query_one(Sparkline).data[-1] == 3.0
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


async def test_an_empty_history_says_so(data_file):
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("escape")  # the new-attempt form comes first
        await pilot.pause()
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "No attempts yet." in screen_text(app.screen.query_one("#totals"))
        assert not app.screen.query_one("#charts").display
