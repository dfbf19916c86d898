"""The app's colours: Textual's dark theme, with an accent and a warning of their own.

In a 16-colour terminal (``TERM=xterm``) every colour becomes the nearest of the terminal's
sixteen. Textual's own amber accent, which is also its warning colour, lands there on bright red,
as its error colour does: every heading and focused border looked like an error. These stay
apart: the accent (headings, focus, footer keys) becomes bright yellow, the warning (the contact
timer, a window that is read-only) yellow, and errors stay red.
"""

from __future__ import annotations

from dataclasses import replace

from textual.theme import BUILTIN_THEMES

THEME = replace(
    BUILTIN_THEMES["textual-dark"],
    name="amazon-contact",
    accent="#FFC04D",  # amber; #FFA62B and anything redder become bright red in 16 colours
    warning="#D4820F",  # a darker orange than the accent, which 16 colours keep as yellow
)
