"""Recording while on the step: the agent's name, the case number and notes, each saved on Enter.

The notes written so far are listed in one line beneath (the latest, and how many): ``l`` on the
step opens them all, to correct or delete.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Static

from flows.attempt import Attempt, TextTooLong, checked_text
from flows.text import TERMINAL_CONTROLS
from flows.words import Words, words_for
from tui.report import one_line
from tui.widgets.note_box import NoteBox


class RecordBar(Vertical):
    """Posts what was typed; the screen decides how it is stored."""

    DEFAULT_CSS = """
    RecordBar {
        height: auto;
        border-top: solid $primary-darken-2;
        border-title-align: left;
        padding: 0 1;
    }
    RecordBar #record-summary {
        height: auto;
        max-height: 2;
    }
    RecordBar #notes-line {
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        color: $text-muted;
    }
    RecordBar #record-inputs {
        height: auto;
    }
    RecordBar #record-inputs Input {
        width: 1fr;
        margin-right: 1;
    }
    RecordBar #record-inputs #note {
        width: 2fr;
        margin-right: 0;
    }
    """

    class Recorded(Message):
        def __init__(self, field: str, value: str) -> None:
            self.field = field
            self.value = value
            super().__init__()

    class NoteWritten(Message):
        def __init__(self, text: str) -> None:
            self.text = text
            super().__init__()

    class Typing(Message):
        """Text in a box changed but is not confirmed: the screen keeps it as unsent."""

        def __init__(self, field: str, text: str) -> None:
            self.field = field
            self.text = text
            super().__init__()

    FIELDS = ("agent_name", "case_number", "note")

    # The language of the last `show`: what a refusal is worded in.
    _words: Words = words_for("en")

    def compose(self) -> ComposeResult:
        yield Static(id="record-summary")
        yield Static(id="notes-line")
        with Horizontal(id="record-inputs"):
            # No max_length: Input would silently drop an over-long paste. Length is checked on
            # Enter instead, and the text stays in the box to be shortened.
            yield Input(id="agent_name", compact=True)
            yield Input(id="case_number", compact=True)
            yield NoteBox(id="note")

    def show(self, attempt: Attempt, words: Words) -> None:
        self._words = words
        self.border_title = words("record_title")
        has_contact = bool(attempt.contacts)
        for field in ("agent_name", "case_number"):
            box = self.query_one(f"#{field}", Input)
            box.placeholder = words(field)
            box.display = has_contact  # a forgotten case number can still be added afterwards
        person = attempt.current_person
        if person is not None and person.role == "supervisor":
            self.query_one("#agent_name", Input).placeholder = words("supervisor_name_field")
        self.query_one("#note", NoteBox).placeholder = words("note_placeholder")
        self.query_one("#record-summary", Static).update(self._summary(attempt, words))
        notes_line = self.query_one("#notes-line", Static)
        notes = attempt.notes
        notes_line.display = bool(notes)
        if notes:
            # The key first: the line is cut at its end on a narrow screen, never the key.
            notes_line.update(
                Text.assemble(
                    (words("notes_line_key"), "bold"),
                    "  ",
                    words.plural("notes_line", len(notes), latest=one_line(notes[-1].text)),
                )
            )

    @staticmethod
    def _summary(attempt: Attempt, words: Words) -> Text:
        contact = attempt.contacts[-1] if attempt.contacts else None
        person = contact.people[-1] if contact is not None and contact.people else None
        parts: list[tuple[str, str]] = []
        if contact is not None:
            if person is not None and person.name:
                who = "supervisor_name" if person.role == "supervisor" else "agent_name"
                parts.append((words(who), one_line(person.name, 30)))
            if person is not None and person.case_number:
                parts.append((words("case_number"), one_line(person.case_number, 30)))
            if person is not None and person.promise:
                due = f" ({person.promise_due.isoformat()})" if person.promise_due else ""
                parts.append((words("promise"), one_line(person.promise, 40) + due))
        elif attempt.earlier_case_numbers:
            parts.append(
                (
                    "",
                    words(
                        "earlier_cases",
                        cases=", ".join(one_line(c) for c in attempt.earlier_case_numbers),
                    ),
                )
            )
        elif attempt.is_preparing:
            parts.append(("", words("details_hint")))
        elif not attempt.is_finished:
            parts.append(("", words("no_contact_yet")))
        text = Text()
        for label, value in parts:
            if text:
                text.append("  |  ", style="dim")
            if label:
                text.append(f"{label}: ", style="bold")
            text.append(value)
        return text

    def typed(self, field: str) -> str:
        """What a box holds now, confirmed or not."""
        if field == "note":
            return self.query_one("#note", NoteBox).text
        return self.query_one(f"#{field}", Input).value

    def offer_back(self, unsent: dict[str, str]) -> list[str]:
        """Put typed but unconfirmed text back in empty boxes; returns the fields refilled."""
        refilled = []
        for field, text in unsent.items():
            box = self.query_one(f"#{field}")
            if not text or self.typed(field) or not box.display:
                continue
            # As typed, but for control characters, which would steer the terminal (only a
            # paste can bring them). Put back, not typed: no Typing message for it.
            clean = TERMINAL_CONTROLS.sub("", text)
            if isinstance(box, NoteBox):
                with self.prevent(NoteBox.Changed):
                    box.load_text(clean)
                box.move_cursor(box.document.end)
            elif isinstance(box, Input):
                with self.prevent(Input.Changed):
                    box.value = clean
            refilled.append(field)
        return refilled

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.id in self.FIELDS:
            self.post_message(self.Typing(event.input.id, event.value))

    def on_text_area_changed(self, event: NoteBox.Changed) -> None:
        event.stop()
        self.post_message(self.Typing("note", event.text_area.text))

    def _refused(self, field: str, value: str) -> bool:
        """Whether the domain refuses the text (asked before the box is emptied): then say so."""
        try:
            checked_text(field, value)
        except TextTooLong as refused:
            self.notify(self._words.error(refused), severity="warning", markup=False)
            return True
        return False

    def on_note_box_submitted(self, event: NoteBox.Submitted) -> None:
        event.stop()
        if self._refused("note", event.text):
            return
        if event.text.strip():
            self.post_message(self.NoteWritten(event.text.strip("\n")))
        event.note_box.clear()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value
        field = event.input.id or ""
        if self._refused(field, value):
            return
        if value.strip():
            self.post_message(self.Recorded(event.input.id or "", value.strip()))
            event.input.clear()
        if event.input.id == "agent_name":
            # The case number is usually the next thing the agent says.
            self.screen.set_focus(self.query_one("#case_number", Input))
