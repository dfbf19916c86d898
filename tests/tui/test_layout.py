"""What fits where: the footer's keys at narrow widths, reading widths on large screens."""

from __future__ import annotations

import pytest
from textual.widgets._footer import FooterKey

from flows.store import Store
from flows.words import words_for
from tests.tui.conftest import make_app, screen_lines, seed
from tui.widgets.keys_footer import PALETTE_KEY

# Each screen with a footer, reached from the start screen.
FOOTER_SCREENS = {
    "start": [],
    "step": ["enter"],
    "history": ["h"],
    "detail": ["h", "down", "enter"],
}


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("screen", list(FOOTER_SCREENS))
async def test_the_footer_shows_whole_keys_and_nothing_after_the_palette_key(
    data_file, screen, lang
):
    seed(data_file)
    app = make_app(Store(data_file), lang=lang)
    palette = f"^p {words_for(lang)('palette')}"
    async with app.run_test(size=(100, 18)) as pilot:
        for key in FOOTER_SCREENS[screen]:
            await pilot.press(key)
            await pilot.pause()
            await app.workers.wait_for_complete()
        for width in range(60, 84):
            await pilot.resize_terminal(width, 18)
            await pilot.pause()
            footer = screen_lines(app)[-1]
            keys, _, after = footer.rpartition("▏")
            assert after.rstrip() == palette, (width, footer)
            shown = [
                f"{key.key_display} {key.description}"
                for key in app.screen.query(FooterKey)
                if key.display and not key.has_class(PALETTE_KEY)
            ]
            assert shown, (width, footer)
            assert keys.rstrip() == " ".join(shown), (width, footer)
