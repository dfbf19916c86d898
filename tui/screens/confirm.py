"""Asks before something that cannot be undone: ending an attempt, discarding a form."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tui.localized import LocalizedModal


class ConfirmScreen(LocalizedModal[bool]):
    DEFAULT_CLASSES = "dialog"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "no", id="confirm.no"),
    ]

    def __init__(self, question: str, explanation: str) -> None:
        super().__init__()
        self.question = question
        self.explanation = explanation

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static(classes="heading", id="question")
            yield Static(id="explain")
            with Horizontal(id="buttons"):
                yield Button(id="yes", variant="primary")
                yield Button(id="no")

    def update_texts(self) -> None:
        self.query_one("#question", Static).update(Text(self.question))
        self.query_one("#explain", Static).update(Text(self.explanation))
        self.query_one("#yes", Button).label = self.words("yes")
        self.query_one("#no", Button).label = self.words("no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
