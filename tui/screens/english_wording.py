"""Gives an English wording of the record's Korean texts, for the messages to Amazon.

The record keeps what the person wrote, in their words; a message to Amazon's agents needs
English. Each wording is kept with the attempt, beside the text it words, and the English drafts
use it from then on.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Static

from flows.attempt import TextTooLong, checked_text
from flows.drafts import Wordable
from tui import report
from tui.localized import LocalizedModal
from tui.warn_once import WarnOnce

# What the dialog gives back: each changed wording, as (what it words, its English).
Wordings = list[tuple[str, str]]


class EnglishWordingScreen(LocalizedModal[Wordings | None]):
    DEFAULT_CLASSES = "dialog english-wording"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "save", priority=True, id="english_wording.save"),
        Binding("escape", "cancel", "close", id="english_wording.cancel"),
    ]
    DEFAULT_CSS = """
    EnglishWordingScreen #box > #wordings { height: auto; max-height: 15; margin-bottom: 0; }
    EnglishWordingScreen .korean { color: $text-muted; }
    EnglishWordingScreen #problem { display: none; }
    EnglishWordingScreen #wordings Input { margin-bottom: 1; background: $boost; }
    """

    def __init__(self, wordables: list[Wordable]) -> None:
        super().__init__()
        self.wordables = wordables
        self._leaving = WarnOnce()  # with wordings typed and not kept

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static(classes="heading", id="title")
            yield Static(id="intro")
            with VerticalScroll(id="wordings"):
                for i, wordable in enumerate(self.wordables):
                    yield Static(id=f"korean-{i}", classes="korean")
                    yield Input(wordable.english, id=f"english-{i}", compact=True)
            yield Static(classes="error", id="problem")
            with Horizontal(id="buttons"):
                yield Button(id="save", variant="primary")
                yield Button(id="cancel")

    def on_mount(self) -> None:
        self.query_one("#english-0", Input).focus()

    def update_texts(self) -> None:
        words = self.words
        self.query_one("#title", Static).update(words("english_title"))
        self.query_one("#intro", Static).update(words("english_intro"))
        for i, wordable in enumerate(self.wordables):
            # What the person wrote is shown as written, never obeyed as markup or escapes.
            field = words(f"fields.{wordable.field}")
            said = Text(f"{field[:1].upper()}{field[1:]}: ", style="bold")
            said.append(report.printable(wordable.text))
            self.query_one(f"#korean-{i}", Static).update(said)
            self.query_one(f"#english-{i}", Input).placeholder = words("english_placeholder")
        self.query_one("#save", Button).label = words("save_button")
        self.query_one("#cancel", Button).label = words("cancel_button")

    def changes(self) -> Wordings:
        """The wordings typed here that differ from those kept."""
        typed = (
            (w.of, self.query_one(f"#english-{i}", Input).value.strip())
            for i, w in enumerate(self.wordables)
        )
        kept = {w.of: w.english for w in self.wordables}
        return [(of, text) for of, text in typed if text != kept[of]]

    def on_input_submitted(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        following = inputs.index(event.input) + 1
        if following < len(inputs):
            inputs[following].focus()
        else:
            self.action_save()

    def on_input_changed(self) -> None:
        self._leaving.rearm()  # new typing after a warning earns a warning of its own

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        changes = self.changes()
        for of, text in changes:
            try:
                checked_text("english", text)  # the domain's rule, asked before closing
            except TextTooLong as refused:
                index = next(n for n, w in enumerate(self.wordables) if w.of == of)
                self._say(self.words.error(refused))
                self.query_one(f"#english-{index}", Input).focus()
                return
        self.dismiss(changes)

    def action_cancel(self) -> None:
        if self._leaving.should_warn(bool(self.changes())):
            self._say(self.words("english_unsaved"))
            return
        self.dismiss(None)

    def _say(self, problem: str) -> None:
        shown = self.query_one("#problem", Static)
        shown.update(Text(problem))
        shown.display = True
