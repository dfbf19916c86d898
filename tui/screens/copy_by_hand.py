"""When no clipboard is known to have taken a copy: the text, selected, to copy by hand."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from tui import clipboard, report
from tui.localized import LocalizedModal


class CopyByHandScreen(LocalizedModal[None]):
    DEFAULT_CLASSES = "dialog"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "close", id="copy_by_hand.dismiss")
    ]

    def __init__(self, text: str, outcome: clipboard.Outcome) -> None:
        super().__init__()
        self.text = text
        self.outcome = outcome

    def compose(self) -> ComposeResult:
        with Vertical(id="box", classes="copy-by-hand"):
            yield Static(classes="heading", id="title")
            yield Static(id="why")
            # Read-only: it is there to be selected by the terminal, not edited. Control
            # characters are shown, never sent to the terminal.
            yield TextArea(
                report.printable(self.text),
                read_only=True,
                soft_wrap=True,
                show_cursor=False,
                id="text",
            )
            yield Static(id="hint", classes="hint")
            yield Static(id="keys", classes="hint")

    def on_mount(self) -> None:
        box = self.query_one("#text", TextArea)
        box.focus()
        # Selected, so it stands out as what to take (the app cannot select for the terminal).
        box.select_all()

    def update_texts(self) -> None:
        words = self.words
        self.query_one("#title", Static).update(words("copy_by_hand_title"))
        self.query_one("#why", Static).update(Text(clipboard.why_by_hand(self.outcome, words)))
        self.query_one("#hint", Static).update(words("copy_by_hand_hint"))
        self.query_one("#keys", Static).update(words("close_hint"))
