"""What the real step screen shows, read off it for the widgets-only baseline to draw the same.

``benchmarks/widgets_only.py`` draws the step screen with Textual alone: the same tree of widget
classes (by name), and, from the JSON written here, the same texts with their styles, the same
words in the boxes and on the borders, the same widgets hidden, and our widgets' own styles
(their ``DEFAULT_CSS``). ``tests/test_widgets_only_baseline.py`` holds the two to the same tree
and the same drawn screen.
"""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static, TextArea

SIZE = (100, 30)


def _markup(visual: object) -> str:
    """What a widget shows as Textual markup: its text and the styles of its parts."""
    if isinstance(visual, Content):
        return visual.markup
    if isinstance(visual, Text):
        return Content.from_rich_text(visual).markup
    return Content(str(visual)).markup


def styled(given: object, shown: object) -> list[str]:
    """A text and its styles, ``given`` to a widget that ``shown`` it: Rich text as Rich
    markup, anything else as Textual markup of what it shows. (Textual's own markup of a Rich
    style leaves out ``reverse``, which the map shows the current step in.)"""
    if isinstance(given, Text):
        return ["rich", given.markup]
    return ["textual", _markup(shown)]


def screen_words(screen: Screen[Any]) -> dict[str, Any]:
    """What ``screen`` (the step screen, mounted) shows, for the baseline to show."""
    widgets = [w for w in screen.query("*") if w.id]
    ours = {type(w) for w in screen.walk_children() if type(w).__module__.startswith("tui.")}
    return {
        "texts": {w.id: styled(w.content, w.visual) for w in screen.query(Static) if w.id},
        "moves": [styled(o.prompt, o.prompt) for o in screen.query_one(OptionList).options],
        "placeholders": {
            w.id: str(w.placeholder)
            for w in [*screen.query(Input), *screen.query(TextArea)]
            if w.id
        },
        "hidden": [w.id for w in widgets if not w.display],
        "border_titles": {w.id: w.border_title for w in widgets if w.border_title},
        "border_subtitles": {w.id: w.border_subtitle for w in widgets if w.border_subtitle},
        # The colours it is drawn in (the app's own theme: data, not code, for the baseline).
        "theme": dataclasses.asdict(screen.app.current_theme),
        # Our widgets' own styles, which the baseline's classes of the same names take on.
        "default_css": {
            cls.__name__: cls.DEFAULT_CSS for cls in ours if "DEFAULT_CSS" in vars(cls)
        },
    }


def step_screen_words(path: Path) -> dict[str, Any]:
    """What the step screen shows for the attempt in ``path`` (resumed, in English)."""
    from flows.store import Store
    from tui.app import AmazonContactApp

    words: dict[str, Any] = {}

    async def read_screen() -> None:
        app = AmazonContactApp(Store(path), lang="en", resume=True)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            words.update(screen_words(app.screen))
            app.store.release()

    asyncio.run(read_screen())
    return words


def widget_tree(screen: Screen[Any]) -> list[tuple[object, ...]]:
    """Every widget of ``screen`` in order, by its class's name, id, what it shows and whether
    it is shown: what the baseline must have to draw the same."""

    def shown(widget: Widget) -> object:
        if isinstance(widget, Static):
            return _markup(widget.visual)
        if isinstance(widget, Input | TextArea):
            return str(widget.placeholder)
        if isinstance(widget, OptionList):
            return [_markup(option.prompt) for option in widget.options]
        if type(widget).__name__ == "FooterKey":  # Textual's own: the key and its label
            return (widget.key_display, widget.description)  # type: ignore[attr-defined]
        return None

    return [
        (
            type(w).__name__,
            w.id,
            shown(w),
            w.display,
            w.border_title,
            w.border_subtitle,
        )
        for w in screen.walk_children(with_self=False)
    ]
