"""What fits where: the footer's keys at narrow widths, reading widths on large screens."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable
from textual.widgets._footer import FooterKey

from flows.store import Store
from flows.words import words_for
from tests.tui.conftest import make_app, open_history, screen_lines, seed
from tui import report
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
