"""Every attempt in a searchable table; Enter opens one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Key, Resize
from textual.message import Message
from textual.widgets import DataTable, Input, Static

from flows.store import Damage, StoreError
from flows.summary import AttemptSummary
from flows.words import Words
from tui import report
from tui.localized import LocalizedScreen
from tui.table_fit import Need, fit_columns, fit_words
from tui.widgets.keys_footer import KeysFooter

# Left to right; the text of what an attempt is about takes the room the others leave.
COLUMNS = ("col_id", "col_started", "col_status", "col_cases", "col_route", "col_about")
# The most useful first: on a narrow screen the columns go from the end, the first three stay.
BY_USE = ("col_id", "col_about", "col_status", "col_started", "col_cases", "col_route")
KEPT_COLUMNS = 3
# Narrower than this, what an attempt is about says too little: a column goes instead.
ABOUT_LEAST = 24
# The table holds the newest matches only: filling it is the per-keystroke cost, and nobody
# scrolls through thousands of rows when typing a word finds the one they want.
ROWS_SHOWN = 200


class HistoryScreen(LocalizedScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "back", id="history.back"),
        Binding("slash", "search", "search", key_display="/", id="history.search"),
        Binding("down", "to_list", show=False, id="history.to_list"),
        Binding("ctrl+g", "app.stats", "stats", id="history.stats"),
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
        if self._searchable_lang != self.lang:
            self._searchable = _labels_of(self._attempts or [], self.words)
            self._searchable_lang = self.lang
        self._fill()

    def on_resize(self, event: Resize) -> None:
        self._fill(keep_cursor=True)

    def _fill(self, *, keep_cursor: bool = False) -> None:
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        terms = self.query_one("#search", Input).value.casefold().split()
        attempts = self._attempts or []
        matches = [
            a
            for a, labels in zip(attempts, self._searchable, strict=False)
            if report.matches(a, labels, terms)
        ]
        rows = [report.history_row(a, self.words) for a in matches[:ROWS_SHOWN]]
        texts = {
            "col_id": [str(row.id) for row in rows],
            "col_started": [row.started for row in rows],
            "col_status": [row.status for row in rows],
            "col_cases": [row.cases for row in rows],
            "col_route": [row.route for row in rows],
            "col_about": [row.about for row in rows],
        }
        widths = fit_columns(
            {key: Need.of([self.words(key), *texts[key]]) for key in COLUMNS},
            by_use=BY_USE,
            rest="col_about",
            rest_least=ABOUT_LEAST,
            # The vertical scrollbar's room is kept: a long history shows one.
            room=self.size.width - table.styles.scrollbar_size_vertical,
            padding=table.cell_padding,
            keep=KEPT_COLUMNS,
        )
        table.clear(columns=True)
        columns = [key for key in COLUMNS if key in widths]
        for key in columns:
            table.add_column(self.words(key), width=widths[key], key=key)
        texts["col_about"] = [fit_words(about, widths["col_about"]) for about in texts["col_about"]]
        for index, row in enumerate(rows):
            # Typed text is data: wrapped in Text so nothing in it is read as markup. A column
            # squeezed below its texts' width wraps them (the row grows) rather than cut them.
            cells = [Text(texts[key][index]) for key in columns]
            table.add_row(*cells, key=str(row.id), height=None)
        if keep_cursor and rows:
            table.move_cursor(row=min(cursor, len(rows) - 1), animate=False)
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
