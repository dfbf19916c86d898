"""How long the current contact has been going: waiting on hold counts too."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from textual.widgets import Static

from flows.attempt import Contact
from tui.report import duration
from tui.strings import t


class ContactTimer(Static):
    def __init__(self, clock: Callable[[], datetime], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._clock = clock
        self._contact: Contact | None = None
        self._lang = "en"

    def on_mount(self) -> None:
        self.set_interval(1, self._tick)

    def follow(self, contact: Contact | None, lang: str) -> None:
        self._contact, self._lang = contact, lang
        self._tick()

    def _tick(self) -> None:
        self.display = self._contact is not None
        if self._contact is not None:
            elapsed = duration(self._clock() - self._contact.started_at, self._lang)
            self.update(t("in_contact_for", self._lang, elapsed=elapsed))
