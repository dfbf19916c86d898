"""Shown instead of everything else while the terminal is too small to use."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from tui.localized import LocalizedScreen

MIN_WIDTH, MIN_HEIGHT = 60, 18


def fits(width: int, height: int) -> bool:
    return width >= MIN_WIDTH and height >= MIN_HEIGHT


class TooSmallScreen(LocalizedScreen[None]):
    DEFAULT_CSS = """
    TooSmallScreen {
        align: center middle;
    }
    TooSmallScreen #message {
        width: auto;
        max-width: 100%;
        text-style: bold;
        padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="message")

    def on_resize(self) -> None:
        self.update_texts()

    def update_texts(self) -> None:
        width, height = self.size
        message = self.words("too_small", w=MIN_WIDTH, h=MIN_HEIGHT) + f"\n({width} x {height})"
        self.query_one("#message", Static).update(message)
