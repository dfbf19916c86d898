"""The footer every screen has: its keys, and the palette's key at the right."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Footer

PALETTE_KEY = "-command-palette"  # the class Textual gives the palette's key in its footer


class KeysFooter(Footer):
    """Textual's compact footer, showing only the keys that fit whole beside the palette's key.

    Textual lets the keys that do not fit run on beneath the palette's key (docked at the
    right): the cell after it showed a letter of the key beneath ("^p palette" then "n"), a
    Korean syllable beneath it blanked half of the palette's own word, and the last key shown
    was cut mid-word ("f3 Cal"). Whatever is left out here is in the palette (and in the keys
    panel), so the footer leaves out the last keys rather than show them in part.
    """

    def __init__(self) -> None:
        super().__init__(compact=True)

    async def recompose(self) -> None:
        # Textual composes the keys anew whenever the bindings change (a new screen, a box
        # focused, the language switched).
        await super().recompose()
        self._fit_keys()

    def on_resize(self) -> None:
        self._fit_keys()

    def _fit_keys(self) -> None:
        keys = [child for child in self.children if not child.has_class(PALETTE_KEY)]
        room = self.size.width - sum(
            self._outer_width(child) for child in self.children if child.has_class(PALETTE_KEY)
        )
        used, fits = 0, True
        for key in keys:
            width = self._outer_width(key)
            # The key's own margin may run on beneath the palette's key: it is blank.
            fits = fits and used + width - key.styles.margin.right <= room
            key.display = fits
            used += width

    def _outer_width(self, child: Widget) -> int:
        content = child.get_content_width(self.size, self.app.size)
        return content + child.styles.gutter.width + child.styles.margin.width
