"""The step screen's widgets and words, drawn by Textual alone: none of our code is imported.

A second baseline for start-up. The minimal app draws one line of text; this draws what the
step screen draws (the same widget classes in the same tree, the same stylesheets, the same
texts and styles, read from a JSON file the suite writes: ``benchmarks/step_words.py``) without
the state machine, the store, the guidance catalogs or the app's own logic. What start-up costs
above this is ours; what this costs above the minimal app is Textual drawing a full screen
instead of one line.

Given two screens of words (``{"screens": [...], "keys": [...]}``), it also redraws: the key
that leaves one step shows the other's words, as the real screen does after a move. That is the
baseline of the key-press benchmark (``benchmarks/redraw.py``).

Its tree is held to the real step screen's, and what it draws to what that draws, by
``tests/test_widgets_only_baseline.py``: keep it in step with ``tui/screens/step.py`` and
``tui/widgets/``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import App
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import Footer, Input, OptionList, Static, TextArea

TUI = Path(__file__).resolve().parents[1] / "tui"


# The same names as ours, so that step.tcss's selectors apply; none of our behaviour.
class GuidancePanel(VerticalScroll):
    can_focus = False


class MovesMenu(OptionList):
    pass


class ProcessMap(Static):
    pass


class ContactTimer(Static):
    pass


class RecordBar(Vertical):
    pass


class NoteBox(TextArea):
    pass


class KeysFooter(Footer):
    """Textual's compact footer (ours only leaves out keys that would not fit whole)."""

    def __init__(self) -> None:
        super().__init__(compact=True)


MIRRORS = (GuidancePanel, MovesMenu, ProcessMap, ContactTimer, RecordBar, NoteBox, KeysFooter)


def text(styled: list[str]) -> Text | Content:
    """A text with its styles, as the step screen's widget was given it (Rich or Textual)."""
    kind, markup = styled
    return Text.from_markup(markup) if kind == "rich" else Content.from_markup(markup)


class StepScreen(Screen):
    # What the step screen's footer shows, worded as in English.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "nothing('1')", "Move", key_display="1-9"),
        Binding("r", "nothing('r')", "Record"),
        Binding("escape", "nothing('escape')", "Back"),
    ]

    def __init__(self, words: dict, then: tuple[list[dict], list[str]] | None = None) -> None:
        super().__init__()
        self.words = words
        self.then = then  # both screens' words and the key that leaves each, to redraw on
        self.showing = 0

    def compose(self):
        words = self.words
        texts = words["texts"]
        with Horizontal(id="topbar"):
            yield Static(text(texts["attempt-title"]), id="attempt-title")
            yield Static(text(texts["unsaved"]), id="unsaved")
            yield ContactTimer(text(texts["timer"]), id="timer")
        with Horizontal(id="body"):
            with GuidancePanel(id="guidance"):
                for name in ("title", "where", "next", "origin", "do", "phrases", "tips"):
                    yield Static(text(texts[f"step-{name}"]), id=f"step-{name}")
            with Vertical(id="side"):
                yield MovesMenu(*map(text, words["moves"]), id="moves")
                yield ProcessMap(text(texts["map"]), id="map")
        with RecordBar(id="record"):
            yield Static(text(texts["record-summary"]), id="record-summary")
            yield Static(text(texts["notes-line"]), id="notes-line")
            with Horizontal(id="record-inputs"):
                for field in ("agent_name", "case_number"):
                    yield Input(placeholder=words["placeholders"][field], id=field, compact=True)
                yield NoteBox(
                    placeholder=words["placeholders"]["note"],
                    id="note",
                    compact=True,
                    soft_wrap=True,
                    tab_behavior="focus",
                )
        yield KeysFooter()

    def action_nothing(self, key: str) -> None:
        pass

    def on_key(self, event) -> None:
        if self.then is not None and event.key == self.then[1][self.showing]:
            event.stop()
            self.showing = 1 - self.showing
            self.words = self.then[0][self.showing]
            self.redraw()

    def redraw(self) -> None:
        """Put the current words in the widgets, as the step screen does after a move."""
        texts = self.words["texts"]
        for widget in self.query(Static):
            if widget.id in texts and not isinstance(widget, ProcessMap | ContactTimer):
                widget.update(text(texts[widget.id]))
        self.query_one(ProcessMap).update(text(texts["map"]))
        self.query_one(ContactTimer).update(text(texts["timer"]))
        menu = self.query_one(MovesMenu)
        menu.clear_options()
        menu.add_options(map(text, self.words["moves"]))
        self.on_mount()

    def on_mount(self) -> None:
        self.query_one(MovesMenu).focus()
        for widget in self.query("*"):
            if widget.id in self.words["hidden"]:
                widget.display = False
            widget.border_title = self.words["border_titles"].get(widget.id or "")
            widget.border_subtitle = self.words["border_subtitles"].get(widget.id or "")


class WidgetsOnly(App):
    TITLE = "amazon-contact"
    # The stylesheets the step screen is drawn with.
    CSS_PATH: ClassVar[list[str | Path]] = [TUI / "app.tcss", TUI / "screens" / "step.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("f2", "nothing('f2')", "한국어", priority=True),
        Binding("f3", "nothing('f3')", "Call Amazon", priority=True),
    ]

    def __init__(self, words: dict) -> None:
        # Our widgets' own styles, on the classes of the same names (read before any is drawn).
        first = words["screens"][0] if "screens" in words else words
        for mirror in MIRRORS:
            mirror.DEFAULT_CSS = first["default_css"].get(mirror.__name__, "")
        super().__init__()
        self.words = words

    def action_nothing(self, key: str) -> None:
        pass

    def on_mount(self) -> None:
        first = self.words["screens"][0] if "screens" in self.words else self.words
        theme = Theme(**first["theme"])
        self.register_theme(theme)
        self.theme = theme.name
        if "screens" in self.words:
            screens, keys = self.words["screens"], self.words["keys"]
            self.push_screen(StepScreen(screens[0], (screens, keys)))
        else:
            self.push_screen(StepScreen(self.words))


if __name__ == "__main__":
    WidgetsOnly(json.loads(Path(sys.argv[1]).read_text("utf-8"))).run()
