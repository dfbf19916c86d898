"""How long the current contact has been going: waiting on hold counts too."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from textual.widgets import Static

from flows.attempt import Contact
from flows.words import Words, words_for
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
        self.display = self._contact is not None
        if self._contact is not None:
            elapsed = duration(self._clock() - self._contact.started_at, self._words)
            self.update(self._words("in_contact_for", elapsed=elapsed))
