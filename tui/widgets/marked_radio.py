"""A radio button whose state reads without colour: ``(*)`` chosen, ``( )`` not."""

from __future__ import annotations

from textual.widgets import RadioButton


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
