"""What fits where: the footer's keys at narrow widths, reading widths on large screens."""

from __future__ import annotations

import re

import pytest
from textual.widgets import DataTable
from textual.widgets._footer import FooterKey

from flows.store import Store
from flows.words import words_for
from tests.tui.conftest import make_app, open_history, screen_lines, seed
from tui import report
from tui.widgets.keys_footer import PALETTE_KEY
from tui.widgets.moves_menu import MovesMenu
from tui.widgets.process_map import ProcessMap

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


# The history's columns at each width: the least useful (route, then case numbers, then the
# start) go first, and #, status and what it is about always stay.
HISTORY_COLUMNS = {
    ("en", 60): ["col_id", "col_status", "col_about"],
    ("en", 80): ["col_id", "col_status", "col_about"],
    ("en", 100): ["col_id", "col_started", "col_status", "col_about"],
    ("en", 120): ["col_id", "col_started", "col_status", "col_cases", "col_about"],
    ("en", 160): ["col_id", "col_started", "col_status", "col_cases", "col_route", "col_about"],
    ("ko", 60): ["col_id", "col_status", "col_about"],
    ("ko", 80): ["col_id", "col_status", "col_about"],
    ("ko", 100): ["col_id", "col_started", "col_status", "col_cases", "col_about"],
    ("ko", 120): ["col_id", "col_started", "col_status", "col_cases", "col_route", "col_about"],
    ("ko", 160): ["col_id", "col_started", "col_status", "col_cases", "col_route", "col_about"],
}


@pytest.mark.parametrize("lang", ["en", "ko"])
async def test_the_history_shows_the_columns_that_fit_and_cuts_no_word_that_fits(data_file, lang):
    store = seed(data_file)
    words = words_for(lang)
    full = {row.id: row for row in (report.history_row(a, words) for a in store.summaries())}
    app = make_app(Store(data_file), lang=lang)
    async with app.run_test(size=(160, 24)) as pilot:
        await open_history(pilot)
        table = app.screen.query_one(DataTable)
        for width in (60, 80, 100, 120, 160):
            await pilot.resize_terminal(width, 24)
            await pilot.pause()
            assert [key.value for key in table.columns] == HISTORY_COLUMNS[lang, width]
            assert table.max_scroll_x == 0, "nothing beyond the right edge"
            shown = "\n".join(screen_lines(app))
            for index in range(table.row_count):
                key = table.coordinate_to_cell_key((index, 0)).row_key
                row = full[int(key.value or 0)]
                for column in table.columns:
                    cell = table.get_cell(key, column).plain
                    whole = {
                        "col_id": str(row.id),
                        "col_started": row.started,
                        "col_status": row.status,
                        "col_cases": row.cases,
                        "col_route": row.route,
                        "col_about": row.about,
                    }[column.value or ""]
                    if column != "col_about" or cell == whole:
                        assert cell == whole
                        # Shown whole, on one line or wrapped at its spaces.
                        assert all(word in shown for word in whole.split()), (width, whole)
                    else:  # what it is about, cut after a whole word
                        kept = cell.removesuffix("…")
                        assert cell.endswith("…") and whole.startswith(kept), (width, cell)
                        assert whole[len(kept)] in " -", (width, cell)
                        assert cell in shown, (width, cell)


READING_WIDTH = 80  # cells of text on a line, at most, however wide the screen


@pytest.mark.parametrize("lang", ["en", "ko"])
async def test_text_to_read_keeps_lines_of_about_80_cells_on_a_large_screen(data_file, lang):
    seed(data_file)
    app = make_app(Store(data_file), lang=lang)

    def widest(selector: str) -> int:
        widgets = list(app.screen.query(selector))
        assert widgets, selector
        return max(widget.content_region.width for widget in widgets if widget.display)

    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        assert widest("#start-body > *") <= READING_WIDTH
        await pilot.press("n")
        await pilot.pause()
        assert widest("#form > Static") <= READING_WIDTH
        form, buttons = app.screen.query_one("#form"), app.screen.query_one("#buttons")
        assert buttons.region.x == form.region.x > 0, "the buttons stay under the form"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert widest("GuidancePanel > Static") <= READING_WIDTH
        # The guidance and the moves beside it, centred together.
        body, guidance, side = (app.screen.query_one(s) for s in ("#body", "#guidance", "#side"))
        left, right = guidance.region.x - body.region.x, body.region.right - side.region.right
        assert left > 0 and abs(left - right) <= 1, (left, right)
        await pilot.press("d")
        await pilot.pause()
        assert widest("DraftsScreen > Static, TextArea") <= READING_WIDTH
        await pilot.press("escape", "t")
        await pilot.pause()
        assert widest("TranscriptScreen > Static, TextArea") <= READING_WIDTH
        await pilot.press("escape", "escape", "escape")  # the transcript, then mid-chat twice
        await pilot.pause()
        await open_history(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert widest("#detail > Static") <= READING_WIDTH


@pytest.mark.parametrize("size", [(60, 18), (80, 24), (100, 30), (200, 60)])
@pytest.mark.parametrize("lang", ["en", "ko"])
async def test_the_moves_box_is_as_tall_as_its_moves_with_its_progress_line_in_view(
    data_file, size, lang
):
    seed(data_file)  # the open attempt is mid-chat: seven moves of two lines each
    app = make_app(Store(data_file), lang=lang)
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        moves, side = app.screen.query_one(MovesMenu), app.screen.query_one("#side")
        lines = sum(
            len(str(moves.get_option_at_index(i).prompt).splitlines())
            for i in range(moves.option_count)
        )
        if size[0] >= 100:  # no move wraps: a line each
            assert moves.outer_size.height <= lines + 2, "no taller than its moves and borders"
        if size == (200, 60):
            assert moves.outer_size.height == lines + 2, "nothing scrolls here"
        assert moves.region.bottom <= side.region.bottom
        progress_map = app.screen.query_one(ProcessMap)
        if progress_map.display:
            assert progress_map.region.bottom <= side.region.bottom, "the map is whole too"
        # Its bottom border, with the progress line in it, is in view.
        bottom = screen_lines(app)[moves.region.bottom - 1]
        first_word = re.escape(str(moves.border_subtitle).split()[0])
        assert re.search(f"╰─*[^╰╯]*{first_word}[^╰╯]*─╯", bottom), bottom
