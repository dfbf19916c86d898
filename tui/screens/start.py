"""The start screen: resume what is unfinished, see what is due, or begin something new."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from flows.attempt import Attempt
from flows.followups import follow_ups
from flows.store import StoreError
from tui import report
from tui.localized import LocalizedScreen
from tui.widgets.keys_footer import KeysFooter


class StartScreen(LocalizedScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "app.new_attempt", "new", id="start.new_attempt"),
        Binding("h", "app.history", "history", id="start.history"),
        Binding("s", "app.stats", "stats", id="start.stats"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._unfinished: list[Attempt] = []

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="start-body"):
            yield Static("amazon-contact", id="app-name")
            yield Static(id="tagline")
            yield Static(classes="heading", id="unfinished-heading")
            yield OptionList(id="unfinished")
            yield Static(id="none-unfinished")
            yield Static(classes="heading", id="due-heading")
            yield Static(id="due")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#unfinished", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.update_texts()

    def update_texts(self) -> None:
        try:
            self._unfinished = self.contact_app.store.unfinished()
        except StoreError as error:
            self.notify(self.words.error(error), severity="error", markup=False)
            self._unfinished = []
        words = self.words
        tagline = Text(self.words("tagline"))
        if self.contact_app.store.read_only:
            tagline.append("\n" + self.contact_app.read_only_text(line=True), style="bold")
        self.query_one("#tagline", Static).update(tagline)
        self.query_one("#unfinished-heading", Static).update(self.words("unfinished"))
        options = self.query_one("#unfinished", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        for attempt in self._unfinished:
            prompt = Text.assemble(
                (f"#{attempt.id} ", "bold"),
                report.about(attempt, words),
                (
                    "\n   "
                    + report.status(attempt, words)
                    + "  "
                    + report.when(attempt.updated_at),
                    "dim",
                ),
            )
            options.add_option(Option(prompt, id=str(attempt.id)))
        options.display = bool(self._unfinished)
        if self._unfinished:
            options.highlighted = min(highlighted or 0, len(self._unfinished) - 1)
        none = self.query_one("#none-unfinished", Static)
        none.display = not self._unfinished
        none.update(self.words("none_unfinished"))
        self.query_one("#due-heading", Static).update(self.words("due"))
        self.query_one("#due", Static).update(self._due_text())

    def _due_text(self) -> Text:
        today: date = self.contact_app.clock().date()
        due = follow_ups(self._unfinished)
        if not due:
            return Text(self.words("none_due"), style="dim")
        text = Text()
        for follow_up in due:
            if text:
                text.append("\n")
            text.append(f"#{follow_up.attempt.id} ", style="bold")
            text.append(self.words("due_on", day=follow_up.due.isoformat()))
            if follow_up.is_overdue(today):
                text.append(f"  {self.words('overdue')}", style="bold reverse")
            if follow_up.promise:  # what to check for, not only when
                promise = report.one_line(follow_up.promise, 50)
                text.append(f"  {self.words('follow_up_promise', promise=promise)}")
            text.append(f"  {report.about(follow_up.attempt, self.words)}", style="dim")
        return text

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        attempt_id = int(event.option.id or 0)
        app = self.contact_app
        try:
            session = app.sessions.open(attempt_id)
        except StoreError as error:
            self.notify(self.words.error(error), severity="error", markup=False)
            return
        app.open_session(session)
