"""The moves possible from the current step, numbered like a phone menu."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from flows.session import Move
from flows.words import Words


class MovesMenu(OptionList):
    """Shows the moves it is given; tells its screen which one the person chose."""

    DEFAULT_CSS = """
    MovesMenu {
        border: round $primary;
        border-title-style: bold;
    }
    MovesMenu:focus {
        border: round $accent;
    }
    """

    class Chosen(Message):
        def __init__(self, move: Move) -> None:
            self.move = move
            super().__init__()

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._moves: list[Move] = []

    def show(self, moves: list[Move], words: Words) -> None:
        self._moves = list(moves)
        self.clear_options()
        for number, move in enumerate(moves, start=1):
            prompt = Text.assemble(
                (f"{number} " if number <= 9 else "  ", "bold"),
                words.move(move.event),
                (f"\n  > {words.step(move.target).title}", "dim"),
            )
            self.add_option(Option(prompt, id=move.event))
        if moves:
            self.highlighted = 0
        else:  # the attempt is over: say where to go from here, in the box that lists moves
            self.add_option(Option(Text(words("finished_hint"), style="dim"), disabled=True))
        self._fit_height()

    def on_resize(self) -> None:
        self._fit_height()  # narrower, a move may take another line

    def _fit_height(self) -> None:
        """No taller than its moves need, borders and all: the screen gives the box the room
        the map leaves (and it scrolls when that is less), and three moves in a tall window
        left a box of forty empty rows, its progress line far below them."""
        width = self.scrollable_content_region.width
        if width > 0:
            need = self.get_content_height(self.size, self.app.size, width)
            self.styles.max_height = need + self.styles.gutter.height

    def choose(self, number: int) -> None:
        """Choose the move shown with ``number`` (1-based), as a digit key does."""
        if 1 <= number <= len(self._moves):
            self.post_message(self.Chosen(self._moves[number - 1]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self._moves[event.option_index]))
