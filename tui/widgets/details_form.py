"""What an attempt is about: the outcome wanted and the facts at hand."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, RadioSet

from flows.attempt import GOALS, Attempt
from flows.words import Words
from tui.report import printable
from tui.widgets.marked_radio import ChoosingRadioSet, MarkedRadioButton

FIELDS = ("order_number", "summary", "evidence")
_FACT_OF_FIELD = {
    "order_number": "order_number",
    "summary": "what_went_wrong",
    "evidence": "evidence",
}


class DetailsForm(Vertical):
    """Filled from an attempt (or empty); read back with :meth:`details`."""

    def __init__(self, source: Attempt | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._source = source

    def compose(self) -> ComposeResult:
        source = self._source
        yield Label(id="goal-label")
        with ChoosingRadioSet(id="goal", compact=True):
            for goal in GOALS:
                yield MarkedRadioButton(
                    id=f"goal-{goal}", value=bool(source and source.goal == goal)
                )
        for field in FIELDS:
            with Horizontal(classes="field"):
                yield Label(id=f"{field}-label")
                # Typing adds to what is there rather than replacing it; length is checked on save.
                # Stored text is shown, never obeyed: an escape sequence appears as "\x1b".
                yield Input(
                    value=printable(getattr(source, field, "")) if source else "",
                    id=field,
                    compact=True,
                    select_on_focus=False,
                )

    def show(self, words: Words) -> None:
        self.query_one("#goal-label", Label).update(words("goal_question"))
        for goal in GOALS:
            self.query_one(f"#goal-{goal}", MarkedRadioButton).label = words(f"goals.{goal}")
        for field in FIELDS:
            self.query_one(f"#{field}-label", Label).update(words(f"facts.{_FACT_OF_FIELD[field]}"))
            self.query_one(f"#{field}", Input).placeholder = words(f"{field}_hint")

    def details(self) -> dict[str, str]:
        pressed = self.query_one("#goal", RadioSet).pressed_button
        values = {field: self.query_one(f"#{field}", Input).value.strip() for field in FIELDS}
        values["goal"] = pressed.id.removeprefix("goal-") if pressed and pressed.id else ""
        return values

    def changed_from_source(self) -> bool:
        source = self._source
        before = {
            field: getattr(source, field, "") if source else "" for field in (*FIELDS, "goal")
        }
        return self.details() != before

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()
