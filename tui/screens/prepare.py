"""Preparing: the outcome wanted, the facts at hand, and the route; skippable, editable later."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Footer, Input, Label, RadioButton, RadioSet, Static

from flows import guidance
from flows.attempt import GOALS, TEXT_LIMITS, Attempt
from flows.session import Session
from tui.localized import LocalizedScreen
from tui.widgets.marked_radio import MarkedRadioButton

FIELDS = ("order_number", "summary", "evidence")
_FACT_OF_FIELD = {"order_number": "order_number", "summary": "what_went_wrong", "evidence": "evidence"}


class PrepareScreen(LocalizedScreen[Session | None]):
    """New attempt (optionally following on an earlier one), or editing the current one."""

    CSS_PATH = "prepare.tcss"
    BINDINGS = [
        Binding("ctrl+s", "start", "start"),
        Binding("escape", "cancel", "back"),
    ]

    def __init__(self, *, editing: Session | None = None, follow_on: Attempt | None = None) -> None:
        super().__init__()
        self.editing = editing
        self.follow_on = follow_on

    @property
    def _source(self) -> Attempt | None:
        return self.editing.attempt if self.editing else self.follow_on

    def compose(self) -> ComposeResult:
        source = self._source
        with VerticalScroll(id="form"):
            yield Static(classes="heading", id="title")
            yield Static(id="intro")
            yield Label(id="goal-label")
            with RadioSet(id="goal", compact=True):
                for goal in GOALS:
                    yield MarkedRadioButton(id=f"goal-{goal}", value=bool(source and source.goal == goal))
            for field in FIELDS:
                with Horizontal(classes="field"):
                    yield Label(id=f"{field}-label")
                    yield Input(
                        value=getattr(source, field, "") if source else "",
                        id=field,
                        max_length=TEXT_LIMITS[field],
                        compact=True,
                    )
            if self.editing is None:
                yield Label(id="route-label")
                with RadioSet(id="route", compact=True):
                    yield MarkedRadioButton(id="route-website", value=True)
                    yield MarkedRadioButton(id="route-direct")
        with Horizontal(id="buttons"):
            yield Button(id="start", variant="primary", compact=True)
            if self.editing is None:
                yield Button(id="skip", compact=True)
            yield Button(id="cancel", compact=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#goal", RadioSet).focus()

    def update_texts(self) -> None:
        lang = self.lang
        editing = self.editing is not None
        self.query_one("#title", Static).update(self.t("details" if editing else "prepare_title"))
        self.query_one("#intro", Static).update(self.t("prepare_intro"))
        self.query_one("#goal-label", Label).update(self.t("goal_question"))
        for goal in GOALS:
            self.query_one(f"#goal-{goal}", RadioButton).label = guidance.term("goals", goal, lang)
        for field in FIELDS:
            self.query_one(f"#{field}-label", Label).update(guidance.term("facts", _FACT_OF_FIELD[field], lang))
        if not editing:
            self.query_one("#route-label", Label).update(self.t("route_question"))
            self.query_one("#route-website", RadioButton).label = self.t("route_website")
            self.query_one("#route-direct", RadioButton).label = self.t("route_direct")
            self.query_one("#skip", Button).label = self.t("skip_button")
        self.query_one("#start", Button).label = self.t("save_button" if editing else "start_button")
        self.query_one("#cancel", Button).label = self.t("cancel_button")

    def _details(self) -> dict[str, str]:
        pressed = self.query_one("#goal", RadioSet).pressed_button
        details = {field: self.query_one(f"#{field}", Input).value.strip() for field in FIELDS}
        details["goal"] = pressed.id.removeprefix("goal-") if pressed and pressed.id else ""
        return details

    def on_button_pressed(self, event: Button.Pressed) -> None:
        {"start": self.action_start, "skip": self.action_skip, "cancel": self.action_cancel}[event.button.id or "cancel"]()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.focus_next()

    def action_start(self) -> None:
        if self.editing is not None:
            if self.saving(lambda: self.editing.describe(**self._details())):
                self.notify(self.t("saved"), timeout=2)
                self.dismiss(None)
            return
        session = self._new_session()
        if session is None:
            return
        pressed = self.query_one("#route", RadioSet).pressed_button
        route_event = "call_directly" if pressed and pressed.id == "route-direct" else "take_website_route"

        def walk_the_preparation() -> None:
            for event in ("outcome_decided", "facts_gathered", route_event):
                session.move(event)

        self.saving(walk_the_preparation)
        self.dismiss(session)

    def action_skip(self) -> None:
        session = self._new_session()
        if session is not None:
            self.dismiss(session)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _new_session(self) -> Session | None:
        app = self.app
        details = self._details()
        result: list[Session] = []

        def begin() -> None:
            if self.follow_on is not None:
                session = Session.follow_on(app.store, self.follow_on, clock=app.clock)  # type: ignore[attr-defined]
                session.describe(**details)
            else:
                session = Session.begin(app.store, clock=app.clock, **details)  # type: ignore[attr-defined]
            result.append(session)

        return result[0] if self.saving(begin) else None
