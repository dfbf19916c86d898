"""Drafts of the next message, made from the attempt's facts, to edit, copy and keep with the
attempt: the escalation ladder to Amazon, in English, and once the attempt reaches them, the
letters to the card's issuer and the consumer agency, in their readers' language."""

from __future__ import annotations

import functools
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static, TabbedContent, TabPane, TextArea

from flows.drafts import LETTER_STEPS, draft, in_korean, kinds_for, korean_parts, letter_language
from flows.session import Session
from flows.words import words_for
from tui import report
from tui.localized import LocalizedScreen
from tui.screens.english_wording import EnglishWordingScreen, Wordings
from tui.warn_once import WarnOnce
from tui.widgets.keys_footer import KeysFooter


class DraftsScreen(LocalizedScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "save_draft", priority=True, id="drafts.save"),
        Binding("f5", "copy", "copy_draft", priority=True, id="drafts.copy"),
        Binding("ctrl+r", "restart", "restart_draft", priority=True, id="drafts.restart"),
        Binding(
            "f6", "english_wording", "english_wording", priority=True, id="drafts.english_wording"
        ),
        Binding("escape", "back", "back", id="drafts.back"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.kinds = kinds_for(session.attempt)
        # What each box held when last filled in or saved: an edit is anything different.
        self._baseline: dict[str, str] = {}
        # The language each box was drafted in, while it holds a draft untouched and not kept:
        # such a box follows the app's language (the card issuer's letter is in the person's).
        self._drafted_in: dict[str, str] = {}
        self._leaving = WarnOnce()  # with edits not kept
        self._restarting = WarnOnce()  # over an edited draft

    def compose(self) -> ComposeResult:
        yield Static(classes="heading", id="drafts-title")
        yield Static(id="drafts-intro")
        yield Static(id="korean-parts", classes="warning")
        # Opened at a step that calls for a letter, the letter comes first into view.
        letter = next((k for k, step in LETTER_STEPS.items() if step == self.session.step), None)
        with TabbedContent(id="ladder", initial=f"tab-{letter or self.kinds[0]}"):
            for kind in self.kinds:
                with TabPane("", id=f"tab-{kind}"):
                    yield TextArea(id=f"draft-{kind}", soft_wrap=True, show_line_numbers=False)
                    # In Korean: what the English message says, to read, not to send.
                    yield Static(id=f"reading-{kind}", classes="reading")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(f"#draft-{self.current}", TextArea).focus()

    def update_texts(self) -> None:
        attempt, words = self.session.attempt, self.words
        self.query_one("#drafts-title", Static).update(self.words("drafts_title", id=attempt.id))
        # Plain text: the intro names the letters' "[brackets]", which markup would swallow.
        self.query_one("#drafts-intro", Static).update(Text(self.words("drafts_intro")))
        tabs = self.query_one(TabbedContent)
        saved = {d.kind: d.text for d in attempt.drafts}
        for kind in self.kinds:
            tabs.get_tab(f"tab-{kind}").label = words(f"drafts.{kind}_tab")
            box = self.query_one(f"#draft-{kind}", TextArea)
            box.border_subtitle = words(f"drafts.{kind}_title")
            if kind in saved and kind not in self._baseline:
                self._fill(kind, saved[kind])
            elif (
                kind not in saved
                and not self._edited(kind)
                and self._drafted_in.get(kind) != self._language(kind)
            ):
                self._fill_drafted(kind)
            reading = self.query_one(f"#reading-{kind}", Static)
            # Beneath a letter in another language than the app's: what it says, to read.
            reading.display = self._language(kind) != words.lang
            if reading.display:
                reading.border_title = words("draft_reading")
                reading.update(Text(draft(attempt, kind, words, self._today())))
            if self._edited(kind):
                box.border_title = self.words("draft_edited")
            else:
                box.border_title = self.words("draft_saved") if kind in saved else ""
        self._show_korean_parts()

    def _language(self, kind: str) -> str:
        return letter_language(kind, self.words.lang)

    @on(TabbedContent.TabActivated)
    def _show_korean_parts(self) -> None:
        """Before an English message goes out: the parts of the record still in Korean."""
        korean = korean_parts(self.session.attempt) if self._language(self.current) == "en" else []
        parts = self.query_one("#korean-parts", Static)
        parts.display = bool(korean)
        names = ", ".join(self.words(f"fields.{field}") for field in korean)
        parts.update(self.words("draft_korean_parts", fields=names))

    def _today(self) -> date:
        return self.contact_app.clock().date()

    def _fill_drafted(self, kind: str) -> None:
        """Draft the message from the facts, in the language its reader uses: English for
        Amazon's agents whatever the app's language (its meaning is shown beneath)."""
        language = self._language(kind)
        self._fill(kind, draft(self.session.attempt, kind, words_for(language), self._today()))
        self._drafted_in[kind] = language

    def _fill(self, kind: str, text: str) -> None:
        # Stored text is shown, never obeyed: an escape sequence in it appears as "\x1b".
        shown = report.printable(text)
        self.query_one(f"#draft-{kind}", TextArea).load_text(shown)
        self._baseline[kind] = shown
        self._drafted_in.pop(kind, None)

    def _edited(self, kind: str) -> bool:
        return (
            kind in self._baseline
            and self.query_one(f"#draft-{kind}", TextArea).text != self._baseline[kind]
        )

    @property
    def current(self) -> str:
        return (self.query_one(TabbedContent).active or f"tab-{self.kinds[0]}").removeprefix("tab-")

    def action_save(self) -> None:
        """Keep the draft in view, and every other one edited since it was last kept."""
        kinds = [
            self.current,
            *(kind for kind in self.kinds if kind != self.current and self._edited(kind)),
        ]
        for kind in kinds:
            box = self.query_one(f"#draft-{kind}", TextArea)
            text = box.text
            if not self.contact_app.run_change(
                functools.partial(self.session.save_draft, kind, text), session=self.session
            ):
                return
            self._baseline[kind] = text
            self._drafted_in.pop(kind, None)  # kept: it no longer follows the language
            box.border_title = self.words("draft_saved")
        self.notify(self.words.plural("draft_saved_now", len(kinds)), timeout=3)

    def action_copy(self) -> None:
        text = self.query_one(f"#draft-{self.current}", TextArea).text
        self.contact_app.copy_and_say(text, self.words("draft_what", chars=len(text)))

    def action_restart(self) -> None:
        kind = self.current
        if self._restarting.should_warn(self._edited(kind)):
            self.notify(self.words("draft_restart_edited"), severity="warning", timeout=8)
            return
        self._restarting.rearm()
        self._fill_drafted(kind)
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
        edited = [kind for kind in self.kinds if self._edited(kind)]
        if self._leaving.should_warn(bool(edited)):
            self.notify(self.words("draft_unsaved"), severity="warning", timeout=8)
            return
        self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "english_wording":
            return bool(in_korean(self.session.attempt))  # nothing in Korean: no key shown
        return True

    def action_english_wording(self) -> None:
        """Give the record's Korean texts an English wording, for the English messages."""
        wordables = in_korean(self.session.attempt)
        if wordables:
            self.contact_app.push_screen(EnglishWordingScreen(wordables), self._keep_wordings)

    def _keep_wordings(self, wordings: Wordings | None) -> None:
        if not wordings:
            return
        for of, text in wordings:
            keep = functools.partial(self.session.word_in_english, of, text)
            if not self.contact_app.run_change(keep, session=self.session):
                return
        # The English drafts not yet edited nor kept are written again with the new wording.
        for kind in self.kinds:
            if kind in self._drafted_in and self._language(kind) == "en":
                self._fill_drafted(kind)
        kept_by_hand = {d.kind for d in self.session.attempt.drafts} | {
            kind for kind in self.kinds if self._edited(kind)
        }
        self.update_texts()
        self.notify(self.words("english_kept_yours" if kept_by_hand else "english_kept"), timeout=6)
