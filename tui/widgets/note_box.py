"""A note box that takes several lines: Enter saves, as in every other box; ctrl+j adds a line.

Enter is what a person presses to be done with a box (the record bar's other boxes are one-line
inputs), so it saves here too. A new line needs another key: ctrl+j sends the newline character in
every terminal, and shift+enter works too where the terminal reports it (the kitty protocol).
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import TextArea


class NoteBox(TextArea):
    DEFAULT_CSS = """
    NoteBox {
        height: auto;
        max-height: 4;
    }
    """
    # Shown in the footer while the box is focused: the key for a new line is beside the box.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "save_key", id="note.save"),
        Binding("ctrl+j", "new_line", "new_line_key", id="note.new_line"),
        Binding("shift+enter", "new_line", "new_line_key", show=False, id="note.new_line_shift"),
    ]

    class Submitted(Message):
        """Enter in the box: what it holds is to be saved."""

        def __init__(self, note_box: NoteBox, text: str) -> None:
            self.note_box = note_box
            self.text = text
            super().__init__()

        @property
        def control(self) -> NoteBox:
            return self.note_box

    def __init__(self, text: str = "", *, id: str | None = None) -> None:
        super().__init__(text, id=id, compact=True, soft_wrap=True, tab_behavior="focus")

    async def _on_key(self, event: events.Key) -> None:
        # TextArea turns Enter into a newline before any binding sees it: take it back here.
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.action_submit()
            return
        await super()._on_key(event)

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self, self.text))

    def action_new_line(self) -> None:
        self.insert("\n")
