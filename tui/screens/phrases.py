"""Phrases at hand: the calm and escalation lines for this step, one key to copy the English."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from flows.guidance import Phrase, phrases_at_hand
from tui import report
from tui.localized import LocalizedModal


class PhrasesScreen(LocalizedModal[None]):
    DEFAULT_CLASSES = "dialog"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "copy(1)", "copy", key_display="1-9", id="phrases.copy_1"),
        *[Binding(str(n), f"copy({n})", show=False, id=f"phrases.copy_{n}") for n in range(2, 10)],
        Binding("c", "copy_highlighted", "copy", show=False, id="phrases.copy_highlighted"),
        Binding("escape,p,q", "dismiss", "close", id="phrases.dismiss"),
    ]

    def __init__(self, state_id: str) -> None:
        super().__init__()
        self.phrases = phrases_at_hand(state_id)

    def compose(self) -> ComposeResult:
        with Vertical(id="box", classes="phrases"):
            yield Static(classes="heading", id="title")
            yield OptionList(id="phrase-list")
            yield Static(id="keys")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def update_texts(self) -> None:
        self.query_one("#title", Static).update(self.words("phrases_title"))
        self.query_one("#keys", Static).update(self.words("phrases_keys"))
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        kind = None
        for number, phrase in enumerate(self.phrases, start=1):
            heading = self.words(f"phrase_{phrase.kind}") if phrase.kind != kind else None
            kind = phrase.kind
            options.add_option(Option(self._prompt(number, phrase, heading), id=str(number)))
        options.highlighted = highlighted or 0

    def _prompt(self, number: int, phrase: Phrase, heading: str | None) -> Text:
        text = Text()
        if heading:
            text.append(f"{heading}\n", style="bold underline")
        text.append(f"{number} " if number < 10 else "  ", style="bold")
        text.append(phrase.english)
        if self.lang == "ko":
            text.append(f"\n  {phrase.korean}", style="dim")
        return text

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_copy(int(event.option.id or 0))

    def action_copy_highlighted(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None:
            self.action_copy(highlighted + 1)

    def action_copy(self, number: int) -> None:
        if not 1 <= number <= len(self.phrases):
            return
        english = self.phrases[number - 1].english
        self.contact_app.copy_and_say(english, report.one_line(english, 60))
