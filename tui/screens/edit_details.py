"""Changing what the current attempt is about, from its step screen."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, RadioSet, Static

from flows.session import Session
from tui.localized import LocalizedScreen
from tui.widgets.details_form import DetailsForm
from tui.widgets.keys_footer import KeysFooter


class EditDetailsScreen(LocalizedScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "save", id="edit_details.save"),
        Binding("escape", "cancel", "back", id="edit_details.cancel"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield Static(classes="heading", id="title")
            yield DetailsForm(self.session.attempt, id="details")
        with Horizontal(id="buttons"):
            yield Button(id="save", variant="primary", compact=True)
            yield Button(id="cancel", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#goal", RadioSet).focus()

    def update_texts(self) -> None:
        self.query_one("#title", Static).update(self.words("details"))
        self.query_one(DetailsForm).show(self.words)
        self.query_one("#save", Button).label = self.words("save_button")
        self.query_one("#cancel", Button).label = self.words("cancel_button")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save() if event.button.id == "save" else self.action_cancel()

    def action_save(self) -> None:
        if self.contact_app.run_change(
            lambda: self.session.describe(**self.query_one(DetailsForm).details()),
            session=self.session,
        ):
            self.notify(self.words("saved"), timeout=2)
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
