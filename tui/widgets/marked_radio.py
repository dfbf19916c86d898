"""A radio button whose state reads without colour: ``(*)`` chosen, ``( )`` not."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import RadioButton, RadioSet


class MarkedRadioButton(RadioButton):
    BUTTON_LEFT = "("
    BUTTON_RIGHT = ")"
    BUTTON_INNER = " "

    def on_mount(self) -> None:
        # Textual tells the states apart by colour alone; monochrome terminals and NO_COLOR
        # users need the mark itself to change.
        self.watch(self, "value", self._mark)

    def _mark(self, chosen: bool) -> None:
        self.BUTTON_INNER = "*" if chosen else " "
        self.refresh()


class ChoosingRadioSet(RadioSet):
    """A radio set where the arrow keys choose, as they do in most forms (Textual's only move
    the highlight, which newcomers read as a choice that was never made)."""

    # The keys only: Textual also moves the highlight itself (on focus), which chooses nothing.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,right", "choose_next", show=False, id="radio.choose_next"),
        Binding("up,left", "choose_previous", show=False, id="radio.choose_previous"),
    ]

    def action_choose_next(self) -> None:
        if self.pressed_button is not None:  # with nothing chosen, the first key chooses
            self.action_next_button()  # the option in view, rather than skipping it
        self._choose_highlighted()

    def action_choose_previous(self) -> None:
        if self.pressed_button is not None:
            self.action_previous_button()
        self._choose_highlighted()

    def _choose_highlighted(self) -> None:
        for button in self.query("RadioButton.-selected").results(RadioButton):
            button.value = True
