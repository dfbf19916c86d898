"""Your history at a glance: outcomes, time to a fix, what worked by route and channel, and
whether escalating helped, with small charts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Sparkline, Static

from flows.stats import Stats, stats
from flows.store import StoreError
from tui import stats_view
from tui.localized import LocalizedScreen
from tui.widgets.keys_footer import KeysFooter


class StatsScreen(LocalizedScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "back", "back", id="stats.back")]

    def __init__(self) -> None:
        super().__init__()
        self.figures: Stats | None = None
        self.error = ""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="stats"):
            yield Static(classes="heading", id="stats-title")
            yield Static(id="totals")
            yield Static(classes="heading", id="month-heading")
            yield Sparkline([], id="per-month")
            yield Static(id="month-axis")
            yield Static(id="charts")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#stats", VerticalScroll).focus()
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        today = self.contact_app.clock().date()
        try:
            figures, error = stats(self.contact_app.store.summaries(), today), ""
        except StoreError as problem:
            figures, error = None, str(problem)
        # A message, not a call: one that arrives after the person left is simply not delivered.
        self.post_message(self.Loaded(figures, error))

    @dataclass
    class Loaded(Message):
        figures: Stats | None
        error: str

    def on_stats_screen_loaded(self, loaded: Loaded) -> None:
        self.figures, self.error = loaded.figures, loaded.error
        self.update_texts()

    def update_texts(self) -> None:
        words = self.words
        self.query_one("#stats-title", Static).update(self.words("stats_title"))
        totals = self.query_one("#totals", Static)
        figures = self.figures
        for widget in ("#month-heading", "#per-month", "#month-axis", "#charts"):
            self.query_one(widget).display = figures is not None and figures.attempts > 0
        if figures is None:
            totals.update(
                Text(self.error, style="bold")
                if self.error
                else Text(self.words("loading"), style="dim")
            )
            return
        if not figures.attempts:
            totals.update(Text(self.words("no_attempts"), style="dim"))
            return
        totals.update(stats_view.totals(figures, words))
        self.query_one("#month-heading", Static).update(self.words("stats_per_month"))
        self.query_one("#per-month", Sparkline).data = [float(n) for _, n, _ in figures.per_month]
        self.query_one("#month-axis", Static).update(stats_view.months_axis(figures))
        self.query_one("#charts", Static).update(stats_view.charts(figures, words))

    def action_back(self) -> None:
        self.dismiss()
