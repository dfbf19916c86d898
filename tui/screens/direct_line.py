"""Amazon's customer-service number, one key away from anywhere, with copy to clipboard."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from flows.steps import DIRECT_NUMBER
from tui.localized import LocalizedModal


class DirectLineScreen(LocalizedModal[None]):
    DEFAULT_CLASSES = "dialog"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "copy", "copy", id="direct_line.copy"),
        Binding("escape,q", "dismiss", "close", id="direct_line.dismiss"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static(classes="heading", id="title")
            yield Static(DIRECT_NUMBER, id="number")
            yield Static(id="body")
            yield Static(id="keys")

    def update_texts(self) -> None:
        self.query_one("#title", Static).update(self.words("direct_title"))
        self.query_one("#body", Static).update(self.words("direct_body"))
        self.query_one("#keys", Static).update(self.words("direct_keys"))

    def action_copy(self) -> None:
        self.contact_app.copy_and_say(DIRECT_NUMBER, DIRECT_NUMBER)
