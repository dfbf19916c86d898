"""Which columns of a table fit a width, and how wide each is, measured in terminal cells.

Cells, not characters: a Korean syllable takes two (``rich.cells.cell_len``). A column is as
wide as its widest cell needs; when they do not all fit, the least useful go first, and one
column (the text that says what a row is about) takes what is left.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len

ELLIPSIS = "…"


@dataclass(frozen=True)
class Need:
    """What a column's texts need: ``full`` cells to show each on one line, ``least`` to show
    its longest word whole (narrower, a word would be cut)."""

    full: int
    least: int

    @staticmethod
    def of(texts: Iterable[str]) -> Need:
        texts = list(texts)
        return Need(
            full=max((cell_len(text) for text in texts), default=0),
            least=max((cell_len(word) for text in texts for word in text.split()), default=0),
        )


def fit_columns(
    needs: dict[str, Need],
    *,
    by_use: Sequence[str],
    rest: str,
    rest_least: int,
    room: int,
    padding: int,
    keep: int,
) -> dict[str, int]:
    """The columns shown in ``room`` cells and their widths (without ``padding``, which each
    column has on either side).

    ``by_use``: every column, the most useful first; columns are dropped from its end while they
    do not fit, but never the first ``keep``. ``rest`` (one of the kept) takes what the others
    leave, and needs at least ``rest_least`` cells (or its ``full`` need if smaller). Only when
    the kept columns do not fit on one line either do they wrap, down to their longest word.
    """
    rest_needs = min(needs[rest].full, rest_least)
    shown = list(by_use)

    def wanted(columns: list[str]) -> int:
        return (
            sum(needs[c].full for c in columns if c != rest)
            + rest_needs
            + 2 * padding * len(columns)
        )

    while len(shown) > keep and wanted(shown) > room:
        shown.pop()
    widths = {c: needs[c].full for c in shown if c != rest}
    over = wanted(shown) - room
    while over > 0:
        widest = max(widths, key=lambda c: widths[c] - needs[c].least, default=None)
        if widest is None or widths[widest] <= needs[widest].least:
            break
        cut = min(widths[widest] - needs[widest].least, over)
        widths[widest] -= cut
        over -= cut
    widths[rest] = max(room - sum(widths.values()) - 2 * padding * len(shown), 1)
    return {c: widths[c] for c in by_use if c in widths}


def fit_words(text: str, width: int) -> str:
    """``text`` on one line of ``width`` cells: whole words then an ellipsis when it is longer
    (a single word longer than the line is cut, as it must be)."""
    if cell_len(text) <= width:
        return text
    kept = ""
    for word in text.split():
        longer = f"{kept} {word}" if kept else word
        if cell_len(longer) + cell_len(ELLIPSIS) > width:
            break
        kept = longer
    if not kept:  # the first word alone is too long
        for char in text:
            if cell_len(kept + char) + cell_len(ELLIPSIS) > width:
                break
            kept += char
    return kept.rstrip(" -") + ELLIPSIS
