"""Every attempt in a searchable table; Enter opens one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Key
from textual.message import Message
from textual.widgets import DataTable, Input, Static
from textual.widgets.data_table import ColumnKey

from flows.store import Damage, StoreError
from flows.summary import AttemptSummary
from flows.words import Words
from tui import report
from tui.localized import LocalizedScreen
from tui.widgets.keys_footer import KeysFooter

COLUMNS = ("col_id", "col_started", "col_status", "col_cases", "col_about", "col_route")
# The table holds the newest matches only: filling it is the per-keystroke cost, and nobody
# scrolls through thousands of rows when typing a word finds the one they want.
ROWS_SHOWN = 200


class HistoryScreen(LocalizedScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "back"),
        Binding("slash", "search", "search", key_display="/"),
        Binding("down", "to_list", show=False),
        Binding("ctrl+g", "app.stats", "stats"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._attempts: list[AttemptSummary] | None = None
        self._searchable: list[str] = []
        self._searchable_lang = ""
        self._load_error = ""
        self._skipped: list[Damage] = []

    def compose(self) -> ComposeResult:
        yield Static(classes="heading", id="title")
        yield Input(id="search", select_on_focus=False)
        yield Static(id="skipped")
        yield DataTable(id="attempts", cursor_type="row", zebra_stripes=True)
        yield Static(id="empty")
        yield Static(id="count")
        yield KeysFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in COLUMNS:
            table.add_column(self.words(key), key=key)
        # The big search box takes typing at once; Down or Enter goes to the list.
        self.query_one("#search", Input).focus()

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown; reloads after returning from an attempt.
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        """Reading the archive may take a moment with years of history: keep keys responsive."""
        error, words, store = "", self.words, self.contact_app.store
        try:
            attempts = store.summaries()
        except StoreError as problem:
            attempts, error = [], words.error(problem)
        searchable = _labels_of(attempts, words)
        # A message, not a call: one that arrives after the person left is simply not delivered.
        self.post_message(self.Loaded(attempts, searchable, words.lang, error, store.skipped))

    @dataclass
    class Loaded(Message):
        """What the worker read: the list, its search labels, and what could not be read."""

        attempts: list[AttemptSummary]
        searchable: list[str]
        lang: str
        error: str
        skipped: list[Damage]

    def on_history_screen_loaded(self, loaded: Loaded) -> None:
        self._attempts, self._load_error, self._skipped = (
            loaded.attempts,
            loaded.error,
            loaded.skipped,
        )
        self._searchable, self._searchable_lang = loaded.searchable, loaded.lang
        self.update_texts()
        if self.focused is None:
            self.query_one("#search", Input).focus()

    def update_texts(self) -> None:
        self.query_one("#title", Static).update(self.words("history_title"))
        self.query_one("#search", Input).placeholder = self.words("search_placeholder")
        skipped = self.query_one("#skipped", Static)
        skipped.display = bool(self._skipped)
        if self._skipped:
            first = report.one_line(str(self._skipped[0]), 160)
            skipped.update(
                Text(self.words("skipped_records", first=first, count=len(self._skipped)))
            )
        table = self.query_one(DataTable)
        for key in COLUMNS:
            table.columns[ColumnKey(key)].label = Text(self.words(key))
        if self._searchable_lang != self.lang:
            self._searchable = _labels_of(self._attempts or [], self.words)
            self._searchable_lang = self.lang
        self._fill()

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        terms = self.query_one("#search", Input).value.casefold().split()
        attempts = self._attempts or []
        matches = [
            a
            for a, labels in zip(attempts, self._searchable, strict=False)
            if report.matches(a, labels, terms)
        ]
        for row in (report.history_row(a, self.words) for a in matches[:ROWS_SHOWN]):
            # Typed text is data: wrapped in Text so nothing in it is read as markup.
            cells = (
                str(row.id),
                row.started,
                row.status,
                row.cases,
                report.one_line(row.about, 40),
                row.route,
            )
            table.add_row(*(Text(cell) for cell in cells), key=str(row.id))
        shown = min(len(matches), ROWS_SHOWN)
        count = self.query_one("#count", Static)
        count.display = len(matches) > ROWS_SHOWN
        count.update(self.words("rows_shown", shown=ROWS_SHOWN, total=f"{len(matches):,}"))
        table.display = shown > 0
        empty = self.query_one("#empty", Static)
        empty.display = shown == 0
        if self._load_error:
            empty.update(Text(self._load_error, style="bold"))
        elif self._attempts is None:
            empty.update(self.words("loading"))
        else:
            empty.update(self.words("no_match" if attempts else "no_attempts"))

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the search opens the highlighted attempt: type, then Enter for the top one."""
        table = self.query_one(DataTable)
        if table.display and table.row_count:
            table.focus()
            table.action_select_cursor()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        from tui.screens.detail import DetailScreen

        try:
            attempt = self.contact_app.store.get(int(event.row_key.value or 0))
        except StoreError as error:
            self.notify(self.words.error(error), severity="error", markup=False)
            return
        self.app.push_screen(DetailScreen(attempt))

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_to_list(self) -> None:
        table = self.query_one(DataTable)
        if self.query_one("#search", Input).has_focus and table.display:
            table.focus()

    def on_key(self, event: Key) -> None:
        """Typing on the list goes on in the search box: letters are for searching here."""
        search = self.query_one("#search", Input)
        if event.is_printable and event.character and not search.has_focus:
            search.focus()
            search.insert_text_at_cursor(event.character)
            event.stop()

    def action_back(self) -> None:
        if self.query_one("#search", Input).has_focus and self.query_one("#search", Input).value:
            self.query_one("#search", Input).clear()
        else:
            self.dismiss()


def _labels_of(attempts: list[AttemptSummary], words: Words) -> list[str]:
    """Each attempt's search labels; the many equal ones share one string."""
    shared: dict[str, str] = {}
    return [
        shared.setdefault(labels, labels)
        for labels in (report.search_labels(a, words) for a in attempts)
    ]
