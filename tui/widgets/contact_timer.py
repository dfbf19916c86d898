"""How long the current call or chat has been going (waiting on hold counts too), and how long
with the person in it now. An e-mail thread runs for days between messages: no clock for it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from textual.widgets import Static

from flows.attempt import Contact
from flows.words import Words, words_for
from tui import report
from tui.report import duration


class ContactTimer(Static):
    def __init__(self, clock: Callable[[], datetime], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._clock = clock
        self._contact: Contact | None = None
        self._words = words_for("en")

    def on_mount(self) -> None:
        self.set_interval(1, self._tick)

    def follow(self, contact: Contact | None, words: Words) -> None:
        self._contact, self._words = contact, words
        self._tick()

    def _tick(self) -> None:
        contact = self._contact
        self.display = contact is not None and contact.channel != "email"
        if contact is None or not self.display:
            return
        now, words = self._clock(), self._words
        elapsed = duration(now - contact.started_at, words)
        person = contact.current_person
        if person is None or len(contact.people) < 2:
            self.update(words("in_contact_for", elapsed=elapsed))
            return
        # After a transfer the call's clock runs on, and the new person's starts beside it.
        who = report.one_line(person.name, 20) if person.name else words("this_person")
        with_them = duration(now - person.joined_at, words)
        self.update(words("in_contact_with", elapsed=elapsed, who=who, with_them=with_them))
