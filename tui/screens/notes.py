"""The notes of one attempt: each listed with when and at which step, to correct or delete.

A correction keeps its note's place in the timeline (when it was written); a deletion takes the
text out of the record for good, and leaves only that a note was deleted, and when.
"""

from __future__ import annotations

import functools
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from flows.attempt import Note, TextTooLong, checked_text
from flows.session import Session
from tui import report
from tui.localized import LocalizedModal
from tui.widgets.note_box import NoteBox


class NotesScreen(LocalizedModal[None]):
    DEFAULT_CLASSES = "dialog notes"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("delete,x", "delete", "delete_key", id="notes.delete"),
        Binding("escape", "close", "close", id="notes.close"),
    ]
    DEFAULT_CSS = """
    NotesScreen #notes-list { height: auto; max-height: 60vh; }
    NotesScreen #editing { display: none; background: $boost; }
    NotesScreen #problem { display: none; }
    """

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._editing: str | None = None  # the id of the note being corrected

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static(classes="heading", id="title")
            yield Static(classes="hint", id="keys")
            yield OptionList(id="notes-list")
            yield NoteBox(id="editing")
            yield Static(classes="error", id="problem")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @property
    def notes(self) -> list[Note]:
        return self.session.attempt.notes

    def update_texts(self) -> None:
        words = self.words
        self.query_one("#title", Static).update(
            Text(words("notes_title", id=self.session.attempt.id))
        )
        self._show_keys()
        self._list_notes()  # each note's step is named in the language

    def _show_keys(self) -> None:
        editing = self._editing is not None
        keys = "note_edit_keys" if editing else "notes_keys" if self.notes else "notes_empty"
        self.query_one("#keys", Static).update(Text(self.words(keys)))

    def _list_notes(self, highlight: str | None = None) -> None:
        listed = self.query_one(OptionList)
        previous = listed.highlighted
        listed.clear_options()
        for n, note in enumerate(self.notes):
            if n:
                listed.add_option(None)  # a rule between notes: each may take several lines
            # What the person wrote is shown as written: never obeyed as markup or escapes.
            where = report.step_title(note.step, self.words) if note.step else ""
            heading = Text(" · ".join(filter(None, [report.when(note.at), where])), style="bold")
            shown = Text.assemble(heading, "\n", report.printable(note.text))
            listed.add_option(Option(shown, id=note.id))
        listed.display = bool(self.notes)
        if not self.notes:
            return
        if highlight is not None and highlight in {note.id for note in self.notes}:
            listed.highlighted = listed.get_option_index(highlight)
        elif previous is not None:
            listed.highlighted = min(previous, listed.option_count - 1)
        else:
            listed.highlighted = listed.option_count - 1  # the latest: most likely to need fixing

    def _chosen(self) -> Note | None:
        listed = self.query_one(OptionList)
        if listed.highlighted is None:
            return None
        chosen = listed.get_option_at_index(listed.highlighted).id
        return next((note for note in self.notes if note.id == chosen), None)

    # Correcting

    @on(OptionList.OptionSelected)
    def _edit(self) -> None:
        note = self._chosen()
        if note is None:
            return
        self._editing = note.id
        box = self.query_one("#editing", NoteBox)
        box.load_text(note.text)
        box.move_cursor(box.document.end)
        box.display = True
        box.focus()
        self._show_keys()

    @on(NoteBox.Submitted)
    def _save_correction(self, event: NoteBox.Submitted) -> None:
        event.stop()
        note_id, text = self._editing, event.text.strip("\n")
        if note_id is None:
            return
        if not text.strip():
            self._ask_to_delete(note_id)  # emptied: the person means it to go
            return
        try:
            checked_text("note", text)  # the domain's rule, asked before the box closes
        except TextTooLong as refused:
            self._say(self.words.error(refused))
            return
        unchanged = next((n.text for n in self.notes if n.id == note_id), None) == text
        if unchanged or self.contact_app.run_change(
            lambda: self.session.edit_note(note_id, text), session=self.session
        ):
            if not unchanged:
                self.notify(self.words("note_corrected"), timeout=2)
            self._stop_editing(note_id)

    def _stop_editing(self, note_id: str | None = None) -> None:
        self._editing = None
        self.query_one("#editing", NoteBox).display = False
        self.query_one("#problem", Static).display = False
        self._show_keys()
        self._list_notes(highlight=note_id)
        self.query_one(OptionList).focus()

    # Deleting

    def action_delete(self) -> None:
        note = self._chosen()
        if note is not None and self._editing is None:
            self._ask_to_delete(note.id)

    def _ask_to_delete(self, note_id: str) -> None:
        from tui.screens.confirm import ConfirmScreen

        question = ConfirmScreen(
            self.words("delete_note_question"), self.words("delete_note_explain")
        )
        self.app.push_screen(question, functools.partial(self._delete_if_sure, note_id))

    def _delete_if_sure(self, note_id: str, sure: bool | None) -> None:
        if sure and self.contact_app.run_change(
            lambda: self.session.delete_note(note_id), session=self.session
        ):
            self.notify(self.words("note_deleted"), timeout=2)
            self._stop_editing()
        elif self._editing is not None:
            self.query_one("#editing", NoteBox).focus()

    def action_close(self) -> None:
        """Esc leaves a correction as it was, then closes."""
        if self._editing is not None:
            self._stop_editing(self._editing)
        else:
            self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "delete":
            return bool(self.notes) and self._editing is None  # x is text while correcting
        return True

    def _say(self, problem: str) -> None:
        shown = self.query_one("#problem", Static)
        shown.update(Text(problem))
        shown.display = True
