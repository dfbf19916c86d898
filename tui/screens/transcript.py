"""Paste a chat transcript to keep it as evidence; confirm what it says into the record."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option

from flows.session import Session
from flows.transcripts import Suggestion, suggestions
from tui import report
from tui.localized import LocalizedScreen
from tui.warn_once import WarnOnce
from tui.widgets.keys_footer import KeysFooter


class TranscriptScreen(LocalizedScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "keep", "keep_transcript", priority=True, id="transcript.keep"),
        Binding("escape", "back", "back", id="transcript.back"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.found: list[Suggestion] = []
        self.recorded: set[int] = set()
        self._leaving = WarnOnce()  # with a transcript not kept

    def compose(self) -> ComposeResult:
        yield Static(classes="heading", id="transcript-title")
        yield Static(id="transcript-intro")
        yield TextArea(id="transcript-text", soft_wrap=True)
        yield Static(classes="heading", id="found-heading")
        yield OptionList(id="found")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()
        self.query_one("#found-heading").display = False
        self.query_one("#found").display = False

    def update_texts(self) -> None:
        kept = len(self.session.attempt.transcripts)
        self.query_one("#transcript-title", Static).update(
            self.words("transcript_title", id=self.session.attempt.id)
        )
        self.query_one("#transcript-intro", Static).update(
            self.words("transcript_intro", kept=kept)
        )
        self.query_one(TextArea).border_title = self.words("transcript_paste")
        self.query_one("#found-heading", Static).update(self.words("transcript_found"))
        self._show_found()

    def action_keep(self) -> None:
        box = self.query_one(TextArea)
        text = box.text
        if not text.strip():
            self.notify(self.words("transcript_empty"), severity="warning")
            return
        if not self.contact_app.run_change(
            lambda: self.session.keep_transcript(text), session=self.session
        ):
            return
        received = self.contact_app.clock().date()
        self.found, self.recorded = suggestions(text, received), set()
        box.load_text("")
        self.notify(self.words.plural("transcript_kept_now", len(self.found)), timeout=4)
        self.update_texts()
        if self.found:
            self.query_one("#found", OptionList).focus()

    def _show_found(self) -> None:
        options = self.query_one("#found", OptionList)
        heading = self.query_one("#found-heading")
        heading.display = options.display = bool(self.found)
        highlighted = options.highlighted
        options.clear_options()
        for number, suggestion in enumerate(self.found):
            mark = "✓ " if number in self.recorded else "  "
            line = Text.assemble(
                (mark, "bold green"),
                (self.words(f"found_{suggestion.kind}") + ": ", "bold"),
                report.one_line(suggestion.value, 60),
                ("\n     " + report.one_line(suggestion.context, 90), "dim"),
            )
            options.add_option(Option(line, id=str(number)))
        if self.found:
            options.highlighted = min(highlighted or 0, len(self.found) - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        number = int(event.option.id or 0)
        suggestion = self.found[number]
        day = suggestion.day
        if suggestion.kind == "promise_due" and day is not None:

            def change() -> object:
                return self.session.take_promise_date(day, suggestion.context)
        else:

            def change() -> object:
                return self.session.record_text(suggestion.kind, suggestion.value)

        if self.contact_app.run_change(change, session=self.session):
            self.recorded.add(number)
            self.notify(
                self.words(
                    "found_recorded",
                    what=self.words(f"found_{suggestion.kind}"),
                    value=report.one_line(suggestion.value, 40),
                ),
                timeout=3,
            )
            self._show_found()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._leaving.rearm()  # new text after a warning earns a warning of its own

    def action_back(self) -> None:
        if self._leaving.should_warn(bool(self.query_one(TextArea).text.strip())):
            self.notify(self.words("transcript_unkept"), severity="warning", timeout=8)
            return
        self.dismiss()
