"""Searching the history: typed words (notes included) and the shown labels, in either language."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from flows.session import Session
from flows.store import Store
from tests.conftest import FakeClock
from tests.tui.conftest import TO_CONTACT_US, make_app, open_history, seed, walk


async def search(pilot, query: str) -> list[int]:
    box = pilot.app.screen.query_one("#search")
    box.value = query
    await pilot.pause()
    table = pilot.app.screen.query_one(DataTable)
    return sorted(int(table.get_row_at(row)[0].plain) for row in range(table.row_count))


@pytest.mark.parametrize(
    ("lang", "query", "found"),
    [
        ("en", "refund confirmed", [1]),  # words of a note
        ("en", "MINA", [1]),  # an agent's name, whatever its case
        ("en", "kr-77", [2]),  # a case number
        ("en", "비어", [2]),  # the summary, in Hangul
        ("en", "resolved", [1]),  # the status as shown in English
        ("en", "refund chat", [1]),  # a goal and a route: two labels
        ("en", "김지수 waiting", [2]),  # a typed name and a shown label together
        ("ko", "해결", [1]),  # the status as shown in Korean
        ("ko", "resolved", []),  # ...and no longer in English
        ("en", "mina wrong", []),  # every term must match the same attempt
    ],
)
async def test_a_search_matches_typed_words_and_shown_labels(data_file, lang, query, found):
    seed(data_file)
    app = make_app(Store(data_file), lang=lang, clock=FakeClock())
    async with app.run_test(size=(110, 34)) as pilot:
        await open_history(pilot)
        assert await search(pilot, "") == [1, 2, 3]
        assert await search(pilot, query) == found


async def test_a_note_on_the_site_looking_different_is_found(data_file):
    store = seed(data_file)
    on_the_site = walk(Session.begin(store, clock=FakeClock()), TO_CONTACT_US)
    on_the_site.report_site_difference("The button now says Chat with us")
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(110, 34)) as pilot:
        await open_history(pilot)
        assert await search(pilot, "says chat with") == [on_the_site.attempt.id]


async def test_the_labels_follow_a_language_change(data_file):
    seed(data_file)
    app = make_app(Store(data_file), lang="en", clock=FakeClock())
    async with app.run_test(size=(110, 34)) as pilot:
        await open_history(pilot)
        assert await search(pilot, "resolved") == [1]
        await pilot.press("f2")
        await pilot.pause()
        assert await search(pilot, "resolved") == []
        assert await search(pilot, "해결") == [1]


async def test_typing_searches_as_soon_as_the_history_opens_and_enter_opens_the_top_match(app):
    from tui.screens.detail import DetailScreen

    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        await pilot.press(*"kr-77")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert app.screen.query_one("#search").value == "kr-77"
        assert [table.get_row_at(r)[0].plain for r in range(table.row_count)] == ["2"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.attempt.id == 2


async def test_letters_typed_on_the_list_go_on_in_the_search(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        await pilot.press("down", *"mina")
        await pilot.pause()
        assert app.screen.query_one("#search").value == "mina"
