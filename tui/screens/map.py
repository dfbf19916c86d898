"""The whole process at once: every step, the ones visited marked, the current one highlighted."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from flows.attempt import Attempt
from tui.localized import LocalizedModal
from tui.widgets.process_map import render_map


class MapScreen(LocalizedModal[None]):
    DEFAULT_CLASSES = "dialog"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,m,q", "dismiss", "close", id="map.dismiss")
    ]

    def __init__(self, attempt: Attempt) -> None:
        super().__init__()
        self.attempt = attempt

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static(classes="heading", id="title")
            with VerticalScroll(id="map-body"):
                yield Static(id="map")
            yield Static(id="close-hint")

    def update_texts(self) -> None:
        self.query_one("#title", Static).update(self.words("map_title"))
        text = render_map(self.attempt, self.words, every_step=True)
        self.query_one("#map", Static).update(text)
        self.query_one("#close-hint", Static).update(self.words("close_hint"))
        # Bring the current step into view on short terminals.
        current = next(
            (n for n, line in enumerate(text.plain.splitlines()) if line.lstrip().startswith(">")),
            0,
        )
        body = self.query_one("#map-body", VerticalScroll)
        self.call_after_refresh(body.scroll_to, y=max(current - 4, 0), animate=False)
