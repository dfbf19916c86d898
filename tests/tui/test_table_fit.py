"""Columns and words measured in cells: a Korean syllable takes two."""

from __future__ import annotations

from rich.cells import cell_len

from tui.table_fit import Need, fit_columns, fit_words


def test_a_need_is_counted_in_cells():
    assert Need.of(["상자가 비어", "ab"]) == Need(full=11, least=6)


NEEDS = {"id": Need(1, 1), "about": Need(40, 10), "status": Need(20, 8), "route": Need(10, 10)}


def fit(room: int) -> dict[str, int]:
    return fit_columns(
        NEEDS,
        by_use=["id", "about", "status", "route"],
        rest="about",
        rest_least=20,
        room=room,
        padding=1,
        keep=3,
    )


def test_the_least_useful_column_goes_first_and_the_rest_takes_what_is_left():
    assert fit(100) == {"id": 1, "about": 61, "status": 20, "route": 10}
    assert fit(59) == {"id": 1, "about": 20, "status": 20, "route": 10}
    assert fit(58) == {"id": 1, "about": 31, "status": 20}  # no room for the route and 20


def test_the_kept_columns_wrap_to_their_longest_word_before_being_cut():
    assert fit(40) == {"id": 1, "about": 20, "status": 13}
    assert fit(20) == {"id": 1, "about": 5, "status": 8}  # too small: only then is text cut


def test_words_are_kept_whole_before_the_ellipsis():
    assert (
        fit_words("교환 - 112-0000000-0000002 - 상자가 비어", 30) == "교환 - 112-0000000-0000002…"
    )
    assert fit_words("교환 - 상자가", 20) == "교환 - 상자가"
    assert fit_words("112-0000000-0000002", 8) == "112-000…"  # one word longer than the line
    assert cell_len(fit_words("상자가비어있었음", 8)) == 7  # a syllable is not split
