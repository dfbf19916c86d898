"""The whole process at once: every step, the ones visited marked, the current one highlighted."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from flows.attempt import Attempt
from tui.localized import LocalizedModal
from tui.widgets.process_map import render_map


class MapScreen(LocalizedModal[None]):
    CSS_PATH = "dialog.tcss"
    DEFAULT_CLASSES = "dialog"
    BINDINGS = [Binding("escape,m,q", "dismiss", "close")]

    def __init__(self, attempt: Attempt) -> None:
        super().__init__()
        self.attempt = attempt

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static(classes="heading", id="title")
            with VerticalScroll(id="map-body"):
                yield Static(id="map")

    def update_texts(self) -> None:
        self.query_one("#title", Static).update(self.t("map_title"))
        self.query_one("#map", Static).update(render_map(self.attempt, self.lang, every_step=True))
