"""Records what an agent promised and by when, before the attempt starts waiting on it."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from flows.attempt import TextTooLong, checked_text
from flows.dates import dates_in, promised_date
from flows.followups import LATEST_PROMISE_DATE
from flows.session import PromiseTooFar
from tui.localized import LocalizedModal
from tui.warn_once import WarnOnce


class PromiseScreen(LocalizedModal[tuple[str, date | None] | None]):
    DEFAULT_CLASSES = "dialog"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "close", id="promise.cancel")
    ]

    def __init__(self) -> None:
        super().__init__()
        self._past_date = WarnOnce()  # a past date is usually a typo

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static(classes="heading", id="title")
            yield Static(id="intro")
            yield Input(id="promise")
            yield Input(id="due")
            yield Static(id="understood", classes="hint")
            yield Static(classes="error", id="problem")
            with Horizontal(id="buttons"):
                yield Button(id="save", variant="primary")
                yield Button(id="cancel")

    def on_mount(self) -> None:
        self.query_one("#promise", Input).focus()

    def update_texts(self) -> None:
        self.query_one("#title", Static).update(self.words("promise_title"))
        self.query_one("#intro", Static).update(self.words("promise_intro"))
        self.query_one("#promise", Input).placeholder = self.words("promise")
        self.query_one("#due", Input).placeholder = self.words("promise_due")
        self.query_one("#save", Button).label = self.words("save_button")
        self.query_one("#cancel", Button).label = self.words("cancel_button")

    def on_input_changed(self) -> None:
        """As it is typed: the date understood, so a misreading is seen before it is kept."""
        due, from_text = self._understood()
        key = "promise_understood_from_text" if from_text else "promise_understood"
        line = self.words(key, day=self.words.day_and_weekday(due)) if due else ""
        self.query_one("#understood", Static).update(Text(line))

    def _understood(self) -> tuple[date | None, bool]:
        """The due date, from the "by when" box or, when it is empty, from what was promised
        ("a refund within 3-5 business days"); and whether it came from the promise."""
        today = self.contact_app.clock().date()
        due_text = self.query_one("#due", Input).value.strip()
        if due_text:
            return promised_date(due_text, today), False
        found = [day for day, *_ in dates_in(self.query_one("#promise", Input).value, today)]
        return (found[0], True) if found else (None, False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "promise":
            self.query_one("#due", Input).focus()
        else:
            self._save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self._save()
        else:
            self.dismiss(None)

    def _save(self) -> None:
        text = self.query_one("#promise", Input).value.strip()
        due_text = self.query_one("#due", Input).value.strip()
        try:
            checked_text("promise", text)  # the domain's rule, asked before the dialog closes
        except TextTooLong as refused:
            self._problem(self.words.error(refused), "#promise")
            return
        due, _ = self._understood()
        if due_text and due is None:
            self._problem(self.words("bad_date"), "#due")
            return
        if due is not None and due > LATEST_PROMISE_DATE:
            self._problem(self.words.error(PromiseTooFar(due)), "#due")
            return
        today = self.contact_app.clock().date()
        if self._past_date.should_warn(due is not None and due < today):
            # Saving again keeps it on purpose.
            self._problem(self.words("past_date"), "#due")
            return
        self.dismiss((text, due))

    def _problem(self, message: str, field: str) -> None:
        self.query_one("#problem", Static).update(Text(message))
        self.query_one(field, Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
