"""Preparing a new attempt: what it is about and the route; skippable."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Label, RadioSet, Static

from flows.attempt import Attempt
from flows.session import PreparedRoute, Session
from tui.localized import LocalizedScreen
from tui.screens.confirm import ConfirmScreen
from tui.warn_once import WarnOnce
from tui.widgets.details_form import DetailsForm
from tui.widgets.keys_footer import KeysFooter
from tui.widgets.marked_radio import ChoosingRadioSet, MarkedRadioButton


class PrepareScreen(LocalizedScreen[Session | None]):
    """Dismissed with the new session, or ``None`` when the person backs out."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "start", "start", id="prepare.start"),
        Binding("escape", "cancel", "back", id="prepare.cancel"),
    ]

    def __init__(self, *, follow_on: Attempt | None = None) -> None:
        super().__init__()
        self.follow_on = follow_on
        self._no_outcome = WarnOnce()  # starting with no outcome chosen asks first

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield Static(classes="heading", id="title")
            yield Static(id="intro")
            yield DetailsForm(self.follow_on, id="details")
            yield Label(id="route-label")
            with ChoosingRadioSet(id="route", compact=True):
                yield MarkedRadioButton(id="route-website", value=True)
                yield MarkedRadioButton(id="route-direct")
        with Horizontal(id="buttons"):
            yield Button(id="start", variant="primary", compact=True)
            yield Button(id="skip", compact=True)
            yield Button(id="cancel", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#goal", RadioSet).focus()

    def update_texts(self) -> None:
        self.query_one("#title", Static).update(self.words("prepare_title"))
        self.query_one("#intro", Static).update(self.words("prepare_intro"))
        self.query_one(DetailsForm).show(self.words)
        self.query_one("#route-label", Label).update(self.words("route_question"))
        self.query_one("#route-website", MarkedRadioButton).label = self.words("route_website")
        self.query_one("#route-direct", MarkedRadioButton).label = self.words("route_direct")
        self.query_one("#start", Button).label = self.words("start_button")
        self.query_one("#skip", Button).label = self.words("skip_button")
        self.query_one("#cancel", Button).label = self.words("cancel_button")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        {"start": self.action_start, "skip": self.action_skip, "cancel": self.action_cancel}[
            event.button.id or "cancel"
        ]()

    def action_start(self) -> None:
        """Start with what the form says, on the route it chose: the domain walks the
        preparation in the same save that starts the attempt."""
        if self._no_outcome.should_warn(not self.query_one(DetailsForm).details().get("goal")):
            # The outcome is what every draft and line asks for: starting without it is asked.
            self.notify(self.words("start_without_goal"), severity="warning", timeout=8)
            return
        pressed = self.query_one("#route", RadioSet).pressed_button
        route: PreparedRoute = "direct" if pressed and pressed.id == "route-direct" else "website"
        session = self._new_session(prepared_route=route)
        if session is not None:
            self.dismiss(session)

    def action_skip(self) -> None:
        """Start at the first step, where the guidance helps decide what the form would ask."""
        session = self._new_session()
        if session is not None:
            self.dismiss(session)

    def action_cancel(self) -> None:
        if not self.query_one(DetailsForm).changed_from_source():
            self.dismiss(None)
            return
        question = ConfirmScreen(self.words("discard_question"), self.words("discard_explain"))
        self.app.push_screen(question, lambda discard: discard and self.dismiss(None))

    def _new_session(self, prepared_route: PreparedRoute | None = None) -> Session | None:
        app = self.contact_app
        details = self.query_one(DetailsForm).details()
        created: list[Session] = []

        def begin() -> None:
            created.append(
                app.sessions.begin(earlier=self.follow_on, prepared_route=prepared_route, **details)
            )

        return created[0] if self.contact_app.run_change(begin) else None
