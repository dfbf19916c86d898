"""Textual's command palette, with its own words in the app's language."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandInput, CommandList, CommandPalette
from textual.widgets.option_list import OptionDoesNotExist

from tui.localized import LocalizedMixin


class Palette(LocalizedMixin, CommandPalette):
    """The search box's hint is a setting of Textual's palette; its "No matches found" is not:
    Textual (8.2) writes it into the result list, inline, from a timer it starts when a search
    finds nothing. The one place to step in is the watcher Textual runs right after adding that
    line (to show the list): the line is worded again there, by its id, before it is drawn.
    ``tests/tui/test_odd_input.py`` fails if a new Textual changes any of this."""

    def __init__(self, placeholder: str) -> None:
        super().__init__(id="--command-palette", placeholder=placeholder)

    def update_texts(self) -> None:
        self.query_one(CommandInput).placeholder = self.words("palette_placeholder")

    def _watch__list_visible(self) -> None:
        super()._watch__list_visible()
        results = self.query_one(CommandList)
        try:
            results.get_option(self._NO_MATCHES)
        except OptionDoesNotExist:
            return
        said = Text(self.words("palette_no_matches"), style="not bold")
        results.replace_option_prompt(self._NO_MATCHES, Align.center(said))
