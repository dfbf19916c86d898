"""A radio button whose state reads without colour: ``(*)`` chosen, ``( )`` not."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import RadioButton


class MarkedRadioButton(RadioButton):
    BUTTON_LEFT = "("
    BUTTON_RIGHT = ")"

    @property
    def _button(self) -> Content:
        # Textual tells the states apart by colour alone; monochrome terminals and NO_COLOR
        # users need the mark itself to change.
        self.BUTTON_INNER = "*" if self.value else " "
        return super()._button
