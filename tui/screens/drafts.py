"""The escalation ladder: drafts of the next message, made from the attempt's facts, to edit,
copy and keep with the attempt."""

from __future__ import annotations

import functools
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Static, TabbedContent, TabPane, TextArea

from flows.attempt import DRAFT_KINDS
from flows.drafts import draft, korean_parts
from flows.session import Session
from flows.words import words_for
from tui import report
from tui.localized import LocalizedScreen
from tui.warn_once import WarnOnce


class DraftsScreen(LocalizedScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "save_draft", priority=True),
        Binding("f5", "copy", "copy_draft", priority=True),
        Binding("ctrl+r", "restart", "restart_draft", priority=True),
        Binding("escape", "back", "back"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        # What each box held when last filled in or saved: an edit is anything different.
        self._baseline: dict[str, str] = {}
        self._leaving = WarnOnce()  # with edits not kept
        self._restarting = WarnOnce()  # over an edited draft

    def compose(self) -> ComposeResult:
        yield Static(classes="heading", id="drafts-title")
        yield Static(id="drafts-intro")
        yield Static(id="korean-parts", classes="warning")
        with TabbedContent(id="ladder"):
            for kind in DRAFT_KINDS:
                with TabPane("", id=f"tab-{kind}"):
                    yield TextArea(id=f"draft-{kind}", soft_wrap=True, show_line_numbers=False)
                    # In Korean: what the English message says, to read, not to send.
                    yield Static(id=f"reading-{kind}", classes="reading")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(f"#draft-{DRAFT_KINDS[0]}", TextArea).focus()

    def update_texts(self) -> None:
        attempt, words = self.session.attempt, self.words
        self.query_one("#drafts-title", Static).update(self.words("drafts_title", id=attempt.id))
        self.query_one("#drafts-intro", Static).update(self.words("drafts_intro"))
        korean = korean_parts(attempt)
        parts = self.query_one("#korean-parts", Static)
        parts.display = bool(korean)
        parts.update(
            self.words("draft_korean_parts", fields=", ".join(words(f"fields.{f}") for f in korean))
        )
        tabs = self.query_one(TabbedContent)
        saved = {d.kind: d.text for d in attempt.drafts}
        for kind in DRAFT_KINDS:
            tabs.get_tab(f"tab-{kind}").label = words(f"drafts.{kind}_tab")
            box = self.query_one(f"#draft-{kind}", TextArea)
            box.border_subtitle = words(f"drafts.{kind}_title")
            if kind in saved and kind not in self._baseline:
                self._fill(kind, saved[kind])
            elif kind not in self._baseline and kind not in saved:
                self._fill(kind, self._drafted(kind))
            reading = self.query_one(f"#reading-{kind}", Static)
            reading.display = words.lang != "en"
            if words.lang != "en":
                reading.border_title = words("draft_reading")
                reading.update(Text(draft(attempt, kind, words, self._today())))
            if self._edited(kind):
                box.border_title = self.words("draft_edited")
            else:
                box.border_title = self.words("draft_saved") if kind in saved else ""

    def _today(self) -> date:
        return self.contact_app.clock().date()

    def _drafted(self, kind: str) -> str:
        """The message to send, in English: what Amazon's agents read, whatever the app's
        language (in Korean, its meaning is shown beneath)."""
        return draft(self.session.attempt, kind, words_for("en"), self._today())

    def _fill(self, kind: str, text: str) -> None:
        # Stored text is shown, never obeyed: an escape sequence in it appears as "\x1b".
        shown = report.printable(text)
        self.query_one(f"#draft-{kind}", TextArea).load_text(shown)
        self._baseline[kind] = shown

    def _edited(self, kind: str) -> bool:
        return (
            kind in self._baseline
            and self.query_one(f"#draft-{kind}", TextArea).text != self._baseline[kind]
        )

    @property
    def current(self) -> str:
        return (self.query_one(TabbedContent).active or f"tab-{DRAFT_KINDS[0]}").removeprefix(
            "tab-"
        )

    def action_save(self) -> None:
        """Keep the draft in view, and every other one edited since it was last kept."""
        kinds = [
            self.current,
            *(kind for kind in DRAFT_KINDS if kind != self.current and self._edited(kind)),
        ]
        for kind in kinds:
            box = self.query_one(f"#draft-{kind}", TextArea)
            text = box.text
            if not self.contact_app.run_change(
                functools.partial(self.session.save_draft, kind, text), session=self.session
            ):
                return
            self._baseline[kind] = text
            box.border_title = self.words("draft_saved")
        self.notify(self.words.plural("draft_saved_now", len(kinds)), timeout=3)

    def action_copy(self) -> None:
        text = self.query_one(f"#draft-{self.current}", TextArea).text
        self.contact_app.copy_and_say(text, self.words("draft_copied", chars=len(text)))

    def action_restart(self) -> None:
        kind = self.current
        if self._restarting.should_warn(self._edited(kind)):
            self.notify(self.words("draft_restart_edited"), severity="warning", timeout=8)
            return
        self._restarting.rearm()
        self._fill(kind, self._drafted(kind))
        self.query_one(f"#draft-{kind}", TextArea).border_title = ""
        self.notify(self.words("draft_restarted"), timeout=3)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        kind = (event.text_area.id or "").removeprefix("draft-")
        # A new edit after a warning is new work: it earns a warning of its own.
        self._leaving.rearm()
        self._restarting.rearm()
        if self._edited(kind):
            event.text_area.border_title = self.words("draft_edited")

    def action_back(self) -> None:
        edited = [kind for kind in DRAFT_KINDS if self._edited(kind)]
        if self._leaving.should_warn(bool(edited)):
            self.notify(self.words("draft_unsaved"), severity="warning", timeout=8)
            return
        self.dismiss()
