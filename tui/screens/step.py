"""The step screen: where you are, what to click next, the moves from here, and the record."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.timer import Timer
from textual.widgets import Input, Static, TextArea

from flows.session import Move, Session
from tui import report
from tui.commands import StepCommands
from tui.localized import LocalizedScreen
from tui.warn_once import WarnOnce
from tui.widgets.contact_timer import ContactTimer
from tui.widgets.guidance_panel import GuidancePanel
from tui.widgets.keys_footer import KeysFooter
from tui.widgets.moves_menu import MovesMenu
from tui.widgets.note_box import NoteBox
from tui.widgets.process_map import ProcessMap, progress_line
from tui.widgets.record_bar import RecordBar

RETRY_SECONDS = 3
MAP_MIN_HEIGHT = 30
# Typed but not confirmed text is kept (as unsent, never a fact) this long after typing stops.
UNSENT_DELAY_SECONDS = 1.0


class StepScreen(LocalizedScreen[None]):
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {StepCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "choose(1)", "move", key_display="1-9", id="step.choose_1"),
        *[Binding(str(n), f"choose({n})", show=False, id=f"step.choose_{n}") for n in range(2, 10)],
        # Priority, so the app runs them the moment the key arrives: the keys typed right after
        # then already find the text box focused (see check_action for typing an "n" in a box).
        Binding("r", "record", "record", priority=True, id="step.record"),
        Binding("n", "note", "note", show=False, priority=True, id="step.note"),
        Binding("l", "notes", "notes_key", show=False, id="step.notes"),
        Binding("m", "map", "map", show=False, id="step.map"),
        Binding("p", "phrases", "phrases", show=False, id="step.phrases"),
        Binding("d", "drafts", "drafts_key", show=False, id="step.drafts"),
        Binding("t", "transcript", "transcript_key", show=False, id="step.transcript"),
        Binding("s", "site_different", "site_key", show=False, id="step.site_different"),
        Binding("c", "matches_my_screen", "matches_key", show=False, id="step.matches_my_screen"),
        Binding("e", "details", "details", show=False, id="step.details"),
        Binding(
            "h", "app.history", "history", show=False, id="step.history"
        ),  # the footer has room for Esc
        Binding("escape", "leave", "back", id="step.leave"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        # The count of saves when the person was warned of an unsaved change: one warning per
        # unsaved change, and a new change after a save is warned of again.
        self._warned_at_save: int | None = None
        # A reflex Esc mid-call (right after saving a note, say) must not leave the step.
        self._leaving_mid_contact = WarnOnce()
        self._unsent: dict[str, str] = {}
        self._unsent_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static(id="attempt-title")
            yield Static(id="unsaved")
            yield ContactTimer(self.contact_app.clock, id="timer")
        with Horizontal(id="body"):
            yield GuidancePanel(id="guidance")
            with Vertical(id="side"):
                yield MovesMenu(id="moves")
                yield ProcessMap(id="map")
        yield RecordBar(id="record")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._fit_map(self.app.size.height)
        self.query_one(MovesMenu).focus()
        self.set_interval(RETRY_SECONDS, self.retry_save)
        self.call_later(self._offer_unsent)  # once the boxes show what this step has

    def _offer_unsent(self) -> None:
        unsent = {f: self.session.unsent(f) for f in RecordBar.FIELDS}
        refilled = self.query_one(RecordBar).offer_back(unsent)
        if refilled:
            fields = ", ".join(self.words(f"fields.{f}") for f in refilled)
            self.notify(self.words("unsent_offered", fields=fields), timeout=10, markup=False)

    def on_unmount(self) -> None:
        self._keep_unsent()  # leaving the step or quitting: what is typed is kept, as unsent

    # Typed, not yet confirmed: kept a moment after typing stops, and whenever leaving.

    def on_record_bar_typing(self, message: RecordBar.Typing) -> None:
        self._unsent[message.field] = message.text
        if self._unsent_timer is not None:
            self._unsent_timer.stop()
        self._unsent_timer = self.set_timer(UNSENT_DELAY_SECONDS, self._keep_unsent)

    def _keep_unsent(self) -> None:
        pending, self._unsent = self._unsent, {}
        for field, text in pending.items():
            self.contact_app.run_change(
                functools.partial(self.session.keep_unsent, field, text),
                session=self.session,
                quiet=True,
            )

    def _keep_boxes_at_this_step(self) -> None:
        """After a move, what is still typed in the boxes is kept as unsent at the new step."""
        record_bar = self.query_one(RecordBar)
        for field in RecordBar.FIELDS:
            text = record_bar.typed(field)
            if text:
                self._unsent[field] = text
        self._keep_unsent()

    def on_resize(self, event: Resize) -> None:
        self._fit_map(event.size.height)

    def _fit_map(self, height: int) -> None:
        # Below 30 rows the map gives its room to the moves; a one-line progress stays in view.
        # Shown or hidden directly: a breakpoint class would restyle every widget on the way in.
        self.query_one(ProcessMap).display = height >= MAP_MIN_HEIGHT

    def retry_save(self) -> None:
        """While the last change is only in memory, keep trying to write it."""
        if self.session.unsaved and self.contact_app.run_change(
            self.session.save, session=self.session, quiet=True
        ):
            self.notify(self.words("saved_now"), timeout=3)
            self.refresh_step()

    def update_texts(self) -> None:
        self.refresh_step()

    def refresh_step(self) -> None:
        session, words = self.session, self.words
        attempt = session.attempt
        self.query_one("#attempt-title", Static).update(
            Text.assemble(
                (self.words("attempt_no", id=attempt.id), "bold"),
                "  ",
                report.about(attempt, words),
            )
        )
        sighting = self.contact_app.store.sightings().get(session.step)
        self.query_one(GuidancePanel).show(
            words.step(session.step), words, sighting=sighting, on_website=session.on_website
        )
        moves_menu = self.query_one(MovesMenu)
        moves_menu.border_title = (
            self.words("moves_title") if not session.is_finished else self.words("finished_title")
        )
        moves_menu.show(session.moves(), words)
        moves_menu.border_subtitle = progress_line(attempt, words)
        self.query_one(ProcessMap).show(attempt, words)
        self.query_one(RecordBar).show(attempt, words)
        self.query_one(ContactTimer).follow(attempt.current_contact, words)
        unsaved = self.query_one("#unsaved", Static)
        unsaved.display = session.unsaved
        unsaved.update(self.words("unsaved"))

    # Moves

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("record", "note") and self._typing:
            return False  # the letter is being typed, not a command
        if action == "choose":
            return not self.session.is_finished
        if action == "site_different":
            return self.session.on_website
        return True

    def action_choose(self, number: int) -> None:
        if number > len(self.session.moves()):
            self.notify(self.words("no_such_move", number=number), timeout=2)
            return
        self.query_one(MovesMenu).choose(number)

    def on_moves_menu_chosen(self, message: MovesMenu.Chosen) -> None:
        self.take(message.move)

    def take(self, move: Move) -> None:
        """Take a move; the ones that end the attempt or need a promise ask first."""
        if move not in self.session.moves():
            return  # a key pressed twice quickly: the step has moved on and no longer offers it
        if move.needs_promise:
            from tui.screens.promise import PromiseScreen

            self.app.push_screen(
                PromiseScreen(), lambda promise: self._promise_given(promise, move)
            )
        elif move.ends_attempt:
            label = self.words.move(move.event)
            from tui.screens.confirm import ConfirmScreen

            question = ConfirmScreen(label, self.words("confirm_end"))
            self.app.push_screen(question, functools.partial(self._send_if_sure, move.event))
        else:
            self._send(move.event)

    def _send_if_sure(self, event: str, sure: bool | None) -> None:
        if sure:
            self._send(event)

    def _promise_given(self, promise: tuple[str, date | None] | None, move: Move) -> None:
        if promise is None:
            return
        text, due = promise
        if self.contact_app.run_change(
            lambda: self.session.record(promise=text, promise_due=due), session=self.session
        ):
            self._send(move.event)

    def _send(self, event: str) -> None:
        self._leaving_mid_contact.rearm()
        self.contact_app.run_change(lambda: self.session.move(event), session=self.session)
        self._keep_boxes_at_this_step()
        self.refresh_step()
        self.action_focus_moves()

    # Recording

    def on_record_bar_recorded(self, message: RecordBar.Recorded) -> None:
        self._leaving_mid_contact.rearm()
        if self.contact_app.run_change(
            lambda: self.session.record_text(message.field, message.value), session=self.session
        ):
            self.notify(self.words("saved"), timeout=2)
        self.refresh_step()
        if message.field != "agent_name":
            self.action_focus_moves()

    def on_record_bar_note_written(self, message: RecordBar.NoteWritten) -> None:
        self._leaving_mid_contact.rearm()
        if self.contact_app.run_change(
            lambda: self.session.add_note(message.text), session=self.session
        ):
            self.notify(self.words("saved"), timeout=2)
        self.refresh_step()
        self.action_focus_moves()

    # Focus moves at once (Screen.set_focus) rather than later (Widget.focus): keys typed right
    # after "n" or "r" must land in the box, however fast they come.

    def action_record(self) -> None:
        agent = self.query_one("#agent_name", Input)
        self.set_focus(agent if agent.display else self.query_one("#note", NoteBox))

    def action_note(self) -> None:
        self.set_focus(self.query_one("#note", NoteBox))

    @property
    def _typing(self) -> bool:
        """Whether a text box has the keys: letters are text there, and Esc only leaves it."""
        return isinstance(self.focused, (Input, TextArea))

    def action_notes(self) -> None:
        from tui.screens.notes import NotesScreen

        self.app.push_screen(NotesScreen(self.session), lambda _: self.refresh_step())

    def action_discard(self) -> None:
        """Set a junk attempt aside (asked first): its own end, counted in no figure."""
        if not self.session.can_discard:
            return
        from tui.screens.confirm import ConfirmScreen

        attempt_id = self.session.attempt.id
        question = ConfirmScreen(
            self.words("discard_attempt_question", id=attempt_id),
            self.words("discard_attempt_explain"),
        )
        self.app.push_screen(question, self._discard_if_sure)

    def _discard_if_sure(self, sure: bool | None) -> None:
        if not sure:
            return
        if self.contact_app.run_change(self.session.discard, session=self.session):
            self._unsent.clear()  # what was typed belongs to an attempt set aside
            self.notify(self.words("attempt_discarded", id=self.session.attempt.id), timeout=5)
            self.contact_app.leave_step()
        else:
            self.refresh_step()

    def action_focus_moves(self) -> None:
        self.set_focus(self.query_one(MovesMenu))

    def action_leave(self) -> None:
        """Esc leaves a text box first, then the step (once its last change is saved)."""
        if self._typing:
            self.action_focus_moves()
        elif self._leaving_mid_contact.should_warn(
            self.session.attempt.current_contact is not None
        ):
            self.notify(self.words("leave_mid_contact"), timeout=8)
        elif self.may_leave():
            self.contact_app.leave_step()

    def may_leave(self) -> bool:
        """True when nothing would be lost; otherwise warn, and let a second try through.

        Each unsaved change is warned of: once it has been saved, the next one is warned of
        again. (Text typed but not confirmed is kept as the screen goes: see ``on_unmount``.)
        """
        session = self.session
        if not session.unsaved or self.contact_app.run_change(
            session.save, session=self.session, quiet=True
        ):
            return True
        if self._warned_at_save == session.saves:
            return True
        self._warned_at_save = session.saves
        self.notify(self.words("leave_unsaved"), severity="error", timeout=15)
        return False

    def action_map(self) -> None:
        from tui.screens.map import MapScreen

        self.app.push_screen(MapScreen(self.session.attempt))

    def action_drafts(self) -> None:
        from tui.screens.drafts import DraftsScreen

        self.app.push_screen(DraftsScreen(self.session), lambda _: self.refresh_step())

    def action_matches_my_screen(self) -> None:
        """The person's word that this website step's labels are what their screen shows."""
        if not self.session.on_website:
            self.notify(self.words("not_on_website"), timeout=3)
            return
        if self.contact_app.run_change(self.session.confirm_screen, session=self.session):
            said_on = self.session.attempt.confirmations[-1].at.date()
            self.notify(self.words("confirmed_screen", day=self.words.day(said_on)), timeout=4)
        self.refresh_step()

    def action_site_different(self) -> None:
        from tui.screens.site_different import SiteDifferentScreen

        if not self.session.on_website:
            return
        self.app.push_screen(SiteDifferentScreen(self.session), self._way_around)

    def _way_around(self, move: Move | None) -> None:
        self.refresh_step()
        if move is not None:
            self.take(move)

    def action_transcript(self) -> None:
        from tui.screens.transcript import TranscriptScreen

        self.app.push_screen(TranscriptScreen(self.session), lambda _: self.refresh_step())

    def action_phrases(self) -> None:
        from tui.screens.phrases import PhrasesScreen

        self.app.push_screen(PhrasesScreen(self.session.step))

    def action_details(self) -> None:
        from tui.screens.edit_details import EditDetailsScreen

        self.app.push_screen(EditDetailsScreen(self.session), lambda _: self.refresh_step())
